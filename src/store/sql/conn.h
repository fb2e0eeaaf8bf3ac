// The SQL layer every store area runs its statements through, the same for SQLite and
// PostgreSQL: a Conn (a connection inside a transaction its owner began), the Stmt it prepares,
// and the Row a Stmt stands on. SQL is written once with `?` placeholders; what the two
// databases spell differently is asked of the connection's Dialect (dialect.h).
//
// Implementations: sqlite_conn.h (over sqlite::Connection and its statement cache) and
// postgres_conn.h (over a libpqxx transaction, as server-side prepared statements).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/status.h"
#include "store/sql/dialect.h"

namespace kc::sql {

// The current row of a statement. Column indices are 0-based; NULL reads as 0, 0.0 or "".
class Row {
 public:
  virtual ~Row() = default;
  virtual bool IsNull(int col) const = 0;
  virtual int64_t Int(int col) const = 0;
  virtual double Double(int col) const = 0;
  virtual std::string Text(int col) const = 0;
  std::optional<int64_t> OptInt(int col) const {
    return IsNull(col) ? std::nullopt : std::optional<int64_t>(Int(col));
  }
};

// One statement: values are bound to its `?` placeholders in order, then Step runs it. Not
// thread-safe; it belongs to its Conn and must not outlive it.
class Stmt : public Row {
 public:
  // Binds the next placeholder.
  Stmt& Bind(int64_t v) { return BindInt(v); }
  Stmt& Bind(std::string_view v) { return BindText(v); }
  Stmt& Bind(const std::string& v) { return BindText(v); }
  Stmt& Bind(const char* v) { return BindText(v); }
  Stmt& Bind(std::optional<int64_t> v) { return v ? BindInt(*v) : BindNull(); }
  virtual Stmt& BindNull() = 0;
  // A separate name: an overload on double would make Bind(1) ambiguous.
  virtual Stmt& BindDouble(double v) = 0;

  // Runs the statement on the first call. True when a row is ready to read; false at the end
  // or on failure, which status() then holds (a unique value already taken is a Conflict
  // naming the column, a lost PostgreSQL server Unavailable).
  virtual bool Step() = 0;
  // Steps to the end, for statements whose rows do not matter; returns status().
  Status Run() {
    while (Step()) {
    }
    return status();
  }
  virtual const Status& status() const = 0;
  // The rows the statement inserted, updated or deleted, once it has run.
  virtual int64_t changes() const = 0;
  // The number and names of the result's columns, once Step has been called (for a table read
  // whole, as a backup does).
  virtual int ColumnCount() const = 0;
  virtual std::string ColumnName(int col) const = 0;

 protected:
  virtual Stmt& BindInt(int64_t v) = 0;
  virtual Stmt& BindText(std::string_view v) = 0;
};

// A database connection inside a transaction that its owner began and will end. Not
// thread-safe: it belongs to the thread running the transaction.
class Conn {
 public:
  virtual ~Conn() = default;
  virtual const Dialect& dialect() const = 0;
  // A statement for `sql`, written with `?` placeholders, ready to bind. Statements are kept
  // prepared by the connection: preparing the same text again is cheap. Bad SQL fails here
  // (SQLite) or at the first Step (PostgreSQL). A statement must be finished (destroyed, or
  // stepped to its end) before the same text is prepared again: SQLite hands out one cached
  // statement per text.
  virtual Result<std::unique_ptr<Stmt>> Prepare(std::string_view sql) = 0;
  // Runs one statement without parameters or rows (SAVEPOINT, RELEASE, …).
  virtual Status Exec(std::string_view sql) = 0;
};

}  // namespace kc::sql
