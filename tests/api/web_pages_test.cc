// Listing pages with their head for search engines, the sitemap and robots.txt.
#include "api/web_pages.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

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
    return {"--no-demo", "--web", web_.string()};
  }
  void TearDown() override { std::filesystem::remove_all(web_); }
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

  // A draft's page is the plain app page; an unknown path is the SPA fallback.
  int64_t draft = CreateDemand(owner, "草稿页面");
  auto plain = Anonymous().Get("/demands/" + std::to_string(draft));
  EXPECT_EQ(plain.status, 200);
  EXPECT_EQ(plain.body.find("草稿页面"), std::string::npos);
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

TEST(WebPagesUnitTest, InjectHeadReplacesTheTitle) {
  std::string html = "<html><head><title>old</title></head><body></body></html>";
  std::string out = api::InjectHead(html, "<title>new</title>");
  EXPECT_EQ(out, "<html><head><title>new</title></head><body></body></html>");
  EXPECT_EQ(api::InjectHead("<p>no head</p>", "<title>x</title>"), "<p>no head</p>");
}

}  // namespace
}  // namespace kc::testing
