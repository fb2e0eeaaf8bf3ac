// An organisation's server-written page.
#include "api/org_page.h"

#include <gtest/gtest.h>

namespace kc::api {
namespace {

using nlohmann::json;

TEST(OrgPageTest, FieldsListingsAndOrganizationJsonLd) {
  PageText text = PageText::FromJson(
      R"({"zh-CN":{"org":{"type":"机构类型"},"orgType":{"university":"高等院校"}},
          "en":{"org":{"type":"Type"},"orgType":{"university":"University"}}})");
  Org org;
  org.id = 5;
  org.name = "某<大学>";
  org.type = OrgType::kUniversity;
  org.region = "110108";
  org.website = "javascript:alert(1)";
  org.description = "简介";
  json listings = json::array({{{"id", 9}, {"type", "achievement"}, {"title", "成果<一>"}},
                               {{"id", 10}, {"type", "expert"}, {"name", "王五"}}});
  PageContent page = OrgPage(org, listings, text, "en", "http://example.org");
  EXPECT_EQ(page.path, "/orgs/5");
  EXPECT_NE(page.body_html.find("<h1>某&lt;大学&gt;</h1>"), std::string::npos);
  EXPECT_NE(page.body_html.find("<dt>Type</dt><dd>University</dd>"), std::string::npos)
      << page.body_html;
  EXPECT_NE(page.body_html.find("<a href=\"/achievements/9\">成果&lt;一&gt;</a>"),
            std::string::npos);
  EXPECT_NE(page.body_html.find("<a href=\"/experts/10\">王五</a>"), std::string::npos);
  EXPECT_EQ(page.body_html.find("href=\"javascript:"), std::string::npos);  // not a link
  json ld = json::parse(ScriptJson(page.json_ld));
  EXPECT_EQ(ld["@type"], "Organization");
  EXPECT_EQ(ld["name"], "某<大学>");
  EXPECT_EQ(ld["address"]["addressRegion"], "北京市");
  EXPECT_FALSE(ld.contains("sameAs"));
}

}  // namespace
}  // namespace kc::api
