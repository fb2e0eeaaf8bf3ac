#include "store/postgres/migrate.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "core/resources.h"
#include "store/postgres/pool.h"
#include "store/temp_db.h"

namespace kc::pg {
namespace {

class PostgresMigrateTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!testing::UsingPostgres()) GTEST_SKIP() << "needs KC_TEST_POSTGRES (the pg: run)";
    auto conn = Connect(testing::DatabaseFor(dir_.File("m.db")));
    ASSERT_TRUE(conn.ok()) << conn.status().message();
    conn_ = std::move(*conn);
  }
  testing::TempDir dir_;
  std::unique_ptr<pqxx::connection> conn_;
};

TEST_F(PostgresMigrateTest, AppliesEveryMigrationOnceAndRecordsIt) {
  // The highest number, and how many there are (numbers may have gaps).
  int last = 0;
  const auto paths = ResourcesUnder("src/store/postgres/migrations/");
  for (std::string_view path : paths) {
    std::string_view name = path.substr(path.rfind('/') + 1);
    last = std::max(last, std::stoi(std::string(name.substr(0, name.find('_')))));
  }
  auto v = Migrate(*conn_);
  ASSERT_TRUE(v.ok()) << v.status().message();
  EXPECT_EQ(*v, last);
  auto again = Migrate(*conn_);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, last);
  pqxx::nontransaction tx(*conn_);
  EXPECT_EQ(tx.exec1("SELECT COUNT(*) FROM schema_version")[0].as<int>(),
            static_cast<int>(paths.size()));
  EXPECT_EQ(tx.exec1("SELECT COUNT(*) FROM listing_counts")[0].as<int>(), 0);
}

TEST_F(PostgresMigrateTest, ADatabaseNewerThanTheBinaryIsRefused) {
  ASSERT_TRUE(Migrate(*conn_).ok());
  pqxx::nontransaction(*conn_).exec("INSERT INTO schema_version VALUES (999, 0)");
  auto v = Migrate(*conn_);
  ASSERT_FALSE(v.ok());
  EXPECT_NE(v.status().message().find("newer"), std::string::npos) << v.status().message();
}

}  // namespace
}  // namespace kc::pg
