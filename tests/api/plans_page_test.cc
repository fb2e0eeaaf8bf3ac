// The action plans' pages as the server writes them: the list of plans, a plan's dashboard as
// tables with its tasks by category, a task with its milestones and reports, in the reader's
// language, and nothing a plan's writers or reporters typed able to open an element or become
// a script link.
#include "api/plans_page.h"

#include <gtest/gtest.h>

namespace kc::api {
namespace {

using nlohmann::json;

const PageText& Text() {
  static const PageText text = PageText::FromJson(R"({
    "zh-CN": {"plans": {"title": "三年行动计划", "intro": "行动计划", "empty": "暂无计划",
                        "period": "{start}—{end}年", "byCategory": "按类别", "byMonth": "按月",
                        "category": "类别", "total": "合计", "month": "月份",
                        "milestonesDue": "到期", "milestonesDone": "完成", "tasks": "任务",
                        "noTasks": "无任务", "noOwner": "待定", "owner": "牵头单位",
                        "status": "状态", "due": "{date}到期", "doneOn": "{date}完成",
                        "overdue": "已逾期", "milestones": "里程碑", "reports": "进展",
                        "noReports": "暂无进展", "evidence": "佐证", "by": "{name}填报",
                        "asOf": "截至{date}（北京时间）", "dashboard": "进展",
                        "tasksTotal": "任务数", "updated": "更新时间"},
              "taskStatus": {"not_started": "未开始", "on_track": "按计划推进",
                             "at_risk": "有风险", "late": "滞后", "done": "已完成"}},
    "en": {"plans": {"title": "Action plans", "period": "{start}–{end}"},
           "taskStatus": {"late": "Late"}}})");
  return text;
}

ActionPlan Plan() {
  ActionPlan p;
  p.id = 7;
  p.title = "科创<计划>";
  p.title_en = "Three-year plan";
  p.description = "第一段\n第二段<script>";
  p.start_year = 2025;
  p.end_year = 2027;
  p.status = PlanStatus::kPublished;
  return p;
}

TaskView Task(int64_t id, int64_t category, const std::string& code, TaskStatus shown) {
  TaskView v;
  v.task.id = id;
  v.task.plan_id = 7;
  v.task.category_id = category;
  v.task.code = code;
  v.task.title = "任务" + code + "<b>";
  v.shown = shown;
  return v;
}

TEST(PlansPageTest, TheListLinksEachPlanWithItsYears) {
  PageContent zh = PlansPage({Plan()}, Text(), "zh-CN", "https://kc.example.org");
  EXPECT_EQ(zh.path, "/plans");
  EXPECT_NE(zh.body_html.find("<a href=\"/plans/7\">科创&lt;计划&gt;</a>"), std::string::npos)
      << zh.body_html;
  EXPECT_NE(zh.body_html.find("2025—2027年"), std::string::npos) << zh.body_html;
  EXPECT_EQ(zh.json_ld["itemListElement"][0]["url"], "https://kc.example.org/plans/7");
  PageContent en = PlansPage({Plan()}, Text(), "en", "");
  EXPECT_NE(en.body_html.find(">Three-year plan</a>"), std::string::npos) << en.body_html;
  EXPECT_NE(PlansPage({}, Text(), "zh-CN", "").body_html.find("暂无计划"), std::string::npos);
}

TEST(PlansPageTest, APlanShowsItsDashboardAsTablesAndItsTasksByCategory) {
  PlanDetail detail;
  detail.plan = Plan();
  detail.today = "2026-03-01";
  detail.categories = {{1, 7, "平台建设", "Platform", 1}, {2, 7, "人才引进", "", 2}};
  detail.tasks = {Task(11, 1, "1.1", TaskStatus::kLate), Task(12, 2, "2.1", TaskStatus::kDone)};
  detail.tasks[0].owner_org_name = "示范研究院";
  PlanDashboard d;
  d.plan = detail.plan;
  d.today = detail.today;
  d.categories = {{detail.categories[0], {0, 0, 0, 1, 0}, 1},
                  {detail.categories[1], {0, 0, 0, 0, 1}, 1}};
  d.by_status = {0, 0, 0, 1, 1};
  d.tasks = 2;
  d.months = {{"2026-01", 2, 1}};
  PageContent zh = PlanPage(detail, d, Text(), "zh-CN", "https://kc.example.org");
  EXPECT_EQ(zh.path, "/plans/7");
  const std::string& h = zh.body_html;
  EXPECT_EQ(h.find("<script>"), std::string::npos) << h;
  EXPECT_EQ(h.find("<计划>"), std::string::npos) << h;
  EXPECT_NE(h.find("截至2026-03-01（北京时间）"), std::string::npos) << h;
  EXPECT_NE(h.find("<tr><td>平台建设</td><td>0</td><td>0</td><td>0</td><td>1</td><td>0</td>"
                   "<td>1</td></tr>"),
            std::string::npos)
      << h;
  EXPECT_NE(h.find("<tr><td>合计</td><td>0</td><td>0</td><td>0</td><td>1</td><td>1</td>"
                   "<td>2</td></tr>"),
            std::string::npos)
      << h;
  EXPECT_NE(h.find("<tr><td>2026-01</td><td>2</td><td>1</td></tr>"), std::string::npos) << h;
  EXPECT_NE(h.find("class=\"kc-scroll\""), std::string::npos) << h;  // readable at 390 px
  EXPECT_NE(h.find("<h3>平台建设</h3>"), std::string::npos) << h;
  EXPECT_NE(h.find("1.1 <a href=\"/plans/7/tasks/11\">任务1.1&lt;b&gt;</a>"), std::string::npos)
      << h;
  EXPECT_NE(h.find("滞后 · 示范研究院"), std::string::npos) << h;
  EXPECT_NE(h.find("已完成 · 待定"), std::string::npos) << h;
  EXPECT_EQ(zh.json_ld["temporalCoverage"], "2025/2027");
  PageContent en = PlanPage(detail, d, Text(), "en", "");
  EXPECT_EQ(en.title, "Three-year plan");
  EXPECT_NE(en.body_html.find("<h3>Platform</h3>"), std::string::npos) << en.body_html;
}

TEST(PlansPageTest, ATaskShowsItsMilestonesAndReportsAndNothingExecutable) {
  TaskDetail detail;
  detail.plan = Plan();
  detail.category = {1, 7, "平台建设", "", 1};
  detail.task = Task(11, 1, "1.1", TaskStatus::kLate);
  detail.task.task.updated_at = 1796459280;  // 2026-12-05 08:28 UTC
  detail.task.milestones = {{1, 11, "上线", "2026-01-31", 0, std::nullopt},
                            {2, 11, "验收", "2026-06-30", 1796459280, 5}};
  detail.today = "2026-03-01";
  ProgressReport r;
  r.id = 3;
  r.task_id = 11;
  r.report_date = "2026-02-15";
  r.text = "已上线<img>";
  r.evidence = {"https://example.cn/a.pdf", "javascript:alert(1)"};
  detail.reports = {r};
  detail.author_names = {"王芳"};
  PageContent zh = PlanTaskPage(detail, Text(), "zh-CN", "https://kc.example.org");
  EXPECT_EQ(zh.path, "/plans/7/tasks/11");
  const std::string& h = zh.body_html;
  EXPECT_NE(h.find("<a href=\"/plans/7\">科创&lt;计划&gt;</a>"), std::string::npos) << h;
  EXPECT_NE(h.find("上线 <span class=\"kc-meta\"><time datetime=\"2026-01-31\">2026-01-31到期"
                   "</time></span> · <strong>已逾期</strong>"),
            std::string::npos)
      << h;
  EXPECT_NE(h.find("2026-12-05完成"), std::string::npos) << h;
  EXPECT_NE(h.find("2026-12-05 16:28 (UTC+08:00)"), std::string::npos) << h;
  EXPECT_NE(h.find("王芳填报"), std::string::npos) << h;
  EXPECT_NE(h.find("<p>已上线&lt;img&gt;</p>"), std::string::npos) << h;
  EXPECT_NE(h.find("<a href=\"https://example.cn/a.pdf\""), std::string::npos) << h;
  EXPECT_EQ(h.find("javascript:"), std::string::npos) << h;
  EXPECT_EQ(zh.json_ld["isPartOf"]["url"], "https://kc.example.org/plans/7");
}

}  // namespace
}  // namespace kc::api
