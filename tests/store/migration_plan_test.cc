#include "store/migration_plan.h"

#include <gtest/gtest.h>

#include "core/resources.h"

namespace kc {
namespace {

constexpr std::string_view kDir = "src/store/sqlite/migrations/";

TEST(MigrationPlanTest, NumbersComeFromTheFileName) {
  EXPECT_EQ(MigrationNumber(kDir, "src/store/sqlite/migrations/007_x.sql"), 7);
  EXPECT_EQ(MigrationNumber(kDir, "src/store/sqlite/migrations/012_deals.sql"), 12);
  EXPECT_EQ(MigrationNumber(kDir, "src/store/sqlite/migrations/readme.txt"), 0);
}

TEST(MigrationPlanTest, AFreshDatabaseNeedsEveryMigrationInOrder) {
  auto plan = PlanMigrations(kDir, {});
  ASSERT_TRUE(plan.ok()) << plan.status().message();
  ASSERT_EQ(plan->pending.size(), ResourcesUnder(kDir).size());
  EXPECT_EQ(plan->pending.front().first, 1);
  EXPECT_EQ(plan->pending.back().first, plan->last);
  for (size_t i = 1; i < plan->pending.size(); ++i) {
    EXPECT_LT(plan->pending[i - 1].first, plan->pending[i].first);
  }
}

TEST(MigrationPlanTest, OnlyUnrecordedNumbersRunEvenBelowTheNewestApplied) {
  auto full = PlanMigrations(kDir, {});
  ASSERT_TRUE(full.ok());
  ASSERT_GE(full->last, 3);
  // 2 was merged after 3 had been applied: it still runs, and nothing else does.
  std::set<int> applied;
  for (int n = 1; n <= full->last; ++n) applied.insert(n);
  applied.erase(2);
  auto plan = PlanMigrations(kDir, applied);
  ASSERT_TRUE(plan.ok());
  ASSERT_EQ(plan->pending.size(), 1u);
  EXPECT_EQ(plan->pending[0].first, 2);
  EXPECT_EQ(plan->last, full->last);
}

TEST(MigrationPlanTest, ADatabaseNewerThanTheBinaryIsRefused) {
  auto full = PlanMigrations(kDir, {});
  ASSERT_TRUE(full.ok());
  auto plan = PlanMigrations(kDir, {full->last + 1});
  ASSERT_FALSE(plan.ok());
  EXPECT_NE(plan.status().message().find("newer than this binary"), std::string::npos);
}

TEST(MigrationPlanTest, NothingUnderAnUnknownFolder) {
  auto plan = PlanMigrations("src/store/none/", {});
  ASSERT_TRUE(plan.ok());
  EXPECT_EQ(plan->last, 0);
  EXPECT_TRUE(plan->pending.empty());
}

}  // namespace
}  // namespace kc
