#include "api/action_plan_json.h"

#include <gtest/gtest.h>

#include "api/schema_check.h"

namespace kc::api {
namespace {

using nlohmann::json;

TEST(ActionPlanJsonTest, EveryWriterValidatesAgainstItsSchema) {
  ActionPlan plan;
  plan.id = 2;
  plan.title = "三年行动计划";
  plan.start_year = 2025;
  plan.end_year = 2027;
  plan.status = PlanStatus::kPublished;
  PlanCategory category{5, 2, "平台建设", "Platform", 1};
  TaskView owned;
  owned.task = {9, 2, 5, "1.1", "建成平台", "", 7, TaskStatus::kOnTrack, 1, 2};
  owned.shown = TaskStatus::kLate;
  owned.owner_org_name = "示范研究院";
  owned.milestones = {{4, 9, "上线", "2026-01-31", 0, std::nullopt},
                      {5, 9, "验收", "2026-06-30", 1780000000, 3}};
  TaskView unowned;
  unowned.task = {10, 2, 5, "1.2", "统计制度", "", std::nullopt, TaskStatus::kNotStarted, 1, 2};
  PlanDetail detail{plan, {category}, {owned, unowned}, "2026-03-01"};
  ProgressReport report{3, 9, "2026-02-15", "已上线", {"https://example.cn/a.pdf"}, 3, 1780000000};
  TaskDetail task{plan, category, owned, {report}, {"王芳"}, "2026-03-01"};
  PlanDashboard d;
  d.plan = plan;
  d.today = "2026-03-01";
  d.categories = {{category, {0, 1, 0, 1, 0}, 2}};
  d.by_status = {0, 1, 0, 1, 0};
  d.tasks = 2;
  d.milestones = 2;
  d.milestones_done = 1;
  d.milestones_overdue = 1;
  d.months = {{"2026-01", 1, 0}, {"2026-06", 1, 1}};

  testing::ExpectValid(ActionPlanSchema(), {ActionPlanJson(plan)});
  testing::ExpectValid(PlanDetailSchema(), {PlanDetailJson(detail)});
  testing::ExpectValid(PlanCategorySchema(), {PlanCategoryJson(category)});
  testing::ExpectValid(PlanTaskSchema(), {PlanTaskJson(owned), PlanTaskJson(unowned)});
  testing::ExpectValid(TaskDetailSchema(), {TaskDetailJson(task)});
  testing::ExpectValid(PlanMilestoneSchema(), {PlanMilestoneJson(owned.milestones[0])});
  testing::ExpectValid(ProgressReportSchema(), {ProgressReportJson(report, "王芳")});
  testing::ExpectValid(PlanDashboardSchema(), {PlanDashboardJson(d)});

  json t = PlanTaskJson(owned);
  EXPECT_EQ(t["status"], "on_track");
  EXPECT_EQ(t["shown_status"], "late");
  EXPECT_FALSE(t["milestones"][0]["done"]);
  EXPECT_TRUE(t["milestones"][1]["done"]);
  EXPECT_TRUE(PlanTaskJson(unowned)["owner_org_id"].is_null());
  json dash = PlanDashboardJson(d);
  EXPECT_EQ(dash["by_status"]["late"], 1);
  EXPECT_EQ(dash["milestones"]["overdue"], 1);
  EXPECT_EQ(dash["categories"][0]["by_status"]["on_track"], 1);
  EXPECT_EQ(TaskDetailJson(task)["reports"][0]["author_name"], "王芳");
}

TEST(ActionPlanJsonTest, ReadsOverWhatIsThereAndNamesTheBadField) {
  ActionPlan p;
  p.title = "旧标题";
  p.start_year = 2025;
  ASSERT_TRUE(ReadActionPlan({{"end_year", 2027}, {"status", "published"}}, false, &p).ok());
  EXPECT_EQ(p.title, "旧标题");
  EXPECT_EQ(p.end_year, 2027);
  EXPECT_EQ(p.status, PlanStatus::kPublished);
  ActionPlan fresh;
  EXPECT_EQ(ReadActionPlan({{"title", "x"}, {"start_year", 2025}}, true, &fresh).field(),
            "end_year");
  EXPECT_EQ(ReadActionPlan({{"status", "archived"}}, false, &p).code(), "invalid_status");
  EXPECT_EQ(ReadActionPlan({{"start_year", -1}}, false, &p).code(), "invalid_year");
  EXPECT_EQ(ReadActionPlan({{"start_year", "2025"}}, false, &p).field(), "start_year");
  EXPECT_EQ(ReadActionPlan({{"owner", 1}}, false, &p).code(), "unknown_field");

  PlanCategory c;
  EXPECT_EQ(ReadPlanCategory({{"position", 1001}}, false, &c).code(), "invalid_position");
  EXPECT_EQ(ReadPlanCategory(json::object(), true, &c).field(), "title");

  PlanTask t;
  t.owner_org_id = 7;
  ASSERT_TRUE(ReadPlanTask({{"status", "done"}}, false, &t).ok());
  EXPECT_EQ(t.status, TaskStatus::kDone);
  EXPECT_EQ(t.owner_org_id, 7);
  ASSERT_TRUE(ReadPlanTask({{"owner_org_id", nullptr}}, false, &t).ok());
  EXPECT_FALSE(t.owner_org_id.has_value());
  EXPECT_EQ(ReadPlanTask({{"status", "finished"}}, false, &t).code(), "invalid_status");
  PlanTask new_task;
  EXPECT_EQ(ReadPlanTask({{"code", "1"}, {"title", "x"}}, true, &new_task).field(), "category_id");

  PlanMilestone m;
  std::optional<bool> done;
  ASSERT_TRUE(ReadPlanMilestone({{"done", true}}, false, &m, &done).ok());
  EXPECT_EQ(done, true);
  // Marking done is not part of creating a milestone.
  EXPECT_EQ(ReadPlanMilestone({{"title", "x"}, {"due_date", "2026-01-01"}, {"done", true}}, true,
                              &m, &done)
                .code(),
            "unknown_field");
  EXPECT_EQ(ReadPlanMilestone({{"done", "yes"}}, false, &m, &done).field(), "done");

  ProgressReport r;
  EXPECT_EQ(ReadProgressReport({{"report_date", "2026-01-01"}}, &r).field(), "text");
  EXPECT_EQ(
      ReadProgressReport({{"report_date", "2026-01-01"}, {"text", "x"}, {"evidence", {1}}}, &r)
          .field(),
      "evidence");
}

}  // namespace
}  // namespace kc::api
