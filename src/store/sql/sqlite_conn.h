// The SQL layer (conn.h) over one SQLite connection: statements come from the connection's
// cache of prepared statements (sqlite::Connection::Prepare), so a statement text is compiled
// once per connection.
#pragma once

#include "store/sql/conn.h"
#include "store/sqlite/connection.h"

namespace kc::sql {

class SqliteConn : public Conn {
 public:
  explicit SqliteConn(sqlite::Connection& conn) : c_(conn) {}

  const Dialect& dialect() const override { return Dialect::Sqlite(); }
  Result<std::unique_ptr<Stmt>> Prepare(std::string_view sql) override;
  Status Exec(std::string_view sql) override { return c_.Exec(sql); }

 private:
  sqlite::Connection& c_;
};

}  // namespace kc::sql
