#include "service/statistics.h"

#include <gtest/gtest.h>

#include "service/fixture.h"

namespace kc {
namespace {

class StatisticsTest : public testing::ServiceTest {
 protected:
  void SetUp() override {
    MakeWorld();
    agency_ = AddOrg("技术转移中心");
  }

  void AddBrokered(int64_t opened, int64_t signed_at, int64_t registered_at, int64_t amount) {
    ASSERT_TRUE(store()
                    .Write([&](StoreTx& tx) -> Status {
                      Deal d;
                      d.title = "t";
                      d.buyer_org_id = org_a_.id;
                      d.seller_org_id = org_b_.id;
                      d.broker_org_id = agency_.id;
                      d.opened_by = a_member_.id;
                      d.created_at = opened;
                      d.signed_at = signed_at;
                      d.registered_at = registered_at;
                      auto id = tx.deals().InsertDeal(d);
                      if (!id.ok()) return id.status();
                      if (amount == 0) return Status::Ok();
                      return tx.deals().PutContract(
                          {*id, ContractType::kTransfer, amount, "2026-01-01", "R", 1, 1});
                    })
                    .ok());
  }

  // The figure as stored, without a flush.
  int64_t Stored() {
    int64_t stored = -1;
    EXPECT_TRUE(store()
                    .Read([&](StoreTx& tx) -> Status {
                      auto st = tx.deals().Stats();
                      if (!st.ok()) return st.status();
                      stored = st->matches_shown;
                      return Status::Ok();
                    })
                    .ok());
    return stored;
  }

  PlatformStats Platform() {
    auto st = stats_.Platform();
    EXPECT_TRUE(st.ok()) << st.status().message();
    return st.ok() ? *st : PlatformStats{};
  }

  const ViewerClient kBrowser{"192.0.2.10", "Mozilla/5.0 (X11; Linux x86_64) Chrome/120"};
  Statistics stats_{store(), clock_};
  Org agency_;
};

TEST_F(StatisticsTest, AnAgencysRecordCountsAmountsAndTheMedianTimeToSignature) {
  auto empty = stats_.AgencyRecordOf(agency_.id);
  ASSERT_TRUE(empty.ok());
  EXPECT_EQ(empty->deals, 0);
  EXPECT_FALSE(empty->median_days_to_signature);
  const int64_t day = testing::kDay;
  AddBrokered(0, 10 * day, 20 * day, 300000);
  AddBrokered(0, 20 * day, 0, 0);
  AddBrokered(0, 0, 0, 0);
  AddBrokered(day, 41 * day, 50 * day, 200000);
  auto r = stats_.AgencyRecordOf(agency_.id);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->deals, 4);
  EXPECT_EQ(r->signed_deals, 3);
  EXPECT_EQ(r->registered, 2);
  EXPECT_EQ(r->registered_amount_cny, 500000);
  ASSERT_TRUE(r->median_days_to_signature);
  EXPECT_DOUBLE_EQ(*r->median_days_to_signature, 20.0);  // of 10, 20, 40
  EXPECT_EQ(stats_.AgencyRecordOf(9999).status().kind(), ErrorKind::kNotFound);
}

TEST_F(StatisticsTest, MatchViewsAreQueuedThenWrittenInOneFlush) {
  stats_.RecordMatchView(Actor::Of(a_member_), kBrowser, 1, 10);
  stats_.RecordMatchView(Actor::Visitor(), kBrowser, 1, 5);
  EXPECT_EQ(Stored(), 0) << "queued, not yet written";
  auto st = stats_.Platform();  // flushes first
  ASSERT_TRUE(st.ok());
  EXPECT_EQ(st->matches_shown, 2) << "a member and a visitor";
  EXPECT_EQ(Stored(), 2);
  EXPECT_TRUE(stats_.Flush().ok()) << "nothing queued";
  EXPECT_EQ(Stored(), 2);
}

TEST_F(StatisticsTest, AViewerReloadingCountsOncePerListingAndDay) {
  for (int i = 0; i < 10; ++i) {
    stats_.RecordMatchView(Actor::Visitor(), kBrowser, 1, 5);
    stats_.RecordMatchView(Actor::Of(a_member_), kBrowser, 1, 5);
    clock_.Advance(60);
    if (i == 4) {
      ASSERT_TRUE(stats_.Flush().ok());  // across flushes too
    }
  }
  EXPECT_EQ(Platform().matches_shown, 2) << "one visitor and one member, each once";
  stats_.RecordMatchView(Actor::Of(a_member_), kBrowser, 2, 5);
  EXPECT_EQ(Platform().matches_shown, 3) << "another listing counts on its own";
}

TEST_F(StatisticsTest, VisitorsAreToldApartByAddressAndUserAgent) {
  stats_.RecordMatchView(Actor::Visitor(), kBrowser, 1, 5);
  stats_.RecordMatchView(Actor::Visitor(), {"203.0.113.8", kBrowser.user_agent}, 1, 5);
  stats_.RecordMatchView(Actor::Visitor(), {kBrowser.address, "curl/7.88"}, 1, 5);
  stats_.RecordMatchView(Actor::Of(b_member_), kBrowser, 1, 5);
  stats_.RecordMatchView(Actor::Visitor(), kBrowser, 1, 5);
  EXPECT_EQ(Platform().matches_shown, 4);
}

TEST_F(StatisticsTest, ANewDayInShanghaiCountsAgain) {
  // 23:59 in Shanghai (15:59 UTC), then two minutes later: the next day there, not in UTC.
  ManualClock clock(1767196740);  // 2025-12-31T15:59:00Z
  Statistics stats(store(), clock);
  stats.RecordMatchView(Actor::Visitor(), kBrowser, 1, 5);
  stats.RecordMatchView(Actor::Of(a_member_), kBrowser, 1, 5);
  clock.Advance(120);
  stats.RecordMatchView(Actor::Visitor(), kBrowser, 1, 5);
  stats.RecordMatchView(Actor::Of(a_member_), kBrowser, 1, 5);
  clock.Advance(3600);
  stats.RecordMatchView(Actor::Visitor(), kBrowser, 1, 5);
  auto st = stats.Platform();
  ASSERT_TRUE(st.ok()) << st.status().message();
  EXPECT_EQ(st->matches_shown, 4);
}

TEST_F(StatisticsTest, NoAddressIsStored) {
  stats_.RecordMatchView(Actor::Visitor(), kBrowser, 1, 5);
  ASSERT_TRUE(stats_.Flush().ok());
  std::string dump;
  ASSERT_TRUE(store()
                  .ExportTables([&](const TableRows& t) {
                    for (const auto& row : t.rows) {
                      for (const auto& cell : row) dump += cell.value_or("") + "\n";
                    }
                    return Status::Ok();
                  })
                  .ok());
  EXPECT_EQ(dump.find(kBrowser.address), std::string::npos);
  EXPECT_EQ(dump.find(kBrowser.user_agent), std::string::npos);
}

TEST_F(StatisticsTest, AFullQueueIsWrittenWithoutWaitingForAFlush) {
  for (size_t i = 0; i < Statistics::kMaxPending; ++i) {
    stats_.RecordMatchView(Actor::Visitor(), {"198.51.100." + std::to_string(i), "ua"}, 1, 1);
  }
  EXPECT_EQ(Stored(), static_cast<int64_t>(Statistics::kMaxPending));
}

}  // namespace
}  // namespace kc
