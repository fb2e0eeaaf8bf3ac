#include "core/campaign.h"

#include <gtest/gtest.h>

namespace kc {
namespace {

constexpr int64_t kOpens = 1767225600;  // 2026-01-01T00:00:00Z
constexpr int64_t kDay = 86400;

Campaign Open(const std::string& key, int year = 2026) {
  Campaign c = *CampaignFromTemplate(key, year);
  c.nomination_opens = kOpens;
  c.nomination_closes = kOpens + 30 * kDay;
  c.review_opens = kOpens + 31 * kDay;
  c.review_closes = kOpens + 60 * kDay;
  c.status = CampaignStatus::kOpen;
  return c;
}

Nomination Person(const std::string& birth_date) {
  Nomination n;
  n.nominee_type = NomineeType::kPerson;
  n.nominee_name = "张青年";
  n.birth_date = birth_date;
  n.materials = {{"推荐书", "https://example.org/1.pdf"}, {"成果证明", ""}};
  return n;
}

TEST(CampaignTemplateTest, EveryTemplateIsAValidCampaign) {
  ASSERT_EQ(CampaignTemplateKeys().size(), 4u);
  for (const auto& key : CampaignTemplateKeys()) {
    SCOPED_TRACE(key);
    Campaign c = Open(key);
    EXPECT_EQ(c.series, key);
    Status s = ValidateCampaign(c);
    EXPECT_TRUE(s.ok()) << s.field() << ": " << s.message();
    double sum = 0;
    for (const auto& k : c.criteria) sum += k.weight;
    EXPECT_NEAR(sum, 1.0, 1e-9);
  }
  EXPECT_EQ(CampaignFromTemplate("no-such", 2026), std::nullopt);
  EXPECT_EQ(Open("qiushi-young-scientist-award", 2021).title,
            "第23届中国科协求是杰出青年成果转化奖");
  EXPECT_EQ(Open("qiushi-young-scientist-award").kind, CampaignKind::kAward);
  EXPECT_EQ(Open("emerging-enterprise").rules.min_founding_year, 2021);
}

TEST(CampaignValidationTest, BadFieldsAreNamed) {
  Campaign c = Open("pioneer-technology");
  c.criteria[1].key = c.criteria[0].key;
  EXPECT_EQ(ValidateCampaign(c).field(), "criteria");
  c = Open("pioneer-technology");
  c.criteria[0].weight = 0;
  EXPECT_EQ(ValidateCampaign(c).field(), "criteria");
  c = Open("pioneer-technology");
  c.review_opens = c.nomination_closes - 1;
  EXPECT_EQ(ValidateCampaign(c).field(), "review_opens");
  c = Open("pioneer-technology");
  c.nomination_closes = c.nomination_opens;
  EXPECT_EQ(ValidateCampaign(c).field(), "nomination_closes");
  c = Open("pioneer-technology");
  c.min_reviewers = 0;
  EXPECT_EQ(ValidateCampaign(c).field(), "min_reviewers");
  c = Open("pioneer-technology");
  c.year = 1999;
  EXPECT_EQ(ValidateCampaign(c).field(), "year");
}

TEST(EligibilityTest, TheYoungScientistsAgeLimit) {
  Campaign award = Open("qiushi-young-scientist-award");  // 2026, at most 40
  EXPECT_TRUE(CheckEligibility(award, Person("1986-12-31"), false, kOpens).ok())
      << "40 on 31 December 2026";
  Status old = CheckEligibility(award, Person("1985-06-01"), false, kOpens);
  ASSERT_FALSE(old.ok());
  EXPECT_EQ(old.code(), "ineligible");
  EXPECT_EQ(old.field(), "birth_date");
  EXPECT_NE(old.message().find("41"), std::string::npos) << old.message();
  EXPECT_NE(old.message().find("40"), std::string::npos) << old.message();
  Status no_date = CheckEligibility(award, Person(""), false, kOpens);
  EXPECT_EQ(no_date.field(), "birth_date");
  EXPECT_EQ(CheckEligibility(award, Person("1990/01/01"), false, kOpens).field(), "birth_date");
}

TEST(EligibilityTest, TheEmergingEnterprisesFoundingYear) {
  Campaign list = Open("emerging-enterprise");  // founded in or after 2021
  Nomination n;
  n.nominee_type = NomineeType::kEnterprise;
  n.nominee_name = "新锐科技有限公司";
  n.materials = {{"营业执照", ""}};
  n.founding_year = 2021;
  EXPECT_TRUE(CheckEligibility(list, n, true, kOpens).ok()) << "self-nomination allowed here";
  n.founding_year = 2019;
  Status s = CheckEligibility(list, n, false, kOpens);
  EXPECT_EQ(s.field(), "founding_year");
  EXPECT_NE(s.message().find("2019"), std::string::npos);
  n.founding_year = std::nullopt;
  EXPECT_EQ(CheckEligibility(list, n, false, kOpens).field(), "founding_year");
  n.founding_year = 2030;
  EXPECT_EQ(CheckEligibility(list, n, false, kOpens).field(), "founding_year");
}

TEST(EligibilityTest, SelfNominationTypeMaterialsAndWindow) {
  Campaign award = Open("qiushi-young-scientist-award");
  Status self = CheckEligibility(award, Person("1990-01-01"), true, kOpens);
  EXPECT_EQ(self.code(), "ineligible");
  EXPECT_EQ(self.field(), "nominator_org_id");

  Nomination wrong_type = Person("1990-01-01");
  wrong_type.nominee_type = NomineeType::kEnterprise;
  EXPECT_EQ(CheckEligibility(award, wrong_type, false, kOpens).field(), "nominee_type");

  Nomination one_doc = Person("1990-01-01");
  one_doc.materials.pop_back();
  EXPECT_EQ(CheckEligibility(award, one_doc, false, kOpens).field(), "materials");

  Campaign tech = Open("pioneer-technology");
  Nomination achievement;
  achievement.nominee_type = NomineeType::kAchievement;
  achievement.nominee_name = "固态电池电解质";
  achievement.materials = {{"成果评价报告", ""}};
  EXPECT_EQ(CheckEligibility(tech, achievement, false, kOpens).field(), "listing_id");
  achievement.listing_id = 5;
  EXPECT_TRUE(CheckEligibility(tech, achievement, false, kOpens).ok());

  EXPECT_EQ(CheckEligibility(tech, achievement, false, kOpens - 1).code(), "nominations_closed");
  EXPECT_EQ(CheckEligibility(tech, achievement, false, kOpens + 30 * kDay).code(),
            "nominations_closed");
  tech.status = CampaignStatus::kReview;
  EXPECT_EQ(CheckEligibility(tech, achievement, false, kOpens).kind(), ErrorKind::kConflict);
}

TEST(CampaignNamesTest, RoundTrip) {
  for (auto k : {CampaignKind::kList, CampaignKind::kAward}) {
    EXPECT_EQ(CampaignKindFromName(CampaignKindName(k)), k);
  }
  for (auto t : {NomineeType::kAchievement, NomineeType::kEnterprise, NomineeType::kOrganisation,
                 NomineeType::kPerson}) {
    EXPECT_EQ(NomineeTypeFromName(NomineeTypeName(t)), t);
  }
  for (auto s : {CampaignStatus::kDraft, CampaignStatus::kOpen, CampaignStatus::kReview,
                 CampaignStatus::kPublished}) {
    EXPECT_EQ(CampaignStatusFromName(CampaignStatusName(s)), s);
  }
  EXPECT_EQ(CampaignStatusFromName("closed"), std::nullopt);
}

TEST(CampaignNamesTest, AgeAtEndOfYear) {
  EXPECT_EQ(AgeAtEndOfYear("1986-12-31", 2026), 40);
  EXPECT_EQ(AgeAtEndOfYear("1986-01-01", 2026), 40);
  EXPECT_EQ(AgeAtEndOfYear("86-01-01", 2026), std::nullopt);
  EXPECT_EQ(AgeAtEndOfYear("1986-13-01", 2026), std::nullopt);
}

}  // namespace
}  // namespace kc
