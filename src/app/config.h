// Configuration: command-line flags, then environment variables, then defaults.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/status.h"
#include "http/server.h"

namespace kc::app {

struct Config {
  std::string data_dir = "var";  // --data, KECHUANG_DATA
  std::string db = "sqlite";     // --db, KECHUANG_DB: sqlite (a file in the data directory) or
                                 // postgres://USER@HOST:PORT/DB (several nodes on one database)
  std::string listen = "127.0.0.1:8080";  // --listen HOST:PORT, KECHUANG_LISTEN
  bool demo = true;                       // --no-demo: start empty
  bool search = true;                     // open the search index (off for import and export)
  std::string access_log;                 // --access-log FILE|-|off; default DATA/logs/access.log
  bool secure_cookies = false;            // --secure-cookies (behind HTTPS; also sends HSTS)
  // --base-url, KECHUANG_BASE_URL: how readers reach the platform ("https://kc.example.org"),
  // for absolute links (sitemap, canonical URLs, feeds), never taken from a request's Host.
  // Empty: DefaultBaseUrl of the address served on.
  std::string base_url;
  // --node-name, KECHUANG_NODE_NAME and --node-country, KECHUANG_NODE_COUNTRY: how this node
  // presents itself to partner platforms in its node document (docs/network.md §1.1).
  std::string node_name = "Kechuang";
  std::string node_country = "CN";
  // --net-sync-interval SECONDS: how often each active partner's feed is pulled (§4).
  int net_sync_seconds = 3;
  // --net-allow-internal: partner URLs may lead to loopback and private addresses (a private
  // network of nodes, tests); off, such URLs are refused (docs/network.md §7).
  bool net_allow_internal = false;
  // --net-ca-file PEM: certificate authorities to trust for partners' https:// besides the
  // system's (a private network's own CA); empty: the system's alone (docs/network.md §3.4).
  std::string net_ca_file;
  // --rerank-depth N: the best N hits of a Chinese query are re-ranked by the learned model
  // (docs/ranking.md, "Where it applies"); 0, the default, leaves the first stage's order: the
  // built-in model changed no held-out score and cost 0.5–2.5 ms a search (docs/ranking.md,
  // "Off by default").
  int rerank_depth = 0;
  // --feedback-docs N: an English query's best N first-pass hits lend it their words
  // (docs/search.md, "Feedback for English queries"); 0 runs every query once.
  int feedback_docs = 4;
  std::string web_dir;  // --web DIR (built front end); default: "web" by the binary
  std::string cedict;   // --cedict FILE (CC-CEDICT as TSV); default: cedict.tsv by the binary
  std::optional<std::string> admin_password;  // KECHUANG_ADMIN_PASSWORD
  // --trusted-proxy ADDR[/BITS] (repeatable), KECHUANG_TRUSTED_PROXIES (comma-separated): the
  // reverse proxies whose X-Forwarded-For names the client (docs/operations.md).
  std::vector<std::string> trusted_proxies;
  // --registrations-per-client N: registrations a client address may make per 10 minutes;
  // 0 turns the limit off.
  int registrations_per_client = 5;
  // --threads, --search-threads, --search-queue, body and header limits, connection caps,
  // timeouts
  http::ServerOptions server;
};

// The base URL when none is configured: http:// and the address served on, with "localhost"
// for an address that means every interface (0.0.0.0, ::).
std::string DefaultBaseUrl(const std::string& host, uint16_t port);

// Parses the flags of `kechuang serve` (and the shared --data/--db of other commands) from
// `args` (without the command name). Unknown flags and bad values are errors naming the flag.
Result<Config> ParseConfig(const std::vector<std::string>& args);

// The usage text of the CLI.
std::string Usage();

}  // namespace kc::app
