// The Store written once over the SQL layer: a SqlStore runs every transaction as a SqlTx on the
// sql::Conn its Backend hands it, and backs up and restores tables through the same Conn. What
// the two databases do differently around a transaction is the Backend: how a read or write
// transaction begins and ends, the connection pools, and the calls only one of them can answer
// (WaitForChanges, LeadsBackgroundJobs). The backends are sqlite/sqlite_store.cc and
// postgres/postgres_store.cc, each with its own migrations.
#pragma once

#include <chrono>
#include <functional>
#include <memory>

#include "core/status.h"
#include "store/sql/conn.h"
#include "store/store.h"

namespace kc::sql {

// Transactions on one database. Thread-safe.
class Backend {
 public:
  virtual ~Backend() = default;

  // Runs `fn` on a connection inside a read-only transaction that sees one consistent snapshot,
  // and returns fn's status.
  virtual Status Read(const std::function<Status(Conn&)>& fn) = 0;
  // Runs `fn` on a connection inside a write transaction, serialised with every other write to
  // the database: commits when fn returns Ok, rolls back otherwise, and returns fn's status (or
  // the commit's failure).
  virtual Status Write(const std::function<Status(Conn&)>& fn) = 0;

  // The schema version after migrations.
  virtual int SchemaVersion() const = 0;
  // As Store::WaitForChanges and Store::LeadsBackgroundJobs.
  virtual bool WaitForChanges(std::chrono::milliseconds timeout) = 0;
  virtual bool LeadsBackgroundJobs() = 0;
};

class SqlStore : public Store {
 public:
  explicit SqlStore(std::unique_ptr<Backend> backend) : b_(std::move(backend)) {}

  Status Read(const std::function<Status(StoreTx&)>& fn) override;
  Status Write(const std::function<Status(StoreTx&)>& fn) override;
  int SchemaVersion() const override { return b_->SchemaVersion(); }
  Status ExportTables(const std::function<Status(const TableRows&)>& sink) override;
  Status ImportTables(const std::vector<TableRows>& tables) override;
  bool WaitForChanges(std::chrono::milliseconds timeout) override {
    return b_->WaitForChanges(timeout);
  }
  bool LeadsBackgroundJobs() override { return b_->LeadsBackgroundJobs(); }

 private:
  std::unique_ptr<Backend> b_;
};

}  // namespace kc::sql
