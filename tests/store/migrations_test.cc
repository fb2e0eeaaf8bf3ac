// Both dialects carry one numbered list of migrations: the same numbers and names, so a schema
// change is never made for one backend only.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/resources.h"

namespace kc {
namespace {

std::vector<std::string> NamesUnder(std::string_view dir) {
  std::vector<std::string> out;
  for (std::string_view path : ResourcesUnder(dir)) out.emplace_back(path.substr(dir.size()));
  return out;
}

TEST(MigrationsTest, SqliteAndPostgresHaveTheSameNumberedList) {
  auto sqlite = NamesUnder("src/store/sqlite/migrations/");
  auto postgres = NamesUnder("src/store/postgres/migrations/");
  ASSERT_GE(sqlite.size(), 3u);
  EXPECT_EQ(sqlite, postgres);
  // Numbered with three digits, in increasing order. A number may be skipped: another branch
  // may hold it, and PlanMigrations applies every migration a database lacks, in order
  // (store/migration_plan.h).
  int previous = 0;
  for (const std::string& name : sqlite) {
    ASSERT_GE(name.size(), 4u) << name;
    EXPECT_TRUE(
        std::all_of(name.begin(), name.begin() + 3, [](char c) { return c >= '0' && c <= '9'; }) &&
        name[3] == '_')
        << name;
    const int number = std::stoi(name.substr(0, 3));
    EXPECT_GT(number, previous) << name;
    previous = number;
  }
}

}  // namespace
}  // namespace kc
