#include "app/config.h"

#include <charconv>
#include <cstdlib>
#include <filesystem>

#include "api/client_address.h"
#include "core/country_code.h"
#include "core/utf8.h"

namespace kc::app {

namespace {
Result<int64_t> Number(const std::string& flag, const std::string& v, int64_t min, int64_t max) {
  int64_t n = 0;
  auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  if (ec != std::errc() || p != v.data() + v.size() || n < min || n > max) {
    return BadInput("bad_flag", flag + " needs a number from " + std::to_string(min) + " to " +
                                    std::to_string(max) + ", not '" + v + "'");
  }
  return n;
}

Status SetListen(Config& c, const std::string& v) {
  auto colon = v.rfind(':');
  if (colon == std::string::npos) return BadInput("bad_flag", "--listen needs HOST:PORT");
  auto port = Number("--listen", v.substr(colon + 1), 0, 65535);
  if (!port.ok()) return port.status();
  c.listen = v;
  c.server.host = v.substr(0, colon);
  if (c.server.host.size() > 2 && c.server.host.front() == '[') {
    c.server.host = c.server.host.substr(1, c.server.host.size() - 2);
  }
  c.server.port = static_cast<uint16_t>(*port);
  return Status::Ok();
}

// --db: "sqlite" (a file in the data directory) or a PostgreSQL URL.
Status SetDb(Config& c, const std::string& v) {
  if (v != "sqlite" && !v.starts_with("postgres://") && !v.starts_with("postgresql://")) {
    return BadInput("bad_flag",
                    "--db is sqlite or a postgres://USER@HOST:PORT/DB URL, not '" + v + "'");
  }
  c.db = v;
  return Status::Ok();
}

// The node's display name in the network: 1 to 200 characters of UTF-8 (docs/network.md §1.1).
Status SetNodeName(Config& c, std::string v) {
  if (v.empty() || !IsValidUtf8(v) || Utf8Length(v) > 200) {
    return BadInput("bad_flag", "--node-name must be 1 to 200 characters of UTF-8");
  }
  c.node_name = std::move(v);
  return Status::Ok();
}

Status SetNodeCountry(Config& c, std::string v) {
  if (!IsCountryCode(v)) {
    return BadInput("bad_flag", "--node-country must be an ISO 3166-1 alpha-2 code such as CN");
  }
  c.node_country = std::move(v);
  return Status::Ok();
}

// --base-url: http:// or https://, a host, maybe a port or a path; kept without a trailing slash.
Status SetBaseUrl(Config& c, std::string v) {
  while (!v.empty() && v.back() == '/') v.pop_back();
  const bool scheme = v.starts_with("http://") || v.starts_with("https://");
  const size_t host_at = v.find("://") + 3;
  bool clean = scheme && v.size() > host_at && v.size() <= 200;
  for (char ch : v) {
    auto u = static_cast<unsigned char>(ch);
    clean = clean && u > 0x20 && u < 0x7f && ch != '"' && ch != '<' && ch != '>' && ch != '\\' &&
            ch != '?' && ch != '#';
  }
  if (!clean) {
    return BadInput("bad_flag",
                    "--base-url is http(s)://HOST[:PORT][/PATH] (how readers reach the platform), "
                    "not '" +
                        v + "'");
  }
  c.base_url = v;
  return Status::Ok();
}

// "web" in the directory of the running executable (build/web for build/kechuang).
// `name` beside the running executable (build/web, build/cedict.tsv), or `name` itself.
std::string BesideExecutable(const std::string& name) {
  std::error_code ec;
  auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) return name;
  return (exe.parent_path() / name).string();
}
}  // namespace

std::string DefaultBaseUrl(const std::string& host, uint16_t port) {
  std::string h = host;
  if (h.empty() || h == "0.0.0.0" || h == "::") h = "localhost";
  if (h.find(':') != std::string::npos) h = "[" + h + "]";
  return "http://" + h + ":" + std::to_string(port);
}

std::string Usage() {
  return R"(kechuang — technology-transfer platform (科创)

Usage:
  kechuang serve [--data DIR] [--listen HOST:PORT] [--db sqlite|postgres://USER@HOST:PORT/DB] [--no-demo]
                 [--threads N] [--search-threads N] [--search-queue N]
                 [--body-limit BYTES] [--json-body-limit BYTES]
                 [--anonymous-body-limit BYTES] [--header-limit BYTES]
                 [--max-connections N] [--max-client-connections N] [--base-url URL]
                 [--node-name NAME] [--node-country CC] [--net-sync-interval SECONDS]
                 [--net-allow-internal] [--net-ca-file PEM] [--rerank-depth N]
                 [--feedback-docs N]
                 [--access-log FILE|-|off] [--secure-cookies] [--web DIR] [--cedict FILE]
                 [--trusted-proxy ADDR[/BITS]]... [--registrations-per-client N]
  kechuang import KIND FILE [--data DIR]     KIND: demands, achievements, experts, talents or talent-demands
  kechuang export KIND [--format csv|jsonl] [--data DIR]
  kechuang reindex [--data DIR]              rebuild the search index from the database
  kechuang backup FILE [--data DIR] [--db URL]   every table (one snapshot) and attachments,
                                                 while serving; portable between backends
  kechuang restore FILE [--data DIR] [--db URL]  into an empty data directory or database
  kechuang train-ranker [--data DIR] [--db URL] [--cedict FILE] [--rounds N] [--max-listings N]
                 train the search re-ranker on the published listings into DATA/ranker.json
  kechuang version

Environment: KECHUANG_DATA, KECHUANG_LISTEN, KECHUANG_DB, KECHUANG_BASE_URL,
KECHUANG_ADMIN_PASSWORD (the first start's admin), KECHUANG_NODE_NAME, KECHUANG_NODE_COUNTRY,
KECHUANG_TRUSTED_PROXIES (comma-separated, as --trusted-proxy).
)";
}

Result<Config> ParseConfig(const std::vector<std::string>& args) {
  Config c;
  if (const char* d = std::getenv("KECHUANG_DATA"); d && *d) c.data_dir = d;
  if (const char* p = std::getenv("KECHUANG_ADMIN_PASSWORD"); p && *p) c.admin_password = p;
  KC_RETURN_IF_ERROR(SetListen(c, c.listen));
  if (const char* l = std::getenv("KECHUANG_LISTEN"); l && *l) KC_RETURN_IF_ERROR(SetListen(c, l));
  if (const char* d = std::getenv("KECHUANG_DB"); d && *d) KC_RETURN_IF_ERROR(SetDb(c, d));
  if (const char* t = std::getenv("KECHUANG_TRUSTED_PROXIES"); t && *t) {
    std::string_view list = t;
    while (!list.empty()) {
      const size_t comma = list.find(',');
      std::string_view item = list.substr(0, comma);
      while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
      while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
      if (!item.empty()) c.trusted_proxies.emplace_back(item);
      list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
    }
  }
  if (const char* b = std::getenv("KECHUANG_BASE_URL"); b && *b) {
    KC_RETURN_IF_ERROR(SetBaseUrl(c, b));
  }
  if (const char* n = std::getenv("KECHUANG_NODE_NAME"); n && *n) {
    KC_RETURN_IF_ERROR(SetNodeName(c, n));
  }
  if (const char* n = std::getenv("KECHUANG_NODE_COUNTRY"); n && *n) {
    KC_RETURN_IF_ERROR(SetNodeCountry(c, n));
  }
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&]() -> Result<std::string> {
      if (i + 1 >= args.size()) return BadInput("bad_flag", a + " needs a value");
      return args[++i];
    };
    if (a == "--no-demo") {
      c.demo = false;
    } else if (a == "--secure-cookies") {
      c.secure_cookies = true;
    } else if (a == "--net-allow-internal") {
      c.net_allow_internal = true;
    } else if (a == "--data" || a == "--listen" || a == "--db" || a == "--threads" ||
               a == "--search-threads" || a == "--search-queue" || a == "--body-limit" ||
               a == "--json-body-limit" || a == "--anonymous-body-limit" || a == "--header-limit" ||
               a == "--max-connections" || a == "--max-client-connections" || a == "--base-url" ||
               a == "--access-log" || a == "--web" || a == "--cedict" || a == "--trusted-proxy" ||
               a == "--registrations-per-client" || a == "--node-name" || a == "--node-country" ||
               a == "--net-sync-interval" || a == "--net-ca-file" || a == "--rerank-depth" ||
               a == "--feedback-docs") {
      auto v = value();
      if (!v.ok()) return v.status();
      if (a == "--data") {
        c.data_dir = *v;
      } else if (a == "--web") {
        c.web_dir = *v;
      } else if (a == "--cedict") {
        c.cedict = *v;
      } else if (a == "--node-name") {
        KC_RETURN_IF_ERROR(SetNodeName(c, *v));
      } else if (a == "--node-country") {
        KC_RETURN_IF_ERROR(SetNodeCountry(c, *v));
      } else if (a == "--net-sync-interval") {
        auto n = Number(a, *v, 1, 86400);
        if (!n.ok()) return n.status();
        c.net_sync_seconds = static_cast<int>(*n);
      } else if (a == "--net-ca-file") {
        c.net_ca_file = *v;
      } else if (a == "--rerank-depth") {
        auto n = Number(a, *v, 0, 1000);
        if (!n.ok()) return n.status();
        c.rerank_depth = static_cast<int>(*n);
      } else if (a == "--feedback-docs") {
        auto n = Number(a, *v, 0, 100);
        if (!n.ok()) return n.status();
        c.feedback_docs = static_cast<int>(*n);
      } else if (a == "--trusted-proxy") {
        c.trusted_proxies.push_back(*v);
      } else if (a == "--registrations-per-client") {
        auto n = Number(a, *v, 0, 1000000);
        if (!n.ok()) return n.status();
        c.registrations_per_client = static_cast<int>(*n);
      } else if (a == "--listen") {
        KC_RETURN_IF_ERROR(SetListen(c, *v));
      } else if (a == "--db") {
        KC_RETURN_IF_ERROR(SetDb(c, *v));
      } else if (a == "--base-url") {
        KC_RETURN_IF_ERROR(SetBaseUrl(c, *v));
      } else if (a == "--threads") {
        auto n = Number(a, *v, 1, 256);
        if (!n.ok()) return n.status();
        c.server.threads = static_cast<int>(*n);
      } else if (a == "--search-threads") {
        auto n = Number(a, *v, 1, 256);
        if (!n.ok()) return n.status();
        c.server.search_threads = static_cast<int>(*n);
      } else if (a == "--search-queue") {
        auto n = Number(a, *v, 0, 100000);
        if (!n.ok()) return n.status();
        c.server.search_queue = static_cast<size_t>(*n);
      } else if (a == "--body-limit" || a == "--json-body-limit" || a == "--anonymous-body-limit") {
        auto n = Number(a, *v, 1024, int64_t{1} << 32);
        if (!n.ok()) return n.status();
        size_t& limit = a == "--body-limit"        ? c.server.body_limit
                        : a == "--json-body-limit" ? c.server.json_body_limit
                                                   : c.server.anonymous_body_limit;
        limit = static_cast<size_t>(*n);
      } else if (a == "--max-connections" || a == "--max-client-connections") {
        auto n = Number(a, *v, 0, 1000000);
        if (!n.ok()) return n.status();
        (a == "--max-connections" ? c.server.max_connections : c.server.max_client_connections) =
            static_cast<size_t>(*n);
      } else if (a == "--header-limit") {
        auto n = Number(a, *v, 1024, 1 << 20);
        if (!n.ok()) return n.status();
        c.server.header_limit = static_cast<size_t>(*n);
      } else {
        c.access_log = *v;
      }
    } else {
      return BadInput("bad_flag", "unknown flag: " + a);
    }
  }
  KC_RETURN_IF_ERROR(api::TrustedProxies::Parse(c.trusted_proxies).status());
  c.server.https = c.secure_cookies;
  if (c.access_log.empty()) c.access_log = c.data_dir + "/logs/access.log";
  if (c.web_dir.empty()) c.web_dir = BesideExecutable("web");
  if (c.cedict.empty()) c.cedict = BesideExecutable("cedict.tsv");
  return c;
}

}  // namespace kc::app
