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
#include "store/store.h"

namespace kc::app {

// The version reported by /health and `kechuang version`.
extern const char* const kVersion;

class Platform {
 public:
  explicit Platform(Config config);
  ~Platform();

  // Opens the data directory and the database (applying migrations), creates the bootstrap
  // admin, and loads the demo data on a fresh data directory when enabled. Prints the admin
  // password when it generated one.
  Status Open();

  // Starts the HTTP server and the background worker.
  Status Serve();
  uint16_t port() const { return server_ ? server_->port() : 0; }

  // Stops serving: in-flight requests finish, then the worker stops. Idempotent.
  void Stop();

  Store& store() { return *store_; }
  api::Context& context() { return *ctx_; }

 private:
  void RunWorker();

  Config config_;
  SystemClock clock_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<Accounts> accounts_;
  std::unique_ptr<Orgs> orgs_;
  std::unique_ptr<Listings> listings_;
  std::unique_ptr<Importer> importer_;
  std::unique_ptr<Exporter> exporter_;
  std::unique_ptr<api::Context> ctx_;
  http::Router router_;
  std::unique_ptr<http::Server> server_;
  std::thread worker_;
  std::mutex worker_mu_;
  std::condition_variable worker_cv_;
  bool stopping_ = false;
};

}  // namespace kc::app
