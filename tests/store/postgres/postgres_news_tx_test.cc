// What PostgresNewsTx adds to the shared contract (SqliteNewsTxTest, "pg:" run): tags travel as
// one text[] parameter, so quotes, commas, braces and backslashes in a tag must survive it, in
// order. Needs the test run's server (KC_TEST_POSTGRES); skipped in the SQLite run.
#include "store/postgres/postgres_news_tx.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "store/temp_db.h"

namespace kc {
namespace {

using ::testing::ElementsAre;
using testing::TempDir;

TEST(PostgresNewsTxTest, TagsWithArraySyntaxRoundTripInOrder) {
  if (!testing::UsingPostgres()) GTEST_SKIP() << "needs KC_TEST_POSTGRES (the pg: run)";
  TempDir dir;
  auto store = testing::OpenOrDie(dir.File("kc.db"));
  ASSERT_NE(store, nullptr);
  const std::vector<std::string> tags = {"b\"q", "a,c", "{x}", "back\\slash", "NULL", "技术"};
  int64_t id = 0;
  Status s = store->Write([&](StoreTx& tx) -> Status {
    User u;
    u.username = "editor";
    u.created_at = 1;
    auto user = tx.InsertUser(u);
    if (!user.ok()) return user.status();
    NewsArticle a;
    a.title = "标签";
    a.tags = tags;
    a.created_by = *user;
    auto r = tx.news().InsertArticle(a);
    if (!r.ok()) return r.status();
    id = *r;
    return Status::Ok();
  });
  ASSERT_TRUE(s.ok()) << s.message();
  s = store->Read([&](StoreTx& tx) -> Status {
    auto got = tx.news().GetArticle(id);
    if (!got.ok()) return got.status();
    EXPECT_EQ(got->tags, tags);
    auto page = tx.news().ListArticles(NewsQuery{});
    if (!page.ok()) return page.status();
    EXPECT_EQ(page->total, 1);
    EXPECT_EQ(page->items.size(), 1u);
    if (page->items.size() == 1) {
      EXPECT_EQ(page->items[0].tags, tags);
    }
    return Status::Ok();
  });
  EXPECT_TRUE(s.ok()) << s.message();
}

}  // namespace
}  // namespace kc
