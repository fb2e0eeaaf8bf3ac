// A news article's server-written page and the headline list.
#include "api/news_page.h"

#include <gtest/gtest.h>

namespace kc::api {
namespace {

using nlohmann::json;

NewsArticle Article() {
  NewsArticle a;
  a.id = 12;
  a.title = "科技成果<转化>大会召开";
  a.source = "中国新闻网";
  a.author = "孙自法";
  a.editor = "李四";
  a.dateline = "中新网北京1月18日电";
  a.published_at = 1611020112;  // 2021-01-19T09:35:12+08:00
  a.updated_at = 1611020112;
  a.paragraphs = {"第一段<script>alert(1)</script>。", "第二段。"};
  a.images = {{"/uploads/a.jpg", "会场<图>", "张三"}, {"javascript:alert(1)", "坏链接", ""}};
  a.column = "notices";
  a.tags = {"成果转化"};
  a.status = NewsStatus::kPublished;
  return a;
}

TEST(NewsArticlePageTest, NewsArticleJsonLdWithHeadlineTimeAuthorPublisherAndImage) {
  PageText text;
  PageContent page = NewsArticlePage(Article(), {{1, "notices", "通知公告", "Notices", 0}}, text,
                                     "zh-CN", "http://example.org");
  json ld = json::parse(ScriptJson(page.json_ld));
  EXPECT_EQ(ld["@context"], "https://schema.org");
  EXPECT_EQ(ld["@type"], "NewsArticle");
  EXPECT_EQ(ld["headline"], "科技成果<转化>大会召开");
  EXPECT_EQ(ld["datePublished"], "2021-01-19T09:35:12+08:00");
  EXPECT_EQ(ld["author"]["@type"], "Person");
  EXPECT_EQ(ld["author"]["name"], "孙自法");
  EXPECT_EQ(ld["publisher"]["name"], "中国新闻网");
  EXPECT_EQ(ld["image"], json::array({"http://example.org/uploads/a.jpg"}));  // no javascript:
  EXPECT_EQ(page.title, "科技成果<转化>大会召开");
  EXPECT_EQ(page.description.find("第一段"), 0u);
}

TEST(NewsArticlePageTest, TheBodyIsEscapedAndTheTimeNamesItsZone) {
  PageText text = PageText::FromJson(
      R"({"zh-CN":{"news":{"source":"来源"}},"en":{"news":{"source":"Source"}}})");
  PageContent page = NewsArticlePage(Article(), {{1, "notices", "通知公告", "Notices", 0}}, text,
                                     "en", "http://example.org");
  const std::string& h = page.body_html;
  EXPECT_EQ(h.find("<script>"), std::string::npos);
  EXPECT_NE(h.find("第一段&lt;script&gt;alert(1)&lt;/script&gt;。"), std::string::npos);
  EXPECT_NE(h.find("<strong>中新网北京1月18日电</strong>"), std::string::npos);
  EXPECT_NE(h.find("2021-01-19 09:35 (UTC+08:00)"), std::string::npos) << h;
  EXPECT_NE(h.find("datetime=\"2021-01-19T09:35:12+08:00\""), std::string::npos);
  EXPECT_NE(h.find("Source：中国新闻网"), std::string::npos);
  EXPECT_NE(h.find("<a href=\"/news?column=notices\">Notices</a>"), std::string::npos);
  EXPECT_NE(h.find("<img src=\"/uploads/a.jpg\" alt=\"会场&lt;图&gt;\""), std::string::npos);
  EXPECT_EQ(h.find("javascript:"), std::string::npos);
}

TEST(NewsListPageTest, LinksEachArticle) {
  PageText text;
  std::vector<NewsArticle> articles = {Article()};
  PageContent page = NewsListPage(articles, 30, 1, 20, text, "zh-CN");
  EXPECT_NE(page.body_html.find("<a href=\"/news/12\">科技成果&lt;转化&gt;大会召开</a>"),
            std::string::npos)
      << page.body_html;
  EXPECT_NE(page.body_html.find("href=\"/news?page=2\""), std::string::npos);
}

TEST(NewsListPageTest, AColumnOrTagIsKeptByThePageLinks) {
  PageText text;
  PageContent page =
      NewsListPage({Article()}, 30, 1, 20, text, "zh-CN", {{"column", "policy"}, {"tag", "R&D"}});
  EXPECT_EQ(page.path, "/news?column=policy&tag=R%26D");
  EXPECT_NE(page.body_html.find("href=\"/news?column=policy&amp;tag=R%26D&amp;page=2\""),
            std::string::npos)
      << page.body_html;
}

}  // namespace
}  // namespace kc::api
