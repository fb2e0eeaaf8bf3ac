#include "core/resources.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

namespace kc {
namespace {

using ::testing::Contains;
using ::testing::Each;
using ::testing::IsEmpty;
using ::testing::StartsWith;

std::string ReadSourceFile(const std::string& relative) {
  std::ifstream in(std::string(KC_SOURCE_DIR) + "/" + relative, std::ios::binary);
  std::stringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

TEST(ResourcesTest, TheTaxonomyIsEmbeddedByteForByteAndParses) {
  auto taxonomy = Resource("data/taxonomy.json");
  ASSERT_TRUE(taxonomy.has_value());
  EXPECT_EQ(*taxonomy, ReadSourceFile("data/taxonomy.json"));
  EXPECT_FALSE(nlohmann::json::parse(*taxonomy, nullptr, false).is_discarded());
}

TEST(ResourcesTest, EveryDemoFileIsEmbeddedWithItsExactContent) {
  for (const char* name : {"orgs", "demands", "achievements", "experts"}) {
    std::string path = std::string("data/demo/") + name + ".jsonl";
    SCOPED_TRACE(path);
    auto content = Resource(path);
    ASSERT_TRUE(content.has_value());
    EXPECT_FALSE(content->empty());
    EXPECT_EQ(*content, ReadSourceFile(path));
  }
}

TEST(ResourcesTest, TheSqliteMigrationsAreEmbedded) {
  auto init = Resource("src/store/sqlite/migrations/001_init.sql");
  ASSERT_TRUE(init.has_value());
  EXPECT_EQ(*init, ReadSourceFile("src/store/sqlite/migrations/001_init.sql"));
  EXPECT_NE(init->find("CREATE TABLE"), std::string_view::npos);
}

TEST(ResourcesTest, ResourcesUnderListsEveryFileOnDiskSorted) {
  // Whatever the repository holds under the directory is embedded, nothing more.
  std::vector<std::string> on_disk;
  for (const auto& e : std::filesystem::directory_iterator(std::string(KC_SOURCE_DIR) +
                                                           "/src/store/sqlite/migrations")) {
    if (e.path().extension() == ".sql") {
      on_disk.push_back("src/store/sqlite/migrations/" + e.path().filename().string());
    }
  }
  std::sort(on_disk.begin(), on_disk.end());
  auto listed = ResourcesUnder("src/store/sqlite/migrations/");
  EXPECT_EQ(std::vector<std::string>(listed.begin(), listed.end()), on_disk);
}

TEST(ResourcesTest, ResourcesUnderTheDemoDirectoryIsSortedAndComplete) {
  auto demo = ResourcesUnder("data/demo/");
  std::vector<std::string> names(demo.begin(), demo.end());
  EXPECT_EQ(names,
            (std::vector<std::string>{"data/demo/achievements.jsonl", "data/demo/demands.jsonl",
                                      "data/demo/events.jsonl", "data/demo/experts.jsonl",
                                      "data/demo/orgs.jsonl", "data/demo/plans.json"}));
}

TEST(ResourcesTest, ResourcesUnderIsSortedForEveryPrefix) {
  for (const char* prefix : {"", "data/", "src/"}) {
    SCOPED_TRACE(prefix);
    auto all = ResourcesUnder(prefix);
    EXPECT_FALSE(all.empty());
    EXPECT_TRUE(std::is_sorted(all.begin(), all.end()));
    EXPECT_THAT(all, Each(StartsWith(prefix)));
    EXPECT_EQ(std::adjacent_find(all.begin(), all.end()), all.end()) << "duplicate path";
  }
  auto all = ResourcesUnder("");
  EXPECT_THAT(all, Contains("data/taxonomy.json"));
  EXPECT_THAT(all, Contains("data/demo/demands.jsonl"));
  // Every listed path resolves.
  for (auto path : all) EXPECT_TRUE(Resource(path).has_value()) << path;
}

TEST(ResourcesTest, UnknownPathsAndPrefixesGiveNothing) {
  EXPECT_EQ(Resource("data/nope.json"), std::nullopt);
  EXPECT_EQ(Resource(""), std::nullopt);
  EXPECT_EQ(Resource("taxonomy.json"), std::nullopt);        // paths are from the repo root
  EXPECT_EQ(Resource("/data/taxonomy.json"), std::nullopt);  // and relative
  EXPECT_EQ(Resource("data/demo"), std::nullopt);            // a directory is not a file
  EXPECT_THAT(ResourcesUnder("no/such/dir/"), IsEmpty());
  EXPECT_THAT(ResourcesUnder("data/taxonomy.json.bak"), IsEmpty());
}

}  // namespace
}  // namespace kc
