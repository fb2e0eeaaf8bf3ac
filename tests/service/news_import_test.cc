#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "service/fixture.h"
#include "service/news.h"

namespace kc {
namespace {

using ::testing::ElementsAre;

class NewsImportTest : public testing::ServiceTest {
 protected:
  void SetUp() override {
    MakeWorld();
    editor_ = AddUser("editor", Role::kEditor, std::nullopt);
  }

  static NewsPageUpload Page(std::string content) {
    NewsPageUpload u;
    u.content = std::move(content);
    return u;
  }

  News news_{store(), clock_};
  User editor_;
};

constexpr char kPage[] =
    "科创联盟在杭州成立\n"
    "2023-05-06 14:20:05来源:示范新闻网\n"
    "示范网杭州5月6日电 (记者 李明)32家机构6日签署协议。\n"
    "【编辑:赵强】\n";

TEST_F(NewsImportTest, EditorsImportOthersMayNot) {
  EXPECT_TRUE(news_.ImportPage(Actor::Of(editor_), Page(kPage)).ok());
  EXPECT_TRUE(news_.ImportPage(Actor::Of(admin_), Page(kPage)).ok());
  for (const User& u : {reviewer_, a_admin_, a_member_}) {
    SCOPED_TRACE(u.username);
    EXPECT_EQ(news_.ImportPage(Actor::Of(u), Page(kPage)).status().kind(), ErrorKind::kForbidden);
  }
  EXPECT_EQ(news_.ImportPage(Actor::Visitor(), Page(kPage)).status().kind(),
            ErrorKind::kUnauthorized);
}

TEST_F(NewsImportTest, ParsesWithoutSavingUnlessAsked) {
  auto r = news_.ImportPage(Actor::Of(editor_), Page(kPage));
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->page.title, "科创联盟在杭州成立");
  EXPECT_EQ(r->page.source, "示范新闻网");
  EXPECT_EQ(r->page.editor, "赵强");
  EXPECT_FALSE(r->saved.has_value());
  EXPECT_EQ(news_.List(Actor::Of(editor_), NewsQuery{})->total, 0);
}

TEST_F(NewsImportTest, SavesTheArticleAsADraftInItsColumn) {
  NewsPageUpload u = Page(kPage);
  u.save = true;
  u.column = "headlines";
  auto r = news_.ImportPage(Actor::Of(editor_), u);
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_TRUE(r->saved.has_value());
  auto stored = news_.Get(Actor::Of(editor_), r->saved->id);
  ASSERT_TRUE(stored.ok());
  EXPECT_EQ(stored->status, NewsStatus::kDraft);
  EXPECT_EQ(stored->column, "headlines");
  EXPECT_EQ(stored->dateline, "示范网杭州5月6日电");
  EXPECT_EQ(stored->author, "李明");
  EXPECT_THAT(stored->paragraphs, ElementsAre("32家机构6日签署协议。"));
  EXPECT_EQ(stored->published_at, r->page.published_at);

  u.column = "no-such-column";
  EXPECT_EQ(news_.ImportPage(Actor::Of(editor_), u).status().field(), "column");
}

TEST_F(NewsImportTest, DecodesAPageByItsCharset) {
  // "产学合作成果展" then "来源：华夏网" in GBK, the charset named as a request would name it.
  NewsPageUpload u = Page(
      "<h1>\xB2\xFA\xD1\xA7\xBA\xCF\xD7\xF7\xB3\xC9\xB9\xFB\xD5\xB9</h1><p>2023-10-12 14:05 "
      "\xC0\xB4\xD4\xB4\xA3\xBA\xBB\xAA\xCF\xC4\xCD\xF8</p><p>\xB2\xFA\xD1\xA7</p>");
  u.charset = "gbk";
  u.format = PageFormat::kHtml;
  auto r = news_.ImportPage(Actor::Of(editor_), u);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->page.title, "产学合作成果展");
  EXPECT_EQ(r->page.source, "华夏网");
  EXPECT_EQ(r->page.format, PageFormat::kHtml);
}

TEST_F(NewsImportTest, RefusesBlankOversizedAndUnsaveablePages) {
  Status blank = news_.ImportPage(Actor::Of(editor_), Page(" \r\n\t")).status();
  EXPECT_EQ(blank.kind(), ErrorKind::kInvalid);
  EXPECT_EQ(blank.field(), "content");
  Status big =
      news_.ImportPage(Actor::Of(editor_), Page(std::string(kNewsPageMaxBytes + 1, 'a'))).status();
  EXPECT_EQ(big.kind(), ErrorKind::kTooLarge);
  NewsPageUpload one_line = Page("只有一行");
  one_line.save = true;
  Status unsaveable = news_.ImportPage(Actor::Of(editor_), one_line).status();
  EXPECT_EQ(unsaveable.field(), "paragraphs") << "a title without text is not an article";
}

}  // namespace
}  // namespace kc
