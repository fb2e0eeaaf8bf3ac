#include "service/deals.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "service/fixture.h"
#include "service/listings.h"

namespace kc {
namespace {

using testing::AchievementDraft;
using testing::DemandDraft;
using ::testing::ElementsAre;

class DealsTest : public testing::ServiceTest {
 protected:
  void SetUp() override {
    MakeWorld();  // org A: a-admin, a-member (buyer); org B: b-member (seller)
    agency_ = AddOrg("科技服务中心");
    agency_.type = OrgType::kServiceAgency;
    ASSERT_TRUE(store().Write([&](StoreTx& tx) { return tx.UpdateOrg(agency_); }).ok());
    broker_ = AddUser("broker", Role::kMember, agency_.id);
    org_c_ = AddOrg("丙公司");
    c_member_ = AddUser("c-member", Role::kMember, org_c_.id);
    demand_ = Publish(a_member_, DemandDraft("风电轴承故障诊断"));
    achievement_ = Publish(b_member_, AchievementDraft("声发射轴承早期故障诊断"));
  }

  Listing Publish(const User& who, Listing draft) {
    return testing::PublishListing(listings_, who, reviewer_, std::move(draft));
  }

  DealView MustOpen(const User& who, OpenDealRequest r) {
    auto d = deals_.Open(Actor::Of(who), r);
    EXPECT_TRUE(d.ok()) << d.status().code() << ": " << d.status().message();
    return d.ok() ? *d : DealView{};
  }

  OpenDealRequest Match() {
    OpenDealRequest r;
    r.demand_id = demand_.id;
    r.achievement_id = achievement_.id;
    return r;
  }

  Result<DealView> Move(const User& who, int64_t id, DealStage to,
                        std::optional<DealReason> reason = std::nullopt,
                        const std::string& note = "") {
    return deals_.ChangeStage(Actor::Of(who), id, to, reason, note);
  }

  // The deal notices `u` received (a listing's review outcome is not one of them).
  int64_t Notices(const User& u) {
    int64_t n = 0;
    EXPECT_TRUE(store()
                    .Read([&](StoreTx& tx) -> Status {
                      auto page = tx.ListNotifications(u.id, false, 0, 100);
                      if (!page.ok()) return page.status();
                      for (const Notification& note : page->items) n += note.deal_id != 0 ? 1 : 0;
                      return Status::Ok();
                    })
                    .ok());
    return n;
  }

  Listings listings_{store(), clock_};
  Deals deals_{store(), clock_};
  Org agency_, org_c_;
  User broker_, c_member_;
  Listing demand_, achievement_;
};

TEST_F(DealsTest, OpeningFromAMatchMakesTheDemandsOrgTheBuyer) {
  DealView d = MustOpen(a_member_, Match());
  EXPECT_EQ(d.deal.stage, DealStage::kIntent);
  EXPECT_EQ(d.buyer.id, org_a_.id);
  EXPECT_EQ(d.seller.id, org_b_.id);
  EXPECT_FALSE(d.broker);
  EXPECT_EQ(d.deal.title, "风电轴承故障诊断 ↔ 声发射轴承早期故障诊断");
  EXPECT_THAT(AuditActions("deal", d.deal.id), ElementsAre("open"));
  EXPECT_EQ(Notices(b_member_), 1);
  EXPECT_EQ(Notices(a_member_), 0) << "the one who acted is not told";
  EXPECT_EQ(Notices(a_admin_), 1);
  EXPECT_EQ(Notices(c_member_), 0);
}

TEST_F(DealsTest, OpeningFromOneListingTakesTheCallersOrganisationAsTheOtherSide) {
  OpenDealRequest r;
  r.demand_id = demand_.id;
  DealView d = MustOpen(b_member_, r);
  EXPECT_EQ(d.buyer.id, org_a_.id);
  EXPECT_EQ(d.seller.id, org_b_.id);
  // The demand's own organisation must name the other side.
  auto same = deals_.Open(Actor::Of(a_member_), r);
  EXPECT_EQ(same.status().code(), "same_org");
  r.org_id = org_c_.id;
  EXPECT_EQ(MustOpen(a_member_, r).seller.id, org_c_.id);
}

TEST_F(DealsTest, ABrokerFromAServiceAgencyOpensForOthersAndOthersCannot) {
  DealView d = MustOpen(broker_, Match());
  ASSERT_TRUE(d.broker);
  EXPECT_EQ(d.broker->id, agency_.id);
  auto outsider = deals_.Open(Actor::Of(c_member_), Match());
  EXPECT_EQ(outsider.status().kind(), ErrorKind::kForbidden);
  OpenDealRequest r = Match();
  r.broker_org_id = org_c_.id;
  auto not_agency = deals_.Open(Actor::Of(a_member_), r);
  EXPECT_EQ(not_agency.status().code(), "not_an_agency");
  EXPECT_EQ(not_agency.status().field(), "broker_org_id");
  r.broker_org_id = agency_.id;
  EXPECT_EQ(MustOpen(a_member_, r).broker->id, agency_.id);
}

TEST_F(DealsTest, BadRequestsNameTheField) {
  OpenDealRequest none;
  EXPECT_EQ(deals_.Open(Actor::Of(a_member_), none).status().code(), "listing_required");
  OpenDealRequest wrong_kind;
  wrong_kind.demand_id = achievement_.id;
  auto r = deals_.Open(Actor::Of(b_member_), wrong_kind);
  EXPECT_EQ(r.status().code(), "unknown_listing");
  EXPECT_EQ(r.status().field(), "demand_id");
  OpenDealRequest unknown_org;
  unknown_org.achievement_id = achievement_.id;
  unknown_org.org_id = 9999;
  EXPECT_EQ(deals_.Open(Actor::Of(b_member_), unknown_org).status().code(), "unknown_org");
  EXPECT_EQ(deals_.Open(Actor::Visitor(), Match()).status().kind(), ErrorKind::kUnauthorized);
}

TEST_F(DealsTest, NonPartiesCannotReadListOrMoveADeal) {
  DealView d = MustOpen(a_member_, Match());
  EXPECT_EQ(deals_.Get(Actor::Of(c_member_), d.deal.id).status().kind(), ErrorKind::kNotFound);
  EXPECT_EQ(deals_.Get(Actor::Of(reviewer_), d.deal.id).status().kind(), ErrorKind::kNotFound);
  EXPECT_EQ(Move(c_member_, d.deal.id, DealStage::kNegotiating).status().kind(),
            ErrorKind::kNotFound);
  auto mine = deals_.ListMine(Actor::Of(c_member_), std::nullopt, 0, 20);
  ASSERT_TRUE(mine.ok());
  EXPECT_EQ(mine->total, 0);
  EXPECT_EQ(deals_.ListMine(Actor::Of(b_member_), std::nullopt, 0, 20)->total, 1);
  EXPECT_EQ(deals_.ListMine(Actor::Of(admin_), std::nullopt, 0, 20)->total, 1);
  EXPECT_TRUE(deals_.Get(Actor::Of(admin_), d.deal.id).ok());
}

TEST_F(DealsTest, TheFullPathRecordsEveryStepAndNeedsAContractToRegister) {
  DealView d = MustOpen(a_member_, Match());
  const int64_t id = d.deal.id;
  ASSERT_TRUE(Move(b_member_, id, DealStage::kNda).ok());
  ASSERT_TRUE(Move(a_member_, id, DealStage::kNegotiating).ok());
  clock_.Advance(10 * testing::kDay);
  auto proposed = Move(b_member_, id, DealStage::kSigned);
  ASSERT_TRUE(proposed.ok());
  EXPECT_EQ(proposed->deal.stage, DealStage::kNegotiating);  // until the other side confirms
  EXPECT_EQ(proposed->deal.proposed_stage, DealStage::kSigned);
  EXPECT_EQ(Move(b_member_, id, DealStage::kSigned).status().code(), "awaiting_confirmation");
  auto signed_ = Move(a_member_, id, DealStage::kSigned);
  ASSERT_TRUE(signed_.ok());
  EXPECT_EQ(signed_->deal.stage, DealStage::kSigned);
  EXPECT_FALSE(signed_->deal.proposed_stage);
  EXPECT_EQ(signed_->deal.signed_at, clock_.Now());
  auto no_contract = Move(a_member_, id, DealStage::kRegistered);
  EXPECT_EQ(no_contract.status().kind(), ErrorKind::kInvalid);
  EXPECT_EQ(no_contract.status().code(), "contract_required");
  ASSERT_TRUE(store()
                  .Write([&](StoreTx& tx) {
                    return tx.deals().PutContract({id, ContractType::kTransfer, 800000,
                                                   "2026-01-11", "4403TR0001", a_member_.id, 1});
                  })
                  .ok());
  ASSERT_TRUE(Move(a_member_, id, DealStage::kRegistered).ok());
  auto registered = Move(b_member_, id, DealStage::kRegistered);
  ASSERT_TRUE(registered.ok()) << registered.status().message();
  EXPECT_EQ(registered->deal.stage, DealStage::kRegistered);
  EXPECT_TRUE(registered->contract);
  ASSERT_TRUE(Move(a_member_, id, DealStage::kCompleted).ok());
  ASSERT_TRUE(Move(b_member_, id, DealStage::kCompleted).ok());
  auto again = Move(a_member_, id, DealStage::kCancelled, DealReason::kOther, "x");
  EXPECT_EQ(again.status().code(), "invalid_transition");
  EXPECT_THAT(AuditActions("deal", id), ElementsAre("open", "stage", "stage", "propose", "stage",
                                                    "propose", "stage", "propose", "stage"));
  auto full = deals_.Get(Actor::Of(b_member_), id);
  ASSERT_TRUE(full.ok());
  EXPECT_EQ(full->history.size(), 9u);
  for (const auto& e : full->history) {
    ASSERT_TRUE(e.actor_id);
    EXPECT_TRUE(full->actors.count(*e.actor_id)) << e.action;
  }
  EXPECT_EQ(full->deal.stage, DealStage::kCompleted);
}

// docs/talent.md: a talent engagement opens from a talent demand and/or a talent profile, moves
// through the same stages, and is completed once signed: it has no contract to register.
TEST_F(DealsTest, ATalentEngagementSkipsRegistrationAndRefusesAContract) {
  Listing want;
  want.kind = ListingKind::kTalentDemand;
  want.title = "招聘固态电池首席科学家";
  want.body = "提供实验室与启动经费，面向海外高层次人才。";
  want.talent_modes = {"post", "funding"};
  want = Publish(a_member_, want);
  Listing person;
  person.kind = ListingKind::kTalent;
  person.title = "德国固态电池研究员";
  person.person_name = "李华";
  person.body = "十五年固态电解质研究经验。";
  person = Publish(b_member_, person);

  OpenDealRequest r;
  r.talent_demand_id = want.id;
  r.talent_id = person.id;
  DealView d = MustOpen(a_member_, r);
  EXPECT_EQ(d.deal.kind, DealKind::kTalent);
  EXPECT_EQ(d.buyer.id, org_a_.id);
  EXPECT_EQ(d.seller.id, org_b_.id);
  EXPECT_EQ(d.deal.demand_id, want.id);
  EXPECT_EQ(d.deal.achievement_id, person.id);
  const int64_t id = d.deal.id;
  ASSERT_TRUE(Move(b_member_, id, DealStage::kNegotiating).ok());
  ASSERT_TRUE(Move(a_member_, id, DealStage::kSigned).ok());
  ASSERT_TRUE(Move(b_member_, id, DealStage::kSigned).ok());
  auto contract = deals_.RecordContract(Actor::Of(a_member_), id,
                                        {id, ContractType::kService, 100, "2026-01-11", "X"});
  EXPECT_EQ(contract.status().code(), "no_contract_registration");
  EXPECT_EQ(contract.status().kind(), ErrorKind::kConflict);
  EXPECT_EQ(Move(a_member_, id, DealStage::kRegistered).status().code(), "invalid_transition");
  ASSERT_TRUE(Move(a_member_, id, DealStage::kCompleted).ok());
  auto done = Move(b_member_, id, DealStage::kCompleted);
  ASSERT_TRUE(done.ok()) << done.status().message();
  EXPECT_EQ(done->deal.stage, DealStage::kCompleted);
  // Read back from the store, the deal is still a talent engagement.
  auto read = deals_.Get(Actor::Of(a_member_), id);
  ASSERT_TRUE(read.ok());
  EXPECT_EQ(read->deal.kind, DealKind::kTalent);
}

TEST_F(DealsTest, TalentAndTechnologyListingsDoNotMixInOneDeal) {
  Listing person;
  person.kind = ListingKind::kTalent;
  person.title = "归国学者";
  person.person_name = "王";
  person = Publish(b_member_, person);
  OpenDealRequest mixed = Match();
  mixed.talent_id = person.id;
  auto r = deals_.Open(Actor::Of(a_member_), mixed);
  EXPECT_EQ(r.status().code(), "mixed_listings");
  EXPECT_EQ(r.status().field(), "talent_id");
  // A technology id cannot name a talent profile, nor a talent id an achievement.
  OpenDealRequest wrong;
  wrong.achievement_id = person.id;
  EXPECT_EQ(deals_.Open(Actor::Of(a_member_), wrong).status().code(), "unknown_listing");
  OpenDealRequest wrong_talent;
  wrong_talent.talent_id = achievement_.id;
  auto w = deals_.Open(Actor::Of(a_member_), wrong_talent);
  EXPECT_EQ(w.status().code(), "unknown_listing");
  EXPECT_EQ(w.status().field(), "talent_id");
}

TEST_F(DealsTest, DeclineNeedsAReasonTheOtherSideSees) {
  DealView d = MustOpen(a_member_, Match());
  auto no_reason = Move(b_member_, d.deal.id, DealStage::kDeclined);
  EXPECT_EQ(no_reason.status().code(), "reason_required");
  auto other_without_note = Move(b_member_, d.deal.id, DealStage::kDeclined, DealReason::kOther);
  EXPECT_EQ(other_without_note.status().field(), "note");
  auto reason_on_forward = Move(b_member_, d.deal.id, DealStage::kNda, DealReason::kPrice);
  EXPECT_EQ(reason_on_forward.status().code(), "not_needed");
  auto declined =
      Move(b_member_, d.deal.id, DealStage::kDeclined, DealReason::kCapacity, "今年排满了");
  ASSERT_TRUE(declined.ok());
  auto seen = deals_.Get(Actor::Of(a_member_), d.deal.id);
  ASSERT_TRUE(seen.ok());
  EXPECT_EQ(seen->deal.stage, DealStage::kDeclined);
  EXPECT_EQ(seen->deal.reason, DealReason::kCapacity);
  EXPECT_EQ(seen->deal.reason_note, "今年排满了");
  EXPECT_EQ(Notices(a_member_), 1) << "told about the decline";
}

TEST_F(DealsTest, ConfidentialDetailsAppearOnlyAfterTheNda) {
  ASSERT_TRUE(store()
                  .Write([&](StoreTx& tx) {
                    return tx.deals().PutConfidential(achievement_.id, "传感器布置图与阈值",
                                                      b_member_.id, 1);
                  })
                  .ok());
  DealView d = MustOpen(a_member_, Match());
  EXPECT_TRUE(d.has_confidential);
  EXPECT_FALSE(d.confidential);
  ASSERT_TRUE(Move(a_member_, d.deal.id, DealStage::kNda).ok());
  EXPECT_FALSE(deals_.Get(Actor::Of(a_member_), d.deal.id)->confidential);
  auto after = Move(b_member_, d.deal.id, DealStage::kNegotiating);
  ASSERT_TRUE(after.ok());
  ASSERT_TRUE(after->confidential);
  EXPECT_EQ(*after->confidential, "传感器布置图与阈值");
  // A deal that skipped the NDA never shows them.
  DealView skipped = MustOpen(broker_, Match());
  auto negotiating = Move(broker_, skipped.deal.id, DealStage::kNegotiating);
  ASSERT_TRUE(negotiating.ok());
  EXPECT_FALSE(negotiating->confidential);
}

}  // namespace
}  // namespace kc
