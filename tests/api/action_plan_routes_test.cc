// /api/v1/plans and the routes of its tasks, milestones and reports against the real server:
// the action plans (三年行动计划), who may change them, and bad input (docs/action-plans.md).
#include <gtest/gtest.h>

#include "api/api_fixture.h"

namespace kc::testing {
namespace {

using nlohmann::json;

class ActionPlanRoutesTest : public ApiTest {
 protected:
  static int64_t OrgOf(Client& c) { return c.Get("/api/v1/me").json.value("org_id", int64_t{0}); }
  static int64_t IdOf(const HttpResult& r) { return r.json.value("id", int64_t{0}); }

  // A plan by the platform admin with a category and a task owned by `org` with a milestone
  // due on 2020-01-01 (long overdue) and another on 2099-12-31.
  void MakePlan(int64_t org, const std::string& status) {
    Client admin = Admin();
    auto plan = admin.Post("/api/v1/plans", {{"title", "科创中国三年行动计划"},
                                             {"title_en", "Three-year action plan"},
                                             {"start_year", 2025},
                                             {"end_year", 2027},
                                             {"status", status}});
    ASSERT_EQ(plan.status, 201) << plan.body;
    plan_ = IdOf(plan);
    auto category = admin.Post(PlanPath() + "/categories", {{"title", "平台建设"}});
    ASSERT_EQ(category.status, 201) << category.body;
    category_ = IdOf(category);
    auto task = admin.Post(PlanPath() + "/tasks", {{"category_id", category_},
                                                   {"code", "1.1"},
                                                   {"title", "建设服务平台"},
                                                   {"owner_org_id", org},
                                                   {"status", "on_track"}});
    ASSERT_EQ(task.status, 201) << task.body;
    task_ = IdOf(task);
    auto m1 =
        admin.Post(TaskPath() + "/milestones", {{"title", "上线"}, {"due_date", "2020-01-01"}});
    ASSERT_EQ(m1.status, 201) << m1.body;
    milestone_ = IdOf(m1);
    ASSERT_EQ(
        admin.Post(TaskPath() + "/milestones", {{"title", "验收"}, {"due_date", "2099-12-31"}})
            .status,
        201);
  }

  std::string PlanPath() const { return "/api/v1/plans/" + std::to_string(plan_); }
  std::string TaskPath() const { return "/api/v1/plan-tasks/" + std::to_string(task_); }
  std::string MilestonePath() const {
    return "/api/v1/plan-milestones/" + std::to_string(milestone_);
  }

  static json Report() {
    return {{"report_date", "2026-01-05"},
            {"text", "平台已上线试运行"},
            {"evidence", {"https://example.cn/report.pdf"}}};
  }

  int64_t plan_ = 0, category_ = 0, task_ = 0, milestone_ = 0;
};

TEST_F(ActionPlanRoutesTest, AdminWritesThePlanOwnersReportThePublicReads) {
  Client owner = RegisterWithOrg("plan_owner", "牵头单位甲");
  MakePlan(OrgOf(owner), "published");

  auto plan = Anonymous().Get(PlanPath());
  ASSERT_EQ(plan.status, 200) << plan.body;
  EXPECT_EQ(plan.json["categories"][0]["title"], "平台建设");
  ASSERT_EQ(plan.json["tasks"].size(), 1u);
  EXPECT_EQ(plan.json["tasks"][0]["status"], "on_track");
  EXPECT_EQ(plan.json["tasks"][0]["shown_status"], "late");  // a milestone of 2020 is open
  EXPECT_EQ(plan.json["tasks"][0]["owner_org_name"], "牵头单位甲");
  EXPECT_EQ(plan.json["tasks"][0]["can_report"], false);
  EXPECT_EQ(owner.Get(PlanPath()).json["tasks"][0]["can_report"], true);
  EXPECT_EQ(Anonymous().Get("/api/v1/plans").json["total"], 1);

  auto report = owner.Post(TaskPath() + "/reports", Report());
  ASSERT_EQ(report.status, 201) << report.body;
  EXPECT_EQ(report.json["author_name"], "plan_owner");
  auto done = owner.Patch(MilestonePath(), {{"done", true}});
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(done.json["done"], true);
  EXPECT_NE(done.json["done_at"], "");
  auto status = owner.Patch(TaskPath(), {{"status", "at_risk"}});
  ASSERT_EQ(status.status, 200) << status.body;
  EXPECT_EQ(status.json["shown_status"], "at_risk");

  auto task = Anonymous().Get(TaskPath());
  ASSERT_EQ(task.status, 200) << task.body;
  EXPECT_EQ(task.json["plan"]["id"], plan_);
  EXPECT_EQ(task.json["category"]["title"], "平台建设");
  EXPECT_EQ(task.json["reports"][0]["evidence"][0], "https://example.cn/report.pdf");
  EXPECT_EQ(task.json["milestones"].size(), 2u);

  auto dashboard = Anonymous().Get(PlanPath() + "/dashboard");
  ASSERT_EQ(dashboard.status, 200) << dashboard.body;
  EXPECT_EQ(dashboard.json["tasks"], 1);
  EXPECT_EQ(dashboard.json["by_status"]["at_risk"], 1);
  EXPECT_EQ(dashboard.json["milestones"]["done"], 1);
  EXPECT_EQ(dashboard.json["categories"][0]["by_status"]["at_risk"], 1);
  EXPECT_EQ(dashboard.json["months"][0]["month"], "2020-01");

  auto found = Anonymous().Get(PlanPath() + "/tasks?q=%E6%9C%8D%E5%8A%A1");  // 服务
  ASSERT_EQ(found.status, 200);
  EXPECT_EQ(found.json["total"], 1);
  EXPECT_EQ(Anonymous().Get(PlanPath() + "/tasks?q=nothing").json["total"], 0);
  EXPECT_EQ(Anonymous().Get(PlanPath() + "/tasks?status=at_risk").json["total"], 1);
  EXPECT_EQ(Anonymous().Get(PlanPath() + "/tasks?status=done").json["total"], 0);

  EXPECT_EQ(owner.Delete("/api/v1/plan-reports/" + std::to_string(IdOf(report))).status, 204);
  EXPECT_EQ(Admin().Delete(PlanPath()).status, 204);
  EXPECT_EQ(Anonymous().Get(TaskPath()).status, 404);
}

TEST_F(ActionPlanRoutesTest, NobodyElseChangesAPlanOrReportsOnItsTasks) {
  Client owner = RegisterWithOrg("plan_owner", "牵头单位甲");
  const int64_t org = OrgOf(owner);
  MakePlan(org, "draft");
  Client other_admin = RegisterWithOrg("other_admin", "别家单位");
  Client member = RegisterUser("plain_member", org);  // a seated member of the owner
  Client pending(server_->port());                    // asked to join the owner, not approved
  ASSERT_EQ(pending
                .Post("/api/v1/auth/register", {{"username", "pending_member"},
                                                {"password", PasswordOf("pending_member")},
                                                {"org_id", org}})
                .status,
            201);
  ASSERT_EQ(pending.Login("pending_member", PasswordOf("pending_member")).status, 200);
  Client visitor = Anonymous();
  const std::string report_path = TaskPath() + "/reports";

  // A draft does not exist for anyone but the platform admins, not even for the owner.
  for (Client* c : {&owner, &other_admin, &member, &pending, &visitor}) {
    EXPECT_EQ(c->Get(PlanPath()).status, 404);
    EXPECT_EQ(c->Get(PlanPath() + "/dashboard").status, 404);
    EXPECT_EQ(c->Get(PlanPath() + "/tasks").status, 404);
    EXPECT_EQ(c->Get(TaskPath()).status, 404);
    EXPECT_EQ(c->Get("/api/v1/plans").json["total"], 0);
  }
  for (Client* c : {&owner, &other_admin, &member, &pending}) {
    EXPECT_EQ(c->Post(report_path, Report()).status, 404);
    EXPECT_EQ(c->Patch(MilestonePath(), {{"done", true}}).status, 404);
    EXPECT_EQ(c->Patch(PlanPath(), {{"status", "published"}}).status, 404);
    EXPECT_EQ(c->Delete(PlanPath()).status, 404);
  }
  EXPECT_EQ(visitor.Post(report_path, Report()).status, 401);
  EXPECT_EQ(
      visitor.Post("/api/v1/plans", {{"title", "x"}, {"start_year", 2025}, {"end_year", 2026}})
          .status,
      401);

  ASSERT_EQ(Admin().Patch(PlanPath(), {{"status", "published"}}).status, 200);
  // Published, it is readable; only the owner's admins report, only platform admins write.
  for (Client* c : {&other_admin, &member, &pending}) {
    EXPECT_EQ(c->Get(PlanPath()).status, 200);
    auto r = c->Post(report_path, Report());
    EXPECT_EQ(r.status, 403) << r.body;
    EXPECT_EQ(r.json["error"]["code"], "forbidden");
    EXPECT_EQ(c->Patch(MilestonePath(), {{"done", true}}).status, 403);
    EXPECT_EQ(c->Patch(TaskPath(), {{"status", "done"}}).status, 403);
  }
  for (Client* c : {&owner, &other_admin, &member, &pending}) {
    EXPECT_EQ(c->Patch(PlanPath(), {{"title", "夺取"}}).status, 403);
    EXPECT_EQ(c->Delete(PlanPath()).status, 403);
    EXPECT_EQ(c->Post(PlanPath() + "/categories", {{"title", "x"}}).status, 403);
    EXPECT_EQ(
        c->Post(PlanPath() + "/tasks", {{"category_id", category_}, {"code", "9"}, {"title", "x"}})
            .status,
        403);
    EXPECT_EQ(c->Patch(TaskPath(), {{"title", "夺取"}}).status, 403);
    EXPECT_EQ(c->Patch(TaskPath(), {{"owner_org_id", OrgOf(other_admin)}}).status, 403);
    EXPECT_EQ(c->Patch(MilestonePath(), {{"due_date", "2099-01-01"}}).status, 403);
    EXPECT_EQ(c->Delete(TaskPath()).status, 403);
    EXPECT_EQ(c->Send("POST", PlanPath() + "/tasks/import", "category,code,title\nx,9,y\n", {},
                      "text/csv")
                  .status,
              403);
  }
  auto filed = owner.Post(report_path, Report());
  ASSERT_EQ(filed.status, 201);
  for (Client* c : {&other_admin, &member, &pending}) {
    EXPECT_EQ(c->Delete("/api/v1/plan-reports/" + std::to_string(IdOf(filed))).status, 403);
  }
  // The owner's admin did not move the milestone's date through a combined body either.
  EXPECT_EQ(owner.Patch(MilestonePath(), {{"done", true}, {"due_date", "2099-01-01"}}).status, 403);
  EXPECT_EQ(Anonymous().Get(TaskPath()).json["milestones"][0]["due_date"], "2020-01-01");
  EXPECT_EQ(Anonymous().Get(TaskPath()).json["milestones"][0]["done"], false);
}

TEST_F(ActionPlanRoutesTest, BadInputIsNamed) {
  Client admin = Admin();
  auto expect_error = [&](const std::string& path, const json& body, int status,
                          const std::string& code, const std::string& field) {
    auto r = admin.Post(path, body);
    EXPECT_EQ(r.status, status) << path << " " << body.dump() << " " << r.body;
    EXPECT_EQ(r.json["error"]["code"], code) << r.body;
    if (!field.empty()) {
      EXPECT_EQ(r.json["error"]["field"], field) << r.body;
    }
  };
  const json ok = {{"title", "计划"}, {"start_year", 2025}, {"end_year", 2027}};
  expect_error("/api/v1/plans", {{"start_year", 2025}, {"end_year", 2027}}, 422, "required",
               "title");
  expect_error("/api/v1/plans", {{"title", "x"}, {"start_year", 2025}}, 422, "required",
               "end_year");
  json bad = ok;
  bad["end_year"] = 2024;
  expect_error("/api/v1/plans", bad, 422, "invalid_year", "end_year");
  bad = ok;
  bad["start_year"] = "2025";
  expect_error("/api/v1/plans", bad, 422, "invalid_type", "start_year");
  bad = ok;
  bad["status"] = "archived";
  expect_error("/api/v1/plans", bad, 422, "invalid_status", "status");
  bad = ok;
  bad["owner"] = 1;
  expect_error("/api/v1/plans", bad, 400, "unknown_field", "owner");

  Client owner = RegisterWithOrg("plan_owner", "牵头单位甲");
  MakePlan(OrgOf(owner), "published");
  const std::string tasks = PlanPath() + "/tasks";
  expect_error(tasks, {{"category_id", category_}, {"code", "1.1"}, {"title", "重复"}}, 409,
               "duplicate_code", "code");
  expect_error(tasks, {{"category_id", 999999}, {"code", "1.2"}, {"title", "x"}}, 422,
               "unknown_category", "category_id");
  expect_error(tasks, {{"category_id", category_}, {"code", "一"}, {"title", "x"}}, 422,
               "invalid_code", "code");
  expect_error(tasks, {{"code", "1.2"}, {"title", "x"}}, 422, "required", "category_id");
  expect_error(tasks,
               {{"category_id", category_}, {"code", "1.2"}, {"title", "x"}, {"status", "ok"}}, 422,
               "invalid_status", "status");
  expect_error(
      tasks,
      {{"category_id", category_}, {"code", "1.2"}, {"title", "x"}, {"owner_org_id", 999999}}, 422,
      "unknown_org", "owner_org_id");
  expect_error(TaskPath() + "/milestones", {{"title", "x"}, {"due_date", "2026-02-30"}}, 422,
               "invalid_date", "due_date");
  expect_error(TaskPath() + "/milestones", {{"title", "x"}}, 422, "required", "due_date");
  json report = Report();
  report["evidence"] = {"javascript:alert(1)"};
  expect_error(TaskPath() + "/reports", report, 422, "invalid_url", "evidence");
  report = Report();
  report["evidence"] = "https://example.cn";
  expect_error(TaskPath() + "/reports", report, 422, "invalid_type", "evidence");
  report = Report();
  report["report_date"] = "yesterday";
  expect_error(TaskPath() + "/reports", report, 422, "invalid_date", "report_date");
  expect_error(PlanPath() + "/categories", {{"title", ""}}, 422, "required", "title");
  auto not_empty = admin.Delete("/api/v1/plan-categories/" + std::to_string(category_));
  EXPECT_EQ(not_empty.status, 409);
  EXPECT_EQ(not_empty.json["error"]["code"], "category_not_empty");
  EXPECT_EQ(admin.Patch(MilestonePath(), {{"done", "yes"}}).status, 422);
  EXPECT_EQ(admin.Get("/api/v1/plans/abc").status, 400);
  EXPECT_EQ(admin.Get(tasks + "?status=finished").status, 400);
  EXPECT_EQ(admin.Get(tasks + "?category_id=x").status, 400);
  EXPECT_EQ(admin.Get("/api/v1/plans/999999").status, 404);
  EXPECT_EQ(admin.Get("/api/v1/plan-tasks/999999").status, 404);
  EXPECT_EQ(admin.Patch("/api/v1/plan-milestones/999999", {{"done", true}}).status, 404);
}

TEST_F(ActionPlanRoutesTest, CsvImportReportsBadLinesAndImportsTheRest) {
  Client owner = RegisterWithOrg("plan_owner", "牵头单位甲");
  MakePlan(OrgOf(owner), "published");
  const std::string csv =
      "category,code,title,owner_org,milestones\n"
      "平台建设,1.2,建设数据中心,牵头单位甲,方案@2026-02-01\n"
      "平台建设,1.3,坏日期,,评审@2026-02-30\n"
      "人才引进,2.1,引进团队,,\n";
  auto report = Admin().Send("POST", PlanPath() + "/tasks/import", csv, {}, "text/csv");
  ASSERT_EQ(report.status, 200) << report.body;
  EXPECT_EQ(report.json["created"], 2);
  ASSERT_EQ(report.json["failed"].size(), 1u);
  EXPECT_EQ(report.json["failed"][0]["line"], 3);
  EXPECT_EQ(report.json["failed"][0]["error"]["code"], "invalid_date");
  auto plan = Anonymous().Get(PlanPath());
  EXPECT_EQ(plan.json["tasks"].size(), 3u);
  EXPECT_EQ(plan.json["categories"].size(), 2u);
  auto empty = Admin().Send("POST", PlanPath() + "/tasks/import", "", {}, "text/csv");
  EXPECT_EQ(empty.status, 400);
  EXPECT_EQ(empty.json["error"]["code"], "empty_file");
}

}  // namespace
}  // namespace kc::testing
