#include "store/sql/sql_plan_tx.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "store/temp_db.h"

namespace kc {
namespace {

using ::testing::ElementsAre;
using testing::OpenOrDie;
using testing::TempDir;

// The action plans' store area, on SQLite and (pg: run) PostgreSQL alike.
class SqlPlanTxTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = OpenOrDie(dir_.File("kc.db"));
    ASSERT_NE(store_, nullptr);
    MustWrite([&](StoreTx& tx) -> Status {
      Org o;
      o.name = "牵头单位";
      auto org = tx.InsertOrg(o);
      if (!org.ok()) return org.status();
      org_ = *org;
      User u;
      u.username = "plan_admin";
      u.org_id = org_;
      u.org_role = OrgRole::kAdmin;
      u.created_at = 1;
      auto user = tx.InsertUser(u);
      if (!user.ok()) return user.status();
      user_ = *user;
      return Status::Ok();
    });
  }

  void MustWrite(const std::function<Status(StoreTx&)>& fn) {
    Status s = store_->Write(fn);
    ASSERT_TRUE(s.ok()) << s.code() << ": " << s.message();
  }

  template <typename F>
  auto Got(F fn) {
    decltype(fn(std::declval<StoreTx&>()).value()) out{};
    Status s = store_->Write([&](StoreTx& tx) -> Status {
      auto r = fn(tx);
      if (!r.ok()) return r.status();
      out = std::move(*r);
      return Status::Ok();
    });
    EXPECT_TRUE(s.ok()) << s.code() << ": " << s.message();
    return out;
  }

  int64_t Plan(PlanStatus status, int start = 2025) {
    ActionPlan p;
    p.title = "三年行动计划";
    p.start_year = start;
    p.end_year = start + 2;
    p.status = status;
    p.created_by = user_;
    p.created_at = p.updated_at = 100;
    return Got([&](StoreTx& tx) { return tx.plans().InsertPlan(p); });
  }

  int64_t Category(int64_t plan, const std::string& title, int position) {
    return Got([&](StoreTx& tx) {
      return tx.plans().InsertCategory(PlanCategory{0, plan, title, title + " (en)", position});
    });
  }

  int64_t Task(int64_t plan, int64_t category, const std::string& code,
               std::optional<int64_t> owner) {
    PlanTask t;
    t.plan_id = plan;
    t.category_id = category;
    t.code = code;
    t.title = "任务 " + code;
    t.description = "说明";
    t.owner_org_id = owner;
    t.created_at = t.updated_at = 100;
    return Got([&](StoreTx& tx) { return tx.plans().InsertTask(t); });
  }

  int64_t Milestone(int64_t task, const std::string& due) {
    return Got([&](StoreTx& tx) {
      return tx.plans().InsertMilestone(PlanMilestone{0, task, "节点 " + due, due, 0, {}});
    });
  }

  TempDir dir_;
  std::unique_ptr<Store> store_;
  int64_t org_ = 0;
  int64_t user_ = 0;
};

TEST_F(SqlPlanTxTest, KeepsPlansAndListsThemByStatus) {
  const int64_t draft = Plan(PlanStatus::kDraft, 2024);
  const int64_t published = Plan(PlanStatus::kPublished, 2026);
  auto p = Got([&](StoreTx& tx) { return tx.plans().GetPlan(published); });
  EXPECT_EQ(p.title, "三年行动计划");
  EXPECT_EQ(p.start_year, 2026);
  EXPECT_EQ(p.end_year, 2028);
  EXPECT_EQ(p.status, PlanStatus::kPublished);
  EXPECT_EQ(p.created_by, user_);

  p.title = "新标题";
  p.status = PlanStatus::kDraft;
  MustWrite([&](StoreTx& tx) { return tx.plans().UpdatePlan(p); });
  EXPECT_EQ(Got([&](StoreTx& tx) { return tx.plans().GetPlan(published); }).title, "新标题");

  auto all = Got([&](StoreTx& tx) { return tx.plans().ListPlans({}); });
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].id, published);  // newest start year first
  EXPECT_EQ(all[1].id, draft);
  EXPECT_TRUE(
      Got([&](StoreTx& tx) { return tx.plans().ListPlans({PlanStatus::kPublished}); }).empty());

  Status missing = store_->Read([&](StoreTx& tx) { return tx.plans().GetPlan(999).status(); });
  EXPECT_EQ(missing.kind(), ErrorKind::kNotFound);
  ActionPlan ghost = p;
  ghost.id = 999;
  EXPECT_EQ(store_->Write([&](StoreTx& tx) { return tx.plans().UpdatePlan(ghost); }).kind(),
            ErrorKind::kNotFound);
}

TEST_F(SqlPlanTxTest, KeepsCategoriesTasksMilestonesAndReports) {
  const int64_t plan = Plan(PlanStatus::kPublished);
  const int64_t second = Category(plan, "第二类", 2);
  const int64_t first = Category(plan, "第一类", 1);
  auto categories = Got([&](StoreTx& tx) { return tx.plans().ListCategories(plan); });
  ASSERT_EQ(categories.size(), 2u);
  EXPECT_EQ(categories[0].id, first);
  EXPECT_EQ(categories[1].title_en, "第二类 (en)");

  const int64_t t1 = Task(plan, first, "1.1", org_);
  const int64_t t2 = Task(plan, second, "2.1", std::nullopt);
  auto task = Got([&](StoreTx& tx) { return tx.plans().GetTask(t1); });
  EXPECT_EQ(task.code, "1.1");
  EXPECT_EQ(task.owner_org_id, org_);
  EXPECT_EQ(task.status, TaskStatus::kNotStarted);
  EXPECT_FALSE(Got([&](StoreTx& tx) { return tx.plans().GetTask(t2); }).owner_org_id);

  // A second task with the same code in the plan is refused, the transaction usable after.
  PlanTask dup = task;
  Status s = store_->Write([&](StoreTx& tx) -> Status {
    auto r = tx.plans().InsertTask(dup);
    EXPECT_EQ(r.status().code(), "duplicate_code");
    return tx.plans().GetTask(t1).status();
  });
  EXPECT_TRUE(s.ok()) << s.message();

  task.status = TaskStatus::kAtRisk;
  task.title = "改过的任务";
  MustWrite([&](StoreTx& tx) { return tx.plans().UpdateTask(task); });
  EXPECT_EQ(Got([&](StoreTx& tx) { return tx.plans().GetTask(t1); }).status, TaskStatus::kAtRisk);

  EXPECT_EQ(Got([&](StoreTx& tx) { return tx.plans().CountTasks(first); }), 1);
  auto found = Got([&](StoreTx& tx) {
    return tx.plans().ListTasks(TaskQuery{.plan_id = plan, .text = "改过"});
  });
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].id, t1);
  EXPECT_EQ(Got([&](StoreTx& tx) {
              return tx.plans().ListTasks(TaskQuery{.plan_id = plan, .owner_org_id = org_});
            }).size(),
            1u);
  EXPECT_EQ(Got([&](StoreTx& tx) {
              return tx.plans().ListTasks(TaskQuery{.plan_id = plan, .category_id = second});
            })[0]
                .id,
            t2);
  // LIKE's wildcards are plain text.
  EXPECT_TRUE(Got([&](StoreTx& tx) {
                return tx.plans().ListTasks(TaskQuery{.plan_id = plan, .text = "%"});
              }).empty());

  const int64_t late = Milestone(t1, "2026-06-30");
  const int64_t early = Milestone(t1, "2026-01-31");
  Milestone(t2, "2026-03-01");
  auto ms = Got([&](StoreTx& tx) { return tx.plans().ListMilestones(t1); });
  ASSERT_EQ(ms.size(), 2u);
  EXPECT_EQ(ms[0].id, early);
  EXPECT_EQ(Got([&](StoreTx& tx) { return tx.plans().ListPlanMilestones(plan); }).size(), 3u);
  PlanMilestone m = ms[1];
  m.done_at = 500;
  m.done_by = user_;
  MustWrite([&](StoreTx& tx) { return tx.plans().UpdateMilestone(m); });
  auto done = Got([&](StoreTx& tx) { return tx.plans().GetMilestone(late); });
  EXPECT_EQ(done.done_at, 500);
  EXPECT_EQ(done.done_by, user_);

  ProgressReport r{0, t1, "2026-02-01", "上线", {"https://example.cn/a"}, user_, 200};
  const int64_t r1 = Got([&](StoreTx& tx) { return tx.plans().InsertReport(r); });
  r.report_date = "2026-03-01";
  const int64_t r2 = Got([&](StoreTx& tx) { return tx.plans().InsertReport(r); });
  auto reports = Got([&](StoreTx& tx) { return tx.plans().ListReports(t1); });
  ASSERT_EQ(reports.size(), 2u);
  EXPECT_EQ(reports[0].id, r2);  // newest day first
  EXPECT_THAT(reports[1].evidence, ElementsAre("https://example.cn/a"));
  MustWrite([&](StoreTx& tx) { return tx.plans().DeleteReport(r1); });
  EXPECT_EQ(Got([&](StoreTx& tx) { return tx.plans().ListReports(t1); }).size(), 1u);

  // Deleting a task takes its milestones and reports; deleting the plan takes everything.
  MustWrite([&](StoreTx& tx) { return tx.plans().DeleteTask(t1); });
  EXPECT_EQ(Got([&](StoreTx& tx) { return tx.plans().ListPlanMilestones(plan); }).size(), 1u);
  MustWrite([&](StoreTx& tx) { return tx.plans().DeletePlan(plan); });
  EXPECT_EQ(store_->Read([&](StoreTx& tx) { return tx.plans().GetTask(t2).status(); }).kind(),
            ErrorKind::kNotFound);
  EXPECT_EQ(
      store_->Read([&](StoreTx& tx) { return tx.plans().GetCategory(first).status(); }).kind(),
      ErrorKind::kNotFound);
}

TEST_F(SqlPlanTxTest, ListsOverdueMilestonesUntilEveryOwnerAdminWasTold) {
  const int64_t plan = Plan(PlanStatus::kPublished);
  const int64_t draft = Plan(PlanStatus::kDraft);
  const int64_t c = Category(plan, "类", 1);
  const int64_t dc = Category(draft, "类", 1);
  const int64_t owned = Task(plan, c, "1", org_);
  const int64_t unowned = Task(plan, c, "2", std::nullopt);
  const int64_t in_draft = Task(draft, dc, "1", org_);
  const int64_t overdue = Milestone(owned, "2026-03-01");
  Milestone(owned, "2026-03-02");  // due today: not yet overdue
  Milestone(unowned, "2026-01-01");
  Milestone(in_draft, "2026-01-01");

  auto list = Got([&](StoreTx& tx) { return tx.plans().ListOverdue("2026-03-02", 10); });
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0].milestone.id, overdue);
  EXPECT_EQ(list[0].owner_org_id, org_);
  EXPECT_EQ(list[0].task_code, "1");
  EXPECT_EQ(list[0].plan_id, plan);

  EXPECT_TRUE(Got([&](StoreTx& tx) { return tx.plans().RecordNotice(overdue, user_, 1); }));
  EXPECT_FALSE(Got([&](StoreTx& tx) { return tx.plans().RecordNotice(overdue, user_, 2); }));
  EXPECT_TRUE(Got([&](StoreTx& tx) { return tx.plans().ListOverdue("2026-03-02", 10); }).empty());

  // A task marked done is no longer late.
  const int64_t other = Milestone(owned, "2026-02-01");
  EXPECT_EQ(Got([&](StoreTx& tx) { return tx.plans().ListOverdue("2026-03-02", 10); }).size(), 1u);
  auto t = Got([&](StoreTx& tx) { return tx.plans().GetTask(owned); });
  t.status = TaskStatus::kDone;
  MustWrite([&](StoreTx& tx) { return tx.plans().UpdateTask(t); });
  EXPECT_TRUE(Got([&](StoreTx& tx) { return tx.plans().ListOverdue("2026-03-02", 10); }).empty());
  // Deleting a milestone forgets its notices.
  MustWrite([&](StoreTx& tx) { return tx.plans().DeleteMilestone(overdue); });
  MustWrite([&](StoreTx& tx) { return tx.plans().DeleteMilestone(other); });
}

}  // namespace
}  // namespace kc
