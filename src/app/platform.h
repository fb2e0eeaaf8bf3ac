// The wired platform: the store, the services, the API routes and the HTTP server, plus the
// background worker that expires listings. One object per process.
#pragma once

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "api/context.h"
#include "app/config.h"
#include "core/clock.h"
#include "http/router.h"
#include "http/server.h"
#include "net/feed_puller.h"
#include "net/inquiries.h"
#include "net/outbox_sender.h"
#include "net/peers.h"
#include "search/index.h"
#include "search/matcher.h"
#include "search/search.h"
#include "search/translate.h"
#include "service/alerts.h"
#include "service/indexer.h"
#include "service/search_service.h"
#include "service/subscriptions.h"
#include "store/store.h"

namespace kc::app {

// The version reported by /health and `kechuang version`.
extern const char* const kVersion;

// Opens the database `config` names (--db: the SQLite file in the data directory, or a
// PostgreSQL URL), applying pending migrations. Creates the data directory when missing.
Result<std::unique_ptr<Store>> OpenStore(const Config& config);

class Platform {
 public:
  explicit Platform(Config config);
  ~Platform();

  // Opens the data directory and the database (applying migrations), creates the bootstrap
  // admin, and loads the demo data on a fresh data directory when enabled. Prints the admin
  // password when it generated one.
  Status Open();

  // Checks, before Open, that the server may write what it keeps in the data directory (the
  // directory, the SQLite files, the index, attachments and logs). Fails with
  // read_only_storage (or storage_full) naming the first path it may not write: a read-only
  // data directory is refused at start rather than failing request by request
  // (docs/operations.md).
  Status CheckWritable() const;

  // Starts the HTTP server and the background workers (expiry; the indexer that follows the
  // change log so a listing is searchable within a fraction of a second of being published).
  Status Serve();

  // Rebuilds the search index from the store (kechuang reindex). Returns the listings indexed.
  Result<int64_t> Reindex();
  uint16_t port() const { return server_ ? server_->port() : 0; }

  // Stops serving: in-flight requests finish, then the worker stops. Idempotent.
  void Stop();

  Store& store() { return *store_; }
  api::Context& context() { return *ctx_; }

 private:
  void RunWorker();
  void RunIndexer();
  void RunAlerts();
  void RunNetwork();
  Status OpenSearch();

  Config config_;
  SystemClock clock_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<api::VisitorCache> visitor_cache_;  // over store_, a CountedStore
  std::unique_ptr<Accounts> accounts_;
  std::unique_ptr<Orgs> orgs_;
  std::unique_ptr<Listings> listings_;
  std::unique_ptr<Importer> importer_;
  std::unique_ptr<Exporter> exporter_;
  std::unique_ptr<Deals> deals_;
  std::unique_ptr<Challenges> challenges_;
  std::unique_ptr<Statistics> stats_;
  std::unique_ptr<search::SearchIndex> index_;
  std::unique_ptr<search::Translator> translator_;
  std::unique_ptr<search::RankerSource> rankers_;
  std::unique_ptr<search::Searcher> searcher_;
  std::unique_ptr<search::Matcher> matcher_;
  std::unique_ptr<SearchService> search_;
  std::unique_ptr<Subscriptions> subscriptions_;
  std::unique_ptr<News> news_;
  std::unique_ptr<Campaigns> campaigns_;
  std::unique_ptr<ProgrammeBodies> programme_bodies_;
  std::unique_ptr<Events> events_;
  std::unique_ptr<OffshoreBases> bases_;
  std::unique_ptr<ActionPlans> plans_;
  // The network (docs/network.md), made at Start with the node's key.
  std::unique_ptr<net::NodeKey> node_key_;
  std::unique_ptr<net::PeerLink> peer_link_;
  std::unique_ptr<net::PeerAuth> peer_auth_;
  std::unique_ptr<net::FeedSource> feed_;
  std::unique_ptr<net::FeedPuller> puller_;
  std::unique_ptr<net::Peers> peers_;
  std::unique_ptr<net::Inquiries> inquiries_;
  std::unique_ptr<net::OutboxSender> outbox_;
  std::unique_ptr<Indexer> indexer_;
  std::unique_ptr<Alerts> alerts_;
  std::unique_ptr<api::Context> ctx_;
  http::Router router_;
  std::unique_ptr<http::Server> server_;
  std::thread worker_;
  std::thread indexer_thread_;
  std::thread alerts_thread_;
  std::thread network_thread_;
  std::mutex worker_mu_;
  std::condition_variable worker_cv_;
  bool stopping_ = false;
  bool published_ = false;  // the indexer made a published listing searchable: alerts to send
  bool rebuild_needed_ = false;
  std::atomic<bool> stop_indexing_{
      false};  // the index is ahead of the store (restored data directory)
};

}  // namespace kc::app
