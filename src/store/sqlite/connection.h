// A thin RAII layer over one sqlite3 connection with a cache of prepared statements.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/status.h"

namespace kc::sqlite {

// A prepared statement borrowed from a connection's cache; reset when it goes out of scope.
// Bind indices are 1-based, as in SQLite.
class Stmt {
 public:
  explicit Stmt(sqlite3_stmt* stmt) : stmt_(stmt) {}
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;
  ~Stmt();

  Stmt& Bind(int i, int64_t v);
  Stmt& Bind(int i, std::string_view v);
  Stmt& Bind(int i, const std::string& v) { return Bind(i, std::string_view(v)); }
  Stmt& Bind(int i, const char* v) { return Bind(i, std::string_view(v)); }
  Stmt& Bind(int i, std::optional<int64_t> v);
  Stmt& BindNull(int i);
  // A separate name: an overload on double would make Bind(i, 1) ambiguous.
  Stmt& BindDouble(int i, double v);

  // Steps once: true when a row is ready, false when done; a failure is stored in status().
  bool Step();
  // Steps to the end, for statements without rows.
  Status Run();
  const Status& status() const { return status_; }
  int changes() const;

  int64_t Int(int col) const { return sqlite3_column_int64(stmt_, col); }
  double Double(int col) const { return sqlite3_column_double(stmt_, col); }
  bool IsNull(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
  std::optional<int64_t> OptInt(int col) const {
    return IsNull(col) ? std::nullopt : std::optional<int64_t>(Int(col));
  }
  std::string Text(int col) const;
  int ColumnCount() const { return sqlite3_column_count(stmt_); }
  std::string ColumnName(int col) const { return sqlite3_column_name(stmt_, col); }

 private:
  sqlite3_stmt* stmt_;
  Status status_;
};

// One open database connection. Not thread-safe; a pool hands it to one thread at a time.
class Connection {
 public:
  // Opens (creating when missing) the database file and applies the connection settings:
  // WAL, foreign keys, a busy timeout, and synchronous=FULL so an acknowledged commit survives
  // a crash.
  static Result<std::unique_ptr<Connection>> Open(const std::string& path);
  ~Connection();

  // Returns the cached prepared statement for `sql`, ready to bind; fails on bad SQL.
  Result<std::unique_ptr<Stmt>> Prepare(std::string_view sql);
  // Runs one or more statements without parameters or rows.
  Status Exec(std::string_view sql);
  int64_t LastInsertId() const { return sqlite3_last_insert_rowid(db_); }
  sqlite3* handle() { return db_; }

 private:
  explicit Connection(sqlite3* db) : db_(db) {}
  sqlite3* db_;
  std::unordered_map<std::string, sqlite3_stmt*> cache_;
};

// Turns a SQLite result code into a Status: SQLITE_CONSTRAINT_UNIQUE becomes a Conflict.
Status ErrorStatus(sqlite3* db, int rc);

}  // namespace kc::sqlite
