#include "api/campaign_json.h"

#include <gtest/gtest.h>

#include "api/schema_check.h"

namespace kc::api {
namespace {

using nlohmann::json;

Campaign Award() {
  Campaign c = *CampaignFromTemplate(CampaignTemplateKeys().back(), 2026);
  c.id = 3;
  c.rules.max_age = 40;
  return c;
}

Nomination Nominee() {
  Nomination n;
  n.id = 9;
  n.campaign_id = 3;
  n.nominator_org_id = 5;
  n.nominee_type = NomineeType::kPerson;
  n.nominee_name = "李华";
  n.birth_date = "1990-01-01";
  n.materials = {{"代表作", "https://example.org/a.pdf"}};
  return n;
}

Actor Admin() {
  User u;
  u.id = 1;
  u.role = Role::kAdmin;
  return Actor::Of(u);
}

TEST(CampaignJsonTest, CampaignsAndTemplatesValidateAgainstTheirSchemas) {
  Campaign bare;
  testing::ExpectValid(CampaignSchema(), {CampaignJson(Award()), CampaignJson(bare)});
  json t = CampaignTemplateJson("award", Award());
  EXPECT_FALSE(t.contains("id"));
  EXPECT_EQ(t["template"], "award");
  testing::ExpectValid(CampaignTemplateSchema(), {t});
}

TEST(CampaignJsonTest, ReviewersNeverSeeTheNominator) {
  const Nomination n = Nominee();
  json as_admin = NominationJson(n, Admin(), false);
  EXPECT_EQ(as_admin["nominator_org_id"], 5);
  EXPECT_FALSE(NominationJson(n, Admin(), /*as_reviewer=*/true).contains("nominator_org_id"));
  ReviewTask task{Award(), n, {{"impact", 8}}};
  json j = ReviewTaskJson(task, Admin());
  EXPECT_FALSE(j["nomination"].contains("nominator_org_id"));
  EXPECT_EQ(j["my_scores"]["impact"], 8);
  testing::ExpectValid(NominationSchema(),
                       {as_admin, NominationJson(Nomination{}, Admin(), false)});
  testing::ExpectValid(ReviewTaskSchema(), {j});
  // The reviewer's schema leaves the nominator out, so a writer that showed it would fail.
  json leaked = j;
  leaked["nomination"]["nominator_org_id"] = 5;
  EXPECT_EQ(testing::SchemaErrors(ReviewTaskSchema(), {leaked})[0].size(), 1u);
}

TEST(CampaignJsonTest, ResultsAndAssignmentReportsValidateAgainstTheirSchemas) {
  const Campaign c = Award();
  CampaignResult r;
  r.rank = 1;
  r.nomination_id = 9;
  r.nominee_name = "李华";
  r.total = 8.5;
  r.breakdown = {{c.criteria.front().key, 9}};
  r.reviewers = 3;
  json results = ResultsJson(c, {r});
  ASSERT_EQ(results["items"][0]["breakdown"].size(), c.criteria.size()) << "every criterion";
  EXPECT_EQ(results["items"][0]["breakdown"][0]["score"], 9.0);
  testing::ExpectValid(ResultsSchema(), {results, ResultsJson(c, {})});
  AssignmentReport report{4, {{9, 1}}};
  json a = AssignmentReportJson(report);
  EXPECT_EQ(a["short_of"][0], json({{"nomination_id", 9}, {"eligible_reviewers", 1}}));
  testing::ExpectValid(AssignmentReportSchema(), {a});
}

TEST(CampaignJsonTest, ReadsANewCampaignFromATemplateAndItsFields) {
  auto c = ReadNewCampaign({{"template", CampaignTemplateKeys().front()},
                            {"year", 2027},
                            {"title_en", "Pioneers"},
                            {"rules", {{"max_age", nullptr}, {"min_materials", 2}}}});
  ASSERT_TRUE(c.ok()) << c.status().message();
  EXPECT_EQ(c->year, 2027);
  EXPECT_EQ(c->title_en, "Pioneers");
  EXPECT_FALSE(c->criteria.empty()) << "the template's criteria";
  EXPECT_EQ(c->rules.min_materials, 2);
  EXPECT_EQ(ReadNewCampaign({{"template", "nope"}, {"year", 2027}}).status().field(), "template");
  EXPECT_EQ(ReadNewCampaign({{"template", "award"}}).status().field(), "year");
  EXPECT_EQ(ReadNewCampaign({{"colour", "red"}}).status().code(), "unknown_field");
  EXPECT_EQ(ReadNewCampaign({{"rules", {{"colour", 1}}}}).status().code(), "unknown_field");
  EXPECT_EQ(ReadNewCampaign({{"review_opens", "soon"}}).status().field(), "review_opens");
}

TEST(CampaignJsonTest, ReadsNominationsAndScores) {
  auto n = ReadNomination({{"nominee_type", "person"},
                           {"nominee_name", "李华"},
                           {"founding_year", 2010},
                           {"materials", {{{"title", "代表作"}}}}});
  ASSERT_TRUE(n.ok()) << n.status().message();
  EXPECT_EQ(n->nominee_type, NomineeType::kPerson);
  EXPECT_EQ(n->founding_year, 2010);
  ASSERT_EQ(n->materials.size(), 1u);
  EXPECT_EQ(n->materials[0].url, "");
  EXPECT_EQ(ReadNomination({{"nominee_type", "robot"}, {"nominee_name", "x"}}).status().field(),
            "nominee_type");
  EXPECT_EQ(ReadNomination({{"nominee_type", "person"}, {"nominee_name", "x"}, {"materials", 1}})
                .status()
                .field(),
            "materials");
  auto scores = ReadScores({{"scores", {{"impact", 7.5}}}});
  ASSERT_TRUE(scores.ok());
  EXPECT_EQ(scores->at("impact"), 7.5);
  EXPECT_EQ(ReadScores({{"scores", {{"impact", "high"}}}}).status().field(), "scores");
  EXPECT_EQ(ReadScores(json::object()).status().code(), "required");
}

}  // namespace
}  // namespace kc::api
