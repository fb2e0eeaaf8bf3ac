#include "store/sqlite/sqlite_store.h"

#include <algorithm>
#include <condition_variable>
#include <mutex>
#include <vector>

#include "store/sql/sql_store.h"
#include "store/sql/sqlite_conn.h"
#include "store/sqlite/connection.h"
#include "store/sqlite/migrate.h"

namespace kc {

namespace {

using sqlite::Connection;

// SQLite under a SqlStore: one writer connection behind a mutex (BEGIN IMMEDIATE), and a pool
// of reader connections whose BEGIN … COMMIT is a snapshot in WAL mode.
class SqliteBackend : public sql::Backend {
 public:
  SqliteBackend(std::unique_ptr<Connection> writer,
                std::vector<std::unique_ptr<Connection>> readers, int version)
      : writer_(std::move(writer)), readers_(std::move(readers)), version_(version) {}

  Status Read(const std::function<Status(sql::Conn&)>& fn) override {
    std::unique_ptr<Connection> conn = TakeReader();
    // Prepared once per connection (every API read passes here), not parsed on each call.
    auto run = [&conn](std::string_view sql) -> Status {
      auto st = conn->Prepare(sql);
      return st.ok() ? (*st)->Run() : st.status();
    };
    Status s = run("BEGIN");
    if (s.ok()) {
      sql::SqliteConn c(*conn);
      s = fn(c);
      Status end = run("COMMIT");
      if (s.ok()) s = end;
    }
    ReturnReader(std::move(conn));
    return s;
  }

  Status Write(const std::function<Status(sql::Conn&)>& fn) override {
    std::lock_guard<std::mutex> lock(write_mu_);
    KC_RETURN_IF_ERROR(writer_->Exec("BEGIN IMMEDIATE"));
    sql::SqliteConn c(*writer_);
    Status s = fn(c);
    if (!s.ok()) {
      (void)writer_->Exec("ROLLBACK");
      return s;
    }
    Status commit = writer_->Exec("COMMIT");
    if (!commit.ok()) (void)writer_->Exec("ROLLBACK");
    return commit;
  }

  int SchemaVersion() const override { return version_; }
  // One process owns the file: no other writer to wait for, and it always leads the jobs.
  bool WaitForChanges(std::chrono::milliseconds) override { return false; }
  bool LeadsBackgroundJobs() override { return true; }

 private:
  std::unique_ptr<Connection> TakeReader() {
    std::unique_lock<std::mutex> lock(read_mu_);
    read_cv_.wait(lock, [&] { return !readers_.empty(); });
    auto conn = std::move(readers_.back());
    readers_.pop_back();
    return conn;
  }
  void ReturnReader(std::unique_ptr<Connection> conn) {
    {
      std::lock_guard<std::mutex> lock(read_mu_);
      readers_.push_back(std::move(conn));
    }
    read_cv_.notify_one();
  }

  std::mutex write_mu_;
  std::unique_ptr<Connection> writer_;
  std::mutex read_mu_;
  std::condition_variable read_cv_;
  std::vector<std::unique_ptr<Connection>> readers_;
  int version_;
};

}  // namespace

Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path, int readers) {
  auto writer = Connection::Open(path);
  if (!writer.ok()) return writer.status();
  auto version = sqlite::Migrate(**writer);
  if (!version.ok()) return version.status();
  std::vector<std::unique_ptr<Connection>> pool;
  for (int i = 0; i < std::max(1, readers); ++i) {
    auto r = Connection::Open(path);
    if (!r.ok()) return r.status();
    pool.push_back(std::move(*r));
  }
  return std::unique_ptr<Store>(new sql::SqlStore(
      std::make_unique<SqliteBackend>(std::move(*writer), std::move(pool), *version)));
}

}  // namespace kc
