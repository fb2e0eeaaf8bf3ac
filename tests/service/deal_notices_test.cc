#include "service/deal_notices.h"

#include <gtest/gtest.h>

#include "service/fixture.h"

namespace kc {
namespace {

class DealNoticesTest : public testing::ServiceTest {
 protected:
  void SetUp() override { MakeWorld(); }

  std::vector<Notification> NoticesOf(const User& u) {
    std::vector<Notification> out;
    EXPECT_TRUE(store()
                    .Read([&](StoreTx& tx) -> Status {
                      auto page = tx.ListNotifications(u.id, false, 0, 100);
                      if (!page.ok()) return page.status();
                      out = page->items;
                      return Status::Ok();
                    })
                    .ok());
    return out;
  }
};

TEST_F(DealNoticesTest, EveryPartyMemberButTheActorIsToldEachTime) {
  Deal d;
  d.title = "合作研发";
  d.buyer_org_id = org_a_.id;
  d.seller_org_id = org_b_.id;
  d.opened_by = a_admin_.id;
  d.call_id = 5;
  for (int i = 0; i < 2; ++i) {
    Status s = store().Write([&](StoreTx& tx) -> Status {
      if (d.id == 0) {
        auto id = tx.deals().InsertDeal(d);
        if (!id.ok()) return id.status();
        d.id = *id;
      }
      auto n = NotifyDealParties(tx, d, a_admin_.id, "deal_message", "请看附件", 100 + i);
      if (!n.ok()) return n.status();
      EXPECT_EQ(*n, 2);  // a-member and b-member
      return Status::Ok();
    });
    ASSERT_TRUE(s.ok()) << s.message();
  }
  EXPECT_TRUE(NoticesOf(a_admin_).empty());
  EXPECT_TRUE(NoticesOf(admin_).empty());
  auto b = NoticesOf(b_member_);
  ASSERT_EQ(b.size(), 2u);
  EXPECT_EQ(b[0].kind, "deal_message");
  EXPECT_EQ(b[0].deal_id, d.id);
  EXPECT_EQ(b[0].call_id, 5);
  EXPECT_EQ(b[0].title, "合作研发");
  EXPECT_EQ(b[0].message, "请看附件");
  EXPECT_EQ(NoticesOf(a_member_).size(), 2u);
}

}  // namespace
}  // namespace kc
