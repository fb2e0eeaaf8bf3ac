#include "store/postgres/postgres_store.h"

#include <spdlog/spdlog.h>

#include <mutex>
#include <thread>

#include "store/postgres/error.h"
#include "store/postgres/locks.h"
#include "store/postgres/migrate.h"
#include "store/postgres/pool.h"
#include "store/sql/postgres_conn.h"
#include "store/sql/sql_store.h"

namespace kc {

namespace {

// Wakes WaitForChanges when a NOTIFY on kc_changes arrives.
class ChangeReceiver : public pqxx::notification_receiver {
 public:
  explicit ChangeReceiver(pqxx::connection_base& conn)
      : pqxx::notification_receiver(conn, "kc_changes") {}
  void operator()(const std::string&, int) override { notified_ = true; }
  bool notified_ = false;
};

// PostgreSQL under a SqlStore: a pool of connections; reads in REPEATABLE READ, READ ONLY
// snapshots; writes serialised across every node by the advisory lock kWriteLock; a connection
// that reported the server lost is dropped from the pool, so the store recovers by itself.
class PostgresBackend : public sql::Backend {
 public:
  PostgresBackend(std::string url, int connections, int version)
      : pool_(std::move(url), connections), version_(version) {}

  ~PostgresBackend() override {
    receiver_.reset();
    listener_.reset();
  }

  Status Read(const std::function<Status(sql::Conn&)>& fn) override {
    return Run<pqxx::transaction<pqxx::repeatable_read, pqxx::read_only>>(fn, "");
  }

  Status Write(const std::function<Status(sql::Conn&)>& fn) override {
    // One writer per process at a time (the rest wait here, not holding a connection), and one
    // across all processes (the advisory lock).
    std::lock_guard<std::mutex> lock(write_mu_);
    return Run<pqxx::work>(fn,
                           "SELECT pg_advisory_xact_lock(" + std::to_string(pg::kWriteLock) + ")");
  }

  int SchemaVersion() const override { return version_; }

  bool WaitForChanges(std::chrono::milliseconds timeout) override {
    std::lock_guard<std::mutex> lock(listen_mu_);
    try {
      if (!listener_ || !listener_->is_open()) {
        receiver_.reset();
        listener_.reset();
        auto conn = pg::Connect(pool_.url());
        if (!conn.ok()) {
          std::this_thread::sleep_for(timeout);
          return true;
        }
        listener_ = std::move(*conn);
        receiver_ = std::make_unique<ChangeReceiver>(*listener_);
        return true;  // changes may have been missed while not listening
      }
      receiver_->notified_ = false;
      auto us = std::chrono::duration_cast<std::chrono::microseconds>(timeout).count();
      listener_->await_notification(static_cast<long>(us / 1000000),
                                    static_cast<long>(us % 1000000));
    } catch (const std::exception& e) {
      spdlog::warn("listening for changes failed: {}", e.what());
      receiver_.reset();
      listener_.reset();
    }
    return true;
  }

  bool LeadsBackgroundJobs() override {
    std::lock_guard<std::mutex> lock(jobs_mu_);
    try {
      if (jobs_conn_ && leading_) {
        pqxx::nontransaction(*jobs_conn_).exec("SELECT 1");  // still connected: still leading
        return true;
      }
      if (!jobs_conn_ || !jobs_conn_->is_open()) {
        auto conn = pg::Connect(pool_.url());
        if (!conn.ok()) return false;
        jobs_conn_ = std::move(*conn);
      }
      // A session-level lock: held until this node stops or loses its connection.
      leading_ = pqxx::nontransaction(*jobs_conn_)
                     .exec1("SELECT pg_try_advisory_lock(" + std::to_string(pg::kJobsLock) + ")")[0]
                     .as<bool>();
      return leading_;
    } catch (const std::exception& e) {
      jobs_conn_.reset();
      leading_ = false;
      return false;
    }
  }

 private:
  // Runs `fn` in a transaction of type Tx on a pooled connection, after `first` (when given);
  // commits when fn returns Ok.
  template <typename Tx>
  Status Run(const std::function<Status(sql::Conn&)>& fn, const std::string& first) {
    auto lease = pool_.Take();
    if (!lease.ok()) return lease.status();
    Status s;
    try {
      Tx tx(lease->conn());
      if (!first.empty()) tx.exec(first);
      sql::PostgresConn c(tx);
      s = fn(c);
      if (s.ok()) {
        tx.commit();
      } else {
        tx.abort();
      }
    } catch (const std::exception& e) {
      s = pg::ErrorFrom(e);
    }
    if (!s.ok() && s.kind() == ErrorKind::kUnavailable) lease->Discard();
    return s;
  }

  pg::Pool pool_;
  int version_;
  std::mutex write_mu_;
  std::mutex listen_mu_;
  std::unique_ptr<pqxx::connection> listener_;
  std::unique_ptr<ChangeReceiver> receiver_;
  std::mutex jobs_mu_;
  std::unique_ptr<pqxx::connection> jobs_conn_;
  bool leading_ = false;
};

}  // namespace

bool IsPostgresUrl(std::string_view db) {
  return db.starts_with("postgres://") || db.starts_with("postgresql://");
}

Result<std::unique_ptr<Store>> OpenPostgresStore(const std::string& url, int connections) {
  auto conn = pg::Connect(url);
  if (!conn.ok()) return conn.status();
  auto version = pg::Migrate(**conn);
  if (!version.ok()) return version.status();
  return std::unique_ptr<Store>(
      new sql::SqlStore(std::make_unique<PostgresBackend>(url, connections, *version)));
}

}  // namespace kc
