#include "core/deal.h"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <utility>

namespace kc {
namespace {

using S = DealStage;

// The stage machine as deal.h documents it. Every pair not listed must be refused.
const std::set<std::pair<S, S>>& DocumentedMoves() {
  static const std::set<std::pair<S, S>> moves = {
      {S::kIntent, S::kNda},           {S::kIntent, S::kNegotiating},
      {S::kIntent, S::kDeclined},      {S::kIntent, S::kCancelled},
      {S::kNda, S::kNegotiating},      {S::kNda, S::kDeclined},
      {S::kNda, S::kCancelled},        {S::kNegotiating, S::kSigned},
      {S::kNegotiating, S::kDeclined}, {S::kNegotiating, S::kCancelled},
      {S::kSigned, S::kRegistered},    {S::kSigned, S::kCancelled},
      {S::kRegistered, S::kCompleted},
  };
  return moves;
}

TEST(DealStageTest, EveryDocumentedMoveIsAllowed) {
  for (const auto& [from, to] : DocumentedMoves()) {
    auto next = NextDealStage(from, to);
    ASSERT_TRUE(next.ok()) << DealStageName(from) << " → " << DealStageName(to);
    EXPECT_EQ(*next, to);
  }
}

TEST(DealStageTest, EveryOtherMoveIsAConflictNamingBothStages) {
  int refused = 0;
  for (S from : AllDealStages()) {
    for (S to : AllDealStages()) {
      if (DocumentedMoves().count({from, to})) continue;
      auto next = NextDealStage(from, to);
      ASSERT_FALSE(next.ok()) << DealStageName(from) << " → " << DealStageName(to);
      EXPECT_EQ(next.status().kind(), ErrorKind::kConflict);
      EXPECT_EQ(next.status().code(), "invalid_transition");
      EXPECT_NE(next.status().message().find(std::string(DealStageName(from))), std::string::npos);
      EXPECT_NE(next.status().message().find(std::string(DealStageName(to))), std::string::npos);
      ++refused;
    }
  }
  EXPECT_EQ(refused, 8 * 8 - 13);
}

TEST(DealStageTest, FinalStagesHaveNoWayOut) {
  for (S from : {S::kCompleted, S::kDeclined, S::kCancelled}) {
    EXPECT_TRUE(IsFinal(from));
    for (S to : AllDealStages()) EXPECT_FALSE(NextDealStage(from, to).ok());
  }
  for (S s : {S::kIntent, S::kNda, S::kNegotiating, S::kSigned, S::kRegistered}) {
    EXPECT_FALSE(IsFinal(s));
  }
}

TEST(DealStageTest, OnlyDeclineAndCancelNeedAReason) {
  for (S s : AllDealStages()) {
    EXPECT_EQ(NeedsReason(s), s == S::kDeclined || s == S::kCancelled) << DealStageName(s);
  }
}

TEST(DealStageTest, NamesRoundTripAndUnknownNamesAreRefused) {
  EXPECT_EQ(AllDealStages().size(), 8u);
  for (S s : AllDealStages()) EXPECT_EQ(DealStageFromName(DealStageName(s)), s);
  EXPECT_FALSE(DealStageFromName("Signed"));
  EXPECT_FALSE(DealStageFromName(""));
  EXPECT_EQ(AllDealReasons().size(), 6u);
  for (DealReason r : AllDealReasons()) EXPECT_EQ(DealReasonFromName(DealReasonName(r)), r);
  EXPECT_EQ(DealReasonFromName("ip_terms"), DealReason::kIpTerms);
  EXPECT_FALSE(DealReasonFromName("bored"));
  for (auto t : {ContractType::kDevelopment, ContractType::kTransfer, ContractType::kLicense,
                 ContractType::kConsulting, ContractType::kService}) {
    EXPECT_EQ(ContractTypeFromName(ContractTypeName(t)), t);
  }
  EXPECT_FALSE(ContractTypeFromName("sale"));
}

TEST(DealStageTest, ConfidentialDetailsOnlyAfterTheNdaWhileTheDealLives) {
  Deal d;
  EXPECT_FALSE(ConfidentialVisible(d));
  d.stage = S::kNda;
  EXPECT_FALSE(ConfidentialVisible(d));
  d.stage = S::kNegotiating;
  EXPECT_FALSE(ConfidentialVisible(d)) << "skipped the NDA";
  d.nda_passed = true;
  EXPECT_TRUE(ConfidentialVisible(d));
  d.stage = S::kRegistered;
  EXPECT_TRUE(ConfidentialVisible(d));
  d.stage = S::kDeclined;
  EXPECT_FALSE(ConfidentialVisible(d));
  d.stage = S::kCancelled;
  EXPECT_FALSE(ConfidentialVisible(d));
}

TEST(DealStageTest, ATalentEngagementIsCompletedWithoutBeingRegistered) {
  using S = DealStage;
  auto next = NextDealStage(S::kSigned, S::kCompleted, DealKind::kTalent);
  ASSERT_TRUE(next.ok()) << next.status().message();
  EXPECT_EQ(*next, S::kCompleted);
  EXPECT_TRUE(NextDealStage(S::kSigned, S::kCancelled, DealKind::kTalent).ok());
  Status registered = NextDealStage(S::kSigned, S::kRegistered, DealKind::kTalent).status();
  EXPECT_EQ(registered.code(), "invalid_transition");
  EXPECT_FALSE(NextDealStage(S::kRegistered, S::kCompleted, DealKind::kTalent).ok());
  // A technology deal still needs its registration before completion.
  EXPECT_EQ(NextDealStage(S::kSigned, S::kCompleted).status().code(), "invalid_transition");
  // The stages before signing are the same for both kinds.
  for (const auto& [from, to] : DocumentedMoves()) {
    if (from == S::kSigned || from == S::kRegistered) continue;
    EXPECT_TRUE(NextDealStage(from, to, DealKind::kTalent).ok())
        << DealStageName(from) << " → " << DealStageName(to);
  }
}

TEST(DealKindTest, NamesRoundTripAndUnknownNamesAreRefused) {
  for (auto k : {DealKind::kTechnology, DealKind::kTalent}) {
    EXPECT_EQ(DealKindFromName(DealKindName(k)), k);
  }
  EXPECT_EQ(DealKindName(DealKind::kTalent), "talent");
  EXPECT_EQ(DealKindFromName(""), std::nullopt);
  EXPECT_EQ(DealKindFromName("Talent"), std::nullopt);
}

TEST(DealTest, OnlySigningRegisteringAndCompletingBindBothParties) {
  using S = DealStage;
  for (S stage : AllDealStages()) {
    bool binding = stage == S::kSigned || stage == S::kRegistered || stage == S::kCompleted;
    EXPECT_EQ(NeedsBothParties(stage), binding) << DealStageName(stage);
  }
}

}  // namespace
}  // namespace kc
