// A ranked list's server-written page.
#include "api/campaign_page.h"

#include <gtest/gtest.h>

namespace kc::api {
namespace {

using nlohmann::json;

Campaign List(CampaignStatus status) {
  Campaign c = *CampaignFromTemplate("pioneer-technology", 2026);
  c.id = 4;
  c.status = status;
  c.nomination_opens = 1767196800;  // 2026-01-01 00:00 in Shanghai
  c.nomination_closes = 1769788800;
  return c;
}

TEST(CampaignPageTest, PublishedResultsAreARankedItemList) {
  PageText text = PageText::FromJson(R"({"zh-CN":{"campaigns":{"rank":"排名"}},"en":{}})");
  Campaign c = List(CampaignStatus::kPublished);
  CampaignResult first;
  first.rank = 1;
  first.nominee_name = "高温<超导>";
  first.total = 91.256;
  first.breakdown[c.criteria.front().key] = 9.5;
  first.reviewers = 3;
  PageContent page = CampaignPage(c, {first}, text, "zh-CN", "http://example.org");
  EXPECT_EQ(page.title, c.title);
  EXPECT_NE(page.body_html.find("<td>高温&lt;超导&gt;</td><td>91.26</td><td>9.50</td>"),
            std::string::npos)
      << page.body_html;
  EXPECT_NE(page.body_html.find("2026-01-01 – 2026-01-31"), std::string::npos);
  json ld = json::parse(ScriptJson(page.json_ld));
  EXPECT_EQ(ld["@type"], "ItemList");
  EXPECT_EQ(ld["itemListElement"][0]["position"], 1);
  EXPECT_EQ(ld["itemListElement"][0]["name"], "高温<超导>");
}

TEST(CampaignPageTest, BeforePublicationNoResultsAndTheEnglishTitle) {
  PageText text;
  Campaign c = List(CampaignStatus::kOpen);
  PageContent page = CampaignPage(c, {}, text, "en", "http://example.org");
  EXPECT_EQ(page.title, c.title_en);
  EXPECT_EQ(page.body_html.find("<table>"), std::string::npos);
  EXPECT_EQ(json::parse(ScriptJson(page.json_ld))["@type"], "CreativeWork");
}

}  // namespace
}  // namespace kc::api
