// Listing pages with their head for search engines, the sitemap and robots.txt.
#include "api/web_pages.h"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "api/api_fixture.h"

namespace kc::testing {
namespace {

using nlohmann::json;

class WebPagesTest : public ApiTest {
 protected:
  std::vector<std::string> ServerArgs() override {
    web_ = std::filesystem::temp_directory_path() / ("kc-web-" + std::to_string(getpid()));
    std::filesystem::create_directories(web_ / "assets");
    std::ofstream(web_ / "index.html")
        << "<!doctype html><html><head><meta charset=\"utf-8\"><title>科创</title></head>"
           "<body><div id=\"app\"></div></body></html>";
    std::ofstream(web_ / "assets" / "app-1234.js") << "console.log(1)";
    std::filesystem::create_directories(web_ / ".vite");
    std::ofstream(web_ / ".vite" / "manifest.json") << R"({
      "index.html": {"file": "assets/app-1234.js", "isEntry": true},
      "src/views/SearchView.vue": {"file": "assets/SearchView-1.js", "imports": ["index.html"]},
      "src/views/ListingDetailView.vue": {"file": "assets/ListingDetailView-2.js"}})";
    return {"--no-demo", "--web", web_.string()};
  }
  void TearDown() override { std::filesystem::remove_all(web_); }

  // The API answer a page carries (<script id="kc-api-data">), or null when it has none.
  static json EmbeddedData(const std::string& html) {
    const std::string open = "<script id=\"kc-api-data\" type=\"application/json\">";
    auto start = html.find(open);
    if (start == std::string::npos) return nullptr;
    start += open.size();
    auto end = html.find("</script>", start);
    if (end == std::string::npos) return nullptr;
    return json::parse(html.substr(start, end - start));
  }

  std::filesystem::path web_;
};

TEST_F(WebPagesTest, PublishedListingPageCarriesTitleDescriptionAndJsonLd) {
  Client owner = RegisterWithOrg("webpage1", "网页公司");
  Client reviewer = Reviewer();
  json body = DemandBody("</script><script>alert(1)</script>低温电池");
  int64_t id = CreateDemand(owner, "x");
  owner.Patch("/api/v1/demands/" + std::to_string(id), {{"title", body["title"]}});
  std::string base = "/api/v1/demands/" + std::to_string(id);
  owner.Post(base + "/submit", json::object());
  reviewer.Post(base + "/approve", json::object());
  auto page = Anonymous().Get("/demands/" + std::to_string(id));
  ASSERT_EQ(page.status, 200);
  EXPECT_EQ(page.Header("content-type"), "text/html; charset=utf-8");
  EXPECT_NE(page.body.find("<title>&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;低温电池"),
            std::string::npos)
      << page.body;
  EXPECT_NE(page.body.find("application/ld+json"), std::string::npos);
  EXPECT_NE(page.body.find("\"@type\":\"Demand\""), std::string::npos);
  EXPECT_EQ(page.body.find("<script>alert(1)"), std::string::npos);  // never unescaped
  EXPECT_NE(page.body.find("name=\"description\""), std::string::npos);
  EXPECT_NE(page.body.find("<div id=\"app\">"), std::string::npos);  // the app still loads
  EXPECT_EQ(page.body.find("0755-12345678"), std::string::npos);     // no contact details
  // The listing as the API shows a visitor, so the app need not ask for it.
  json data = EmbeddedData(page.body);
  ASSERT_TRUE(data.is_object()) << page.body;
  EXPECT_EQ(data["path"], "/demands/" + std::to_string(id));
  EXPECT_EQ(data["query"], json::object());
  EXPECT_EQ(data["body"], Anonymous().Get(base).json);
  EXPECT_FALSE(data["body"].contains("contact"));
  EXPECT_NE(page.body.find("<link rel=\"modulepreload\" crossorigin "
                           "href=\"/assets/ListingDetailView-2.js\">"),
            std::string::npos);

  // A draft's page is the plain app page; an unknown path is the SPA fallback.
  int64_t draft = CreateDemand(owner, "草稿页面");
  auto plain = Anonymous().Get("/demands/" + std::to_string(draft));
  EXPECT_EQ(plain.status, 200);
  EXPECT_EQ(plain.body.find("草稿页面"), std::string::npos);
  EXPECT_TRUE(EmbeddedData(plain.body).is_null());
  // Its owner's page carries the draft as the API shows it to them.
  auto own = owner.Get("/demands/" + std::to_string(draft));
  json own_data = EmbeddedData(own.body);
  ASSERT_TRUE(own_data.is_object()) << own.body;
  EXPECT_EQ(own_data["body"]["status"], "draft");
  EXPECT_EQ(own_data["body"]["contact"]["phone"],
            owner.Get("/api/v1/demands/" + std::to_string(draft)).json["contact"]["phone"]);
  EXPECT_EQ(Anonymous().Get("/workspace/listings").status, 200);
}

TEST_F(WebPagesTest, SitemapListsPublishedListingsAndRobotsPointsToIt) {
  Client owner = RegisterWithOrg("webpage2", "地图公司");
  Client reviewer = Reviewer();
  int64_t published = PublishedDemand(owner, reviewer, "已发布");
  int64_t draft = CreateDemand(owner, "未发布");
  auto sitemap = Anonymous().Get("/sitemap.xml");
  ASSERT_EQ(sitemap.status, 200);
  EXPECT_NE(sitemap.Header("content-type").find("xml"), std::string::npos);
  EXPECT_NE(sitemap.body.find("/demands/" + std::to_string(published) + "</loc>"),
            std::string::npos)
      << sitemap.body;
  EXPECT_EQ(sitemap.body.find("/demands/" + std::to_string(draft) + "</loc>"), std::string::npos);
  auto robots = Anonymous().Get("/robots.txt");
  EXPECT_EQ(robots.status, 200);
  EXPECT_NE(robots.body.find("Sitemap: http://127.0.0.1/sitemap.xml"), std::string::npos)
      << robots.body;
}

TEST_F(WebPagesTest, SearchPageCarriesTheFirstPageOfResultsAndNamesItsCode) {
  Client owner = RegisterWithOrg("webpage3", "检索页公司");
  Client reviewer = Reviewer();
  int64_t id = PublishedDemand(owner, reviewer, "</script>焊缝跟踪系统");
  const std::string api = "/api/v1/search?q=%E7%84%8A%E7%BC%9D&page=1&size=20";  // 焊缝
  HttpResult answer;
  for (int i = 0; i < 100; ++i) {
    answer = Anonymous().Get(api);
    if (answer.json.value("total", 0) > 0) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ASSERT_EQ(answer.json.value("total", 0), 1) << answer.body;

  // The page asks with size=50: the app's page size (20) is what the page carries.
  auto page = Anonymous().Get("/search?q=%E7%84%8A%E7%BC%9D&size=50");
  ASSERT_EQ(page.status, 200);
  EXPECT_EQ(page.Header("content-type"), "text/html; charset=utf-8");
  EXPECT_EQ(page.Header("cache-control"), "no-cache");
  EXPECT_NE(page.body.find("<div id=\"app\">"), std::string::npos);
  json data = EmbeddedData(page.body);
  ASSERT_TRUE(data.is_object()) << page.body;
  EXPECT_EQ(data["path"], "/search");
  EXPECT_EQ(data["query"], json({{"q", "焊缝"}, {"page", 1}, {"size", 20}}));
  EXPECT_EQ(data["body"], answer.json);
  EXPECT_EQ(data["body"]["hits"][0]["id"], id);
  // The title's "</script>" stays inside the element: every '<' of the data is escaped.
  EXPECT_EQ(page.body.find("</script>焊缝"), std::string::npos);
  EXPECT_NE(page.body.find("\\u003c/script>焊缝"), std::string::npos);
  EXPECT_NE(page.body.find("<link rel=\"modulepreload\" crossorigin "
                           "href=\"/assets/SearchView-1.js\">"),
            std::string::npos);
  EXPECT_EQ(page.body.find("app-1234.js\">"), std::string::npos);  // the entry is not preloaded

  // Parameters the API refuses: the plain page, whose app asks and shows the error.
  auto bad = Anonymous().Get("/search?q=x&type=patent");
  EXPECT_EQ(bad.status, 200);
  EXPECT_TRUE(EmbeddedData(bad.body).is_null());
  EXPECT_EQ(Anonymous().Get("/api/v1/search?q=x&type=patent").status, 400);
}

TEST(WebPagesUnitTest, ApiDataScriptEscapesEveryLessThan) {
  std::string script = api::ApiDataScript("/search", {{"q", "<b>"}}, {{"t", "</script><!--"}});
  EXPECT_EQ(script,
            "<script id=\"kc-api-data\" type=\"application/json\">"
            "{\"body\":{\"t\":\"\\u003c/script>\\u003c!--\"},\"path\":\"/search\","
            "\"query\":{\"q\":\"\\u003cb>\"}}</script>\n");
}

TEST(WebPagesUnitTest, InjectHeadReplacesTheTitle) {
  std::string html = "<html><head><title>old</title></head><body></body></html>";
  std::string out = api::InjectHead(html, "<title>new</title>");
  EXPECT_EQ(out, "<html><head><title>new</title></head><body></body></html>");
  EXPECT_EQ(api::InjectHead("<p>no head</p>", "<title>x</title>"), "<p>no head</p>");
}

}  // namespace
}  // namespace kc::testing
