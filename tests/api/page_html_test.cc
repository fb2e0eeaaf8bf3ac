// The frame of server-written pages: head, content in the mount element, times.
#include "api/page_html.h"

#include <gtest/gtest.h>

namespace kc::api {
namespace {

constexpr const char* kIndex =
    "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\" />"
    "<meta name=\"description\" content=\"科创：平台\" /><title>科创 · 平台</title></head>"
    "<body><div id=\"app\"></div><script type=\"module\" src=\"/assets/a.js\"></script>"
    "</body></html>";

size_t Count(const std::string& s, const std::string& part) {
  size_t n = 0;
  for (size_t pos = 0; (pos = s.find(part, pos)) != std::string::npos; pos += part.size()) ++n;
  return n;
}

TEST(ComposePageTest, OneTitleOneDescriptionAndTheContentInsideTheMountElement) {
  PageText text =
      PageText::FromJson(R"({"zh-CN":{"app":{"name":"科创"}},"en":{"app":{"name":"Kechuang"}}})");
  PageContent c;
  c.title = "<b>标题</b>";
  c.description = "说明 \"引号\"";
  c.path = "/news/3";
  c.json_ld = {{"@type", "NewsArticle"}, {"headline", "</script><script>x"}};
  c.body_html = "<h1>正文</h1>";
  std::string html = ComposePage(kIndex, c, text, "en", "http://example.org");
  EXPECT_EQ(Count(html, "<title>"), 1u);
  EXPECT_NE(html.find("<title>&lt;b&gt;标题&lt;/b&gt; · Kechuang</title>"), std::string::npos);
  EXPECT_EQ(Count(html, "name=\"description\""), 1u) << html;
  EXPECT_NE(html.find("content=\"说明 &quot;引号&quot;\""), std::string::npos);
  EXPECT_NE(html.find("<html lang=\"en\">"), std::string::npos);
  EXPECT_NE(html.find("<link rel=\"canonical\" href=\"http://example.org/news/3\">"),
            std::string::npos);
  EXPECT_EQ(html.find("</script><script>x"), std::string::npos);
  EXPECT_NE(html.find("\\u003c/script>\\u003cscript>x"), std::string::npos);
  const size_t mount = html.find("<div id=\"app\">");
  const size_t content = html.find("<h1>正文</h1>");
  ASSERT_NE(content, std::string::npos);
  EXPECT_LT(mount, content);
  EXPECT_LT(content, html.find("<script type=\"module\""));
  EXPECT_NE(html.find("href=\"/news\""), std::string::npos);  // the site's navigation

  // Without a description of its own the page keeps the app's (still exactly one).
  PageContent plain;
  plain.body_html = "<p>x</p>";
  std::string kept = ComposePage(kIndex, plain, text, "zh-CN", "http://example.org");
  EXPECT_EQ(Count(kept, "name=\"description\""), 1u);
  EXPECT_NE(kept.find("<title>科创 · 平台</title>"), std::string::npos);
}

TEST(ShanghaiTimeTest, ShowsTheTimeInChinaWithItsOffsetNamed) {
  // 2021-01-19T01:35:12Z is 09:35 in Shanghai.
  EXPECT_EQ(ShanghaiTime(1611020112), "2021-01-19 09:35 (UTC+08:00)");
  EXPECT_EQ(ShanghaiIso(1611020112), "2021-01-19T09:35:12+08:00");
  // Midnight in Shanghai is 16:00 UTC the day before.
  EXPECT_EQ(ShanghaiDate(1610985600), "2021-01-19");  // 2021-01-18T16:00:00Z
  EXPECT_EQ(ShanghaiDate(1610985599), "2021-01-18");
  EXPECT_EQ(ShanghaiTime(0), "");
  EXPECT_EQ(EpochOfIsoTime("2021-01-19T01:35:12Z"), 1611020112);
  EXPECT_EQ(EpochOfIsoTime("garbage"), 0);
}

TEST(PageLinksTest, PreviousAndNextOnlyWhereTheyExist) {
  PageText text;
  auto href = [](int64_t p) { return "/news?page=" + std::to_string(p); };
  EXPECT_EQ(PageLinks(20, 20, 1, text, "zh-CN", href), "");
  std::string first = PageLinks(45, 20, 1, text, "zh-CN", href);
  EXPECT_EQ(first.find("page=0"), std::string::npos);
  EXPECT_NE(first.find("href=\"/news?page=2\""), std::string::npos);
  std::string last = PageLinks(45, 20, 3, text, "zh-CN", href);
  EXPECT_NE(last.find("href=\"/news?page=2\""), std::string::npos);
  EXPECT_EQ(last.find("page=4"), std::string::npos);
}

TEST(ListAddressTest, KeepsTheFiltersThatAreSetEncodedAndThePageAfterTheFirst) {
  EXPECT_EQ(ListAddress("/demands", {}), "/demands");
  EXPECT_EQ(ListAddress("/demands", {{"q", ""}, {"category", ""}}, 1), "/demands");
  EXPECT_EQ(ListAddress("/demands", {{"q", ""}}, 2), "/demands?page=2");
  EXPECT_EQ(ListAddress("/demands", {{"q", "a&b=c #d"}, {"region", "44"}}, 3),
            "/demands?q=a%26b%3Dc%20%23d&region=44&page=3");
  EXPECT_EQ(ListAddress("/news", {{"tag", "新能源"}}), "/news?tag=%E6%96%B0%E8%83%BD%E6%BA%90");
}

TEST(SearchFormTest, AGetFormWithTheWordsAndTheOtherFiltersHidden) {
  const std::string h =
      SearchForm("/bases", {{"country", "DE"}, {"q", "\"><script>"}, {"x", ""}}, "名称", "搜索");
  EXPECT_NE(h.find("<form class=\"kc-search\" method=\"get\" action=\"/bases\" role=\"search\">"),
            std::string::npos)
      << h;
  EXPECT_NE(h.find("<input type=\"hidden\" name=\"country\" value=\"DE\">"), std::string::npos);
  EXPECT_EQ(h.find("name=\"x\""), std::string::npos);  // unset filters are not sent
  EXPECT_NE(h.find("name=\"q\" value=\"&quot;&gt;&lt;script&gt;\""), std::string::npos) << h;
  EXPECT_EQ(h.find("<script>"), std::string::npos);
  EXPECT_NE(h.find("aria-label=\"名称\""), std::string::npos);
  EXPECT_NE(h.find(">搜索</button></form>"), std::string::npos);
}

}  // namespace
}  // namespace kc::api
