// The SQL layer (conn.h) inside one libpqxx transaction: `?` becomes `$n`, and each statement
// text is prepared on the server once per connection (under a name derived from the text) and
// executed with its values as text, which PostgreSQL types from the statement. Failures of
// libpqxx become Status values (pg::ErrorFrom): a failed statement aborts the transaction, as
// in any PostgreSQL transaction.
#pragma once

#include <pqxx/pqxx>

#include "store/sql/conn.h"

namespace kc::sql {

class PostgresConn : public Conn {
 public:
  explicit PostgresConn(pqxx::transaction_base& tx) : tx_(tx) {}

  const Dialect& dialect() const override { return Dialect::Postgres(); }
  Result<std::unique_ptr<Stmt>> Prepare(std::string_view sql) override;
  Status Exec(std::string_view sql) override;

 private:
  pqxx::transaction_base& tx_;
};

}  // namespace kc::sql
