#include "core/listing.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <utility>
#include <vector>

namespace kc {
namespace {

TEST(ListingKindTest, NamesAndPluralsRoundTripForEveryKind) {
  const std::vector<std::pair<ListingKind, std::pair<std::string, std::string>>> kinds = {
      {ListingKind::kDemand, {"demand", "demands"}},
      {ListingKind::kAchievement, {"achievement", "achievements"}},
      {ListingKind::kExpert, {"expert", "experts"}},
      {ListingKind::kTalent, {"talent", "talents"}},
      {ListingKind::kTalentDemand, {"talent_demand", "talent-demands"}},
  };
  ASSERT_EQ(AllKinds().size(), kinds.size());
  for (const auto& [kind, names] : kinds) {
    SCOPED_TRACE(names.first);
    EXPECT_EQ(KindName(kind), names.first);
    EXPECT_EQ(KindPlural(kind), names.second);
    EXPECT_EQ(KindFromName(names.first), kind);
    EXPECT_EQ(KindFromPlural(names.second), kind);
  }
}

TEST(ListingKindTest, UnknownOrMixedUpNamesAreRejected) {
  // A plural is not a name and a name is not a plural: the API paths use only plurals.
  EXPECT_EQ(KindFromName("demands"), std::nullopt);
  EXPECT_EQ(KindFromPlural("demand"), std::nullopt);
  for (const char* bad : {"", "Demand", "DEMANDS", "demand ", "patent", "需求"}) {
    SCOPED_TRACE(bad);
    EXPECT_EQ(KindFromName(bad), std::nullopt);
    EXPECT_EQ(KindFromPlural(bad), std::nullopt);
  }
}

TEST(ListingKindTest, TalentKindsMatchEachOtherAndTheOthersKeepTheirTargets) {
  EXPECT_TRUE(IsTalentKind(ListingKind::kTalent));
  EXPECT_TRUE(IsTalentKind(ListingKind::kTalentDemand));
  for (auto k : {ListingKind::kDemand, ListingKind::kAchievement, ListingKind::kExpert}) {
    EXPECT_FALSE(IsTalentKind(k));
    // A technology listing is never matched with talent, and the other way round.
    EXPECT_FALSE(IsTalentKind(DefaultMatchTarget(k)));
  }
  EXPECT_EQ(DefaultMatchTarget(ListingKind::kDemand), ListingKind::kAchievement);
  EXPECT_EQ(DefaultMatchTarget(ListingKind::kAchievement), ListingKind::kDemand);
  EXPECT_EQ(DefaultMatchTarget(ListingKind::kExpert), ListingKind::kDemand);
  EXPECT_EQ(DefaultMatchTarget(ListingKind::kTalent), ListingKind::kTalentDemand);
  EXPECT_EQ(DefaultMatchTarget(ListingKind::kTalentDemand), ListingKind::kTalent);
}

TEST(TalentVocabularyTest, ModesAndTypesAreExactlyTheDocumentedCodes) {
  for (const char* m : {"post", "partner", "funding"}) EXPECT_TRUE(IsTalentMode(m)) << m;
  for (const char* m : {"", "Post", "job", "transfer", "talent", "funding "}) {
    EXPECT_FALSE(IsTalentMode(m)) << m;
  }
  for (const char* t : {"overseas", "returnee", "domestic"}) EXPECT_TRUE(IsTalentType(t)) << t;
  for (const char* t : {"", "Overseas", "foreign", "海外人才"}) EXPECT_FALSE(IsTalentType(t)) << t;
}

TEST(ListingStatusTest, NamesRoundTripForEveryStatus) {
  const std::vector<std::pair<ListingStatus, std::string>> statuses = {
      {ListingStatus::kDraft, "draft"},         {ListingStatus::kPending, "pending"},
      {ListingStatus::kPublished, "published"}, {ListingStatus::kRejected, "rejected"},
      {ListingStatus::kClosed, "closed"},       {ListingStatus::kExpired, "expired"},
  };
  for (const auto& [status, name] : statuses) {
    SCOPED_TRACE(name);
    EXPECT_EQ(StatusName(status), name);
    EXPECT_EQ(StatusFromName(name), status);
  }
}

TEST(ListingStatusTest, UnknownNamesAreRejected) {
  for (const char* bad : {"", "Draft", "PUBLISHED", "approved", "open", " pending"}) {
    SCOPED_TRACE(bad);
    EXPECT_EQ(StatusFromName(bad), std::nullopt);
  }
}

TEST(VisibilityTest, NamesRoundTripAndUnknownNamesAreRejected) {
  EXPECT_EQ(VisibilityName(Visibility::kPublic), "public");
  EXPECT_EQ(VisibilityName(Visibility::kMembers), "members");
  EXPECT_EQ(VisibilityFromName("public"), Visibility::kPublic);
  EXPECT_EQ(VisibilityFromName("members"), Visibility::kMembers);
  for (const char* bad : {"", "private", "Public", "member"}) {
    SCOPED_TRACE(bad);
    EXPECT_EQ(VisibilityFromName(bad), std::nullopt);
  }
}

TEST(CooperationModeTest, AcceptsExactlyTheSharedVocabulary) {
  for (const char* mode : {"transfer", "license", "joint_development", "commissioned_development",
                           "consulting", "talent", "equity", "other"}) {
    EXPECT_TRUE(IsCooperationMode(mode)) << mode;
  }
  for (const char* bad : {"", "Transfer", "licence", "joint-development", "joint development",
                          "equity ", "作价入股", "sale"}) {
    EXPECT_FALSE(IsCooperationMode(bad)) << bad;
  }
}

TEST(MoneyRangeTest, NegotiableOnlyWhenBothBoundsAreEmpty) {
  EXPECT_TRUE(MoneyRange{}.negotiable());
  EXPECT_FALSE((MoneyRange{0, std::nullopt}.negotiable()));
  EXPECT_FALSE((MoneyRange{std::nullopt, 500000}.negotiable()));
  EXPECT_FALSE((MoneyRange{100, 200}.negotiable()));
}

TEST(ContactTest, EmptyOnlyWhenEveryFieldIsEmpty) {
  EXPECT_TRUE(Contact{}.empty());
  EXPECT_FALSE((Contact{"王工", "", ""}.empty()));
  EXPECT_FALSE((Contact{"", "0512-65283417", ""}.empty()));
  EXPECT_FALSE((Contact{"", "", "a@example.com"}.empty()));
}

TEST(ListingTest, ANewListingIsAPublicDraftWithoutTimes) {
  Listing l;
  EXPECT_EQ(l.status, ListingStatus::kDraft);
  EXPECT_EQ(l.visibility, Visibility::kPublic);
  EXPECT_EQ(l.published_at, 0);
  EXPECT_EQ(l.expires_at, 0);
  EXPECT_FALSE(l.demo);
  EXPECT_TRUE(l.budget.negotiable());
  EXPECT_TRUE(l.contact.empty());
}

}  // namespace
}  // namespace kc
