#include "store/sql/sql_news_tx.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "store/sqlite/sqlite_store.h"
#include "store/temp_db.h"

namespace kc {
namespace {

using ::testing::ElementsAre;
using testing::OpenOrDie;
using testing::TempDir;

class SqlNewsTxTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = OpenOrDie(dir_.File("kc.db"));
    ASSERT_NE(store_, nullptr);
    ASSERT_TRUE(store_
                    ->Write([&](StoreTx& tx) -> Status {
                      User u;
                      u.username = "editor";
                      u.role = Role::kEditor;
                      u.created_at = 1;
                      auto id = tx.InsertUser(u);
                      if (!id.ok()) return id.status();
                      editor_id_ = *id;
                      return Status::Ok();
                    })
                    .ok());
  }

  NewsArticle Article(const std::string& title, NewsStatus status, int64_t published_at) {
    NewsArticle a;
    a.title = title;
    a.source = "示范新闻网";
    a.author = "李明";
    a.editor = "赵强";
    a.dateline = "示范网杭州5月6日电";
    a.published_at = published_at;
    a.utc_offset_minutes = 480;
    a.paragraphs = {"第一段。", "第二段。"};
    a.images = {NewsImage{"https://img.example.com/1.jpg", "签约仪式现场。", "李明"}};
    a.column = "headlines";
    a.tags = {"技术转移", "长三角"};
    a.status = status;
    a.created_by = editor_id_;
    a.created_at = a.updated_at = 100;
    return a;
  }

  int64_t Insert(const NewsArticle& a) {
    int64_t id = 0;
    Status s = store_->Write([&](StoreTx& tx) -> Status {
      auto r = tx.news().InsertArticle(a);
      if (!r.ok()) return r.status();
      id = *r;
      return Status::Ok();
    });
    EXPECT_TRUE(s.ok()) << s.message();
    return id;
  }

  Result<Page<NewsArticle>> List(const NewsQuery& q) {
    Page<NewsArticle> page;
    Status s = store_->Read([&](StoreTx& tx) -> Status {
      auto r = tx.news().ListArticles(q);
      if (!r.ok()) return r.status();
      page = *r;
      return Status::Ok();
    });
    if (!s.ok()) return s;
    return page;
  }

  std::vector<std::string> Titles(const NewsQuery& q) {
    auto page = List(q);
    EXPECT_TRUE(page.ok());
    std::vector<std::string> out;
    if (page.ok()) {
      for (const auto& a : page->items) out.push_back(a.title);
    }
    return out;
  }

  TempDir dir_;
  std::unique_ptr<Store> store_;
  int64_t editor_id_ = 0;
};

TEST_F(SqlNewsTxTest, AnArticleRoundTripsWithEveryField) {
  NewsArticle a = Article("联盟成立", NewsStatus::kPublished, 1683354005);
  a.utc_offset_minutes = -300;
  int64_t id = Insert(a);
  ASSERT_GT(id, 0);
  NewsArticle got;
  ASSERT_TRUE(store_
                  ->Read([&](StoreTx& tx) -> Status {
                    auto r = tx.news().GetArticle(id);
                    if (!r.ok()) return r.status();
                    got = *r;
                    return Status::Ok();
                  })
                  .ok());
  EXPECT_EQ(got.id, id);
  EXPECT_EQ(got.title, a.title);
  EXPECT_EQ(got.source, a.source);
  EXPECT_EQ(got.author, a.author);
  EXPECT_EQ(got.editor, a.editor);
  EXPECT_EQ(got.dateline, a.dateline);
  EXPECT_EQ(got.published_at, a.published_at);
  EXPECT_EQ(got.utc_offset_minutes, -300);
  EXPECT_EQ(got.paragraphs, a.paragraphs);
  ASSERT_EQ(got.images.size(), 1u);
  EXPECT_EQ(got.images[0].url, a.images[0].url);
  EXPECT_EQ(got.images[0].caption, a.images[0].caption);
  EXPECT_EQ(got.images[0].credit, a.images[0].credit);
  EXPECT_EQ(got.column, "headlines");
  EXPECT_THAT(got.tags, ElementsAre("技术转移", "长三角"));
  EXPECT_EQ(got.status, NewsStatus::kPublished);
  EXPECT_EQ(got.created_by, editor_id_);
}

TEST_F(SqlNewsTxTest, ListsNewestFirstWithFilters) {
  Insert(Article("旧闻", NewsStatus::kPublished, 1000));
  NewsArticle notice = Article("通知", NewsStatus::kPublished, 3000);
  notice.column = "notices";
  notice.tags = {"通知"};
  Insert(notice);
  Insert(Article("新闻", NewsStatus::kPublished, 2000));
  Insert(Article("草稿", NewsStatus::kDraft, 0));

  NewsQuery published;
  published.status = NewsStatus::kPublished;
  EXPECT_THAT(Titles(published), ElementsAre("通知", "新闻", "旧闻"));
  NewsQuery column = published;
  column.column = "notices";
  EXPECT_THAT(Titles(column), ElementsAre("通知"));
  NewsQuery tag;
  tag.tag = "长三角";
  EXPECT_THAT(Titles(tag), ElementsAre("新闻", "旧闻", "草稿"));
  NewsQuery text;
  text.text = "闻";
  EXPECT_THAT(Titles(text), ElementsAre("新闻", "旧闻"));
  NewsQuery like_chars;
  like_chars.text = "%";
  EXPECT_THAT(Titles(like_chars), ElementsAre()) << "LIKE wildcards are taken literally";

  NewsQuery paged = published;
  paged.limit = 2;
  paged.offset = 2;
  auto page = List(paged);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->total, 3);
  ASSERT_EQ(page->items.size(), 1u);
  EXPECT_EQ(page->items[0].title, "旧闻");
  EXPECT_THAT(page->items[0].tags, ElementsAre("技术转移", "长三角"));
}

TEST_F(SqlNewsTxTest, UpdateReplacesTagsAndDeleteRemovesThem) {
  int64_t id = Insert(Article("联盟成立", NewsStatus::kPublished, 1000));
  ASSERT_TRUE(store_
                  ->Write([&](StoreTx& tx) -> Status {
                    auto a = tx.news().GetArticle(id);
                    if (!a.ok()) return a.status();
                    a->tags = {"联盟"};
                    a->title = "联盟正式成立";
                    return tx.news().UpdateArticle(*a);
                  })
                  .ok());
  std::vector<NewsTagCount> tags;
  ASSERT_TRUE(store_
                  ->Read([&](StoreTx& tx) -> Status {
                    auto t = tx.news().ListTags(10);
                    if (!t.ok()) return t.status();
                    tags = *t;
                    return Status::Ok();
                  })
                  .ok());
  ASSERT_EQ(tags.size(), 1u);
  EXPECT_EQ(tags[0].tag, "联盟");
  EXPECT_EQ(tags[0].count, 1);

  ASSERT_TRUE(store_->Write([&](StoreTx& tx) { return tx.news().DeleteArticle(id); }).ok());
  Status again = store_->Write([&](StoreTx& tx) { return tx.news().DeleteArticle(id); });
  EXPECT_EQ(again.kind(), ErrorKind::kNotFound);
  Status missing = store_->Read([&](StoreTx& tx) { return tx.news().GetArticle(id).status(); });
  EXPECT_EQ(missing.kind(), ErrorKind::kNotFound);
  NewsQuery any;
  any.tag = "联盟";
  EXPECT_THAT(Titles(any), ElementsAre());
}

TEST_F(SqlNewsTxTest, ColumnsStartSeededAndSlugsAreUnique) {
  std::vector<NewsColumn> cols;
  ASSERT_TRUE(store_
                  ->Read([&](StoreTx& tx) -> Status {
                    auto c = tx.news().ListColumns();
                    if (!c.ok()) return c.status();
                    cols = *c;
                    return Status::Ok();
                  })
                  .ok());
  ASSERT_GE(cols.size(), 1u);
  EXPECT_EQ(cols[0].slug, "headlines");
  EXPECT_EQ(cols[0].name, "要闻");
  Status dup = store_->Write([&](StoreTx& tx) {
    return tx.news().InsertColumn(NewsColumn{0, "headlines", "重复", "", 9}).status();
  });
  EXPECT_EQ(dup.kind(), ErrorKind::kConflict);
  EXPECT_EQ(dup.field(), "slug");
  Status missing = store_->Read([&](StoreTx& tx) { return tx.news().GetColumn("none").status(); });
  EXPECT_EQ(missing.kind(), ErrorKind::kNotFound);
}

TEST_F(SqlNewsTxTest, TheTransactionAndSavepointsCoverNews) {
  // A failed write transaction leaves no article behind.
  Status failed = store_->Write([&](StoreTx& tx) -> Status {
    auto id = tx.news().InsertArticle(Article("回滚", NewsStatus::kPublished, 1));
    if (!id.ok()) return id.status();
    return Conflict("stop", "roll back");
  });
  EXPECT_FALSE(failed.ok());
  // A failed nested step is undone alone.
  ASSERT_TRUE(
      store_
          ->Write([&](StoreTx& tx) -> Status {
            KC_RETURN_IF_ERROR(tx.news().InsertArticle(Article("保留", NewsStatus::kDraft, 0)));
            Status inner = tx.Nested([&](StoreTx& t) -> Status {
              KC_RETURN_IF_ERROR(t.news().InsertArticle(Article("撤销", NewsStatus::kDraft, 0)));
              return Conflict("stop", "undo this step");
            });
            EXPECT_FALSE(inner.ok());
            return Status::Ok();
          })
          .ok());
  EXPECT_THAT(Titles(NewsQuery{}), ElementsAre("保留"));
}

// Tags travel as one list parameter (a JSON array in SQLite, a text[] in PostgreSQL), so quotes,
// commas, braces and backslashes in a tag must survive it, in order.
TEST_F(SqlNewsTxTest, TagsWithArraySyntaxRoundTripInOrder) {
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
