// What the PostgreSQL side of the SQL layer adds to the shared contract (conn_test.cc): each
// statement text is prepared on the server once per connection. Runs as "pg:PostgresConnTest.*"
// (skipped in a SQLite run).
#include "store/sql/postgres_conn.h"

#include <gtest/gtest.h>

#include "store/test_postgres.h"

namespace kc::sql {
namespace {

TEST(PostgresConnTest, PreparesEachTextOnceOnTheServer) {
  if (!testing::UsingPostgres()) GTEST_SKIP() << "needs KC_TEST_POSTGRES";
  const std::string db = testing::NewTestDatabaseName();
  {
    pqxx::connection c(testing::EnsureTestDatabase(db));
    for (int i = 0; i < 3; ++i) {
      pqxx::work tx(c);
      PostgresConn conn(tx);
      EXPECT_EQ(conn.dialect().kind(), Dialect::Kind::kPostgres);
      auto s = conn.Prepare("SELECT ? || 'x'");
      ASSERT_TRUE(s.ok());
      (*s)->Bind("a");
      ASSERT_TRUE((*s)->Step()) << (*s)->status().message();
      EXPECT_EQ((*s)->Text(0), "ax");
      tx.commit();
    }
    pqxx::work tx(c);
    EXPECT_EQ(tx.exec("SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE "
                      "'%|| ''x''%'")[0][0]
                  .as<int>(),
              1);
  }
  testing::DropTestDatabase(db);
}

TEST(PostgresConnTest, AFailedStatementIsAStatusNotAnException) {
  if (!testing::UsingPostgres()) GTEST_SKIP() << "needs KC_TEST_POSTGRES";
  const std::string db = testing::NewTestDatabaseName();
  {
    pqxx::connection c(testing::EnsureTestDatabase(db));
    pqxx::work tx(c);
    PostgresConn conn(tx);
    auto s = conn.Prepare("SELECT 1 / ?");
    ASSERT_TRUE(s.ok());
    (*s)->Bind(int64_t{0});
    EXPECT_FALSE((*s)->Step());
    EXPECT_EQ((*s)->status().kind(), ErrorKind::kInternal);
    EXPECT_FALSE(conn.Exec("SELEC 1").ok());
  }
  testing::DropTestDatabase(db);
}

}  // namespace
}  // namespace kc::sql
