#include "service/demo.h"

#include <gtest/gtest.h>

#include "core/shanghai_day.h"
#include "service/fixture.h"

namespace kc {
namespace {

class DemoTest : public testing::ServiceTest {
 protected:
  int64_t OrgCount() {
    int64_t n = -1;
    EXPECT_TRUE(store()
                    .Read([&](StoreTx& tx) -> Status {
                      auto page = tx.ListOrgs(OrgQuery{});
                      KC_RETURN_IF_ERROR(page);
                      n = page->total;
                      for (const auto& o : page->items) EXPECT_TRUE(o.demo) << o.name;
                      return Status::Ok();
                    })
                    .ok());
    return n;
  }
};

TEST_F(DemoTest, LoadsTwelveOrganisationsAndFiftyPublishedListingsOnce) {
  User admin = AddUser("admin", Role::kAdmin, std::nullopt);
  auto n = LoadDemo(store(), clock_, admin.id);
  ASSERT_TRUE(n.ok()) << n.status().message();
  EXPECT_EQ(*n, 50);
  EXPECT_EQ(OrgCount(), 12);

  auto listings = AllListings();
  ASSERT_EQ(listings.size(), 50u);
  int demands = 0, achievements = 0, experts = 0;
  for (const auto& l : listings) {
    EXPECT_EQ(l.status, ListingStatus::kPublished) << l.title;
    EXPECT_TRUE(l.demo) << l.title;
    EXPECT_EQ(l.owner_id, admin.id);
    EXPECT_GT(l.expires_at, testing::kT0);
    EXPECT_NE(l.org_id, 0);
    demands += l.kind == ListingKind::kDemand;
    achievements += l.kind == ListingKind::kAchievement;
    experts += l.kind == ListingKind::kExpert;
  }
  EXPECT_EQ(demands, 20);
  EXPECT_EQ(achievements, 20);
  EXPECT_EQ(experts, 10);
  EXPECT_EQ(Changes().size(), 50u) << "the search index learns of every demo listing";

  // Loaded once: the second call loads nothing and changes nothing.
  clock_.Advance(3600);
  auto again = LoadDemo(store(), clock_, admin.id);
  ASSERT_TRUE(again.ok()) << again.status().message();
  EXPECT_EQ(*again, 0);
  EXPECT_EQ(OrgCount(), 12);
  EXPECT_EQ(AllListings().size(), 50u);
  EXPECT_EQ(Changes().size(), 50u);
  ASSERT_TRUE(store()
                  .Read([&](StoreTx& tx) -> Status {
                    auto meta = tx.GetMeta("demo_loaded");
                    EXPECT_TRUE(meta->has_value());
                    return Status::Ok();
                  })
                  .ok());
}

TEST_F(DemoTest, LoadsFourPublishedEventsDatedFromTheFirstStart) {
  User admin = AddUser("admin", Role::kAdmin, std::nullopt);
  ASSERT_TRUE(LoadDemo(store(), clock_, admin.id).ok());
  std::vector<Event> events;
  ASSERT_TRUE(store()
                  .Read([&](StoreTx& tx) -> Status {
                    EventQuery q;
                    q.limit = 100;
                    auto page = tx.events().ListEvents(q);
                    KC_RETURN_IF_ERROR(page);
                    events = page->items;
                    return Status::Ok();
                  })
                  .ok());
  ASSERT_EQ(events.size(), 4u);
  int upcoming = 0, presenting = 0;
  for (const Event& e : events) {
    presenting += e.listing_ids.empty() ? 0 : 1;
    EXPECT_TRUE(e.demo) << e.title;
    EXPECT_EQ(e.status, EventStatus::kPublished) << e.title;
    EXPECT_TRUE(ValidateEvent(e).ok()) << e.title;
    upcoming += e.starts_at > clock_.Now() ? 1 : 0;
    // Starts on the hour or half hour in Shanghai (UTC+8).
    EXPECT_EQ((e.starts_at + 8 * 3600) % 1800, 0) << e.title;
  }
  EXPECT_EQ(upcoming, 3);
  EXPECT_EQ(presenting, 3);
}

TEST_F(DemoTest, LoadsAPublishedActionPlanWithMilestonesDoneComingAndOverdue) {
  User admin = AddUser("admin", Role::kAdmin, std::nullopt);
  ASSERT_TRUE(LoadDemo(store(), clock_, admin.id).ok());
  const std::string today = ShanghaiDay(clock_.Now());
  ASSERT_TRUE(store()
                  .Read([&](StoreTx& tx) -> Status {
                    auto plans = tx.plans().ListPlans({PlanStatus::kPublished});
                    KC_RETURN_IF_ERROR(plans);
                    EXPECT_EQ(plans->size(), 1u);
                    if (plans->empty()) return Status::Ok();
                    const ActionPlan& plan = plans->front();
                    EXPECT_EQ(plan.start_year, ShanghaiYear(clock_.Now()) - 1);
                    EXPECT_EQ(plan.end_year, plan.start_year + 2);
                    auto categories = tx.plans().ListCategories(plan.id);
                    KC_RETURN_IF_ERROR(categories);
                    EXPECT_EQ(categories->size(), 4u);
                    auto tasks = tx.plans().ListTasks(TaskQuery{.plan_id = plan.id});
                    KC_RETURN_IF_ERROR(tasks);
                    EXPECT_EQ(tasks->size(), 11u);
                    auto milestones = tx.plans().ListPlanMilestones(plan.id);
                    KC_RETURN_IF_ERROR(milestones);
                    int done = 0, coming = 0, overdue = 0;
                    for (const auto& m : *milestones) {
                      if (m.done_at) {
                        ++done;
                      } else if (IsOverdue(m, today)) {
                        ++overdue;
                      } else {
                        ++coming;
                      }
                    }
                    EXPECT_EQ(done, 5);
                    EXPECT_EQ(overdue, 1);
                    EXPECT_GT(coming, 5);
                    return Status::Ok();
                  })
                  .ok());
}

TEST_F(DemoTest, AnUnknownOwnerLoadsNothingAtAll) {
  auto n = LoadDemo(store(), clock_, 999);
  ASSERT_FALSE(n.ok());
  EXPECT_EQ(n.status().kind(), ErrorKind::kNotFound);
  EXPECT_EQ(OrgCount(), 0);
  EXPECT_TRUE(AllListings().empty());
  // Not remembered as loaded: a later call with a real owner loads it.
  User admin = AddUser("admin", Role::kAdmin, std::nullopt);
  EXPECT_EQ(*LoadDemo(store(), clock_, admin.id), 50);
}

TEST_F(DemoTest, AClashingOrganisationRollsBackTheWholeLoad) {
  // An organisation that already uses a demo organisation's name makes the load fail: all or
  // nothing.
  AddOrg("苏州澄湖智能装备有限公司（示例）");
  User admin = AddUser("admin", Role::kAdmin, std::nullopt);
  auto n = LoadDemo(store(), clock_, admin.id);
  ASSERT_FALSE(n.ok());
  EXPECT_TRUE(AllListings().empty());
  EXPECT_TRUE(Changes().empty());
  ASSERT_TRUE(store()
                  .Read([&](StoreTx& tx) -> Status {
                    EXPECT_EQ(tx.ListOrgs(OrgQuery{})->total, 1);
                    EXPECT_FALSE(tx.GetMeta("demo_loaded")->has_value());
                    return Status::Ok();
                  })
                  .ok());
}

}  // namespace
}  // namespace kc
