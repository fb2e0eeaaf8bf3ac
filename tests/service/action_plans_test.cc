#include "service/action_plans.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "service/fixture.h"

namespace kc {
namespace {

using ::testing::ElementsAre;

// kT0 is 2026-01-01 08:00 in Asia/Shanghai.
constexpr int64_t kDay = 24 * 3600;

class ActionPlansTest : public testing::ServiceTest {
 protected:
  void SetUp() override {
    MakeWorld();
    b_admin_ = AddUser("b-admin", Role::kMember, org_b_.id, OrgRole::kAdmin);
    pending_ = AddUser("pending", Role::kMember, std::nullopt);
    pending_.requested_org_id = org_a_.id;
    ASSERT_TRUE(store().Write([&](StoreTx& tx) { return tx.UpdateUser(pending_); }).ok());
  }

  template <typename T>
  T Must(Result<T> r) {
    EXPECT_TRUE(r.ok()) << r.status().code() << ": " << r.status().message();
    return r.ok() ? std::move(*r) : T{};
  }

  // A published plan with one category and a task owned by org A with two milestones.
  void MakePlan(PlanStatus status = PlanStatus::kPublished) {
    plan_ = Must(plans_.CreatePlan(
        Actor::Of(admin_),
        ActionPlan{
            .title = "三年行动计划", .start_year = 2025, .end_year = 2027, .status = status}));
    category_ = Must(plans_.CreateCategory(Actor::Of(admin_),
                                           PlanCategory{.plan_id = plan_.id, .title = "平台"}));
    task_ = Must(plans_.CreateTask(Actor::Of(admin_), PlanTask{.plan_id = plan_.id,
                                                               .category_id = category_.id,
                                                               .code = "1.1",
                                                               .title = "建设服务平台",
                                                               .owner_org_id = org_a_.id,
                                                               .status = TaskStatus::kOnTrack}));
    first_ = Must(plans_.AddMilestone(
        Actor::Of(admin_),
        PlanMilestone{.task_id = task_.id, .title = "上线", .due_date = "2026-01-10"}));
    second_ = Must(plans_.AddMilestone(
        Actor::Of(admin_),
        PlanMilestone{.task_id = task_.id, .title = "验收", .due_date = "2026-03-31"}));
  }

  std::vector<Notification> Notices(const User& u) {
    std::vector<Notification> out;
    Status s = store().Read([&](StoreTx& tx) -> Status {
      auto page = tx.ListNotifications(u.id, false, 0, 100);
      if (!page.ok()) return page.status();
      out = page->items;
      return Status::Ok();
    });
    EXPECT_TRUE(s.ok());
    return out;
  }

  // Everyone but the platform admin and org A's admin: the attackers of a task of org A.
  std::vector<std::pair<std::string, Actor>> Outsiders() {
    return {{"a-member", Actor::Of(a_member_)},
            {"b-admin", Actor::Of(b_admin_)},
            {"b-member", Actor::Of(b_member_)},
            {"pending", Actor::Of(pending_)},
            {"reviewer", Actor::Of(reviewer_)}};
  }

  ActionPlans plans_{store(), clock_};
  User b_admin_, pending_;
  ActionPlan plan_;
  PlanCategory category_;
  PlanTask task_;
  PlanMilestone first_, second_;
};

TEST_F(ActionPlansTest, OnlyPlatformAdminsWritePlans) {
  ActionPlan p{.title = "计划", .start_year = 2025, .end_year = 2027};
  EXPECT_EQ(plans_.CreatePlan(Actor::Visitor(), p).status().kind(), ErrorKind::kUnauthorized);
  for (auto& [who, actor] : Outsiders()) {
    EXPECT_EQ(plans_.CreatePlan(actor, p).status().kind(), ErrorKind::kForbidden) << who;
  }
  EXPECT_EQ(plans_.CreatePlan(Actor::Of(a_admin_), p).status().kind(), ErrorKind::kForbidden);
  p.end_year = 2020;
  EXPECT_EQ(plans_.CreatePlan(Actor::Of(admin_), p).status().code(), "invalid_year");

  MakePlan();
  EXPECT_THAT(AuditActions("plan", plan_.id), ElementsAre("create", "add_category"));
  ActionPlan edit = plan_;
  edit.title = "改";
  EXPECT_EQ(plans_.UpdatePlan(Actor::Of(a_admin_), edit).status().kind(), ErrorKind::kForbidden);
  EXPECT_EQ(plans_.DeletePlan(Actor::Of(a_admin_), plan_.id).kind(), ErrorKind::kForbidden);
  EXPECT_EQ(
      plans_.CreateCategory(Actor::Of(a_admin_), PlanCategory{.plan_id = plan_.id, .title = "x"})
          .status()
          .kind(),
      ErrorKind::kForbidden);
  PlanTask t = task_;
  t.title = "别人的任务";
  EXPECT_EQ(plans_.UpdateTask(Actor::Of(a_admin_), t).status().kind(), ErrorKind::kForbidden);
  EXPECT_EQ(plans_.DeleteTask(Actor::Of(a_admin_), task_.id).kind(), ErrorKind::kForbidden);
  PlanMilestone m = first_;
  m.due_date = "2027-01-01";
  EXPECT_EQ(plans_.UpdateMilestone(Actor::Of(a_admin_), m).status().kind(), ErrorKind::kForbidden);
  EXPECT_EQ(plans_.DeleteMilestone(Actor::Of(a_admin_), first_.id).kind(), ErrorKind::kForbidden);
  EXPECT_EQ(
      plans_
          .AddMilestone(Actor::Of(a_admin_),
                        PlanMilestone{.task_id = task_.id, .title = "x", .due_date = "2026-05-01"})
          .status()
          .kind(),
      ErrorKind::kForbidden);
  EXPECT_EQ(Must(plans_.UpdatePlan(Actor::Of(admin_), edit)).title, "改");
}

TEST_F(ActionPlansTest, DraftsAreNotFoundForAllButPlatformAdmins) {
  MakePlan(PlanStatus::kDraft);
  EXPECT_TRUE(plans_.GetPlan(Actor::Of(admin_), plan_.id).ok());
  std::vector<std::pair<std::string, Actor>> others = Outsiders();
  others.push_back({"a-admin", Actor::Of(a_admin_)});
  others.push_back({"visitor", Actor::Visitor()});
  for (auto& [who, actor] : others) {
    EXPECT_EQ(plans_.GetPlan(actor, plan_.id).status().kind(), ErrorKind::kNotFound) << who;
    EXPECT_EQ(plans_.Dashboard(actor, plan_.id).status().kind(), ErrorKind::kNotFound) << who;
    EXPECT_EQ(plans_.ListTasks(actor, plan_.id, {}).status().kind(), ErrorKind::kNotFound) << who;
    EXPECT_EQ(plans_.GetTask(actor, task_.id).status().kind(), ErrorKind::kNotFound) << who;
    EXPECT_EQ(plans_.GetCategory(actor, category_.id).status().kind(), ErrorKind::kNotFound) << who;
    EXPECT_EQ(plans_.GetMilestone(actor, first_.id).status().kind(), ErrorKind::kNotFound) << who;
    EXPECT_TRUE(Must(plans_.ListPlans(actor)).empty()) << who;
    if (!actor.signed_in()) continue;
    // Not even the owner's admin reports on a task of a draft: they are told it is not there.
    EXPECT_EQ(plans_
                  .AddReport(actor,
                             ProgressReport{
                                 .task_id = task_.id, .report_date = "2026-01-02", .text = "进展"})
                  .status()
                  .kind(),
              ErrorKind::kNotFound)
        << who;
    EXPECT_EQ(plans_.SetMilestoneDone(actor, first_.id, true).status().kind(), ErrorKind::kNotFound)
        << who;
  }
  EXPECT_EQ(Must(plans_.ListPlans(Actor::Of(admin_))).size(), 1u);
}

TEST_F(ActionPlansTest, TheOwnersAdminsReportAndMarkMilestonesOthersDoNot) {
  MakePlan();
  ProgressReport r{.task_id = task_.id,
                   .report_date = "2026-01-05",
                   .text = "平台已上线试运行",
                   .evidence = {"https://example.cn/report.pdf"}};
  for (auto& [who, actor] : Outsiders()) {
    EXPECT_EQ(plans_.AddReport(actor, r).status().kind(), ErrorKind::kForbidden) << who;
    EXPECT_EQ(plans_.SetMilestoneDone(actor, first_.id, true).status().kind(),
              ErrorKind::kForbidden)
        << who;
    PlanTask t = task_;
    t.status = TaskStatus::kDone;
    EXPECT_EQ(plans_.UpdateTask(actor, t).status().kind(), ErrorKind::kForbidden) << who;
  }
  EXPECT_EQ(plans_.AddReport(Actor::Visitor(), r).status().kind(), ErrorKind::kUnauthorized);

  ProgressReport filed = Must(plans_.AddReport(Actor::Of(a_admin_), r));
  EXPECT_EQ(filed.author_id, a_admin_.id);
  EXPECT_EQ(filed.created_at, clock_.Now());
  PlanMilestone done = Must(plans_.SetMilestoneDone(Actor::Of(a_admin_), first_.id, true));
  EXPECT_EQ(done.done_at, clock_.Now());
  EXPECT_EQ(done.done_by, a_admin_.id);
  PlanTask t = task_;
  t.status = TaskStatus::kAtRisk;
  EXPECT_EQ(Must(plans_.UpdateTask(Actor::Of(a_admin_), t)).status, TaskStatus::kAtRisk);
  t.title = "换个说法";  // an owner sets the status only
  EXPECT_EQ(plans_.UpdateTask(Actor::Of(a_admin_), t).status().kind(), ErrorKind::kForbidden);

  TaskDetail d = Must(plans_.GetTask(Actor::Visitor(), task_.id));
  ASSERT_EQ(d.reports.size(), 1u);
  EXPECT_EQ(d.author_names[0], "User a-admin");
  EXPECT_FALSE(d.task.can_report);
  EXPECT_TRUE(Must(plans_.GetTask(Actor::Of(a_admin_), task_.id)).task.can_report);
  EXPECT_FALSE(Must(plans_.GetTask(Actor::Of(b_admin_), task_.id)).task.can_report);

  for (auto& [who, actor] : Outsiders()) {
    EXPECT_EQ(plans_.DeleteReport(actor, filed.id).kind(), ErrorKind::kForbidden) << who;
  }
  EXPECT_TRUE(plans_.DeleteReport(Actor::Of(a_admin_), filed.id).ok());
  EXPECT_EQ(plans_.DeleteReport(Actor::Of(a_admin_), filed.id).kind(), ErrorKind::kNotFound);
  EXPECT_THAT(AuditActions("plan_task", task_.id),
              ElementsAre("create", "add_milestone", "add_milestone", "report", "milestone_done",
                          "update", "delete_report"));
}

TEST_F(ActionPlansTest, RefusesBadInput) {
  MakePlan();
  const Actor admin = Actor::Of(admin_);
  auto code = [](const auto& r) { return r.status().field() + ":" + r.status().code(); };
  PlanTask t{.plan_id = plan_.id, .category_id = category_.id, .code = "1.1", .title = "重复"};
  EXPECT_EQ(plans_.CreateTask(admin, t).status().code(), "duplicate_code");
  t.code = "1.2";
  t.category_id = 9999;
  EXPECT_EQ(code(plans_.CreateTask(admin, t)), "category_id:unknown_category");
  // A category of another plan is not this plan's.
  ActionPlan other = Must(plans_.CreatePlan(
      admin, ActionPlan{.title = "另一个", .start_year = 2025, .end_year = 2026}));
  PlanCategory foreign =
      Must(plans_.CreateCategory(admin, PlanCategory{.plan_id = other.id, .title = "外"}));
  t.category_id = foreign.id;
  EXPECT_EQ(code(plans_.CreateTask(admin, t)), "category_id:unknown_category");
  t.category_id = category_.id;
  t.owner_org_id = 9999;
  EXPECT_EQ(code(plans_.CreateTask(admin, t)), "owner_org_id:unknown_org");
  t.owner_org_id.reset();
  t.code = "1,2";
  EXPECT_EQ(code(plans_.CreateTask(admin, t)), "code:invalid_code");
  t.plan_id = 9999;
  EXPECT_EQ(plans_.CreateTask(admin, t).status().kind(), ErrorKind::kNotFound);
  // Changing a task's code to another task's is refused too.
  PlanTask second = Must(plans_.CreateTask(
      admin,
      PlanTask{.plan_id = plan_.id, .category_id = category_.id, .code = "1.2", .title = "第二"}));
  second.code = "1.1";
  EXPECT_EQ(plans_.UpdateTask(admin, second).status().code(), "duplicate_code");

  EXPECT_EQ(code(plans_.AddMilestone(
                admin, PlanMilestone{.task_id = task_.id, .title = "x", .due_date = "2026-02-30"})),
            "due_date:invalid_date");
  EXPECT_EQ(plans_
                .AddMilestone(
                    admin, PlanMilestone{.task_id = 9999, .title = "x", .due_date = "2026-02-03"})
                .status()
                .kind(),
            ErrorKind::kNotFound);
  EXPECT_EQ(code(plans_.AddReport(admin, ProgressReport{.task_id = task_.id,
                                                        .report_date = "2026-01-05",
                                                        .text = "x",
                                                        .evidence = {"javascript:alert(1)"}})),
            "evidence:invalid_url");
  EXPECT_EQ(code(plans_.CreateCategory(admin, PlanCategory{.plan_id = plan_.id, .title = ""})),
            "title:required");
  // A category with tasks stays; an empty one goes.
  EXPECT_EQ(plans_.DeleteCategory(admin, category_.id).code(), "category_not_empty");
  EXPECT_TRUE(plans_.DeleteCategory(admin, foreign.id).ok());
}

TEST_F(ActionPlansTest, AnOverdueMilestoneMakesItsTaskLate) {
  MakePlan();
  EXPECT_EQ(Must(plans_.GetPlan(Actor::Visitor(), plan_.id)).tasks[0].shown, TaskStatus::kOnTrack);
  // 2026-01-10 is due: on the 10th the task is on track, on the 11th (Shanghai) it is late.
  clock_.Advance(9 * kDay);
  EXPECT_EQ(Must(plans_.GetPlan(Actor::Visitor(), plan_.id)).today, "2026-01-10");
  EXPECT_EQ(Must(plans_.GetPlan(Actor::Visitor(), plan_.id)).tasks[0].shown, TaskStatus::kOnTrack);
  clock_.Advance(16 * 3600);  // 2026-01-11 00:00 in Shanghai, still the 10th in UTC
  PlanDetail d = Must(plans_.GetPlan(Actor::Visitor(), plan_.id));
  EXPECT_EQ(d.today, "2026-01-11");
  EXPECT_EQ(d.tasks[0].shown, TaskStatus::kLate);
  EXPECT_EQ(d.tasks[0].task.status, TaskStatus::kOnTrack);  // as set
  EXPECT_EQ(
      Must(plans_.ListTasks(Actor::Visitor(), plan_.id, TaskFilter{.status = TaskStatus::kLate}))
          .size(),
      1u);
  EXPECT_TRUE(
      Must(plans_.ListTasks(Actor::Visitor(), plan_.id, TaskFilter{.status = TaskStatus::kOnTrack}))
          .empty());
  ASSERT_TRUE(plans_.SetMilestoneDone(Actor::Of(a_admin_), first_.id, true).ok());
  EXPECT_EQ(Must(plans_.GetPlan(Actor::Visitor(), plan_.id)).tasks[0].shown, TaskStatus::kOnTrack);
}

TEST_F(ActionPlansTest, FiltersTasksByText) {
  MakePlan();
  Must(plans_.CreateTask(Actor::Of(admin_), PlanTask{.plan_id = plan_.id,
                                                     .category_id = category_.id,
                                                     .code = "1.10",
                                                     .title = "人才引进",
                                                     .owner_org_id = org_b_.id}));
  Must(plans_.CreateTask(
      Actor::Of(admin_),
      PlanTask{
          .plan_id = plan_.id, .category_id = category_.id, .code = "1.9", .title = "成果转化"}));
  auto codes = [&](TaskFilter f) {
    std::vector<std::string> out;
    for (const auto& v : Must(plans_.ListTasks(Actor::Visitor(), plan_.id, f))) {
      out.push_back(v.task.code);
    }
    return out;
  };
  EXPECT_THAT(codes({}), ElementsAre("1.1", "1.9", "1.10"));  // codes by their numbers
  EXPECT_THAT(codes({.text = "人才"}), ElementsAre("1.10"));
  EXPECT_THAT(codes({.text = "1.1"}), ElementsAre("1.1", "1.10"));
  EXPECT_THAT(codes({.owner_org_id = org_b_.id}), ElementsAre("1.10"));
  EXPECT_TRUE(codes({.text = "不存在"}).empty());
  EXPECT_EQ(Must(plans_.ListTasks(Actor::Visitor(), plan_.id, {.owner_org_id = org_b_.id}))[0]
                .owner_org_name,
            "乙大学");
}

TEST_F(ActionPlansTest, TheDashboardCountsByCategoryStatusAndMonth) {
  MakePlan();
  PlanCategory second = Must(
      plans_.CreateCategory(Actor::Of(admin_), PlanCategory{.plan_id = plan_.id, .title = "人才"}));
  Must(plans_.CreateTask(Actor::Of(admin_), PlanTask{.plan_id = plan_.id,
                                                     .category_id = second.id,
                                                     .code = "2.1",
                                                     .title = "引才",
                                                     .status = TaskStatus::kDone}));
  clock_.Advance(20 * kDay);  // 2026-01-21: the first milestone is overdue
  ASSERT_TRUE(plans_.SetMilestoneDone(Actor::Of(admin_), second_.id, true).ok());
  PlanDashboard d = Must(plans_.Dashboard(Actor::Visitor(), plan_.id));
  EXPECT_EQ(d.tasks, 2);
  ASSERT_EQ(d.categories.size(), 2u);
  EXPECT_EQ(d.categories[0].total, 1);
  EXPECT_EQ(d.categories[0].by_status[static_cast<int>(TaskStatus::kLate)], 1);
  EXPECT_EQ(d.categories[1].by_status[static_cast<int>(TaskStatus::kDone)], 1);
  EXPECT_EQ(d.by_status[static_cast<int>(TaskStatus::kLate)], 1);
  EXPECT_EQ(d.milestones, 2);
  EXPECT_EQ(d.milestones_done, 1);
  EXPECT_EQ(d.milestones_overdue, 1);
  ASSERT_EQ(d.months.size(), 2u);
  EXPECT_EQ(d.months[0].month, "2026-01");
  EXPECT_EQ(d.months[0].due, 1);
  EXPECT_EQ(d.months[0].done, 1);  // the March milestone was done in January
  EXPECT_EQ(d.months[1].month, "2026-03");
  EXPECT_EQ(d.months[1].due, 1);
  EXPECT_EQ(d.months[1].done, 0);
}

TEST_F(ActionPlansTest, AnOverdueMilestoneNotifiesTheOwnersAdminsOnce) {
  MakePlan();
  User a_admin2 = AddUser("a-admin2", Role::kMember, org_a_.id, OrgRole::kAdmin);
  EXPECT_EQ(Must(plans_.NotifyOverdue()), 0);  // nothing is due yet
  clock_.Advance(10 * kDay);                   // 2026-01-11
  EXPECT_EQ(Must(plans_.NotifyOverdue()), 2);
  EXPECT_EQ(Must(plans_.NotifyOverdue()), 0);  // never repeated
  auto notes = Notices(a_admin_);
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_EQ(notes[0].kind, "plan_milestone_overdue");
  EXPECT_EQ(notes[0].title, "1.1 建设服务平台");
  auto detail = nlohmann::json::parse(notes[0].detail);
  EXPECT_EQ(detail["task_id"], task_.id);
  EXPECT_EQ(detail["milestone_id"], first_.id);
  EXPECT_EQ(detail["due_date"], "2026-01-10");
  EXPECT_EQ(Notices(a_admin2).size(), 1u);
  // Plain members, other organisations and the platform admin are not told.
  EXPECT_TRUE(Notices(a_member_).empty());
  EXPECT_TRUE(Notices(b_admin_).empty());
  EXPECT_TRUE(Notices(admin_).empty());
  // An admin who joins later is told once; a later milestone brings one notice each.
  User a_admin3 = AddUser("a-admin3", Role::kMember, org_a_.id, OrgRole::kAdmin);
  EXPECT_EQ(Must(plans_.NotifyOverdue()), 1);
  clock_.Advance(90 * kDay);  // 2026-04-11: the second milestone is overdue too
  EXPECT_EQ(Must(plans_.NotifyOverdue()), 3);
  EXPECT_EQ(Must(plans_.NotifyOverdue()), 0);
  EXPECT_EQ(Notices(a_admin_).size(), 2u);
  EXPECT_EQ(Notices(a_admin3).size(), 2u);
}

TEST_F(ActionPlansTest, NoNoticeForDoneMilestonesDraftPlansOrTasksWithoutAnOwner) {
  MakePlan(PlanStatus::kDraft);
  clock_.Advance(10 * kDay);
  EXPECT_EQ(Must(plans_.NotifyOverdue()), 0);  // a draft is nobody's business yet
  ActionPlan published = plan_;
  published.status = PlanStatus::kPublished;
  ASSERT_TRUE(plans_.UpdatePlan(Actor::Of(admin_), published).ok());
  ASSERT_TRUE(plans_.SetMilestoneDone(Actor::Of(a_admin_), first_.id, true).ok());
  EXPECT_EQ(Must(plans_.NotifyOverdue()), 0);  // done in time
  PlanTask unowned = task_;
  unowned.owner_org_id.reset();
  ASSERT_TRUE(plans_.UpdateTask(Actor::Of(admin_), unowned).ok());
  clock_.Advance(90 * kDay);
  EXPECT_EQ(Must(plans_.NotifyOverdue()), 0);
}

TEST_F(ActionPlansTest, ImportsTasksReportingEachBadLine) {
  MakePlan();
  const std::string csv =
      "类别,编号,任务名称,牵头单位,状态,里程碑\n"
      "平台,1.2,建设数据中心,甲公司,on_track,方案@2026-02-01；建成@2026-12-31\n"  // line 2
      "人才,2.1,引进团队,,not_started,\n"                                         // line 3
      "平台,1.1,重复编号,,,\n"                                                    // line 4
      "平台,1.3,坏日期,,,评审@2026-02-30\n"                                       // line 5
      "平台,1.4,未知单位,丙公司,,\n"                                              // line 6
      "平台,1.5,坏状态,,finished,\n"                                              // line 7
      ",1.6,没有类别,,,\n"                                                        // line 8
      "平台,1.7,多一格,,,,extra\n";                                               // line 9
  for (auto& [who, actor] : Outsiders()) {
    EXPECT_EQ(plans_.ImportTasks(actor, plan_.id, csv).status().kind(), ErrorKind::kForbidden)
        << who;
  }
  ImportReport r = Must(plans_.ImportTasks(Actor::Of(admin_), plan_.id, csv));
  EXPECT_EQ(r.created, 2);
  std::vector<std::string> failed;
  for (const auto& f : r.failed) {
    failed.push_back(std::to_string(f.line) + " " + f.error.field() + ":" + f.error.code());
  }
  EXPECT_THAT(failed, ElementsAre("4 code:duplicate_code", "5 milestones[0].due_date:invalid_date",
                                  "6 owner_org:unknown_org", "7 status:invalid_status",
                                  "8 category:required", "9 :extra_cells"));
  PlanDetail d = Must(plans_.GetPlan(Actor::Of(admin_), plan_.id));
  ASSERT_EQ(d.categories.size(), 2u);  // 人才 was added
  EXPECT_EQ(d.categories[1].title, "人才");
  ASSERT_EQ(d.tasks.size(), 3u);
  EXPECT_EQ(d.tasks[1].task.code, "1.2");
  EXPECT_EQ(d.tasks[1].task.owner_org_id, org_a_.id);
  EXPECT_EQ(d.tasks[1].milestones.size(), 2u);
  EXPECT_EQ(d.tasks[2].task.code, "2.1");

  EXPECT_EQ(plans_.ImportTasks(Actor::Of(admin_), plan_.id, "").status().code(), "empty_file");
  EXPECT_EQ(plans_.ImportTasks(Actor::Of(admin_), plan_.id, "foo,bar\n1,2\n").status().code(),
            "bad_header");
  std::string many = "category,code,title\n";
  for (int i = 0; i < 301; ++i) many += "c," + std::to_string(i + 10) + ",t\n";
  EXPECT_EQ(plans_.ImportTasks(Actor::Of(admin_), plan_.id, many).status().code(), "too_many_rows");
  EXPECT_EQ(plans_.ImportTasks(Actor::Of(admin_), 9999, csv).status().kind(), ErrorKind::kNotFound);
}

}  // namespace
}  // namespace kc
