#include "service/challenges.h"

#include <gtest/gtest.h>

#include "service/deals.h"
#include "service/fixture.h"
#include "service/listings.h"

namespace kc {
namespace {

class ChallengesTest : public testing::ServiceTest {
 protected:
  void SetUp() override {
    MakeWorld();  // A posts the demand; B proposes
    org_c_ = AddOrg("丙研究所");
    c_member_ = AddUser("c-member", Role::kMember, org_c_.id);
    judge_ = AddUser("judge", Role::kMember, std::nullopt);
    auto d = listings_.Create(Actor::Of(a_member_), testing::DemandDraft("极片缺陷检测"));
    ASSERT_TRUE(d.ok());
    demand_ = d->listing.id;
    ASSERT_TRUE(
        listings_.Apply(Actor::Of(a_member_), ListingKind::kDemand, demand_, ReviewAction::kSubmit)
            .ok());
    ASSERT_TRUE(
        listings_.Apply(Actor::Of(reviewer_), ListingKind::kDemand, demand_, ReviewAction::kApprove)
            .ok());
  }

  NewChallenge Valid() {
    NewChallenge c;
    c.demand_id = demand_;
    c.reward_cny = 1000000;
    c.deadline = "2026-01-31";  // the clock is at 2026-01-01
    c.criteria = {{"技术先进性", 3}, {"成本", 1}};
    c.judges = {"judge"};
    return c;
  }

  ChallengeView MustCreate() {
    auto c = challenges_.Create(Actor::Of(a_admin_), Valid());
    EXPECT_TRUE(c.ok()) << c.status().code() << ": " << c.status().message();
    return c.ok() ? *c : ChallengeView{};
  }

  Listings listings_{store(), clock_};
  Challenges challenges_{store(), clock_};
  Deals deals_{store(), clock_};
  Org org_c_;
  User c_member_, judge_;
  int64_t demand_ = 0;
};

TEST_F(ChallengesTest, FromDemandToAnnouncedWinnerAndADeal) {
  ChallengeView c = MustCreate();
  EXPECT_EQ(c.phase, ChallengePhase::kOpen);
  EXPECT_EQ(c.challenge.title, "极片缺陷检测");
  ASSERT_EQ(c.judges.size(), 1u);
  auto pb = challenges_.Propose(Actor::Of(b_member_), c.challenge.id, "机器视觉方案", std::nullopt);
  ASSERT_TRUE(pb.ok()) << pb.status().message();
  auto pc = challenges_.Propose(Actor::Of(c_member_), c.challenge.id, "超声方案", std::nullopt);
  ASSERT_TRUE(pc.ok());
  EXPECT_EQ(challenges_.Propose(Actor::Of(b_member_), c.challenge.id, "again", std::nullopt)
                .status()
                .code(),
            "duplicate");
  EXPECT_EQ(challenges_.Propose(Actor::Of(a_member_), c.challenge.id, "own", std::nullopt)
                .status()
                .code(),
            "own_call");
  // Proposals are private to the poster, the judges and each proposer.
  EXPECT_EQ(challenges_.Get(Actor::Of(a_member_), c.challenge.id)->proposals.size(), 2u);
  EXPECT_EQ(challenges_.Get(Actor::Of(judge_), c.challenge.id)->proposals.size(), 2u);
  EXPECT_EQ(challenges_.Get(Actor::Of(b_member_), c.challenge.id)->proposals.size(), 1u);
  auto visitor = challenges_.Get(Actor::Visitor(), c.challenge.id);
  EXPECT_TRUE(visitor->proposals.empty());
  EXPECT_EQ(visitor->proposal_count, 2);
  // No scores while open; the deadline passing starts judging.
  EXPECT_EQ(challenges_.Score(Actor::Of(judge_), c.challenge.id, pb->id, {90, 80}).status().code(),
            "invalid_phase");
  clock_.Advance(31 * testing::kDay);  // 2026-02-01
  EXPECT_EQ(challenges_.Get(Actor::Of(a_member_), c.challenge.id)->phase, ChallengePhase::kJudging);
  EXPECT_EQ(
      challenges_.Propose(Actor::Of(admin_), c.challenge.id, "late", std::nullopt).status().code(),
      "call_closed");
  auto scored = challenges_.Score(Actor::Of(judge_), c.challenge.id, pb->id, {90, 50});
  ASSERT_TRUE(scored.ok()) << scored.status().message();
  EXPECT_DOUBLE_EQ(scored->score, 80.0);
  EXPECT_EQ(
      challenges_.Score(Actor::Of(b_member_), c.challenge.id, pb->id, {100, 100}).status().kind(),
      ErrorKind::kForbidden);
  EXPECT_EQ(challenges_.Score(Actor::Of(judge_), c.challenge.id, pb->id, {100}).status().field(),
            "scores");
  EXPECT_EQ(challenges_.Announce(Actor::Of(b_member_), c.challenge.id, pb->id).status().kind(),
            ErrorKind::kForbidden);
  auto announced = challenges_.Announce(Actor::Of(a_admin_), c.challenge.id, pb->id);
  ASSERT_TRUE(announced.ok()) << announced.status().message();
  EXPECT_EQ(announced->phase, ChallengePhase::kAnnounced);
  ASSERT_TRUE(announced->challenge.deal_id);
  auto deal = deals_.Get(Actor::Of(b_member_), *announced->challenge.deal_id);
  ASSERT_TRUE(deal.ok());
  EXPECT_EQ(deal->buyer.id, org_a_.id);
  EXPECT_EQ(deal->seller.id, org_b_.id);
  EXPECT_EQ(deal->deal.call_id, c.challenge.id);
  EXPECT_EQ(deal->deal.stage, DealStage::kIntent);
  EXPECT_EQ(challenges_.Announce(Actor::Of(a_admin_), c.challenge.id, pc->id).status().code(),
            "invalid_phase")
      << "announced once";
}

TEST_F(ChallengesTest, BadCallsNameTheField) {
  NewChallenge c = Valid();
  c.deadline = "2025-12-31";
  EXPECT_EQ(challenges_.Create(Actor::Of(a_admin_), c).status().field(), "deadline");
  c = Valid();
  c.criteria.clear();
  EXPECT_EQ(challenges_.Create(Actor::Of(a_admin_), c).status().field(), "criteria");
  c = Valid();
  c.judges = {"nobody"};
  EXPECT_EQ(challenges_.Create(Actor::Of(a_admin_), c).status().field(), "judges");
  c = Valid();
  c.reward_cny = -5;
  EXPECT_EQ(challenges_.Create(Actor::Of(a_admin_), c).status().field(), "reward_cny");
  EXPECT_EQ(challenges_.Create(Actor::Of(b_member_), Valid()).status().kind(),
            ErrorKind::kForbidden);
  EXPECT_EQ(challenges_.Get(Actor::Visitor(), 999).status().kind(), ErrorKind::kNotFound);
}

TEST_F(ChallengesTest, ThePosterMayCloseEarly) {
  ChallengeView c = MustCreate();
  EXPECT_EQ(challenges_.Close(Actor::Of(b_member_), c.challenge.id).status().kind(),
            ErrorKind::kForbidden);
  auto closed = challenges_.Close(Actor::Of(a_member_), c.challenge.id);
  ASSERT_TRUE(closed.ok());
  EXPECT_EQ(closed->phase, ChallengePhase::kJudging);
  EXPECT_EQ(challenges_.Close(Actor::Of(a_member_), c.challenge.id).status().code(),
            "invalid_phase");
}

}  // namespace
}  // namespace kc
