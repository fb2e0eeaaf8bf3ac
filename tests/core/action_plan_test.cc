#include "core/action_plan.h"

#include <gtest/gtest.h>

namespace kc {
namespace {

ActionPlan GoodPlan() {
  ActionPlan p;
  p.title = " 科创中国三年行动计划 ";
  p.start_year = 2025;
  p.end_year = 2027;
  return p;
}

TEST(ActionPlanTest, StatusNamesRoundTrip) {
  for (auto s : {PlanStatus::kDraft, PlanStatus::kPublished}) {
    EXPECT_EQ(PlanStatusFromName(PlanStatusName(s)), s);
  }
  for (auto name : kTaskStatuses) {
    auto s = TaskStatusFromName(name);
    ASSERT_TRUE(s.has_value()) << name;
    EXPECT_EQ(TaskStatusName(*s), name);
  }
  EXPECT_FALSE(PlanStatusFromName("closed"));
  EXPECT_FALSE(TaskStatusFromName("Late"));
}

TEST(ActionPlanTest, ChecksAPlan) {
  ActionPlan p = GoodPlan();
  ASSERT_TRUE(ValidateActionPlan(p).ok());
  EXPECT_EQ(p.title, "科创中国三年行动计划");

  auto field_of = [](ActionPlan p) {
    Status s = ValidateActionPlan(p);
    return s.ok() ? std::string("ok") : s.field() + ":" + s.code();
  };
  ActionPlan bad = GoodPlan();
  bad.title = "  ";
  EXPECT_EQ(field_of(bad), "title:required");
  bad = GoodPlan();
  bad.title = std::string(201, 'x');
  EXPECT_EQ(field_of(bad), "title:too_long");
  bad = GoodPlan();
  bad.title = "a\x01";
  EXPECT_EQ(field_of(bad), "title:invalid_text");
  bad = GoodPlan();
  bad.title_en = "\xff";
  EXPECT_EQ(field_of(bad), "title_en:invalid_utf8");
  bad = GoodPlan();
  bad.description = "第一段\n第二段";
  EXPECT_EQ(field_of(bad), "ok");
  bad = GoodPlan();
  bad.start_year = 1999;
  EXPECT_EQ(field_of(bad), "start_year:invalid_year");
  bad = GoodPlan();
  bad.end_year = 2101;
  EXPECT_EQ(field_of(bad), "end_year:invalid_year");
  bad = GoodPlan();
  bad.end_year = 2024;
  EXPECT_EQ(field_of(bad), "end_year:invalid_year");
  bad = GoodPlan();
  bad.end_year = 2036;
  EXPECT_EQ(field_of(bad), "end_year:invalid_year");
  bad = GoodPlan();
  bad.end_year = 2025;  // a one-year plan
  EXPECT_EQ(field_of(bad), "ok");
}

TEST(ActionPlanTest, ChecksCategoriesAndTasks) {
  PlanCategory c{.title = " 平台建设 "};
  ASSERT_TRUE(ValidatePlanCategory(c).ok());
  EXPECT_EQ(c.title, "平台建设");
  c.title = "";
  EXPECT_EQ(ValidatePlanCategory(c).code(), "required");
  c.title = "x";
  c.title_en = std::string(201, 'e');
  EXPECT_EQ(ValidatePlanCategory(c).field(), "title_en");

  for (const char* code : {"1", "1.3", "12.10.2"}) {
    PlanTask t{.code = code, .title = "建设服务平台"};
    EXPECT_TRUE(ValidatePlanTask(t).ok()) << code;
  }
  for (const char* code : {".1", "1.", "1..2", "1a", "一", "1-2", "123456789012345678901"}) {
    PlanTask t{.code = code, .title = "建设服务平台"};
    Status s = ValidatePlanTask(t);
    EXPECT_EQ(s.field(), "code") << code;
  }
  PlanTask t{.code = "", .title = "x"};
  EXPECT_EQ(ValidatePlanTask(t).code(), "required");
  t = PlanTask{.code = "1", .title = ""};
  EXPECT_EQ(ValidatePlanTask(t).field(), "title");
  t = PlanTask{.code = "1", .title = "x", .description = std::string(5001, 'd')};
  EXPECT_EQ(ValidatePlanTask(t).field(), "description");
}

TEST(ActionPlanTest, OrdersCodesByTheirNumbers) {
  EXPECT_TRUE(TaskCodeLess("1.9", "1.10"));
  EXPECT_TRUE(TaskCodeLess("1.10", "2"));
  EXPECT_TRUE(TaskCodeLess("1", "1.1"));
  EXPECT_FALSE(TaskCodeLess("2.1", "2.1"));
  EXPECT_FALSE(TaskCodeLess("10", "9"));
}

TEST(ActionPlanTest, KnowsCalendarDays) {
  for (const char* d : {"2026-01-31", "2024-02-29", "2000-02-29", "2026-12-31"}) {
    EXPECT_TRUE(IsCalendarDay(d)) << d;
  }
  for (const char* d : {"2026-02-29", "1900-02-29", "2026-04-31", "2026-13-01", "2026-00-10",
                        "2026-1-01", "2026/01/01", "20260101", "", "2026-01-0a", "1899-12-31"}) {
    EXPECT_FALSE(IsCalendarDay(d)) << d;
  }
}

TEST(ActionPlanTest, ChecksMilestonesAndReports) {
  PlanMilestone m{.title = "中期评估", .due_date = " 2026-06-30 "};
  ASSERT_TRUE(ValidatePlanMilestone(m).ok());
  EXPECT_EQ(m.due_date, "2026-06-30");
  m.due_date = "2026-06-31";
  EXPECT_EQ(ValidatePlanMilestone(m).code(), "invalid_date");
  m = PlanMilestone{.title = "", .due_date = "2026-06-30"};
  EXPECT_EQ(ValidatePlanMilestone(m).field(), "title");

  ProgressReport r{.report_date = "2026-03-01",
                   .text = "完成平台上线",
                   .evidence = {"https://example.cn/a.pdf", "http://example.cn/b"}};
  ASSERT_TRUE(ValidateProgressReport(r).ok());
  auto code_of = [](ProgressReport r) {
    Status s = ValidateProgressReport(r);
    return s.ok() ? std::string("ok") : s.field() + ":" + s.code();
  };
  ProgressReport bad = r;
  bad.report_date = "2026-02-30";
  EXPECT_EQ(code_of(bad), "report_date:invalid_date");
  bad = r;
  bad.text = " ";
  EXPECT_EQ(code_of(bad), "text:required");
  for (const char* url : {"javascript:alert(1)", "ftp://example.cn/x", "https://", "http://a b",
                          "data:text/html,x", "//example.cn", "https://x\"onload=1"}) {
    bad = r;
    bad.evidence = {url};
    EXPECT_EQ(code_of(bad), "evidence:invalid_url") << url;
  }
  bad = r;
  bad.evidence.assign(11, "https://example.cn");
  EXPECT_EQ(code_of(bad), "evidence:too_many_links");
  bad = r;
  bad.evidence = {"https://example.cn/" + std::string(500, 'a')};
  EXPECT_EQ(code_of(bad), "evidence:too_long");
}

TEST(ActionPlanTest, ATaskWithAnOverdueMilestoneIsLate) {
  PlanTask t{.id = 7, .status = TaskStatus::kOnTrack};
  std::vector<PlanMilestone> ms = {{.task_id = 7, .title = "a", .due_date = "2026-03-01"},
                                   {.task_id = 7, .title = "b", .due_date = "2026-06-01"}};
  EXPECT_EQ(EffectiveTaskStatus(t, ms, "2026-03-01"), TaskStatus::kOnTrack);  // due today
  EXPECT_EQ(EffectiveTaskStatus(t, ms, "2026-03-02"), TaskStatus::kLate);
  ms[0].done_at = 1;
  EXPECT_EQ(EffectiveTaskStatus(t, ms, "2026-03-02"), TaskStatus::kOnTrack);
  EXPECT_EQ(EffectiveTaskStatus(t, ms, "2026-06-02"), TaskStatus::kLate);
  t.status = TaskStatus::kDone;
  EXPECT_EQ(EffectiveTaskStatus(t, ms, "2026-06-02"), TaskStatus::kDone);
  t.status = TaskStatus::kLate;  // set late without an overdue milestone
  EXPECT_EQ(EffectiveTaskStatus(t, ms, "2026-01-01"), TaskStatus::kLate);
  // Another task's milestone does not count.
  PlanTask other{.id = 8, .status = TaskStatus::kAtRisk};
  EXPECT_EQ(EffectiveTaskStatus(other, ms, "2027-01-01"), TaskStatus::kAtRisk);
}

}  // namespace
}  // namespace kc
