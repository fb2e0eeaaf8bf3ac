#include "service/news.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "service/fixture.h"

namespace kc {
namespace {

using ::testing::ElementsAre;
using testing::kT0;

class NewsTest : public testing::ServiceTest {
 protected:
  void SetUp() override {
    MakeWorld();
    editor_ = AddUser("editor", Role::kEditor, std::nullopt);
  }

  static NewsArticle Draft(const std::string& title) {
    NewsArticle a;
    a.title = title;
    a.source = "示范新闻网";
    a.paragraphs = {"  第一段。 ", "", "第二段。"};
    a.column = "headlines";
    a.tags = {"科创中国"};
    return a;
  }

  News news_{store(), clock_};
  User editor_;
};

TEST_F(NewsTest, EditorsAndAdminsWriteOthersMayNot) {
  auto by_editor = news_.Create(Actor::Of(editor_), Draft("编辑的稿件"), false);
  ASSERT_TRUE(by_editor.ok()) << by_editor.status().message();
  EXPECT_TRUE(news_.Create(Actor::Of(admin_), Draft("管理员的稿件"), false).ok());
  for (const User& u : {reviewer_, a_admin_, a_member_}) {
    SCOPED_TRACE(u.username);
    auto r = news_.Create(Actor::Of(u), Draft("不许"), false);
    EXPECT_EQ(r.status().kind(), ErrorKind::kForbidden);
    EXPECT_EQ(news_.Publish(Actor::Of(u), by_editor->id).status().kind(), ErrorKind::kForbidden);
  }
  EXPECT_EQ(news_.Create(Actor::Visitor(), Draft("不许"), false).status().kind(),
            ErrorKind::kUnauthorized);
}

TEST_F(NewsTest, DraftsAreHiddenUntilPublished) {
  auto draft = news_.Create(Actor::Of(editor_), Draft("草稿"), false);
  ASSERT_TRUE(draft.ok());
  EXPECT_EQ(draft->status, NewsStatus::kDraft);
  EXPECT_EQ(draft->published_at, 0);
  EXPECT_THAT(draft->paragraphs, ElementsAre("第一段。", "第二段。")) << "trimmed, blanks dropped";
  EXPECT_EQ(news_.Get(Actor::Visitor(), draft->id).status().kind(), ErrorKind::kNotFound);
  EXPECT_EQ(news_.Get(Actor::Of(a_member_), draft->id).status().kind(), ErrorKind::kNotFound);
  EXPECT_TRUE(news_.Get(Actor::Of(editor_), draft->id).ok());
  NewsQuery drafts;
  drafts.status = NewsStatus::kDraft;
  EXPECT_EQ(news_.List(Actor::Visitor(), drafts)->total, 0) << "visitors see published only";
  EXPECT_EQ(news_.List(Actor::Of(editor_), drafts)->total, 1);

  clock_.Advance(60);
  auto published = news_.Publish(Actor::Of(editor_), draft->id);
  ASSERT_TRUE(published.ok());
  EXPECT_EQ(published->status, NewsStatus::kPublished);
  EXPECT_EQ(published->published_at, kT0 + 60);
  EXPECT_TRUE(news_.Get(Actor::Visitor(), draft->id).ok());
  EXPECT_EQ(news_.List(Actor::Visitor(), NewsQuery{})->total, 1);
  EXPECT_THAT(AuditActions("news", draft->id), ElementsAre("create", "publish"));

  auto withdrawn = news_.Unpublish(Actor::Of(editor_), draft->id);
  ASSERT_TRUE(withdrawn.ok());
  EXPECT_EQ(news_.Get(Actor::Visitor(), draft->id).status().kind(), ErrorKind::kNotFound);
}

TEST_F(NewsTest, AnImportedTimeIsKeptOnPublication) {
  NewsArticle a = Draft("导入的稿件");
  a.published_at = 1611020112;
  auto created = news_.Create(Actor::Of(editor_), a, true);
  ASSERT_TRUE(created.ok());
  EXPECT_EQ(created->published_at, 1611020112);
  EXPECT_EQ(created->status, NewsStatus::kPublished);
}

TEST_F(NewsTest, UnknownColumnsAndBadFieldsAreRefused) {
  NewsArticle a = Draft("稿件");
  a.column = "no-such-column";
  auto r = news_.Create(Actor::Of(editor_), a, false);
  EXPECT_EQ(r.status().kind(), ErrorKind::kInvalid);
  EXPECT_EQ(r.status().field(), "column");
  a = Draft("");
  EXPECT_EQ(news_.Create(Actor::Of(editor_), a, false).status().field(), "title");
  a = Draft("稿件");
  a.images = {NewsImage{"javascript:alert(1)", "图", ""}};
  EXPECT_EQ(news_.Create(Actor::Of(editor_), a, false).status().field(), "images");
  a = Draft("稿件");
  a.title = "\xff\xfe";
  EXPECT_EQ(news_.Create(Actor::Of(editor_), a, false).status().kind(), ErrorKind::kBadInput);
}

TEST_F(NewsTest, UpdateKeepsStatusAndAuthorship) {
  auto created = news_.Create(Actor::Of(editor_), Draft("原标题"), true);
  ASSERT_TRUE(created.ok());
  NewsArticle changed = *created;
  changed.title = "新标题";
  changed.status = NewsStatus::kDraft;  // ignored: status changes through publish/unpublish
  changed.created_by = admin_.id;       // ignored
  changed.published_at = 0;             // keeps the publication time
  auto updated = news_.Update(Actor::Of(admin_), changed);
  ASSERT_TRUE(updated.ok()) << updated.status().message();
  EXPECT_EQ(updated->title, "新标题");
  EXPECT_EQ(updated->status, NewsStatus::kPublished);
  EXPECT_EQ(updated->created_by, editor_.id);
  EXPECT_EQ(updated->published_at, created->published_at);
  changed.id = 9999;
  EXPECT_EQ(news_.Update(Actor::Of(admin_), changed).status().kind(), ErrorKind::kNotFound);
}

TEST_F(NewsTest, ColumnsAreAddedByEditorsOnly) {
  auto col = news_.CreateColumn(Actor::Of(editor_), NewsColumn{0, "events", "活动", "Events", 5});
  ASSERT_TRUE(col.ok()) << col.status().message();
  EXPECT_EQ(news_.Column("events")->name, "活动");
  EXPECT_EQ(
      news_.CreateColumn(Actor::Of(a_member_), NewsColumn{0, "x", "X", "", 1}).status().kind(),
      ErrorKind::kForbidden);
  EXPECT_EQ(news_.CreateColumn(Actor::Of(editor_), NewsColumn{0, "events", "重复", "", 1})
                .status()
                .kind(),
            ErrorKind::kConflict);
  EXPECT_EQ(news_.CreateColumn(Actor::Of(editor_), NewsColumn{0, "Bad Slug", "坏", "", 1})
                .status()
                .field(),
            "slug");
}

TEST_F(NewsTest, DeleteIsForEditorsAndFinal) {
  auto created = news_.Create(Actor::Of(editor_), Draft("将删除"), true);
  ASSERT_TRUE(created.ok());
  EXPECT_EQ(news_.Delete(Actor::Of(a_member_), created->id).kind(), ErrorKind::kForbidden);
  EXPECT_TRUE(news_.Delete(Actor::Of(editor_), created->id).ok());
  EXPECT_EQ(news_.Get(Actor::Of(editor_), created->id).status().kind(), ErrorKind::kNotFound);
  EXPECT_EQ(news_.Delete(Actor::Of(editor_), created->id).kind(), ErrorKind::kNotFound);
}

}  // namespace
}  // namespace kc
