// Search and matching through the API: freshness, cross-script queries, facets, explanations.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include "api/api_fixture.h"
#include "api/routes.h"
#include "app/platform.h"

namespace kc::testing {
namespace {

using nlohmann::json;

class SearchRoutesTest : public ApiTest {
 protected:
  // A members-only demand whose `details` come after 200 characters of public summary.
  static json MembersOnly(const std::string& title, const std::string& details) {
    json body = DemandBody(title);
    body["visibility"] = "members";
    body["description"] = std::string(200, 'x') + details;
    return body;
  }

  // Polls `target` until `pred` holds or `seconds` pass; returns the last answer.
  HttpResult WaitFor(Client& c, const std::string& target,
                     const std::function<bool(const HttpResult&)>& pred, double seconds) {
    auto deadline = std::chrono::steady_clock::now() +
                    std::chrono::milliseconds(static_cast<int>(seconds * 1000));
    HttpResult r;
    do {
      r = c.Get(target);
      if (pred(r)) return r;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    } while (std::chrono::steady_clock::now() < deadline);
    return r;
  }

  static bool HasHit(const HttpResult& r, int64_t id) {
    if (!r.json.is_object() || !r.json.contains("hits")) return false;
    for (const auto& h : r.json["hits"]) {
      if (h["id"] == id) return true;
    }
    return false;
  }

  int64_t PublishAchievement(Client& owner, Client& reviewer, const json& body) {
    auto r = owner.Post("/api/v1/achievements", body);
    EXPECT_EQ(r.status, 201) << r.body;
    int64_t id = r.json.value("id", 0);
    std::string base = "/api/v1/achievements/" + std::to_string(id);
    EXPECT_EQ(owner.Post(base + "/submit", json::object()).status, 200);
    EXPECT_EQ(reviewer.Post(base + "/approve", json::object()).status, 200);
    return id;
  }
};

// Search and matching run on the search pool, never on an I/O thread (http/server.h); the
// cheap routes stay on the I/O thread.
TEST(SearchRoutesPoolTest, SearchAndMatchRoutesRunOnTheSearchPool) {
  std::string dir = (std::filesystem::temp_directory_path() / "kc-search-pool-XXXXXX").string();
  ASSERT_NE(mkdtemp(dir.data()), nullptr);
  {
    app::Config config;
    config.data_dir = dir + "/data";
    config.demo = false;
    config.access_log = "off";
    config.admin_password = "Test-Keeper-password";
    app::Platform platform(config);
    ASSERT_TRUE(platform.Open().ok());
    http::Router router;
    api::RegisterRoutes(router, platform.context());
    int on_search_pool = 0;
    for (const http::Route& r : router.routes()) {
      const bool searches = r.pattern == "/api/v1/search" || r.pattern.ends_with("/{id}/matches");
      EXPECT_EQ(r.pool == http::Pool::kSearch, searches) << r.pattern;
      on_search_pool += r.pool == http::Pool::kSearch ? 1 : 0;
    }
    EXPECT_EQ(on_search_pool, 6);  // search, and the matches of five kinds
  }
  std::filesystem::remove_all(dir);
}

TEST_F(SearchRoutesTest, PublishedListingIsSearchableWithinASecondAndGoneWhenClosed) {
  Client owner = RegisterWithOrg("searcher1", "检索公司");
  Client reviewer = Reviewer();
  int64_t id = CreateDemand(owner, "高精度视觉焊缝跟踪系统");
  Client visitor = Anonymous();
  const std::string q = "/api/v1/search?q=%E7%84%8A%E7%BC%9D%E8%B7%9F%E8%B8%AA";  // 焊缝跟踪
  EXPECT_FALSE(HasHit(visitor.Get(q), id));  // a draft is not searchable
  std::string base = "/api/v1/demands/" + std::to_string(id);
  owner.Post(base + "/submit", json::object());
  reviewer.Post(base + "/approve", json::object());
  auto start = std::chrono::steady_clock::now();
  auto found = WaitFor(
      visitor, q, [&](const HttpResult& r) { return HasHit(r, id); }, 1.0);
  ASSERT_TRUE(HasHit(found, id)) << found.body;
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(1));
  EXPECT_EQ(found.json["hits"][0]["type"], "demand");
  EXPECT_TRUE(found.json["hits"][0]["snippet"].is_string());

  owner.Post(base + "/close", json::object());
  auto gone = WaitFor(
      visitor, q, [&](const HttpResult& r) { return !HasHit(r, id); }, 1.0);
  EXPECT_FALSE(HasHit(gone, id)) << gone.body;
}

TEST_F(SearchRoutesTest, TraditionalQueryFindsSimplifiedTextAndFacetsCount) {
  Client owner = RegisterWithOrg("searcher2", "繁简公司", "university");
  Client reviewer = Reviewer();
  int64_t a = PublishAchievement(owner, reviewer,
                                 {{"title", "基于神经网络的轴承故障诊断方法"},
                                  {"abstract", "利用卷积神经网络从振动信号中识别轴承早期故障。"},
                                  {"keywords", {"神经网络", "故障诊断"}},
                                  {"discipline", "机械工程"}});
  PublishedDemand(owner, reviewer, "需要神经网络方法诊断电机故障");
  Client visitor = Anonymous();
  // 神經網絡 (traditional).
  const std::string q = "/api/v1/search?q=%E7%A5%9E%E7%B6%93%E7%B6%B2%E7%B5%A1";
  auto r = WaitFor(
      visitor, q, [&](const HttpResult& x) { return x.json.value("total", 0) >= 2; }, 2.0);
  ASSERT_TRUE(HasHit(r, a)) << r.body;
  EXPECT_EQ(r.json["facets"]["type"]["achievement"], 1);
  EXPECT_EQ(r.json["facets"]["type"]["demand"], 1);
  auto only = visitor.Get(q + "&type=achievement");
  EXPECT_EQ(only.json["total"], 1);
  EXPECT_EQ(only.json["hits"][0]["id"], a);
  EXPECT_EQ(visitor.Get(q + "&type=widget").status, 400);
  EXPECT_EQ(visitor.Get("/api/v1/search?q=").json["total"], 0);
}

TEST_F(SearchRoutesTest, DemandMatchesRankTheRelevantAchievementFirstWithAnExplanation) {
  Client ent = RegisterWithOrg("searcher3", "电池企业");
  Client uni = RegisterWithOrg("searcher4", "电化学研究所", "institute");
  Client reviewer = Reviewer();
  int64_t relevant = PublishAchievement(
      uni, reviewer,
      {{"title", "宽温域磷酸铁锂电池低温电解液"},
       {"abstract", "一种用于磷酸铁锂电池的低温电解液配方，-30℃放电容量保持率达85%。"},
       {"keywords", {"锂电池", "低温电解液", "磷酸铁锂"}},
       {"discipline", "化学工程与技术"},
       {"maturity", 6}});
  int64_t other = PublishAchievement(uni, reviewer,
                                     {{"title", "水稻抗稻瘟病分子标记育种"},
                                      {"abstract", "利用分子标记辅助选择培育抗稻瘟病水稻品种。"},
                                      {"keywords", {"水稻", "稻瘟病"}},
                                      {"discipline", "作物学"}});
  int64_t demand = PublishedDemand(ent, reviewer, "磷酸铁锂电池低温性能提升");
  Client visitor = Anonymous();
  std::string path = "/api/v1/demands/" + std::to_string(demand) + "/matches?type=achievement";
  auto r = WaitFor(
      visitor, path, [&](const HttpResult& x) { return HasHit(x, relevant); }, 2.0);
  ASSERT_EQ(r.status, 200) << r.body;
  ASSERT_FALSE(r.json["hits"].empty());
  EXPECT_EQ(r.json["hits"][0]["id"], relevant);
  const auto& why = r.json["hits"][0]["explanation"];
  EXPECT_FALSE(why["shared_terms"].empty());
  EXPECT_FALSE(why["components"].empty());
  // Codes and numbers for the interface to word: how close the texts are, the shared values.
  const std::string level = why.value("text_similarity", "");
  EXPECT_TRUE(level == "strong" || level == "medium" || level == "weak") << why.dump();
  EXPECT_EQ(why["field_values"].value("discipline", ""), "化学工程与技术") << why.dump();
  // Only matches above the threshold, and how many there are.
  EXPECT_GE(r.json["hits"][0]["relevance"].get<double>(), 0.0);
  EXPECT_EQ(r.json["good_total"].get<size_t>(), r.json["hits"].size()) << r.body;
  EXPECT_TRUE(r.json["below_threshold"].is_number_unsigned()) << r.body;
  EXPECT_TRUE(r.json["few_good_matches"].get<bool>()) << r.body;  // fewer than 10
  bool same_discipline = false;
  for (const auto& f : why["field_match"]) same_discipline = same_discipline || f == "discipline";
  EXPECT_TRUE(same_discipline) << why.dump();
  for (const auto& h : r.json["hits"]) {
    if (h["id"] == other) {
      EXPECT_LT(h["score"].get<double>(), r.json["hits"][0]["score"].get<double>());
    }
  }
  // And the reverse: the demand among the achievement's matches.
  auto back = WaitFor(
      visitor, "/api/v1/achievements/" + std::to_string(relevant) + "/matches",
      [&](const HttpResult& x) { return HasHit(x, demand); }, 2.0);
  EXPECT_TRUE(HasHit(back, demand)) << back.body;
  EXPECT_EQ(
      visitor.Get("/api/v1/demands/" + std::to_string(demand) + "/matches?type=demand").status,
      400);
  int64_t draft = CreateDemand(ent, "草稿需求");
  EXPECT_EQ(visitor.Get("/api/v1/demands/" + std::to_string(draft) + "/matches").status, 404);
}

TEST_F(SearchRoutesTest, EnglishQueryFindsAChineseListing) {
  Client owner = RegisterWithOrg("searcher6", "跨语言公司", "university");
  Client reviewer = Reviewer();
  int64_t id = PublishAchievement(owner, reviewer,
                                  {{"title", "基于神经网络的轴承故障诊断"},
                                   {"abstract", "利用神经网络识别轴承的早期故障。"},
                                   {"keywords", {"神经网络", "故障诊断"}}});
  Client visitor = Anonymous();
  auto r = WaitFor(
      visitor, "/api/v1/search?q=neural+network",
      [&](const HttpResult& x) { return HasHit(x, id); }, 2.0);
  EXPECT_TRUE(HasHit(r, id)) << r.body;
}

TEST_F(SearchRoutesTest, OddQueriesAnswer200AndPagesAreBounded) {
  Client visitor = Anonymous();
  for (std::string q : {"", "%20%20", "%EF%BC%81%EF%BC%9F%E3%80%82", "%F0%9F%98%80%F0%9F%9A%80",
                        "%22%27%3C%3E%3B--", "(((", "AND%20OR%20NOT"}) {
    auto r = visitor.Get("/api/v1/search?q=" + q);
    EXPECT_EQ(r.status, 200) << q << " " << r.body;
    EXPECT_EQ(r.json.value("total", -1), 0) << q;
  }
  std::string long_q;
  for (int i = 0; i < 250; ++i) long_q += "%E6%A3%80%E6%B5%8Bab";  // 检测ab × 250 = 1000 chars
  EXPECT_EQ(visitor.Get("/api/v1/search?q=" + long_q).status, 200);
  EXPECT_EQ(visitor.Get("/api/v1/search?q=x&size=101").status, 400);
  EXPECT_EQ(visitor.Get("/api/v1/search?q=x&page=0").status, 400);
  EXPECT_EQ(visitor.Get("/api/v1/search?q=x&page=100000").status, 400);
}

TEST_F(SearchRoutesTest, FacetsAddUpAndEveryMatchIsExplained) {
  Client owner = RegisterWithOrg("searcher7", "材料研究院", "institute");
  Client reviewer = Reviewer();
  for (int i = 0; i < 3; ++i) {
    PublishAchievement(owner, reviewer,
                       {{"title", "高强度铝合金焊接工艺" + std::to_string(i)},
                        {"abstract", "一种铝合金激光焊接工艺，焊缝强度高。"},
                        {"keywords", {"铝合金", "激光焊接"}},
                        {"discipline", i == 0 ? "材料科学与工程" : "机械工程"}});
  }
  int64_t demand = PublishedDemand(owner, reviewer, "铝合金激光焊接缺陷控制");
  Client visitor = Anonymous();
  auto r = WaitFor(
      visitor, "/api/v1/search?q=%E9%93%9D%E5%90%88%E9%87%91&size=2",
      [](const HttpResult& x) { return x.json.value("total", 0) >= 4; }, 2.0);
  ASSERT_EQ(r.json["total"], 4) << r.body;
  EXPECT_EQ(r.json["hits"].size(), 2u);  // one page
  // A one-word query: every hit has all of it.
  EXPECT_EQ(r.json["good_total"], 4) << r.body;
  for (const auto& h : r.json["hits"]) {
    EXPECT_FALSE(h["weak"].get<bool>()) << h.dump();
    EXPECT_GT(h["relevance"].get<double>(), 0.0) << h.dump();
  }
  int by_type = 0, by_category = 0, by_discipline = 0;
  for (const auto& [k, v] : r.json["facets"]["type"].items()) by_type += v.get<int>();
  for (const auto& [k, v] : r.json["facets"]["category"].items()) by_category += v.get<int>();
  for (const auto& [k, v] : r.json["facets"]["discipline"].items()) by_discipline += v.get<int>();
  EXPECT_EQ(by_type, 4);
  EXPECT_EQ(by_category, 4);
  EXPECT_EQ(r.json["facets"]["discipline"]["机械工程"], 2);
  EXPECT_EQ(by_discipline, 4);  // the demand's discipline comes from DemandBody
  auto page2 = visitor.Get("/api/v1/search?q=%E9%93%9D%E5%90%88%E9%87%91&size=2&page=2");
  EXPECT_EQ(page2.json["hits"].size(), 2u);
  EXPECT_NE(page2.json["hits"][0]["id"], r.json["hits"][0]["id"]);
  auto matches = visitor.Get("/api/v1/demands/" + std::to_string(demand) + "/matches");
  ASSERT_EQ(matches.status, 200);
  ASSERT_FALSE(matches.json["hits"].empty());
  for (const auto& h : matches.json["hits"]) {
    ASSERT_TRUE(h.contains("explanation")) << h.dump();
    EXPECT_FALSE(h["explanation"]["components"].empty()) << h.dump();
    EXPECT_FALSE(h["ref"].is_null());
  }
}

TEST_F(SearchRoutesTest, VisitorsNeverSeeMembersOnlyTextInSnippets) {
  Client owner = RegisterWithOrg("searcher8", "保密企业");
  Client reviewer = Reviewer();
  const int64_t id = PublishedDemandWith(
      owner, reviewer, MembersOnly("涂层耐腐蚀性能提升需求", "机密配方参数：涂层耐腐蚀性能提升"));
  Client visitor = Anonymous();
  const std::string q =
      "/api/v1/search?q=%E6%B6%82%E5%B1%82%E8%80%90%E8%85%90%E8%9A%80";  // 涂层耐腐蚀
  auto r = WaitFor(
      visitor, q, [&](const HttpResult& x) { return HasHit(x, id); }, 2.0);
  ASSERT_TRUE(HasHit(r, id)) << r.body;  // found by its public title
  EXPECT_EQ(r.body.find("机密配方"), std::string::npos) << r.body;
  auto member = RegisterUser("insider").Get(q);
  EXPECT_NE(member.body.find("机密配方"), std::string::npos) << member.body;
}

TEST_F(SearchRoutesTest, VisitorsCannotFindAListingByItsMembersOnlyText) {
  Client owner = RegisterWithOrg("searcher9", "保密材料公司");
  Client reviewer = Reviewer();
  const int64_t id = PublishedDemandWith(
      owner, reviewer, MembersOnly("新型材料合作需求", "保密细节：钙钛矿封装胶膜配方"));
  const std::string q =
      "/api/v1/search?q=%E9%92%99%E9%92%9B%E7%9F%BF%E5%B0%81%E8%A3%85";  // 钙钛矿封装
  Client member = RegisterUser("insider9");
  auto found = WaitFor(
      member, q, [&](const HttpResult& x) { return HasHit(x, id); }, 2.0);
  ASSERT_TRUE(HasHit(found, id)) << found.body;  // indexed, and members find it
  auto visitor = Anonymous().Get(q);
  ASSERT_EQ(visitor.status, 200);
  EXPECT_FALSE(HasHit(visitor, id)) << visitor.body;
}

TEST_F(SearchRoutesTest, IndexSurvivesKill9AndAgreesWithTheStore) {
  Client owner = RegisterWithOrg("searcher5", "崩溃公司");
  Client reviewer = Reviewer();
  int64_t id = PublishedDemand(owner, reviewer, "超声波无损检测复合材料分层缺陷");
  Client visitor = Anonymous();
  const std::string q = "/api/v1/search?q=%E6%97%A0%E6%8D%9F%E6%A3%80%E6%B5%8B";  // 无损检测
  ASSERT_TRUE(HasHit(WaitFor(
                         visitor, q, [&](const HttpResult& r) { return HasHit(r, id); }, 2.0),
                     id));
  server_->Stop(SIGKILL);
  server_->Restart();
  Client after(server_->port());
  EXPECT_TRUE(HasHit(after.Get(q), id));
}

// docs/talent.md
TEST_F(SearchRoutesTest, TalentDemandsAndTalentAreMatchedWithEachOther) {
  Client owner = RegisterWithOrg("talentmatch", "引才企业");
  Client centre = RegisterWithOrg("talentcentre", "海外人才中心");
  Client reviewer = Reviewer();
  auto publish = [&](Client& c, const std::string& plural, const json& body) {
    auto r = c.Post("/api/v1/" + plural, body);
    EXPECT_EQ(r.status, 201) << r.body;
    const std::string base = "/api/v1/" + plural + "/" + std::to_string(r.json.value("id", 0));
    EXPECT_EQ(c.Post(base + "/submit", json::object()).status, 200);
    EXPECT_EQ(reviewer.Post(base + "/approve", json::object()).status, 200);
    return base;
  };
  const std::string want =
      publish(owner, "talent-demands",
              {{"title", "引进锂离子电池正极材料领军人才"},
               {"description", "提供岗位与启动经费，方向为锂离子电池正极材料。"},
               {"keywords", {"锂离子电池", "正极材料"}},
               {"offers", {"post", "funding"}}});
  const std::string person = publish(centre, "talents",
                                     {{"title", "锂离子电池正极材料研究员"},
                                      {"name", "赵"},
                                      {"bio", "长期从事锂离子电池正极材料研究。"},
                                      {"keywords", {"锂离子电池", "正极材料"}}});
  // An English profile is matched across languages (the built-in glossary at least).
  const std::string english =
      publish(centre, "talents",
              {{"title", "Lithium ion battery cathode researcher"},
               {"name", "Jane Doe"},
               {"bio", "Ten years of lithium ion battery cathode research."},
               {"keywords", {"lithium ion battery"}}});
  publish(centre, "achievements",
          {{"title", "锂离子电池正极材料制备方法"},
           {"abstract", "一种锂离子电池正极材料的制备方法。"},
           {"keywords", {"锂离子电池", "正极材料"}}});
  const int64_t person_id = std::stoll(person.substr(person.rfind('/') + 1));
  const int64_t english_id = std::stoll(english.substr(english.rfind('/') + 1));
  Client visitor = Anonymous();
  auto talent = WaitFor(
      visitor, want + "/matches",
      [&](const HttpResult& x) { return HasHit(x, person_id) && HasHit(x, english_id); }, 3.0);
  ASSERT_EQ(talent.status, 200) << talent.body;
  ASSERT_FALSE(talent.json["hits"].empty()) << talent.body;
  for (const auto& hit : talent.json["hits"]) EXPECT_EQ(hit["type"], "talent") << hit.dump();
  EXPECT_EQ(talent.json["hits"][0]["id"], person_id);
  EXPECT_EQ(talent.body.find("\"赵\""), std::string::npos);  // no name in a match either
  EXPECT_TRUE(HasHit(talent, english_id)) << talent.body;
  EXPECT_EQ(talent.body.find("Jane Doe"), std::string::npos);
  auto demands = visitor.Get(person + "/matches");
  ASSERT_EQ(demands.status, 200);
  ASSERT_FALSE(demands.json["hits"].empty()) << demands.body;
  EXPECT_EQ(demands.json["hits"][0]["type"], "talent_demand");
  // A talent listing is never matched with technology listings.
  auto wrong = Anonymous().Get(want + "/matches?type=achievement");
  EXPECT_EQ(wrong.status, 400) << wrong.body;
}

}  // namespace
}  // namespace kc::testing
