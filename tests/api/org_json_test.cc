#include "api/org_json.h"

#include <gtest/gtest.h>

#include "api/schema_check.h"

namespace kc::api {
namespace {

using nlohmann::json;

TEST(OrgJsonTest, OrganisationsValidateAgainstTheirSchema) {
  Org org;
  org.id = 3;
  org.name = "江南智造有限公司";
  org.type = OrgType::kUniversity;
  org.region = "320506";
  json j = OrgJson(org);
  EXPECT_EQ(j["type"], "university");
  EXPECT_TRUE(j.contains("region_name")) << "the province of a known region";
  Org abroad;
  abroad.region = "";
  abroad.country = "DE";
  EXPECT_FALSE(OrgJson(abroad).contains("region_name"));
  testing::ExpectValid(OrgSchema(), {j, OrgJson(abroad)});
}

TEST(OrgJsonTest, ReadsANewOrganisationAndAPatch) {
  auto org = ReadOrg({{"name", "某研究院"}, {"type", "institute"}});
  ASSERT_TRUE(org.ok()) << org.status().message();
  EXPECT_EQ(org->type, OrgType::kInstitute);
  EXPECT_EQ(org->country, "CN") << "the default country";
  EXPECT_EQ(ReadOrg({{"type", "institute"}}).status().field(), "name");
  EXPECT_EQ(ReadOrg({{"name", "x"}}).status().field(), "type");
  EXPECT_EQ(ReadOrg({{"name", "x"}, {"type", "club"}}).status().code(), "invalid_type");
  EXPECT_EQ(ReadOrg({{"name", "x"}, {"type", "institute"}, {"id", 1}}).status().code(),
            "unknown_field");
  auto patch = ReadOrgPatch({{"website", "https://example.org"}});
  ASSERT_TRUE(patch.ok());
  EXPECT_EQ(patch->website, "https://example.org");
  EXPECT_FALSE(patch->name.has_value());
  EXPECT_EQ(ReadOrgRole(json::object(), OrgRole::kMember).value(), OrgRole::kMember);
  EXPECT_EQ(*ReadOrgRole({{"role", "org_admin"}}, OrgRole::kMember), OrgRole::kAdmin);
  EXPECT_EQ(ReadOrgRole({{"role", "admin"}}, OrgRole::kMember).status().field(), "role");
}

}  // namespace
}  // namespace kc::api
