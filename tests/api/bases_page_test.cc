// The offshore bases' pages as the server writes them: the directory with its table of
// countries, a base with its fields, services, projects and people in the reader's language,
// and nothing a base's maintainers typed able to open an element or become a script link.
#include "api/bases_page.h"

#include <gtest/gtest.h>

namespace kc::api {
namespace {

using nlohmann::json;

const PageText& Text() {
  static const PageText text = PageText::FromJson(R"({
    "zh-CN": {"bases": {"title": "海外人才离岸创新创业基地", "count": "共 {n} 个基地",
                        "intro": "海外基地", "byCountry": "按国家和地区", "country": "国家或地区",
                        "list": "基地列表", "empty": "暂无基地", "place": "所在地",
                        "services": "服务内容", "fields": "重点领域", "projects": "入驻项目",
                        "people": "人员", "noProjects": "暂无项目", "noPeople": "暂无人员",
                        "website": "网站", "updated": "更新时间", "closedNote": "已停止运营"},
              "baseService": {"incubation": "孵化服务", "legal": "法律服务"},
              "baseStatus": {"closed": "已关闭"},
              "kind": {"demand": "需求"},
              "country": {"DE": "德国"}},
    "en": {"bases": {"title": "Offshore innovation bases", "fields": "Focus fields",
                     "services": "Services"},
           "baseService": {"incubation": "Incubation", "legal": "Legal services"},
           "country": {"DE": "Germany"}}})");
  return text;
}

json Base() {
  return {{"id", 3},
          {"name", "慕尼黑<基地>"},
          {"name_en", "Munich Base"},
          {"country", "DE"},
          {"city", "München"},
          {"host_name", "Example Park"},
          {"fields", {"工学", "计算机科学与技术"}},
          {"services", {"incubation", "legal"}},
          {"description", "第一段\n\n第二段<script>"},
          {"contact", {{"name", "王芳"}, {"phone", ""}, {"email", "base@example.de"}}},
          {"website", "javascript:alert(1)"},
          {"established", "2019"},
          {"status", "closed"},
          {"updated_at", "2026-12-05T08:28:00Z"},
          {"people", json::array({{{"id", 1}, {"name", "Anna"}, {"role", "Mentor"}}})},
          {"projects", json::array({{{"listing_id", 42},
                                     {"type", "demand"},
                                     {"title", "低温电解液"},
                                     {"note", "孵化中"}}})}};
}

TEST(BasesPageTest, ADirectoryWithItsTableOfCountries) {
  json countries = {{"items", json::array({{{"country", "DE"}, {"count", 2}}})}, {"total", 2}};
  PageContent zh = BasesPage(json::array({Base()}), 1, 1, 20, countries, Text(), "zh-CN",
                             "https://kc.example.org");
  EXPECT_EQ(zh.path, "/bases");
  const std::string& h = zh.body_html;
  EXPECT_NE(h.find("共 1 个基地"), std::string::npos) << h;
  EXPECT_NE(h.find("<a href=\"/bases?country=DE\">德国</a></td><td>2</td>"), std::string::npos)
      << h;
  EXPECT_NE(h.find("<a href=\"/bases/3\">慕尼黑&lt;基地&gt;</a>"), std::string::npos) << h;
  EXPECT_NE(h.find("(已关闭)"), std::string::npos) << h;
  EXPECT_EQ(zh.json_ld["itemListElement"][0]["url"], "https://kc.example.org/bases/3");
  PageContent en = BasesPage(json::array({Base()}), 1, 1, 20, countries, Text(), "en", "");
  EXPECT_NE(en.body_html.find(">Munich Base</a>"), std::string::npos) << en.body_html;
  EXPECT_NE(en.body_html.find("Engineering, Computer Science and Technology"), std::string::npos)
      << en.body_html;
  PageContent empty = BasesPage(json::array(), 0, 1, 20, json::object(), Text(), "zh-CN", "");
  EXPECT_NE(empty.body_html.find("暂无基地"), std::string::npos);
}

TEST(BasesPageTest, ASearchKeepsItsCountryAndWordsInTheBoxAndThePageLinks) {
  PageContent page = BasesPage(json::array({Base()}), 45, 2, 20, json::object(), Text(), "zh-CN",
                               "", {{"country", "DE"}, {"q", "慕尼黑"}});
  EXPECT_EQ(page.path, "/bases?country=DE&q=%E6%85%95%E5%B0%BC%E9%BB%91&page=2");
  const std::string& h = page.body_html;
  EXPECT_NE(h.find("href=\"/bases?country=DE&amp;q=%E6%85%95%E5%B0%BC%E9%BB%91&amp;page=3\""),
            std::string::npos)
      << h;
  EXPECT_NE(h.find("<input type=\"hidden\" name=\"country\" value=\"DE\">"), std::string::npos);
  EXPECT_NE(h.find("name=\"q\" value=\"慕尼黑\""), std::string::npos);
}

TEST(BasesPageTest, ABaseWithProjectsAndPeopleAndNothingExecutable) {
  PageContent zh = BasePage(Base(), Text(), "zh-CN", "https://kc.example.org");
  EXPECT_EQ(zh.title, "慕尼黑<基地>");
  EXPECT_EQ(zh.path, "/bases/3");
  const std::string& h = zh.body_html;
  EXPECT_EQ(h.find("<基地>"), std::string::npos) << h;
  EXPECT_EQ(h.find("<script>"), std::string::npos) << h;
  EXPECT_EQ(h.find("javascript:"), std::string::npos) << h;
  EXPECT_NE(h.find("德国 · München"), std::string::npos) << h;
  EXPECT_NE(h.find("孵化服务、法律服务"), std::string::npos) << h;
  EXPECT_NE(h.find("<p>第一段</p>\n<p>第二段&lt;script&gt;</p>"), std::string::npos) << h;
  EXPECT_NE(h.find("<a href=\"/demands/42\">低温电解液</a>"), std::string::npos) << h;
  EXPECT_NE(h.find("已停止运营"), std::string::npos) << h;
  EXPECT_NE(h.find("2026-12-05 16:28 (UTC+08:00)"), std::string::npos) << h;
  EXPECT_NE(h.find("datetime=\"2026-12-05T16:28:00+08:00\""), std::string::npos) << h;
  EXPECT_EQ(zh.json_ld["@type"], "Organization");
  EXPECT_EQ(zh.json_ld["address"]["addressCountry"], "DE");
  EXPECT_FALSE(zh.json_ld.contains("sameAs"));
  PageContent en = BasePage(Base(), Text(), "en", "");
  EXPECT_EQ(en.title, "Munich Base");
  EXPECT_NE(en.body_html.find("Incubation, Legal services"), std::string::npos) << en.body_html;
}

}  // namespace
}  // namespace kc::api
