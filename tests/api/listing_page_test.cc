// A listing's server-written page: escaped, in the reader's language, JSON-LD that parses, and
// nothing a visitor may not read.
#include "api/listing_page.h"

#include <gtest/gtest.h>

#include "service/listing_json.h"

namespace kc::api {
namespace {

using nlohmann::json;

const PageText& Text() {
  static const PageText text = PageText::FromJson(R"({
    "zh-CN": {"form": {"category": "门类", "budget": "预算", "description": "需求描述",
                       "org": "机构", "region": "地区", "publishedAt": "发布时间"},
              "detail": {"detailsHidden": "完整内容和联系方式仅对登录会员开放。"},
              "common": {"negotiable": "面议", "total": "共 {n} 条"},
              "nav": {"demands": "技术需求", "home": "首页", "signIn": "登录"}},
    "en": {"form": {"category": "Category", "budget": "Budget", "description": "Description",
                    "region": "Region"},
           "nav": {"demands": "Demands"}}})");
  return text;
}

Listing Demand() {
  Listing l;
  l.id = 7;
  l.kind = ListingKind::kDemand;
  l.title = "</dd><script>alert(1)</script>低温电池";
  l.body = "需要一种在低温环境下保持容量的电解液。第二句是会员才能看到的细节：配方比例 3:7。";
  l.keywords = {"锂电池", "电解液"};
  l.category = "工学";
  l.discipline = "化学工程与技术";
  l.region = "440305";
  l.status = ListingStatus::kPublished;
  l.budget.min_cny = 500000;
  l.budget.max_cny = 2000000;
  l.contact = {"张三", "0755-12345678", "zhang@example.org"};
  l.published_at = 1611020112;
  return l;
}

json LdOf(const PageContent& page) {
  // What a search engine reads: the JSON as the page writes it.
  return json::parse(ScriptJson(page.json_ld));
}

TEST(ListingPageTest, EscapesTextAndNamesFieldsInTheReadersLanguage) {
  Org org;
  org.id = 3;
  org.name = "低温<公司>";
  Listing l = Demand();
  json shown = ListingToJson(l, &org, ViewLevelFor(Actor::Visitor(), l));
  PageContent zh = ListingPage(shown, Text(), "zh-CN", "http://example.org");
  EXPECT_EQ(zh.status, 200);
  EXPECT_EQ(zh.title, l.title);
  EXPECT_EQ(zh.path, "/demands/7");
  EXPECT_EQ(zh.body_html.find("<script>"), std::string::npos);
  EXPECT_NE(zh.body_html.find("&lt;/dd&gt;&lt;script&gt;alert(1)&lt;/script&gt;低温电池"),
            std::string::npos);
  EXPECT_NE(zh.body_html.find("<dt>门类</dt><dd>工学</dd>"), std::string::npos) << zh.body_html;
  EXPECT_NE(zh.body_html.find("<dt>地区</dt><dd>广东省</dd>"), std::string::npos);
  EXPECT_NE(zh.body_html.find("<dt>预算</dt><dd>50 万元 – 200 万元</dd>"), std::string::npos);
  EXPECT_NE(zh.body_html.find("2021-01-19 09:35 (UTC+08:00)"), std::string::npos);
  EXPECT_NE(zh.body_html.find("<a href=\"/orgs/3\">低温&lt;公司&gt;</a>"), std::string::npos);
  EXPECT_NE(zh.body_html.find("配方比例 3:7"), std::string::npos);   // a public listing's text
  EXPECT_EQ(zh.body_html.find("0755-12345678"), std::string::npos);  // never the contact

  PageContent en = ListingPage(shown, Text(), "en", "http://example.org");
  EXPECT_NE(en.body_html.find("<dt>Category</dt><dd>Engineering</dd>"), std::string::npos)
      << en.body_html;
  EXPECT_NE(en.body_html.find("<dt>Region</dt><dd>Guangdong</dd>"), std::string::npos);
  EXPECT_NE(en.body_html.find("CNY 500,000 – CNY 2,000,000"), std::string::npos);
}

TEST(ListingPageTest, AMembersOnlyListingShowsAVisitorOnlyItsSummary) {
  Org org;
  org.id = 3;
  org.name = "会员公司";
  Listing l = Demand();
  l.visibility = Visibility::kMembers;
  l.body = std::string(200, 'a') + "SECRET-DETAIL";
  json shown = ListingToJson(l, &org, ViewLevelFor(Actor::Visitor(), l));
  PageContent page = ListingPage(shown, Text(), "zh-CN", "http://example.org");
  const std::string everything = page.body_html + page.description + LdOf(page).dump();
  EXPECT_EQ(everything.find("SECRET-DETAIL"), std::string::npos);
  EXPECT_EQ(everything.find("500000"), std::string::npos);  // the budget is a detail
  EXPECT_EQ(everything.find("预算"), std::string::npos);
  EXPECT_NE(page.body_html.find("完整内容和联系方式仅对登录会员开放。"), std::string::npos);
  EXPECT_NE(page.body_html.find(std::string(100, 'a')), std::string::npos);  // the summary
}

TEST(ListingPageTest, JsonLdParsesAndUsesSchemaOrgTypesPerKind) {
  Org org;
  org.id = 3;
  org.name = "公司";
  Listing demand = Demand();
  json ld = LdOf(ListingPage(ListingToJson(demand, &org, ViewLevel::kPublic), Text(), "zh-CN",
                             "http://example.org"));
  EXPECT_EQ(ld["@context"], "https://schema.org");
  EXPECT_EQ(ld["@type"], "Demand");
  EXPECT_EQ(ld["name"], demand.title);
  EXPECT_EQ(ld["url"], "http://example.org/demands/7");
  EXPECT_EQ(ld["seller"]["@type"], "Organization");
  EXPECT_EQ(ld["priceSpecification"]["maxPrice"], 2000000);
  EXPECT_EQ(ld["priceSpecification"]["priceCurrency"], "CNY");

  Listing achievement = Demand();
  achievement.kind = ListingKind::kAchievement;
  achievement.budget = {};
  achievement.price.min_cny = 100000;
  ld = LdOf(ListingPage(ListingToJson(achievement, &org, ViewLevel::kPublic), Text(), "zh-CN",
                        "http://example.org"));
  EXPECT_EQ(ld["@type"], "CreativeWork");
  EXPECT_EQ(ld["creator"]["name"], "公司");
  EXPECT_EQ(ld["offers"]["@type"], "Offer");

  Listing expert = Demand();
  expert.kind = ListingKind::kExpert;
  expert.title = "王五";
  expert.rank = "教授";
  expert.affiliation = "某大学";
  ld = LdOf(ListingPage(ListingToJson(expert, &org, ViewLevel::kPublic), Text(), "zh-CN",
                        "http://example.org"));
  EXPECT_EQ(ld["@type"], "Person");
  EXPECT_EQ(ld["name"], "王五");
  EXPECT_EQ(ld["jobTitle"], "教授");
  EXPECT_EQ(ld["affiliation"]["name"], "某大学");
}

// docs/talent.md: a visitor's page of a talent profile has its headline and what the person
// seeks, never their name, affiliation or contact; a member's page names them.
TEST(ListingPageTest, ATalentPageNamesThePersonToMembersOnly) {
  Org org;
  org.id = 3;
  org.name = "人才中心";
  Listing l = Demand();
  l.kind = ListingKind::kTalent;
  l.title = "德国固态电池研究员";
  l.person_name = "欧阳明远";
  l.affiliation = "慕尼黑工业大学";
  l.rank = "研究员";
  l.country = "DE";
  l.talent_modes = {"post"};
  l.visibility = Visibility::kMembers;
  const auto page_for = [&](ViewLevel level) {
    return ListingPage(ListingToJson(l, &org, level), Text(), "zh-CN", "http://example.org");
  };
  PageContent visitor = page_for(ViewLevelFor(Actor::Visitor(), l));
  const std::string seen = visitor.body_html + visitor.description + LdOf(visitor).dump();
  EXPECT_NE(visitor.body_html.find("德国固态电池研究员"), std::string::npos);
  for (const char* secret : {"欧阳明远", "慕尼黑", "zhang@example.org", "0755-12345678"}) {
    EXPECT_EQ(seen.find(secret), std::string::npos) << secret;
  }
  EXPECT_EQ(LdOf(visitor)["@type"], "Person");
  EXPECT_FALSE(LdOf(visitor).contains("name"));
  PageContent member = page_for(ViewLevel::kMember);
  EXPECT_NE(member.body_html.find("欧阳明远"), std::string::npos);
  EXPECT_EQ(LdOf(member)["name"], "欧阳明远");
  EXPECT_EQ(member.body_html.find("zhang@example.org"), std::string::npos);

  Listing want = Demand();
  want.kind = ListingKind::kTalentDemand;
  want.deadline = "2027-03-01";
  json ld = LdOf(ListingPage(ListingToJson(want, &org, ViewLevel::kPublic), Text(), "zh-CN",
                             "http://example.org"));
  EXPECT_EQ(ld["@type"], "JobPosting");
  EXPECT_EQ(ld["title"], want.title);
  EXPECT_EQ(ld["validThrough"], "2027-03-01");
  EXPECT_EQ(ld["url"], "http://example.org/talent-demands/7");
}

// A partner platform's listing is a read-only copy: it says where it comes from and links
// there (a web address only), names the origin's organisation instead of the local stand-in,
// and leaves the canonical page to the origin.
TEST(ListingPageTest, APartnersListingNamesItsOriginAndLinksThere) {
  const PageText text = PageText::FromJson(R"({"zh-CN": {
      "origin": {"tag": "来自合作平台 · {org}", "tagPlain": "来自合作平台",
                 "view": "在合作平台查看", "readOnly": "只读副本"},
      "form": {"org": "机构"}}})");
  Org stand_in;
  stand_in.id = 99;
  stand_in.name = "Tokyo TLO";
  Listing l = Demand();
  l.origin_peer_id = 4;
  l.origin_id = "88";
  l.origin_url = "https://tlo.example.jp/demands/88";
  l.origin_org_name = "<東京>大学";
  json shown = ListingToJson(l, &stand_in, ViewLevelFor(Actor::Visitor(), l));
  PageContent page = ListingPage(shown, text, "zh-CN", "http://example.org");
  const std::string& h = page.body_html;
  EXPECT_NE(h.find("来自合作平台 · &lt;東京&gt;大学"), std::string::npos) << h;
  EXPECT_NE(h.find("<a href=\"https://tlo.example.jp/demands/88\" rel=\"noopener external\">"
                   "在合作平台查看"),
            std::string::npos);
  EXPECT_NE(h.find("<dt>机构</dt><dd>&lt;東京&gt;大学</dd>"), std::string::npos);
  EXPECT_EQ(h.find("/orgs/99"), std::string::npos);
  EXPECT_EQ(page.path, "");
  EXPECT_EQ(LdOf(page)["url"], "https://tlo.example.jp/demands/88");

  l.origin_url = "javascript:alert(1)";
  l.origin_org_name = "";
  page = ListingPage(ListingToJson(l, &stand_in, ViewLevel::kPublic), text, "zh-CN",
                     "http://example.org");
  EXPECT_EQ(page.body_html.find("javascript:"), std::string::npos);
  EXPECT_NE(page.body_html.find("<strong>来自合作平台</strong>"), std::string::npos);

  json items = json::array({ListingSummaryJson(l, &stand_in, ViewLevel::kPublic)});
  PageContent list = ListingListPage(ListingKind::kDemand, items, 1, 1, 20, text, "zh-CN");
  EXPECT_NE(list.body_html.find("来自合作平台"), std::string::npos) << list.body_html;
  EXPECT_EQ(list.body_html.find("Tokyo TLO"), std::string::npos);
}

TEST(ListingListPageTest, LinksEveryListingAndTheNextPage) {
  Org org;
  org.id = 3;
  org.name = "公司";
  json items = json::array();
  Listing l = Demand();
  items.push_back(ListingSummaryJson(l, &org, ViewLevel::kPublic));
  PageContent page = ListingListPage(ListingKind::kDemand, items, 41, 1, 20, Text(), "zh-CN");
  EXPECT_EQ(page.title, "技术需求");
  EXPECT_NE(page.body_html.find("<a href=\"/demands/7\">"), std::string::npos) << page.body_html;
  EXPECT_NE(page.body_html.find("href=\"/demands?page=2\""), std::string::npos);
  EXPECT_NE(page.body_html.find("共 41 条"), std::string::npos);
  EXPECT_EQ(page.body_html.find("<script>"), std::string::npos);
}

TEST(ListingListPageTest, AFilteredListKeepsItsFiltersInTheBoxAndThePageLinks) {
  const ListParams filters = {{"q", "电池"}, {"category", "工学"}, {"region", ""}};
  PageContent page = ListingListPage(ListingKind::kAchievement, json::array(), 41, 2, 20, Text(),
                                     "zh-CN", filters);
  const std::string q = "q=%E7%94%B5%E6%B1%A0&amp;category=%E5%B7%A5%E5%AD%A6";
  EXPECT_EQ(page.path, "/achievements?q=%E7%94%B5%E6%B1%A0&category=%E5%B7%A5%E5%AD%A6&page=2");
  EXPECT_NE(page.body_html.find("href=\"/achievements?" + q + "\""), std::string::npos)
      << page.body_html;
  EXPECT_NE(page.body_html.find("href=\"/achievements?" + q + "&amp;page=3\""), std::string::npos);
  EXPECT_NE(page.body_html.find("action=\"/achievements\""), std::string::npos);
  EXPECT_NE(page.body_html.find("name=\"category\" value=\"工学\""), std::string::npos);
  EXPECT_NE(page.body_html.find("name=\"q\" value=\"电池\""), std::string::npos);
  EXPECT_EQ(page.body_html.find("name=\"region\""), std::string::npos);
}

}  // namespace
}  // namespace kc::api
