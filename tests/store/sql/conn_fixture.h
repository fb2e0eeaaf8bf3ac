// A sql::Conn inside an open transaction for the SQL layer's tests: on a SQLite file of a
// temporary directory, or, when the run uses PostgreSQL (KC_TEST_POSTGRES), on a database of
// its own on the test server. The same test thus checks both implementations.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <pqxx/pqxx>

#include "store/sql/conn.h"
#include "store/sql/postgres_conn.h"
#include "store/sql/sqlite_conn.h"
#include "store/temp_db.h"
#include "store/test_postgres.h"

namespace kc::testing {

class SqlConnFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    if (UsingPostgres()) {
      pg_db_ = NewTestDatabaseName();
      pg_conn_ = std::make_unique<pqxx::connection>(EnsureTestDatabase(pg_db_));
      pg_tx_ = std::make_unique<pqxx::work>(*pg_conn_);
      conn_ = std::make_unique<sql::PostgresConn>(*pg_tx_);
    } else {
      auto c = sqlite::Connection::Open(dir_.File("test.db"));
      ASSERT_TRUE(c.ok()) << c.status().message();
      sqlite_ = std::move(*c);
      ASSERT_TRUE(sqlite_->Exec("BEGIN").ok());
      conn_ = std::make_unique<sql::SqliteConn>(*sqlite_);
    }
  }

  void TearDown() override {
    conn_.reset();
    pg_tx_.reset();
    pg_conn_.reset();
    if (!pg_db_.empty()) DropTestDatabase(pg_db_);
  }

  sql::Conn& conn() { return *conn_; }
  bool postgres() const { return pg_conn_ != nullptr; }

  // Creates the table the layer's tests use: items (id, name unique, n, x, note).
  void CreateItems() {
    const std::string id =
        postgres() ? "id BIGSERIAL PRIMARY KEY" : "id INTEGER PRIMARY KEY AUTOINCREMENT";
    Exec("CREATE TABLE items (" + id +
         ", name TEXT NOT NULL UNIQUE, n BIGINT, x DOUBLE PRECISION, note TEXT)");
  }

  // Runs `sql` (with `?` placeholders) without values and expects success.
  void Exec(const std::string& sql) {
    auto s = conn_->Prepare(sql);
    ASSERT_TRUE(s.ok()) << s.status().message();
    Status st = (*s)->Run();
    ASSERT_TRUE(st.ok()) << sql << ": " << st.message();
  }

 private:
  TempDir dir_;
  std::unique_ptr<sqlite::Connection> sqlite_;
  std::string pg_db_;
  std::unique_ptr<pqxx::connection> pg_conn_;
  std::unique_ptr<pqxx::work> pg_tx_;
  std::unique_ptr<sql::Conn> conn_;
};

}  // namespace kc::testing
