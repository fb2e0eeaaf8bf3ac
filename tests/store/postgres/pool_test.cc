#include "store/postgres/pool.h"

#include <gtest/gtest.h>

#include "store/temp_db.h"

namespace kc::pg {
namespace {

TEST(PostgresPoolTest, UnreachableServerIsUnavailableAndFreesTheSlot) {
  Pool pool("postgresql://postgres@127.0.0.1:1/none", 1);
  for (int i = 0; i < 2; ++i) {  // the failed attempt must not keep the only slot
    auto lease = pool.Take();
    ASSERT_FALSE(lease.ok());
    EXPECT_EQ(lease.status().kind(), ErrorKind::kUnavailable);
  }
}

TEST(PostgresPoolTest, ConnectionsAreReusedAndDiscardedOnesReplaced) {
  if (!testing::UsingPostgres()) GTEST_SKIP() << "needs KC_TEST_POSTGRES (the pg: run)";
  testing::TempDir dir;
  Pool pool(testing::DatabaseFor(dir.File("pool.db")), 1);
  auto backend_pid = [](pqxx::connection& c) {
    return pqxx::nontransaction(c).exec1("SELECT pg_backend_pid()")[0].as<int>();
  };
  int first = 0;
  {
    auto lease = pool.Take();
    ASSERT_TRUE(lease.ok()) << lease.status().message();
    first = backend_pid(lease->conn());
  }
  {
    auto lease = pool.Take();
    ASSERT_TRUE(lease.ok());
    EXPECT_EQ(backend_pid(lease->conn()), first) << "an idle connection is reused";
    lease->Discard();
  }
  auto lease = pool.Take();
  ASSERT_TRUE(lease.ok());
  EXPECT_NE(backend_pid(lease->conn()), first) << "a discarded connection is replaced";
}

}  // namespace
}  // namespace kc::pg
