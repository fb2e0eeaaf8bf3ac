// Listing pages with their head for search engines, the sitemap and robots.txt.
#include "api/web_pages.h"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "api/api_fixture.h"
#include "api/app_routes.h"
#include "http/message.h"

namespace kc::testing {
namespace {

using nlohmann::json;

class WebPagesTest : public ApiTest {
 protected:
  std::vector<std::string> ServerArgs() override {
    web_ = std::filesystem::temp_directory_path() / ("kc-web-" + std::to_string(getpid()));
    std::filesystem::create_directories(web_ / "assets");
    std::ofstream(web_ / "index.html")
        << "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
           "<meta name=\"description\" content=\"科创平台\"><title>科创</title></head>"
           "<body><div id=\"app\"></div></body></html>";
    std::ofstream(web_ / "messages.json") << R"({
      "zh-CN": {"app": {"name": "科创"}, "form": {"category": "门类", "region": "地区"},
                "common": {"notFound": "页面不存在"}, "news": {"title": "新闻资讯"}},
      "en": {"app": {"name": "Kechuang"}, "form": {"category": "Category", "region": "Region"},
             "common": {"notFound": "Page not found"}}})";
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

  // A user with the editor role, signed in.
  Client Editor() {
    Client c = RegisterUser("editor1");
    int64_t id = c.Get("/api/v1/me").json.value("id", 0);
    EXPECT_EQ(Admin().Patch("/api/v1/users/" + std::to_string(id), {{"role", "editor"}}).status,
              200);
    return c;
  }

  static size_t Count(const std::string& s, const std::string& part) {
    size_t n = 0;
    for (size_t pos = 0; (pos = s.find(part, pos)) != std::string::npos; pos += part.size()) ++n;
    return n;
  }

  // The page's JSON-LD, parsed (it must be JSON).
  static json JsonLd(const std::string& html) {
    const std::string open = "<script type=\"application/ld+json\">";
    auto start = html.find(open);
    if (start == std::string::npos) return nullptr;
    start += open.size();
    return json::parse(html.substr(start, html.find("</script>", start) - start));
  }

  // What is inside the app's mount element.
  static std::string Mounted(const std::string& html) {
    auto start = html.find("<div id=\"app\">");
    if (start == std::string::npos) return "";
    return html.substr(start, html.find("</body>") - start);
  }

  std::filesystem::path web_;
};

// The search page runs a search: it is written on the search pool, the other pages on the I/O
// thread (http::Fallback::pool).
TEST(WebPagePoolTest, TheSearchPageRunsOnTheSearchPool) {
  auto pool = [](const char* target) {
    http::Request req(http::BeastRequest(http::bhttp::verb::get, target, 11), "id", "127.0.0.1");
    return api::WebPagePool(req);
  };
  EXPECT_EQ(pool("/search?q=%E7%84%8A%E7%BC%9D"), http::Pool::kSearch);
  EXPECT_EQ(pool("/search"), http::Pool::kSearch);
  for (const char* other : {"/", "/demands", "/demands/7", "/news", "/sitemap.xml", "/searching",
                            "/assets/app.js", "/api/v1/search"}) {
    EXPECT_EQ(pool(other), http::Pool::kIoThread) << other;
  }
}

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
  EXPECT_EQ(Count(page.body, "<title>"), 1u);
  EXPECT_EQ(Count(page.body, "name=\"description\""), 1u);
  EXPECT_EQ(JsonLd(page.body)["@type"], "Demand");
  // The content is in the page, for readers without JavaScript.
  const std::string mounted = Mounted(page.body);
  EXPECT_NE(mounted.find("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;低温电池</h1>"),
            std::string::npos)
      << mounted;
  EXPECT_NE(mounted.find("<dt>门类</dt><dd>工学</dd>"), std::string::npos);
  EXPECT_NE(mounted.find("网页公司"), std::string::npos);
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

  // A draft is not found by a visitor; a listing that does not exist neither.
  int64_t draft = CreateDemand(owner, "草稿页面");
  auto plain = Anonymous().Get("/demands/" + std::to_string(draft));
  EXPECT_EQ(plain.status, 404);
  EXPECT_EQ(plain.body.find("草稿页面"), std::string::npos);
  EXPECT_TRUE(EmbeddedData(plain.body).is_null());
  EXPECT_NE(plain.body.find("<div id=\"app\">"), std::string::npos);  // the app shows its view
  EXPECT_EQ(Anonymous().Get("/demands/999999").status, 404);
  EXPECT_EQ(Anonymous().Get("/experts/" + std::to_string(id)).status, 404);  // another kind
  // Its owner's page carries the draft as the API shows it to them.
  auto own = owner.Get("/demands/" + std::to_string(draft));
  EXPECT_EQ(own.status, 200);
  json own_data = EmbeddedData(own.body);
  ASSERT_TRUE(own_data.is_object()) << own.body;
  EXPECT_EQ(own_data["body"]["status"], "draft");
  EXPECT_EQ(own_data["body"]["contact"]["phone"],
            owner.Get("/api/v1/demands/" + std::to_string(draft)).json["contact"]["phone"]);
  EXPECT_EQ(Anonymous().Get("/workspace").status, 200);
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
  // The base URL is the address served on (no --base-url here), not the Host header.
  EXPECT_NE(robots.body.find("Sitemap: http://127.0.0.1:" + std::to_string(server_->port()) +
                             "/sitemap.xml"),
            std::string::npos)
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

TEST_F(WebPagesTest, AMembersOnlyListingsDetailsAreNeverInAVisitorsPage) {
  Client owner = RegisterWithOrg("webpage4", "会员页公司");
  Client reviewer = Reviewer();
  json body = DemandBody("会员可见的需求");
  body["visibility"] = "members";
  body["description"] = std::string(130, 'x') + "MEMBERS-ONLY-DETAIL";
  int64_t id = PublishedDemandWith(owner, reviewer, body);
  const std::string path = "/demands/" + std::to_string(id);
  auto visitor = Anonymous().Get(path);
  ASSERT_EQ(visitor.status, 200);
  EXPECT_NE(Mounted(visitor.body).find("会员可见的需求"), std::string::npos);
  EXPECT_EQ(visitor.body.find("MEMBERS-ONLY-DETAIL"), std::string::npos);
  EXPECT_EQ(visitor.body.find("2000000"), std::string::npos);  // the budget
  // A member's page: the rendered content is still the public one (the app shows the rest).
  Client member = RegisterWithOrg("webpage5", "另一家公司");
  auto signed_in = member.Get(path);
  ASSERT_EQ(signed_in.status, 200);
  EXPECT_EQ(Mounted(signed_in.body).find("MEMBERS-ONLY-DETAIL"), std::string::npos);
  EXPECT_EQ(EmbeddedData(signed_in.body)["body"]["description"], body["description"]);
}

TEST_F(WebPagesTest, ListPagesLinkTheirItemsInTheReadersLanguage) {
  Client owner = RegisterWithOrg("webpage6", "列表公司");
  Client reviewer = Reviewer();
  int64_t id = PublishedDemand(owner, reviewer, "列表里的需求");
  auto list = Anonymous().Get("/demands");
  ASSERT_EQ(list.status, 200);
  EXPECT_NE(
      Mounted(list.body).find("<a href=\"/demands/" + std::to_string(id) + "\">列表里的需求</a>"),
      std::string::npos)
      << list.body;
  EXPECT_NE(list.body.find("<html lang=\"zh-CN\">"), std::string::npos);
  auto en = Anonymous().Get("/demands/" + std::to_string(id) + "?lang=en");
  EXPECT_NE(en.body.find("<html lang=\"en\">"), std::string::npos);
  EXPECT_NE(Mounted(en.body).find("<dt>Category</dt><dd>Engineering</dd>"), std::string::npos)
      << Mounted(en.body);
  EXPECT_NE(en.body.find("· Kechuang</title>"), std::string::npos);
  // A filtered list keeps its filter in the search box and leaves out what does not match.
  const int64_t other = PublishedDemand(owner, reviewer, "另一项需求");
  auto filtered = Anonymous().Get("/demands?q=" + http::PercentEncode("列表里"));
  ASSERT_EQ(filtered.status, 200);
  EXPECT_NE(Mounted(filtered.body).find("href=\"/demands/" + std::to_string(id) + "\""),
            std::string::npos);
  EXPECT_EQ(Mounted(filtered.body).find("href=\"/demands/" + std::to_string(other) + "\""),
            std::string::npos);
  EXPECT_NE(Mounted(filtered.body).find("name=\"q\" value=\"列表里\""), std::string::npos);
  // The home page links the newest listings.
  auto home = Anonymous().Get("/");
  ASSERT_EQ(home.status, 200);
  EXPECT_NE(Mounted(home.body).find("href=\"/demands/" + std::to_string(id) + "\""),
            std::string::npos);
}

TEST_F(WebPagesTest, OrganisationNewsAndCampaignPagesCarryTheirContent) {
  Client owner = RegisterWithOrg("webpage7", "机构<页>公司");
  int64_t org_id = owner.Get("/api/v1/me").json.value("org_id", 0);
  auto org = Anonymous().Get("/orgs/" + std::to_string(org_id));
  ASSERT_EQ(org.status, 200);
  EXPECT_NE(Mounted(org.body).find("<h1>机构&lt;页&gt;公司</h1>"), std::string::npos);
  EXPECT_EQ(JsonLd(org.body)["@type"], "Organization");
  EXPECT_EQ(Anonymous().Get("/orgs/999999").status, 404);

  Client editor = Editor();
  json article = {{"title", "成果转化<大会>"},
                  {"source", "示范新闻网"},
                  {"author", "李明"},
                  {"published_at", "2023-05-06T14:20:05+08:00"},
                  {"paragraphs", {"第一段正文。", "第二段。"}},
                  {"publish", true}};
  auto created = editor.Post("/api/v1/news", article);
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string news_path = "/news/" + std::to_string(created.json.value("id", 0));
  auto news = Anonymous().Get(news_path);
  ASSERT_EQ(news.status, 200);
  EXPECT_NE(Mounted(news.body).find("第一段正文。"), std::string::npos);
  EXPECT_NE(Mounted(news.body).find("2023-05-06 14:20 (UTC+08:00)"), std::string::npos);
  json ld = JsonLd(news.body);
  EXPECT_EQ(ld["@type"], "NewsArticle");
  EXPECT_EQ(ld["headline"], "成果转化<大会>");
  EXPECT_EQ(ld["datePublished"], "2023-05-06T14:20:05+08:00");
  EXPECT_EQ(Count(news.body, "name=\"description\""), 1u);
  auto list = Anonymous().Get("/news");
  EXPECT_NE(Mounted(list.body).find("<a href=\"" + news_path + "\">"), std::string::npos);
  article["title"] = "未发布的新闻";
  article["publish"] = false;
  auto draft = editor.Post("/api/v1/news", article);
  const std::string draft_path = "/news/" + std::to_string(draft.json.value("id", 0));
  EXPECT_EQ(Anonymous().Get(draft_path).status, 404);
  EXPECT_EQ(editor.Get(draft_path).status, 200);  // the app shows an editor their draft

  Client admin = Admin();
  auto campaign = admin.Post(
      "/api/v1/campaigns", {{"template", "emerging-enterprise"},
                            {"year", 2026},
                            {"nomination_opens", "2025-12-31T16:00:00Z"},  // 2026-01-01 in Shanghai
                            {"nomination_closes", "2026-01-31T16:00:00Z"},
                            {"review_opens", "2026-01-31T16:00:00Z"},
                            {"review_closes", "2026-02-28T16:00:00Z"}});
  ASSERT_EQ(campaign.status, 201) << campaign.body;
  const std::string campaign_path = "/campaigns/" + std::to_string(campaign.json.value("id", 0));
  EXPECT_EQ(Anonymous().Get(campaign_path).status, 404);  // a draft
  ASSERT_EQ(admin.Post("/api/v1" + campaign_path + "/open", json::object()).status, 200);
  auto open = Anonymous().Get(campaign_path);
  ASSERT_EQ(open.status, 200);
  EXPECT_NE(Mounted(open.body).find("新锐企业榜"), std::string::npos);
  EXPECT_NE(Mounted(open.body).find("2026-01-01 – 2026-02-01"), std::string::npos);

  // The sitemap lists them all.
  auto sitemap = Anonymous().Get("/sitemap.xml");
  EXPECT_NE(sitemap.body.find("/orgs/" + std::to_string(org_id) + "</loc>"), std::string::npos);
  EXPECT_NE(sitemap.body.find(news_path + "</loc>"), std::string::npos);
  EXPECT_EQ(sitemap.body.find(draft_path + "</loc>"), std::string::npos);
  EXPECT_NE(sitemap.body.find(campaign_path + "</loc>"), std::string::npos);
  EXPECT_EQ(Anonymous().Get("/sitemap-1.xml").status, 404);  // one file holds them
}

// The partners page is written for readers without JavaScript, carries the list for the app,
// and is in the sitemap; this node has no partners yet.
TEST_F(WebPagesTest, EventPagesCarryTheEventAndHideDrafts) {
  Client admin = Admin();
  const int64_t org_id = admin.Get("/api/v1/me").json.value("org_id", int64_t{0});
  json body = {{"org_id", org_id},
               {"kind", "conference"},
               {"title", "成果转化<年会>"},
               {"starts_at", "2099-05-06T09:00:00+08:00"},
               {"ends_at", "2099-05-06T17:00:00+08:00"},
               {"venue", "北京国家会议中心"}};
  auto created = admin.Post("/api/v1/events", body);
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string path = "/events/" + std::to_string(created.json.value("id", 0));
  EXPECT_EQ(Anonymous().Get(path).status, 404);  // a draft
  EXPECT_EQ(admin.Get(path).status, 200);        // the app shows its organiser the draft
  ASSERT_EQ(admin.Post("/api/v1" + path + "/publish", json::object()).status, 200);
  auto page = Anonymous().Get(path);
  ASSERT_EQ(page.status, 200);
  const std::string mounted = Mounted(page.body);
  EXPECT_NE(mounted.find("成果转化&lt;年会&gt;"), std::string::npos);
  EXPECT_NE(mounted.find("2099-05-06 09:00 – 17:00 (UTC+08:00)"), std::string::npos);
  EXPECT_NE(page.body.find("\"@type\":\"Event\""), std::string::npos);
  auto list = Anonymous().Get("/events");
  ASSERT_EQ(list.status, 200);
  EXPECT_NE(Mounted(list.body).find("href=\"" + path + "\""), std::string::npos);
  // ?q= finds by title or venue, as the app's list does, and the search box holds it.
  auto found = Anonymous().Get("/events?q=" + http::PercentEncode("国家会议"));
  EXPECT_NE(Mounted(found.body).find("href=\"" + path + "\""), std::string::npos);
  EXPECT_NE(Mounted(found.body).find("name=\"q\" value=\"国家会议\""), std::string::npos);
  auto other = Anonymous().Get("/events?q=" + http::PercentEncode("路演大赛"));
  ASSERT_EQ(other.status, 200);
  EXPECT_EQ(Mounted(other.body).find("href=\"" + path + "\""), std::string::npos);
  EXPECT_NE(Anonymous().Get("/sitemap.xml").body.find(path + "</loc>"), std::string::npos);
  EXPECT_EQ(Anonymous().Get("/events/987654").status, 404);
}

TEST_F(WebPagesTest, PartnersPageIsWrittenWithTheListTheAppReads) {
  auto r = Anonymous().Get("/partners");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_NE(r.Header("content-type").find("text/html"), std::string::npos);
  EXPECT_NE(r.body.find("<h1>partners.title</h1>"), std::string::npos) << r.body;
  const auto canonical = r.body.find("<link rel=\"canonical\" href=\"");
  ASSERT_NE(canonical, std::string::npos);
  EXPECT_EQ(r.body.substr(r.body.find('>', canonical) - 10, 11), "/partners\">");
  json data = EmbeddedData(r.body);
  ASSERT_TRUE(data.is_object()) << r.body;
  EXPECT_EQ(data["path"], "/partners");
  EXPECT_EQ(data["body"], json({{"items", json::array()}}));
  EXPECT_EQ(JsonLd(r.body)["@type"], "ItemList");
  EXPECT_NE(Anonymous().Get("/sitemap.xml").body.find("/partners</loc>"), std::string::npos);
}

TEST_F(WebPagesTest, OffshoreBasesAreWrittenAndADraftIsNotFound) {
  Client admin = Admin();
  auto base = admin.Post("/api/v1/bases", {{"name", "慕尼黑离岸基地"},
                                           {"country", "DE"},
                                           {"city", "München"},
                                           {"status", "published"}});
  ASSERT_EQ(base.status, 201) << base.body;
  const std::string path = "/bases/" + std::to_string(base.json.value("id", 0));
  auto page = Anonymous().Get(path);
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("<h1>慕尼黑离岸基地</h1>"), std::string::npos) << page.body;
  EXPECT_NE(page.body.find("\"path\":\"" + path + "\""), std::string::npos);
  auto list = Anonymous().Get("/bases");
  EXPECT_EQ(list.status, 200);
  EXPECT_NE(list.body.find("href=\"" + path + "\""), std::string::npos) << list.body;
  EXPECT_NE(list.body.find("/bases?country=DE"), std::string::npos);

  auto draft =
      admin.Post("/api/v1/bases", {{"name", "草稿离岸基地"}, {"country", "DE"}, {"city", "Bonn"}});
  ASSERT_EQ(draft.status, 201) << draft.body;
  const std::string draft_path = "/bases/" + std::to_string(draft.json.value("id", 0));
  EXPECT_EQ(Anonymous().Get(draft_path).status, 404);
  EXPECT_EQ(Anonymous().Get("/bases").body.find("草稿离岸基地"), std::string::npos);
  // Its maintainers get the app's page, with the base for the app and nothing written.
  auto own = admin.Get(draft_path);
  EXPECT_EQ(own.status, 200);
  EXPECT_EQ(own.body.find("<h1>草稿离岸基地</h1>"), std::string::npos);
}

TEST_F(WebPagesTest, ActionPlansAreWrittenAndADraftIsNotFound) {
  Client admin = Admin();
  auto plan = admin.Post("/api/v1/plans", {{"title", "科技成果转化三年行动计划"},
                                           {"start_year", 2025},
                                           {"end_year", 2027},
                                           {"status", "published"}});
  ASSERT_EQ(plan.status, 201) << plan.body;
  const std::string path = "/plans/" + std::to_string(plan.json.value("id", 0));
  auto category = admin.Post("/api/v1" + path + "/categories", {{"title", "平台建设"}});
  auto task = admin.Post(
      "/api/v1" + path + "/tasks",
      {{"category_id", category.json["id"]}, {"code", "1.1"}, {"title", "建成服务平台"}});
  ASSERT_EQ(task.status, 201) << task.body;
  const std::string task_path = path + "/tasks/" + std::to_string(task.json.value("id", 0));
  auto page = Anonymous().Get(path);
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("<h1>科技成果转化三年行动计划</h1>"), std::string::npos) << page.body;
  EXPECT_NE(page.body.find("href=\"" + task_path + "\""), std::string::npos) << page.body;
  EXPECT_NE(page.body.find("<td>平台建设</td>"), std::string::npos) << page.body;
  auto task_page = Anonymous().Get(task_path);
  EXPECT_EQ(task_page.status, 200);
  EXPECT_NE(task_page.body.find("<h1>1.1 建成服务平台</h1>"), std::string::npos);
  // A task is found under its own plan only.
  EXPECT_EQ(
      Anonymous().Get("/plans/999999/tasks/" + std::to_string(task.json.value("id", 0))).status,
      404);
  auto list = Anonymous().Get("/plans");
  EXPECT_EQ(list.status, 200);
  EXPECT_NE(list.body.find("href=\"" + path + "\""), std::string::npos) << list.body;

  auto draft = admin.Post("/api/v1/plans",
                          {{"title", "草稿行动计划"}, {"start_year", 2025}, {"end_year", 2027}});
  ASSERT_EQ(draft.status, 201) << draft.body;
  const std::string draft_path = "/plans/" + std::to_string(draft.json.value("id", 0));
  EXPECT_EQ(Anonymous().Get(draft_path).status, 404);
  EXPECT_EQ(Anonymous().Get("/plans").body.find("草稿行动计划"), std::string::npos);
  // Platform admins get the app's page, with nothing written.
  auto own = admin.Get(draft_path);
  EXPECT_EQ(own.status, 200);
  EXPECT_EQ(own.body.find("<h1>草稿行动计划</h1>"), std::string::npos);
}

TEST_F(WebPagesTest, UnknownPathsAre404AndEveryRouteOfTheAppIs200) {
  auto unknown = Anonymous().Get("/no-such-page");
  EXPECT_EQ(unknown.status, 404);
  EXPECT_NE(unknown.body.find("<div id=\"app\">"), std::string::npos);
  EXPECT_NE(unknown.body.find("页面不存在"), std::string::npos);
  EXPECT_EQ(Anonymous().Get("/news/abc").status, 404);
  EXPECT_EQ(Anonymous().Get("/demands/12/nothing").status, 404);
  EXPECT_EQ(Anonymous().Get("/assets/missing.js").status, 404);
  EXPECT_EQ(Anonymous().Get("/assets/app-1234.js").status, 200);
  // Every route of web/src/router.js with an example path; routes of records that must exist
  // (listings, organisations, news, campaigns, events, bases, plans) are tested with real ones
  // above.
  for (auto pattern : api::AppRoutePatterns()) {
    std::string path(pattern);
    if (path.find(":id") != std::string::npos &&
        (path.rfind("/:plural", 0) == 0 || path.rfind("/orgs", 0) == 0 ||
         path.rfind("/campaigns", 0) == 0 || path.rfind("/bases/:id", 0) == 0 ||
         path.rfind("/plans/:id", 0) == 0 || path == "/news/:id(\\d+)" ||
         path == "/events/:id(\\d+)")) {
      continue;
    }
    for (auto [param, example] :
         {std::pair<std::string, std::string>{
              ":plural(demands|achievements|experts|talents|talent-demands)", "talent-demands"},
          {":id(\\d+)", "1"}}) {
      for (size_t pos; (pos = path.find(param)) != std::string::npos;)
        path.replace(pos, param.size(), example);
    }
    EXPECT_EQ(Anonymous().Get(path).status, 200) << path;
  }
}

TEST(WebPagesUnitTest, ApiDataScriptEscapesEveryLessThan) {
  std::string script = api::ApiDataScript("/search", {{"q", "<b>"}}, {{"t", "</script><!--"}});
  EXPECT_EQ(script,
            "<script id=\"kc-api-data\" type=\"application/json\">"
            "{\"body\":{\"t\":\"\\u003c/script>\\u003c!--\"},\"path\":\"/search\","
            "\"query\":{\"q\":\"\\u003cb>\"}}</script>\n");
}

}  // namespace
}  // namespace kc::testing
