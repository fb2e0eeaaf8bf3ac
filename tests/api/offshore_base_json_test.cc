#include "api/offshore_base_json.h"

#include <gtest/gtest.h>

#include "api/schema_check.h"

namespace kc::api {
namespace {

using nlohmann::json;

TEST(OffshoreBaseJsonTest, BasesPeopleProjectsAndCountsValidateAgainstTheirSchemas) {
  OffshoreBase b;
  b.id = 3;
  b.name = "慕尼黑基地";
  b.country = "DE";
  b.city = "München";
  b.fields = {"工学"};
  b.status = BaseStatus::kPublished;
  OffshoreBase of_org = b;
  of_org.org_id = 7;
  BaseProjectView project;
  project.project = BaseProject{3, 11, "孵化中", 0};
  project.listing.id = 11;
  project.listing.kind = ListingKind::kAchievement;
  project.listing.title = "低温电解液";
  OffshoreBaseDetail detail{of_org, {BasePerson{1, 3, "王芳", "主任", 0}}, {project}};
  json j = OffshoreBaseJson(detail);
  EXPECT_EQ(j["people"][0]["name"], "王芳");
  EXPECT_EQ(j["projects"][0]["type"], "achievement");
  EXPECT_EQ(j["org_id"], 7);
  EXPECT_TRUE(OffshoreBaseJson(b)["org_id"].is_null());
  EXPECT_FALSE(OffshoreBaseJson(b).contains("people"));
  testing::ExpectValid(OffshoreBaseSchema(), {OffshoreBaseJson(b), OffshoreBaseJson(of_org)});
  testing::ExpectValid(OffshoreBaseSchema(/*detail=*/true), {j});
  testing::ExpectValid(BaseCountriesSchema(),
                       {BaseCountriesJson({{"DE", 2}, {"US", 1}}), BaseCountriesJson({})});
  EXPECT_EQ(BaseCountriesJson({{"DE", 2}, {"US", 1}})["total"], 3);
}

TEST(OffshoreBaseJsonTest, ReadsOverWhatIsThere) {
  OffshoreBase b;
  b.city = "Berlin";
  b.org_id = 5;
  ASSERT_TRUE(ReadOffshoreBase({{"name", "x"}, {"status", "closed"}}, false, &b).ok());
  EXPECT_EQ(b.city, "Berlin");
  EXPECT_EQ(b.status, BaseStatus::kClosed);
  EXPECT_EQ(b.org_id, 5);
  ASSERT_TRUE(ReadOffshoreBase({{"org_id", nullptr}}, false, &b).ok());
  EXPECT_FALSE(b.org_id.has_value());
  OffshoreBase fresh;
  EXPECT_EQ(ReadOffshoreBase({{"name", "x"}, {"country", "DE"}}, true, &fresh).field(), "city");
  EXPECT_EQ(ReadOffshoreBase({{"contact", {{"fax", "1"}}}}, false, &b).field(), "contact.fax");
  EXPECT_EQ(ReadOffshoreBase({{"services", {1}}}, false, &b).code(), "invalid_type");

  auto people = ReadBasePeople(json::parse(R"({"people":[{"name":"a"},{"name":"b","role":"r"}]})"));
  ASSERT_TRUE(people.ok());
  EXPECT_EQ((*people)[1].role, "r");
  EXPECT_EQ(ReadBasePeople(json::parse(R"({"people":[{"name":1}]})")).status().field(),
            "people[0].name");
  EXPECT_EQ(ReadBasePeople(json::parse(R"({"people":["a"]})")).status().field(), "people[0]");
  auto projects = ReadBaseProjects(json::parse(R"({"projects":[{"listing_id":4,"note":"n"}]})"));
  ASSERT_TRUE(projects.ok());
  EXPECT_EQ((*projects)[0].listing_id, 4);
  EXPECT_EQ(ReadBaseProjects(json::parse(R"({"projects":[{"listing_id":"4"}]})")).status().field(),
            "projects[0].listing_id");
}

}  // namespace
}  // namespace kc::api
