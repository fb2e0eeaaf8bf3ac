#include "app/platform.h"

#include <spdlog/spdlog.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <vector>

#include "api/routes.h"
#include "api/web_pages.h"
#include "core/atomic_file.h"
#include "core/resources.h"
#include "http/access_log.h"
#include "http/static_files.h"
#include "net/feed.h"
#include "net/feed_puller.h"
#include "net/node_document.h"
#include "net/node_fetch.h"
#include "net/node_key.h"
#include "net/peer_auth.h"
#include "net/peer_link.h"
#include "service/backoff.h"
#include "service/crypto.h"
#include "service/demo.h"
#include "service/ranker_trainer.h"
#include "store/counted_store.h"
#include "store/postgres/postgres_store.h"
#include "store/sqlite/sqlite_store.h"
#include "text/analyzer.h"

namespace kc::app {

const char* const kVersion = "0.1.0";

namespace {

// How stale a change made elsewhere (a command-line import, another node on the same PostgreSQL
// database) may be in what visitors are given (api/visitor_cache.h); this process's own writes
// end a kept answer at once.
constexpr std::chrono::milliseconds kVisitorCacheMaxAge{2000};

// The access log: one line per request, with its request id, written in batches
// (http/access_log.h).
Result<http::AccessLogger> MakeAccessLogger(const std::string& target) {
  if (target == "off") return http::AccessLogger();
  auto opened = http::AccessLog::Open(target);
  if (!opened.ok()) return opened.status();
  std::shared_ptr<http::AccessLog> log = std::move(*opened);
  return http::AccessLogger([log](const http::AccessRecord& r) { log->Append(r); });
}

}  // namespace

Result<std::unique_ptr<Store>> OpenStore(const Config& config) {
  if (IsPostgresUrl(config.db)) return OpenPostgresStore(config.db);
  std::error_code ec;
  std::filesystem::create_directories(config.data_dir, ec);
  if (ec) {
    return Internal("cannot create the data directory " + config.data_dir + ": " + ec.message());
  }
  return OpenSqliteStore(config.data_dir + "/kechuang.db");
}

Status Platform::CheckWritable() const {
  const std::string& dir = config_.data_dir;
  std::vector<std::string> paths = {dir, dir + "/index", dir + "/attachments", dir + "/logs"};
  // A data directory yet to be made is made in its nearest existing parent.
  std::error_code ec;
  for (std::filesystem::path p = std::filesystem::absolute(dir, ec).parent_path();
       !ec && !p.empty() && !std::filesystem::exists(dir, ec); p = p.parent_path()) {
    if (std::filesystem::exists(p, ec)) {
      paths.insert(paths.begin(), p.string());
      break;
    }
    if (p == p.root_path()) break;
  }
  if (!IsPostgresUrl(config_.db)) {
    for (const char* suffix : {"", "-wal", "-shm"}) paths.push_back(dir + "/kechuang.db" + suffix);
  }
  for (const std::string& path : paths) {
    if (Status s = kc::CheckWritable(path); !s.ok()) {
      return Status::Error(
          s.kind(), s.code(),
          "the data directory " + dir + " must be writable by the user the server runs as (uid " +
              std::to_string(geteuid()) + "), and the file system not read-only: " + s.message());
    }
  }
  return Status::Ok();
}

Platform::Platform(Config config) : config_(std::move(config)) {}

Platform::~Platform() { Stop(); }

Status Platform::Open() {
  KC_RETURN_IF_ERROR(InitCrypto());
  std::error_code ec;
  std::filesystem::create_directories(config_.data_dir, ec);
  if (ec) {
    return Internal("cannot create the data directory " + config_.data_dir + ": " + ec.message());
  }
  // A fresh data directory gets the demo data; LoadDemo itself remembers (in the database) that
  // it ran, which is all a shared PostgreSQL database needs.
  const bool fresh =
      IsPostgresUrl(config_.db) || !std::filesystem::exists(config_.data_dir + "/kechuang.db");
  auto store = OpenStore(config_);
  if (!store.ok()) return store.status();
  // Counted, so that visitors' answers can be kept until the next write (api/visitor_cache.h).
  auto counted = std::make_unique<CountedStore>(std::move(*store));
  visitor_cache_ = std::make_unique<api::VisitorCache>(counted.get(), kVisitorCacheMaxAge);
  store_ = std::move(counted);
  AccountPolicy account_policy;
  account_policy.throttle.registrations_per_client = config_.registrations_per_client;
  accounts_ = std::make_unique<Accounts>(*store_, clock_, account_policy);
  orgs_ = std::make_unique<Orgs>(*store_, clock_);
  listings_ = std::make_unique<Listings>(*store_, clock_);
  importer_ = std::make_unique<Importer>(*store_, clock_);
  exporter_ = std::make_unique<Exporter>(*listings_);
  deals_ = std::make_unique<Deals>(*store_, clock_, config_.data_dir + "/attachments");
  challenges_ = std::make_unique<Challenges>(*store_, clock_);
  stats_ = std::make_unique<Statistics>(*store_, clock_);
  news_ = std::make_unique<News>(*store_, clock_);
  campaigns_ = std::make_unique<Campaigns>(*store_, clock_);
  programme_bodies_ = std::make_unique<ProgrammeBodies>(*store_, clock_);
  events_ = std::make_unique<Events>(*store_, clock_);
  bases_ = std::make_unique<OffshoreBases>(*store_, clock_);
  plans_ = std::make_unique<ActionPlans>(*store_, clock_);
  if (config_.search) KC_RETURN_IF_ERROR(OpenSearch());
  ctx_.reset(new api::Context{*accounts_, *orgs_, *listings_, *importer_, *exporter_, clock_,
                              kVersion, config_.secure_cookies, search_.get(),
                              subscriptions_.get()});
  ctx_->deals = deals_.get();
  ctx_->challenges = challenges_.get();
  ctx_->stats = stats_.get();
  ctx_->news = news_.get();
  ctx_->campaigns = campaigns_.get();
  ctx_->programme_bodies = programme_bodies_.get();
  ctx_->events = events_.get();
  ctx_->bases = bases_.get();
  ctx_->plans = plans_.get();
  ctx_->indexer = indexer_.get();
  ctx_->rankers = rankers_.get();
  ctx_->visitor_cache = visitor_cache_.get();
  ctx_->data_dir = config_.data_dir;
  auto proxies = api::TrustedProxies::Parse(config_.trusted_proxies);
  if (!proxies.ok()) return proxies.status();
  ctx_->proxies = *proxies;

  auto password = accounts_->EnsureAdmin(config_.admin_password);
  if (!password.ok()) return password.status();
  if (!password->empty()) {
    std::cerr << "Created the administrator account: user 'admin', password '" << *password
              << "' (shown once; set KECHUANG_ADMIN_PASSWORD to choose it)" << std::endl;
  }
  if (fresh && config_.demo) {
    int64_t admin_id = 0;
    KC_RETURN_IF_ERROR(store_->Read([&](StoreTx& tx) {
      auto admin = tx.FindUserByName("admin");
      if (!admin.ok()) return admin.status();
      admin_id = admin->id;
      return Status::Ok();
    }));
    auto n = LoadDemo(*store_, clock_, admin_id);
    if (!n.ok()) return n.status();
    if (*n > 0) std::cout << "Loaded " << *n << " demo listings (marked demo)." << std::endl;
  }
  return Status::Ok();
}

Status Platform::OpenSearch() {
  // Load the lexicons (friso + jieba, OpenCC) now rather than in the first request or in the
  // indexer, so the first search and the first indexed listing are as fast as the rest.
  (void)text::Analyze("预热 warm-up 神經網絡");
  const std::string dir = config_.data_dir + "/index";
  auto index = search::SearchIndex::Open(dir);
  if (!index.ok() && index.status().kind() == ErrorKind::kInternal) {
    // A damaged index (e.g. after a crash mid-write) is thrown away: the store rebuilds it.
    spdlog::warn("search index unusable ({}); rebuilding it", index.status().message());
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
    index = search::SearchIndex::Open(dir);
  }
  if (!index.ok()) return index.status();
  index_ = std::move(*index);
  if (!config_.cedict.empty() && std::filesystem::exists(config_.cedict)) {
    auto t = search::Translator::Load(config_.cedict);
    if (t.ok()) {
      translator_ = std::move(*t);
    } else {
      spdlog::warn("cannot load {}: {}", config_.cedict, t.status().message());
    }
  }
  if (!translator_) {
    spdlog::warn("no CC-CEDICT at '{}': cross-lingual search uses the built-in glossary only",
                 config_.cedict);
    translator_ = search::Translator::GlossaryOnly();
  }
  // The learned re-ranker (docs/ranking.md, "The model in use"): DATA/ranker.json when it
  // loads, else the built-in model; a new file is picked up within seconds.
  rankers_ = std::make_unique<search::RankerSource>(
      config_.data_dir + "/" + kRankerFile, Resource("data/ranker/builtin.json").value_or(""),
      [](bool warning, const std::string& line) {
        if (warning) {
          spdlog::warn("{}", line);
        } else {
          spdlog::info("{}", line);
        }
      });
  search::RankingOptions ranking;
  ranking.feedback.docs = static_cast<size_t>(config_.feedback_docs);
  searcher_ = std::make_unique<search::Searcher>(
      index_.get(), translator_.get(), search::QueryOptions{}, ranking,
      search::RerankOptions{.source = config_.rerank_depth > 0 ? rankers_.get() : nullptr,
                            .depth = static_cast<size_t>(config_.rerank_depth)});
  matcher_ = std::make_unique<search::Matcher>(index_.get(), translator_.get());
  search_ = std::make_unique<SearchService>(*store_, *searcher_, *matcher_, clock_);
  subscriptions_ =
      std::make_unique<Subscriptions>(*store_, clock_, *index_, translator_.get(), *matcher_);
  indexer_ = std::make_unique<Indexer>(*store_, *index_);
  indexer_->StopWhen(&stop_indexing_);
  alerts_ = std::make_unique<Alerts>(*store_, *index_, *subscriptions_);
  // Indexing only makes listings searchable; the alerts thread then announces them.
  indexer_->OnPublished([this](const Listing&) {
    std::lock_guard<std::mutex> lock(worker_mu_);
    published_ = true;
    worker_cv_.notify_all();
  });
  // An index ahead of the store (the data directory was restored from a backup), or written
  // in an earlier layout, is rebuilt.
  int64_t last_seq = 0;
  KC_RETURN_IF_ERROR(store_->Read([&](StoreTx& tx) {
    auto seq = tx.LastChangeSeq();
    if (!seq.ok()) return seq.status();
    last_seq = *seq;
    return Status::Ok();
  }));
  // Catching up (or rebuilding) can take a while after a large import: the indexer thread does
  // it while the server already answers.
  rebuild_needed_ = index_->applied_seq() > last_seq || !index_->layout_current();
  return Status::Ok();
}

Result<int64_t> Platform::Reindex() {
  if (!indexer_) return Internal("the search index is not open");
  return indexer_->Rebuild();
}

void Platform::RunIndexer() {
  if (rebuild_needed_) {
    auto n = indexer_->Rebuild();
    if (n.ok()) {
      spdlog::info("search index rebuilt: {} listings", *n);
    } else {
      spdlog::warn("rebuilding the search index failed: {}", n.status().message());
    }
  }
  // A failing index (full disk, read-only files) is retried with growing delays and logged
  // once when it starts failing and once when it recovers, not at every attempt; /health
  // reports it meanwhile (docs/operations.md).
  Backoff backoff(std::chrono::milliseconds(200), std::chrono::seconds(5));
  std::unique_lock<std::mutex> lock(worker_mu_);
  while (!stopping_) {
    lock.unlock();
    auto n = indexer_->CatchUp();
    if (!n.ok()) {
      if (backoff.failures() == 0) {
        spdlog::error("indexing failed, retrying until it succeeds: {}", n.status().message());
      }
      const auto delay = backoff.Failed();
      lock.lock();
      worker_cv_.wait_for(lock, delay, [this] { return stopping_; });
      continue;
    }
    if (backoff.failures() > 0) {
      spdlog::info("indexing works again after {} failed attempts", backoff.failures());
      backoff.Succeeded();
    }
    // A shared database wakes the indexer when any node commits a change (and at least every
    // quarter second); the embedded one is polled.
    const bool waited = store_->WaitForChanges(std::chrono::milliseconds(250));
    lock.lock();
    if (!waited) {
      worker_cv_.wait_for(lock, std::chrono::milliseconds(100), [this] { return stopping_; });
    }
  }
}

Status Platform::Serve() {
  api::RegisterRoutes(router_, *ctx_);
  // The web front end answers every non-/api GET; without a built one the API still serves.
  // The pages written with their content, the sitemap and robots.txt come first (docs/pages.md).
  std::shared_ptr<const http::StaticFiles> files;
  api::WebApp app;
  auto read = [this](const char* name) {
    std::ifstream in(config_.web_dir + "/" + name, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  };
  if (auto loaded = http::StaticFiles::Load(config_.web_dir); loaded.ok()) {
    files = *loaded;
    app.index_html = read("index.html");
    app.assets = api::PageAssets::FromManifest(read(".vite/manifest.json"));
    app.text = api::PageText::FromJson(read("messages.json"));
  } else {
    spdlog::warn("no web front end: {} (build it with `make build`)", loaded.status().message());
  }
  http::Fallback web{.serve =
                         [this, files, app](http::Request& req, http::Response& res) {
                           if (api::ServeWebPage(*ctx_, app, req, res)) return true;
                           return files && files->Serve(req, res);
                         },
                     .pool = api::WebPagePool};
  // Only a caller with a valid session may send more than the small anonymous body; the
  // server asks before it reads the body (http/server.h).
  http::SignedInCheck signed_in = [this](const http::Request& req) {
    auto actor = ctx_->Authenticate(req, /*write=*/false);
    return actor.ok() && actor->signed_in();
  };
  auto access_log = MakeAccessLogger(config_.access_log);
  if (!access_log.ok()) return access_log.status();
  server_ = std::make_unique<http::Server>(config_.server, router_, std::move(*access_log),
                                           std::move(web), std::move(signed_in));
  KC_RETURN_IF_ERROR(server_->Bind());
  ctx_->base_url = config_.base_url.empty() ? DefaultBaseUrl(config_.server.host, server_->port())
                                            : config_.base_url;
  if (config_.base_url.empty() && config_.secure_cookies) {
    spdlog::warn("--secure-cookies without --base-url: links in the sitemap and pages use {}",
                 ctx_->base_url);
  }
  // The node's identity in the network (docs/network.md §1): its key, made at the first start.
  auto key = net::NodeKey::LoadOrCreate(config_.data_dir);
  if (!key.ok()) return key.status();
  node_key_ = std::make_unique<net::NodeKey>(std::move(*key));
  const std::string node_id = node_key_->NodeId();
  ctx_->node_document = net::NodeDocumentJson(net::DescribeNode(
      *node_key_, config_.node_name, ctx_->base_url, {"zh-CN", "en"}, config_.node_country));
  spdlog::info("network node {} (key fingerprint {})", node_id, node_key_->Fingerprint());
  peer_link_ = std::make_unique<net::PeerLink>(*node_key_, clock_, std::chrono::seconds(30),
                                               config_.net_allow_internal, config_.net_ca_file);
  peer_auth_ = std::make_unique<net::PeerAuth>(*store_, clock_, ctx_->base_url);
  feed_ = std::make_unique<net::FeedSource>(*store_, node_id, ctx_->base_url);
  puller_ = std::make_unique<net::FeedPuller>(*store_, clock_, *peer_link_);
  peers_ = std::make_unique<net::Peers>(
      *store_, clock_, node_id,
      [allow = config_.net_allow_internal, ca = config_.net_ca_file](const std::string& url) {
        return net::FetchNodeDocument(url, std::chrono::seconds(5), allow, ca);
      },
      peer_link_.get(), ctx_->node_document);
  ctx_->peers = peers_.get();
  ctx_->peer_auth = peer_auth_.get();
  ctx_->feed = feed_.get();
  inquiries_ = std::make_unique<net::Inquiries>(*store_, clock_, *deals_);
  deals_->set_relay(inquiries_.get());
  ctx_->inquiries = inquiries_.get();
  outbox_ = std::make_unique<net::OutboxSender>(*store_, clock_, *peer_link_);
  ctx_->node_key = node_key_.get();
  // Errors (every internal error, with its request id) reach the log at once.
  spdlog::flush_on(spdlog::level::warn);
  KC_RETURN_IF_ERROR(server_->Start());
  worker_ = std::thread([this] { RunWorker(); });
  if (indexer_) indexer_thread_ = std::thread([this] { RunIndexer(); });
  if (alerts_) alerts_thread_ = std::thread([this] { RunAlerts(); });
  network_thread_ = std::thread([this] { RunNetwork(); });
  return Status::Ok();
}

void Platform::RunNetwork() {
  // Of several nodes on one database only the one holding the jobs lock pulls, so each peer is
  // pulled by one process at a time (docs/network.md §4). Failures are recorded per peer.
  std::unique_lock<std::mutex> lock(worker_mu_);
  while (!stopping_) {
    lock.unlock();
    if (store_->LeadsBackgroundJobs()) {
      const int64_t n = puller_->PullAll();
      if (n > 0) spdlog::info("{} listing changes pulled from partner platforms", n);
      // The shared replay memory forgets the signatures that are out of their time window.
      Status forgot =
          store_->Write([&](StoreTx& tx) { return tx.net().ForgetNonces(clock_.Now()).status(); });
      if (!forgot.ok()) spdlog::warn("forgetting old signatures failed: {}", forgot.message());
      // Messages to partners (inquiries, docs/network.md §6) go out in the same rounds.
      if (auto sent = outbox_->DeliverDue(); !sent.ok()) {
        spdlog::warn("sending messages to partner platforms failed: {}", sent.status().message());
      }
    }
    lock.lock();
    worker_cv_.wait_for(lock, std::chrono::seconds(config_.net_sync_seconds),
                        [this] { return stopping_; });
  }
}

void Platform::RunAlerts() {
  // Failures are retried with growing delays and logged when they start and end, like the
  // indexer's. Without a signal from this node's indexer it looks every 5 s: of several nodes
  // on one database only the one holding the jobs lock sends alerts, and it may take over.
  Backoff backoff(std::chrono::milliseconds(500), std::chrono::seconds(30));
  std::unique_lock<std::mutex> lock(worker_mu_);
  while (!stopping_) {
    published_ = false;
    lock.unlock();
    auto delay = std::chrono::milliseconds(5000);
    if (store_->LeadsBackgroundJobs()) {
      auto n = alerts_->CatchUp();
      if (!n.ok()) {
        if (backoff.failures() == 0) {
          spdlog::error("sending alerts failed, retrying: {}", n.status().message());
        }
        delay = backoff.Failed();
      } else if (backoff.failures() > 0) {
        spdlog::info("sending alerts works again after {} failed attempts", backoff.failures());
        backoff.Succeeded();
      }
    }
    lock.lock();
    worker_cv_.wait_for(lock, delay, [this] { return stopping_ || published_; });
  }
}

void Platform::RunWorker() {
  std::unique_lock<std::mutex> lock(worker_mu_);
  while (!stopping_) {
    lock.unlock();
    // Every node writes the match views it queued itself.
    if (Status s = stats_->Flush(); !s.ok()) {
      spdlog::warn("writing match views failed: {}", s.message());
    }
    // Of several nodes on one database, only the one holding the jobs lock expires listings.
    if (store_->LeadsBackgroundJobs()) {
      auto n = listings_->ExpireDue();
      if (!n.ok()) {
        spdlog::warn("expiring listings failed: {}", n.status().message());
      } else if (*n > 0) {
        spdlog::info("{} listings expired", *n);
      }
      // Overdue milestones of the action plans, told once to their owners (docs/action-plans.md).
      auto told = plans_->NotifyOverdue();
      if (!told.ok()) {
        spdlog::warn("announcing overdue milestones failed: {}", told.status().message());
      } else if (*told > 0) {
        spdlog::info("{} notices of overdue milestones sent", *told);
      }
    }
    lock.lock();
    worker_cv_.wait_for(lock, std::chrono::seconds(60), [this] { return stopping_; });
  }
}

void Platform::Stop() {
  if (server_) server_->Stop();
  {
    std::lock_guard<std::mutex> lock(worker_mu_);
    stopping_ = true;
  }
  stop_indexing_ = true;
  worker_cv_.notify_all();
  if (worker_.joinable()) worker_.join();
  if (indexer_thread_.joinable()) indexer_thread_.join();
  if (alerts_thread_.joinable()) alerts_thread_.join();
  if (network_thread_.joinable()) network_thread_.join();
  // Match views counted since the worker's last round are not lost.
  if (stats_) {
    if (Status s = stats_->Flush(); !s.ok()) {
      spdlog::warn("writing match views failed: {}", s.message());
    }
  }
  if (auto log = spdlog::get("access")) log->flush();
}

}  // namespace kc::app
