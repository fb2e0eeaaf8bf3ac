#include "api/news_json.h"

#include <gtest/gtest.h>

#include "api/schema_check.h"

namespace kc::api {
namespace {

using nlohmann::json;

NewsArticle Article() {
  NewsArticle a;
  a.id = 7;
  a.title = "长三角技术转移联盟成立";
  a.source = "示范新闻网";
  a.dateline = "示范网杭州5月6日电";
  a.published_at = 1683353405;  // 2023-05-06T06:10:05Z
  a.utc_offset_minutes = 480;
  a.paragraphs = {"第一段。", "第二段。"};
  a.images = {{"https://example.org/a.jpg", "签约现场。", "李明 摄"}};
  a.column = "programme";
  a.tags = {"联盟"};
  a.status = NewsStatus::kPublished;
  return a;
}

const std::vector<NewsColumn> kColumns = {{1, "programme", "项目动态", "Programme", 10}};

TEST(NewsJsonTest, ArticlesValidateAgainstTheirSchemaInBothForms) {
  NewsArticle bare;
  bare.id = 1;
  bare.title = "草稿";
  bare.utc_offset_minutes = -330;
  testing::ExpectValid(
      ArticleSchema(),
      {ArticleJson(Article(), kColumns, true), ArticleJson(Article(), kColumns, false),
       ArticleJson(bare, {}, true), ArticleJson(bare, {}, false)});
}

TEST(NewsJsonTest, AListItemCarriesTheSummaryAndTheFirstImageInsteadOfTheText) {
  json item = ArticleJson(Article(), kColumns, false);
  EXPECT_EQ(item["summary"], "第一段。");
  EXPECT_EQ(item["image"], "https://example.org/a.jpg");
  EXPECT_FALSE(item.contains("paragraphs"));
  EXPECT_FALSE(item.contains("breadcrumbs"));
  json full = ArticleJson(Article(), kColumns, true);
  EXPECT_FALSE(full.contains("summary"));
  EXPECT_EQ(full["paragraphs"].size(), 2u);
  EXPECT_EQ(full["published_at"], "2023-05-06T14:10:05+08:00");
  EXPECT_EQ(full["time_zone"], "+08:00");
  EXPECT_EQ(full["column_name"], json({{"zh", "项目动态"}, {"en", "Programme"}}));
  ASSERT_EQ(full["breadcrumbs"].size(), 3u);
  EXPECT_EQ(full["breadcrumbs"][2]["path"], "/news?column=programme");
  EXPECT_FALSE(ArticleJson(Article(), {}, true).contains("column_name")) << "an unknown column";
}

TEST(NewsJsonTest, ReadArticleAppliesThePresentFieldsOnly) {
  NewsArticle a = Article();
  ASSERT_TRUE(
      ReadArticle({{"title", "新标题"}, {"published_at", "2024-01-02T03:04:05-05:00"}}, &a).ok());
  EXPECT_EQ(a.title, "新标题");
  EXPECT_EQ(a.source, "示范新闻网");
  EXPECT_EQ(a.utc_offset_minutes, -300);
  EXPECT_EQ(a.paragraphs.size(), 2u);
  EXPECT_EQ(ReadArticle({{"published_at", "tomorrow"}}, &a).field(), "published_at");
  EXPECT_EQ(ReadArticle({{"tags", "one"}}, &a).field(), "tags");
  Status unknown = ReadArticle({{"images", {{{"url", "/x.png"}, {"alt", "x"}}}}}, &a);
  EXPECT_EQ(unknown.code(), "unknown_field");
  ASSERT_TRUE(ReadArticle({{"published_at", ""}}, &a).ok());
  EXPECT_EQ(a.published_at, 0);
}

TEST(NewsJsonTest, ColumnsTagsAndImportedPagesValidateAgainstTheirSchemas) {
  testing::ExpectValid(ColumnSchema(), {ColumnJson(kColumns[0])});
  testing::ExpectValid(TagCountSchema(), {TagCountJson({"联盟", 3})});
  ImportedNewsPage found;
  found.page.title = "标题";
  found.page.published_at = 1683353405;
  found.page.local_time = "2023-05-06 14:10:05";
  found.page.paragraphs = {"正文。"};
  found.page.images = {{"", "图说", ""}};
  found.page.breadcrumbs = {"首页", "新闻"};
  found.page.missing = {"source"};
  found.page.assumed = {"time_zone"};
  ImportedNewsPage saved = found;
  saved.saved = Article();
  json unsaved = ImportedPageJson(found);
  EXPECT_FALSE(unsaved.contains("id"));
  EXPECT_EQ(unsaved["time_zone"], "+08:00");
  EXPECT_EQ(ImportedPageJson(saved)["id"], 7);
  EXPECT_EQ(ImportedPageJson(ImportedNewsPage{})["time_zone"], "") << "no time, no zone";
  testing::ExpectValid(ImportedPageSchema(),
                       {unsaved, ImportedPageJson(saved), ImportedPageJson(ImportedNewsPage{})});
}

TEST(NewsJsonTest, TheValidatorCatchesAPropertyTheSchemaDoesNotName) {
  json j = ArticleJson(Article(), kColumns, true);
  j["views"] = 3;
  auto errors = testing::SchemaErrors(ArticleSchema(), {j});
  ASSERT_EQ(errors.size(), 1u);
  ASSERT_EQ(errors[0].size(), 1u);
  EXPECT_NE(errors[0][0].find("'views' was unexpected"), std::string::npos) << errors[0][0];
}

}  // namespace
}  // namespace kc::api
