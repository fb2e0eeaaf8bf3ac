#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "service/events.h"
#include "service/fixture.h"
#include "service/listings.h"

namespace kc {
namespace {

using testing::DemandDraft;
using ::testing::ElementsAre;

class EventImportTest : public testing::ServiceTest {
 protected:
  void SetUp() override {
    MakeWorld();  // org A: a-admin (org admin), a-member; org B: b-member
    demand_ =
        testing::PublishListing(listings_, a_member_, reviewer_, DemandDraft("锂电池需求")).id;
  }

  std::vector<Event> All() {
    std::vector<Event> out;
    EXPECT_TRUE(store()
                    .Read([&](StoreTx& tx) -> Status {
                      EventQuery q;
                      q.statuses.push_back(EventStatus::kDraft);
                      q.all_drafts = true;
                      q.ending_after = 0;
                      q.limit = 100;
                      auto page = tx.events().ListEvents(q);
                      if (!page.ok()) return page.status();
                      out = page->items;
                      return Status::Ok();
                    })
                    .ok());
    return out;
  }

  Listings listings_{store(), clock_};
  Events events_{store(), clock_};
  int64_t demand_ = 0;
};

TEST_F(EventImportTest, ImportsGoodLinesAndReportsEachBadOneWithItsNumber) {
  const std::string a = std::to_string(org_a_.id);
  const std::string b = std::to_string(org_b_.id);
  const std::string csv =
      "org_id,kind,title,starts_at,ends_at,venue,online_url,capacity,listing_ids,status\n" + a +
      ",对接会,锂电池对接会,2026-03-01 09:00,2026-03-01 17:00,杭州,,100," +
      std::to_string(demand_) + ",\n" +                                             // 2: ok
      a + ",party,派对,2026-03-02 09:00,2026-03-02 10:00,杭州,,0,,\n" +             // 3: kind
      a + ",roadshow,路演,2026-03-03T09:00:00Z,2026-03-03T08:00:00Z,杭州,,0,,\n" +  // 4: end
      b + ",roadshow,别人的路演,2026-03-04 09:00,2026-03-04 10:00,北京,,0,,\n" +    // 5: 403
      a +
      ",roadshow,线上路演,2026-03-05 14:00,2026-03-05 16:00,,https://meet.example.cn/1,"
      "50,,draft\n" +  // 6: ok
      a +
      ",roadshow,\"少一列\"\n" +                                                   // 7: cells
      a + ",conference,年会,tomorrow,2026-03-06 10:00,北京,,0,,\n" +               // 8: time
      a + ",conference,年会,2026-03-06 09:00,2026-03-06 10:00,北京,,0,99999,\n" +  // 9: listing
      a + ",conference,\"未闭合,2026-03-06 09:00\n";                               // 10: quote
  auto report = events_.Import(Actor::Of(a_admin_), csv);
  ASSERT_TRUE(report.ok()) << report.status().message();
  EXPECT_EQ(report->created, 2);
  std::vector<std::pair<int, std::string>> failed;
  for (const auto& f : report->failed) failed.emplace_back(f.line, f.error.code());
  EXPECT_THAT(failed, ElementsAre(std::pair{3, "invalid_kind"}, std::pair{4, "ends_before_start"},
                                  std::pair{5, "forbidden"}, std::pair{7, "wrong_column_count"},
                                  std::pair{8, "invalid_time"}, std::pair{9, "unknown_listing"},
                                  std::pair{10, "csv_unclosed_quote"}));
  auto events = All();
  ASSERT_EQ(events.size(), 2u);
  const Event& first = events[0];
  EXPECT_EQ(first.title, "锂电池对接会");
  EXPECT_EQ(first.kind, EventKind::kMatchmaking);
  EXPECT_EQ(first.starts_at, 1772326800);  // 2026-03-01 09:00 in Beijing = 01:00Z
  EXPECT_EQ(first.status, EventStatus::kPublished);
  EXPECT_THAT(first.listing_ids, ElementsAre(demand_));
  EXPECT_EQ(events[1].status, EventStatus::kDraft);
  EXPECT_EQ(events[1].online_url, "https://meet.example.cn/1");
  EXPECT_THAT(AuditActions("event", first.id), ElementsAre("import"));
}

TEST_F(EventImportTest, ChineseHeadersAndTheCallersOwnOrganisation) {
  const std::string csv =
      "标题,类型,开始时间,结束时间,地点,席位\n"
      "成果路演,路演,2026-04-01 09:00,2026-04-01 11:00,深圳,30\n";
  auto report = events_.Import(Actor::Of(a_admin_), csv);
  ASSERT_TRUE(report.ok()) << report.status().message();
  EXPECT_EQ(report->created, 1);
  EXPECT_EQ(All().at(0).org_id, org_a_.id);
}

TEST_F(EventImportTest, RefusesVisitorsAndFilesWithoutAKnownHeader) {
  EXPECT_EQ(events_.Import(Actor::Visitor(), "title\nx\n").status().kind(),
            ErrorKind::kUnauthorized);
  EXPECT_EQ(events_.Import(Actor::Of(a_admin_), "").status().code(), "missing_header");
  auto unknown = events_.Import(Actor::Of(a_admin_), "title,colour\nx,red\n");
  EXPECT_EQ(unknown.status().code(), "unknown_column");
  EXPECT_EQ(unknown.status().field(), "colour");
  // A plain member organises nothing: every line is refused, none imported.
  auto member = events_.Import(Actor::Of(a_member_),
                               "kind,title,starts_at,ends_at,venue\n"
                               "roadshow,路演,2026-04-01 09:00,2026-04-01 11:00,深圳\n");
  ASSERT_TRUE(member.ok());
  EXPECT_EQ(member->created, 0);
  ASSERT_EQ(member->failed.size(), 1u);
  EXPECT_EQ(member->failed[0].error.kind(), ErrorKind::kForbidden);
  EXPECT_TRUE(All().empty());
}

}  // namespace
}  // namespace kc
