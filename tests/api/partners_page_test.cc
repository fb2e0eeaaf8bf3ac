// The partner platforms page (朋友圈) as the server writes it: grouped by country in the reader's
// language, frameworks named as the app names them, and nothing a partner sends (its name, its
// address, its country) able to open an element or become a script link.
#include "api/partners_page.h"

#include <gtest/gtest.h>

namespace kc::api {
namespace {

using nlohmann::json;

const PageText& Text() {
  static const PageText text = PageText::FromJson(R"({
    "zh-CN": {"partners": {"title": "朋友圈", "count": "共 {n} 个合作平台", "intro": "互联平台",
                           "byCountry": "按国家和地区", "country": "国家/地区",
                           "platforms": "平台数", "noCountry": "未注明国家/地区",
                           "frameworksList": "合作机制：{list}", "empty": "暂无合作平台"},
              "framework": {"rcep": "RCEP", "china_japan_korea": "中日韩", "eu": "欧盟"},
              "country": {"JP": "日本", "DE": "德国"}},
    "en": {"partners": {"title": "Partner platforms", "count": "Partner platforms: {n}",
                        "frameworksList": "Cooperation frameworks: {list}"},
           "framework": {"china_japan_korea": "China–Japan–Korea"},
           "country": {"JP": "Japan"}}})");
  return text;
}

json Partner(const std::string& name, const std::string& url, const std::string& country,
             json frameworks = json::array()) {
  return {{"node_id", "kc1" + name},
          {"name", name},
          {"base_url", url},
          {"country", country},
          {"frameworks", frameworks},
          {"languages", {"zh-CN"}},
          {"fingerprint", std::string(64, 'a')}};
}

TEST(PartnersPageTest, GroupsByCountryLargestFirstWithNamesAndFrameworks) {
  json partners = json::array(
      {Partner("Tokyo TLO", "https://tlo.example.jp", "JP", {"rcep", "china_japan_korea"}),
       Partner("Berlin Transfer", "https://bt.example.de", "DE", {"eu"}),
       Partner("Osaka Bridge", "http://127.0.0.1:8081", "jp"),
       Partner("Nowhere", "https://n.example.org", "")});
  PageContent zh = PartnersPage(partners, Text(), "zh-CN", "https://kc.example.org");
  EXPECT_EQ(zh.title, "朋友圈");
  EXPECT_EQ(zh.path, "/partners");
  EXPECT_EQ(zh.description, "互联平台");
  const std::string& h = zh.body_html;
  EXPECT_NE(h.find("共 4 个合作平台"), std::string::npos) << h;
  // Japan (two) before Germany (one) before the partner without a country.
  const size_t japan = h.find("<h2>日本</h2>"), germany = h.find("<h2>德国</h2>"),
               none = h.find("<h2>未注明国家/地区</h2>");
  ASSERT_NE(japan, std::string::npos) << h;
  ASSERT_NE(germany, std::string::npos);
  ASSERT_NE(none, std::string::npos);
  EXPECT_LT(japan, germany);
  EXPECT_LT(germany, none);
  // The table the app shows as a chart.
  EXPECT_NE(h.find("<td><a href=\"#country-JP\">日本</a></td><td>2</td>"), std::string::npos);
  // Within a country, by name; each a link to its platform.
  EXPECT_LT(h.find("Osaka Bridge"), h.find("Tokyo TLO"));
  EXPECT_NE(h.find("<a href=\"https://tlo.example.jp\" rel=\"noopener external\">Tokyo TLO</a>"),
            std::string::npos);
  EXPECT_NE(h.find("合作机制：RCEP · 中日韩"), std::string::npos);

  PageContent en = PartnersPage(partners, Text(), "en", "https://kc.example.org");
  EXPECT_NE(en.body_html.find("<h2>Japan</h2>"), std::string::npos) << en.body_html;
  EXPECT_NE(en.body_html.find("Cooperation frameworks: RCEP · China–Japan–Korea"),
            std::string::npos);

  json ld = json::parse(ScriptJson(zh.json_ld));
  EXPECT_EQ(ld["@type"], "ItemList");
  EXPECT_EQ(ld["url"], "https://kc.example.org/partners");
  ASSERT_EQ(ld["itemListElement"].size(), 4u);
  EXPECT_EQ(ld["itemListElement"][0]["position"], 1);
  EXPECT_EQ(ld["itemListElement"][0]["item"]["@type"], "Organization");
}

TEST(PartnersPageTest, AHostilePartnerIsEscapedAndNeverAScriptLink) {
  json partners =
      json::array({Partner("</li><script>alert(1)</script>Evil & Co \"x\"", "javascript:alert(2)",
                           "\"><img src=x onerror=alert(3)>", {"<b>unknown</b>"}),
                   Partner("<svg onload=alert(4)>",
                           "https://ok.example.org/\"><script>alert(5)</script>", "JP")});
  PageContent page = PartnersPage(partners, Text(), "zh-CN", "https://kc.example.org");
  const std::string& h = page.body_html;
  EXPECT_EQ(h.find("<script"), std::string::npos) << h;
  EXPECT_EQ(h.find("<img"), std::string::npos);
  EXPECT_EQ(h.find("<svg"), std::string::npos);
  EXPECT_EQ(h.find("<b>"), std::string::npos);
  EXPECT_EQ(h.find("href=\"javascript:"), std::string::npos);
  EXPECT_NE(h.find("&lt;/li&gt;&lt;script&gt;alert(1)&lt;/script&gt;Evil &amp; Co &quot;x&quot;"),
            std::string::npos)
      << h;
  // A country that is not a code is no country; an address's quote cannot close the attribute.
  EXPECT_NE(h.find("<h2>未注明国家/地区</h2>"), std::string::npos);
  EXPECT_NE(h.find("href=\"https://ok.example.org/&quot;&gt;&lt;script&gt;"), std::string::npos);
  // The JSON-LD as the page writes it cannot close its script element.
  const std::string ld = ScriptJson(page.json_ld);
  EXPECT_EQ(ld.find('<'), std::string::npos);
  EXPECT_EQ(json::parse(ld)["itemListElement"][1]["item"].count("url"), 0u);  // javascript:
}

TEST(PartnersPageTest, NoPartnersSaysSo) {
  PageContent page = PartnersPage(json::array(), Text(), "zh-CN", "https://kc.example.org");
  EXPECT_NE(page.body_html.find("共 0 个合作平台"), std::string::npos);
  EXPECT_NE(page.body_html.find("暂无合作平台"), std::string::npos);
  EXPECT_EQ(page.body_html.find("<table"), std::string::npos);
}

TEST(PartnersPageTest, CountryNamesComeFromTheAppsTextsElseTheCode) {
  EXPECT_EQ(CountryName("JP", Text(), "zh-CN"), "日本");
  EXPECT_EQ(CountryName("jp", Text(), "en"), "Japan");
  EXPECT_EQ(CountryName("DE", Text(), "en"), "德国");  // the app's fallback language
  EXPECT_EQ(CountryName("BR", Text(), "en"), "BR");
  EXPECT_EQ(CountryName("", Text(), "en"), "");
  EXPECT_EQ(CountryName("J<", Text(), "en"), "");
}

}  // namespace
}  // namespace kc::api
