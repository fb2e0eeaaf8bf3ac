#include <gtest/gtest.h>

#include "service/deals.h"
#include "service/fixture.h"
#include "service/listings.h"

namespace kc {
namespace {

using testing::AchievementDraft;

class DealContractTest : public testing::ServiceTest {
 protected:
  void SetUp() override {
    MakeWorld();
    ASSERT_TRUE(store()
                    .Write([&](StoreTx& tx) -> Status {
                      deal_.title = "合作";
                      deal_.buyer_org_id = org_a_.id;
                      deal_.seller_org_id = org_b_.id;
                      deal_.opened_by = a_member_.id;
                      deal_.stage = DealStage::kNegotiating;
                      auto id = tx.deals().InsertDeal(deal_);
                      if (!id.ok()) return id.status();
                      deal_.id = *id;
                      return Status::Ok();
                    })
                    .ok());
  }

  Contract Valid() {
    Contract c;
    c.type = ContractType::kLicense;
    c.amount_cny = 1200000;
    c.signed_on = "2026-02-28";
    c.registration_no = "2026440300001234";
    return c;
  }

  Listings listings_{store(), clock_};
  Deals deals_{store(), clock_};
  Deal deal_;
};

TEST_F(DealContractTest, OnlyASignedDealTakesAValidContract) {
  auto early = deals_.RecordContract(Actor::Of(a_member_), deal_.id, Valid());
  EXPECT_EQ(early.status().code(), "invalid_stage");
  for (const User& side : {b_member_, a_member_}) {  // proposed, then confirmed
    ASSERT_TRUE(
        deals_.ChangeStage(Actor::Of(side), deal_.id, DealStage::kSigned, std::nullopt, "").ok());
  }
  Contract bad = Valid();
  bad.signed_on = "2026-02-30";
  EXPECT_EQ(deals_.RecordContract(Actor::Of(a_member_), deal_.id, bad).status().field(),
            "signed_on");
  bad = Valid();
  bad.amount_cny = -1;
  EXPECT_EQ(deals_.RecordContract(Actor::Of(a_member_), deal_.id, bad).status().field(),
            "amount_cny");
  bad = Valid();
  bad.registration_no = " ";
  EXPECT_EQ(deals_.RecordContract(Actor::Of(a_member_), deal_.id, bad).status().field(),
            "registration_no");
  auto stranger = AddUser("stranger", Role::kMember, org_platform_.id);
  EXPECT_EQ(deals_.RecordContract(Actor::Of(stranger), deal_.id, Valid()).status().kind(),
            ErrorKind::kNotFound);
  auto ok = deals_.RecordContract(Actor::Of(a_member_), deal_.id, Valid());
  ASSERT_TRUE(ok.ok()) << ok.status().message();
  ASSERT_TRUE(ok->contract);
  EXPECT_EQ(ok->contract->amount_cny, 1200000);
  EXPECT_EQ(ok->contract->recorded_by, a_member_.id);
  ASSERT_TRUE(
      deals_.ChangeStage(Actor::Of(a_member_), deal_.id, DealStage::kRegistered, std::nullopt, "")
          .ok());
  auto registered =
      deals_.ChangeStage(Actor::Of(b_member_), deal_.id, DealStage::kRegistered, std::nullopt, "");
  ASSERT_TRUE(registered.ok()) << registered.status().message();
  EXPECT_EQ(registered->deal.registered_at, clock_.Now());
}

TEST_F(DealContractTest, ConfidentialDetailsBelongToTheAchievementsOrganisation) {
  auto a = listings_.Create(Actor::Of(b_member_), AchievementDraft("轴承诊断"));
  ASSERT_TRUE(a.ok());
  const int64_t id = a->listing.id;
  EXPECT_TRUE(deals_.SetConfidential(Actor::Of(b_member_), id, "阈值 0.37").ok());
  EXPECT_EQ(*deals_.Confidential(Actor::Of(b_member_), id), "阈值 0.37");
  EXPECT_EQ(deals_.SetConfidential(Actor::Of(a_member_), id, "x").kind(), ErrorKind::kNotFound)
      << "a draft of another organisation is invisible";
  EXPECT_EQ(deals_.Confidential(Actor::Of(a_member_), id).status().kind(), ErrorKind::kNotFound);
  EXPECT_EQ(deals_.SetConfidential(Actor::Of(b_member_), deal_.id + 999, "x").kind(),
            ErrorKind::kNotFound);
}

}  // namespace
}  // namespace kc
