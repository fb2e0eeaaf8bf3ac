#include "service/alerts.h"

#include <gtest/gtest.h>

#include <vector>

#include "search/matcher.h"
#include "service/indexed_fixture.h"
#include "service/subscriptions.h"

namespace kc {
namespace {

using testing::DemandDraft;

class AlertsTest : public testing::IndexedServiceTest {
 protected:
  AlertsTest()
      : matcher_(index_.get(), translator_.get()),
        subs_(store(), clock_, *index_, translator_.get(), matcher_),
        alerts_(store(), *index_, subs_) {}

  // A demand created, submitted and approved, but not yet indexed.
  Listing Approve(const std::string& title, const std::string& body) {
    Listing draft = DemandDraft(title);
    draft.body = body;
    Listing l = MustCreate(a_member_, draft);
    EXPECT_TRUE(listings_.Apply(Actor::Of(a_member_), l.kind, l.id, ReviewAction::kSubmit).ok());
    auto r = listings_.Apply(Actor::Of(reviewer_), l.kind, l.id, ReviewAction::kApprove);
    EXPECT_TRUE(r.ok()) << r.status().message();
    return l;
  }

  int64_t MustCatchUp() {
    auto n = alerts_.CatchUp();
    EXPECT_TRUE(n.ok()) << n.status().message();
    return n.ok() ? *n : -1;
  }

  int64_t Cursor() {
    auto c = alerts_.Cursor();
    EXPECT_TRUE(c.ok()) << c.status().message();
    return c.ok() ? *c : -1;
  }

  size_t NoticesOf(const User& who) {
    auto page = subs_.Notifications(Actor::Of(who), false, 0, 100);
    EXPECT_TRUE(page.ok());
    size_t n = 0;
    for (const Notification& note : page.ok() ? page->items : std::vector<Notification>{}) {
      n += note.kind == "saved_search" ? 1 : 0;
    }
    return n;
  }

  search::Matcher matcher_;
  Subscriptions subs_;
  Alerts alerts_;
};

const char* kSludge = "污泥脱水干化设备";
const char* kSludgeBody = "市政污水处理厂剩余污泥含水率高，需要低能耗的污泥脱水与干化成套设备。";

TEST_F(AlertsTest, AListingIsAnnouncedOnceItIsSearchable) {
  ASSERT_TRUE(subs_.SaveSearch(Actor::Of(b_member_), {.q = "污泥脱水 干化"}).ok());
  const Listing l = Approve(kSludge, kSludgeBody);
  EXPECT_EQ(MustCatchUp(), 0) << "not yet indexed";
  EXPECT_EQ(Cursor(), index_->applied_seq());
  EXPECT_EQ(NoticesOf(b_member_), 0u);

  ASSERT_TRUE(indexer_.CatchUp().ok());
  EXPECT_EQ(MustCatchUp(), 1);
  EXPECT_EQ(NoticesOf(b_member_), 1u);
  EXPECT_EQ(Cursor(), index_->applied_seq()) << "the cursor follows the index";

  // Nothing new: nothing announced again, even when the listing changes and is re-indexed.
  EXPECT_EQ(MustCatchUp(), 0);
  ASSERT_TRUE(listings_.Apply(Actor::Of(a_member_), l.kind, l.id, ReviewAction::kClose).ok());
  ASSERT_TRUE(indexer_.CatchUp().ok());
  EXPECT_EQ(MustCatchUp(), 0);
  EXPECT_EQ(NoticesOf(b_member_), 1u);
}

TEST_F(AlertsTest, TheCursorMovesWhenNobodySubscribes) {
  Approve(kSludge, kSludgeBody);
  ASSERT_TRUE(indexer_.CatchUp().ok());
  EXPECT_EQ(MustCatchUp(), 0);
  EXPECT_EQ(Cursor(), index_->applied_seq());
  // A saved search made afterwards is not told of what was published before it.
  ASSERT_TRUE(subs_.SaveSearch(Actor::Of(b_member_), {.q = "污泥脱水 干化"}).ok());
  EXPECT_EQ(MustCatchUp(), 0);
  EXPECT_EQ(NoticesOf(b_member_), 0u);
}

TEST_F(AlertsTest, ManyListingsAreAnnouncedInBatches) {
  ASSERT_TRUE(subs_.SaveSearch(Actor::Of(b_member_), {.q = "污泥脱水 干化"}).ok());
  constexpr int kListings = 5;
  for (int i = 0; i < kListings; ++i) Approve(kSludge, kSludgeBody);
  ASSERT_TRUE(indexer_.CatchUp().ok());
  EXPECT_EQ(MustCatchUp(), kListings);
  EXPECT_EQ(NoticesOf(b_member_), static_cast<size_t>(kListings));
}

}  // namespace
}  // namespace kc
