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
  // Numbered 001, 002, … without gaps.
  for (size_t i = 0; i < sqlite.size(); ++i) {
    std::string number = std::to_string(i + 1);
    std::string prefix = std::string(3 - std::min<size_t>(3, number.size()), '0') + number + "_";
    EXPECT_TRUE(sqlite[i].starts_with(prefix)) << sqlite[i];
  }
}

}  // namespace
}  // namespace kc
