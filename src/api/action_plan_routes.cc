// /plans, /plan-categories, /plan-tasks, /plan-milestones, /plan-reports: the action plans
// (三年行动计划), their tasks, milestones, progress reports and dashboard (docs/action-plans.md).
#include "api/action_plan_json.h"
#include "api/import_json.h"
#include "api/json_io.h"
#include "api/routes.h"
#include "api/schemas.h"

namespace kc::api {

namespace {

using http::bhttp::verb;

http::Response NoContent() {
  http::Response r;
  r.status = 204;
  return r;
}

http::Response ListPlans(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, ctx.Authenticate(req, false));
  KC_ASSIGN_OR_RESPOND(plans, ctx.plans->ListPlans(*actor));
  json items = json::array();
  for (const auto& p : *plans) items.push_back(ActionPlanJson(p));
  return JsonResponse(200, {{"items", items}, {"total", items.size()}});
}

http::Response CreatePlan(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, ctx.Authenticate(req, true));
  if (!actor->signed_in()) return http::ErrorResponse(Unauthorized());
  KC_ASSIGN_OR_RESPOND(body, ParseObject(req));
  ActionPlan p;
  if (Status s = ReadActionPlan(*body, true, &p); !s.ok()) return http::ErrorResponse(s);
  KC_ASSIGN_OR_RESPOND(created, ctx.plans->CreatePlan(*actor, std::move(p)));
  return JsonResponse(201, ActionPlanJson(*created));
}

http::Response GetPlan(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, ctx.Authenticate(req, false));
  KC_ASSIGN_OR_RESPOND(id, ParseId(req.Param("id"), "id"));
  KC_ASSIGN_OR_RESPOND(detail, ctx.plans->GetPlan(*actor, *id));
  return JsonResponse(200, PlanDetailJson(*detail));
}

http::Response PatchPlan(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, ctx.Authenticate(req, true));
  if (!actor->signed_in()) return http::ErrorResponse(Unauthorized());
  KC_ASSIGN_OR_RESPOND(id, ParseId(req.Param("id"), "id"));
  KC_ASSIGN_OR_RESPOND(body, ParseObject(req));
  KC_ASSIGN_OR_RESPOND(current, ctx.plans->GetPlan(*actor, *id));
  ActionPlan p = current->plan;
  if (Status s = ReadActionPlan(*body, false, &p); !s.ok()) return http::ErrorResponse(s);
  KC_ASSIGN_OR_RESPOND(updated, ctx.plans->UpdatePlan(*actor, std::move(p)));
  return JsonResponse(200, ActionPlanJson(*updated));
}

http::Response DeletePlan(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, ctx.Authenticate(req, true));
  if (!actor->signed_in()) return http::ErrorResponse(Unauthorized());
  KC_ASSIGN_OR_RESPOND(id, ParseId(req.Param("id"), "id"));
  if (Status s = ctx.plans->DeletePlan(*actor, *id); !s.ok()) return http::ErrorResponse(s);
  return NoContent();
}

http::Response Dashboard(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, ctx.Authenticate(req, false));
  KC_ASSIGN_OR_RESPOND(id, ParseId(req.Param("id"), "id"));
  KC_ASSIGN_OR_RESPOND(d, ctx.plans->Dashboard(*actor, *id));
  return JsonResponse(200, PlanDashboardJson(*d));
}

http::Response CreateCategory(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, ctx.Authenticate(req, true));
  if (!actor->signed_in()) return http::ErrorResponse(Unauthorized());
  KC_ASSIGN_OR_RESPOND(id, ParseId(req.Param("id"), "id"));
  KC_ASSIGN_OR_RESPOND(body, ParseObject(req));
  PlanCategory c;
  c.plan_id = *id;
  if (Status s = ReadPlanCategory(*body, true, &c); !s.ok()) return http::ErrorResponse(s);
  KC_ASSIGN_OR_RESPOND(created, ctx.plans->CreateCategory(*actor, std::move(c)));
  return JsonResponse(201, PlanCategoryJson(*created));
}

http::Response PatchCategory(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, ctx.Authenticate(req, true));
  if (!actor->signed_in()) return http::ErrorResponse(Unauthorized());
  KC_ASSIGN_OR_RESPOND(id, ParseId(req.Param("id"), "id"));
  KC_ASSIGN_OR_RESPOND(body, ParseObject(req));
  KC_ASSIGN_OR_RESPOND(current, ctx.plans->GetCategory(*actor, *id));
  PlanCategory c = *current;
  if (Status s = ReadPlanCategory(*body, false, &c); !s.ok()) return http::ErrorResponse(s);
  KC_ASSIGN_OR_RESPOND(updated, ctx.plans->UpdateCategory(*actor, std::move(c)));
  return JsonResponse(200, PlanCategoryJson(*updated));
}

http::Response DeleteCategory(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, ctx.Authenticate(req, true));
  if (!actor->signed_in()) return http::ErrorResponse(Unauthorized());
  KC_ASSIGN_OR_RESPOND(id, ParseId(req.Param("id"), "id"));
  if (Status s = ctx.plans->DeleteCategory(*actor, *id); !s.ok()) return http::ErrorResponse(s);
  return NoContent();
}

http::Response ListTasks(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, ctx.Authenticate(req, false));
  KC_ASSIGN_OR_RESPOND(id, ParseId(req.Param("id"), "id"));
  TaskFilter f;
  f.text = req.Query("q").value_or("");
  for (auto [name, out] :
       {std::pair{"category_id", &f.category_id}, std::pair{"owner_org_id", &f.owner_org_id}}) {
    if (auto v = req.Query(name); v && !v->empty()) {
      KC_ASSIGN_OR_RESPOND(n, ParseId(*v, name));
      *out = *n;
    }
  }
  if (auto status = req.Query("status"); status && !status->empty()) {
    f.status = TaskStatusFromName(*status);
    if (!f.status) {
      return http::ErrorResponse(BadInput(
          "invalid_parameter", "status is not_started, on_track, at_risk, late or done", "status"));
    }
  }
  KC_ASSIGN_OR_RESPOND(tasks, ctx.plans->ListTasks(*actor, *id, f));
  json items = json::array();
  for (const auto& t : *tasks) items.push_back(PlanTaskJson(t));
  return JsonResponse(200, {{"items", items}, {"total", items.size()}});
}

http::Response CreateTask(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, ctx.Authenticate(req, true));
  if (!actor->signed_in()) return http::ErrorResponse(Unauthorized());
  KC_ASSIGN_OR_RESPOND(id, ParseId(req.Param("id"), "id"));
  KC_ASSIGN_OR_RESPOND(body, ParseObject(req));
  PlanTask t;
  t.plan_id = *id;
  if (Status s = ReadPlanTask(*body, true, &t); !s.ok()) return http::ErrorResponse(s);
  KC_ASSIGN_OR_RESPOND(created, ctx.plans->CreateTask(*actor, std::move(t)));
  KC_ASSIGN_OR_RESPOND(view, ctx.plans->GetTask(*actor, created->id));
  return JsonResponse(201, PlanTaskJson(view->task));
}

http::Response ImportTasks(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, ctx.Authenticate(req, true));
  if (!actor->signed_in()) return http::ErrorResponse(Unauthorized());
  KC_ASSIGN_OR_RESPOND(id, ParseId(req.Param("id"), "id"));
  KC_ASSIGN_OR_RESPOND(report, ctx.plans->ImportTasks(*actor, *id, req.body()));
  return JsonResponse(200, ImportReportJson(*report));
}

http::Response GetTask(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, ctx.Authenticate(req, false));
  KC_ASSIGN_OR_RESPOND(id, ParseId(req.Param("id"), "id"));
  KC_ASSIGN_OR_RESPOND(detail, ctx.plans->GetTask(*actor, *id));
  return JsonResponse(200, TaskDetailJson(*detail));
}

http::Response PatchTask(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, ctx.Authenticate(req, true));
  if (!actor->signed_in()) return http::ErrorResponse(Unauthorized());
  KC_ASSIGN_OR_RESPOND(id, ParseId(req.Param("id"), "id"));
  KC_ASSIGN_OR_RESPOND(body, ParseObject(req));
  KC_ASSIGN_OR_RESPOND(current, ctx.plans->GetTask(*actor, *id));
  PlanTask t = current->task.task;
  if (Status s = ReadPlanTask(*body, false, &t); !s.ok()) return http::ErrorResponse(s);
  if (auto updated = ctx.plans->UpdateTask(*actor, std::move(t)); !updated.ok()) {
    return http::ErrorResponse(updated.status());
  }
  KC_ASSIGN_OR_RESPOND(view, ctx.plans->GetTask(*actor, *id));
  return JsonResponse(200, PlanTaskJson(view->task));
}

http::Response DeleteTask(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, ctx.Authenticate(req, true));
  if (!actor->signed_in()) return http::ErrorResponse(Unauthorized());
  KC_ASSIGN_OR_RESPOND(id, ParseId(req.Param("id"), "id"));
  if (Status s = ctx.plans->DeleteTask(*actor, *id); !s.ok()) return http::ErrorResponse(s);
  return NoContent();
}

http::Response AddMilestone(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, ctx.Authenticate(req, true));
  if (!actor->signed_in()) return http::ErrorResponse(Unauthorized());
  KC_ASSIGN_OR_RESPOND(id, ParseId(req.Param("id"), "id"));
  KC_ASSIGN_OR_RESPOND(body, ParseObject(req));
  PlanMilestone m;
  m.task_id = *id;
  std::optional<bool> done;
  if (Status s = ReadPlanMilestone(*body, true, &m, &done); !s.ok()) {
    return http::ErrorResponse(s);
  }
  KC_ASSIGN_OR_RESPOND(created, ctx.plans->AddMilestone(*actor, std::move(m)));
  return JsonResponse(201, PlanMilestoneJson(*created));
}

// Title and due date are the managers'; `done` is for those who report on the task. A body
// with both needs both rights, and changes nothing without them.
http::Response PatchMilestone(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, ctx.Authenticate(req, true));
  if (!actor->signed_in()) return http::ErrorResponse(Unauthorized());
  KC_ASSIGN_OR_RESPOND(id, ParseId(req.Param("id"), "id"));
  KC_ASSIGN_OR_RESPOND(body, ParseObject(req));
  KC_ASSIGN_OR_RESPOND(current, ctx.plans->GetMilestone(*actor, *id));
  PlanMilestone m = *current;
  std::optional<bool> done;
  if (Status s = ReadPlanMilestone(*body, false, &m, &done); !s.ok()) {
    return http::ErrorResponse(s);
  }
  if (body->contains("title") || body->contains("due_date")) {
    KC_ASSIGN_OR_RESPOND(updated, ctx.plans->UpdateMilestone(*actor, m));
    m = *updated;
  }
  if (done) {
    KC_ASSIGN_OR_RESPOND(marked, ctx.plans->SetMilestoneDone(*actor, *id, *done));
    m = *marked;
  }
  return JsonResponse(200, PlanMilestoneJson(m));
}

http::Response DeleteMilestone(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, ctx.Authenticate(req, true));
  if (!actor->signed_in()) return http::ErrorResponse(Unauthorized());
  KC_ASSIGN_OR_RESPOND(id, ParseId(req.Param("id"), "id"));
  if (Status s = ctx.plans->DeleteMilestone(*actor, *id); !s.ok()) return http::ErrorResponse(s);
  return NoContent();
}

http::Response AddReport(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, ctx.Authenticate(req, true));
  if (!actor->signed_in()) return http::ErrorResponse(Unauthorized());
  KC_ASSIGN_OR_RESPOND(id, ParseId(req.Param("id"), "id"));
  KC_ASSIGN_OR_RESPOND(body, ParseObject(req));
  ProgressReport r;
  r.task_id = *id;
  if (Status s = ReadProgressReport(*body, &r); !s.ok()) return http::ErrorResponse(s);
  KC_ASSIGN_OR_RESPOND(created, ctx.plans->AddReport(*actor, std::move(r)));
  const std::string author =
      actor->user->display_name.empty() ? actor->user->username : actor->user->display_name;
  return JsonResponse(201, ProgressReportJson(*created, author));
}

http::Response DeleteReport(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, ctx.Authenticate(req, true));
  if (!actor->signed_in()) return http::ErrorResponse(Unauthorized());
  KC_ASSIGN_OR_RESPOND(id, ParseId(req.Param("id"), "id"));
  if (Status s = ctx.plans->DeleteReport(*actor, *id); !s.ok()) return http::ErrorResponse(s);
  return NoContent();
}

}  // namespace

void RegisterActionPlanRoutes(http::Router& router, Context& ctx) {
  using namespace schema;
  const json list_of_plans = Obj({{"items", ListOf(ActionPlanSchema())}, {"total", Int()}},
                                 json::array({"items", "total"}));
  const json list_of_tasks =
      Obj({{"items", ListOf(PlanTaskSchema())}, {"total", Int()}}, json::array({"items", "total"}));
  auto add = [&](verb v, const char* path, http::Response (*fn)(Context&, http::Request&),
                 http::RouteDoc doc, http::Pool pool = http::Pool::kIoThread) {
    doc.tag = "plans";
    router.Add(v, path, Guarded([&ctx, fn](http::Request& r) { return fn(ctx, r); }),
               std::move(doc), pool);
  };
  add(verb::get, "/api/v1/plans", ListPlans,
      {.summary = "Action plans (三年行动计划), newest first: visitors see published plans, "
                  "platform admins drafts too",
       .response = list_of_plans});
  add(verb::post, "/api/v1/plans", CreatePlan,
      {.summary = "Add a plan (platform admins), a draft unless status says otherwise",
       .auth = true,
       .request_body = ActionPlanInputSchema(true),
       .success_status = 201,
       .response = ActionPlanSchema(),
       .errors = {400, 401, 403, 422}});
  add(verb::get, "/api/v1/plans/{id}", GetPlan,
      {.summary = "A plan with its categories and tasks (a draft: platform admins only)",
       .response = PlanDetailSchema(),
       .errors = {400, 404}});
  add(verb::patch, "/api/v1/plans/{id}", PatchPlan,
      {.summary = "Edit a plan, its status included (platform admins)",
       .auth = true,
       .request_body = ActionPlanInputSchema(false),
       .response = ActionPlanSchema(),
       .errors = {400, 401, 403, 404, 422}});
  add(verb::delete_, "/api/v1/plans/{id}", DeletePlan,
      {.summary = "Delete a plan with everything under it (platform admins)",
       .auth = true,
       .success_status = 204,
       .errors = {400, 401, 403, 404}});
  add(verb::get, "/api/v1/plans/{id}/dashboard", Dashboard,
      {.summary = "A plan's progress: tasks by category and shown status, milestones due and "
                  "done per month",
       .response = PlanDashboardSchema(),
       .errors = {400, 404}});
  add(verb::post, "/api/v1/plans/{id}/categories", CreateCategory,
      {.summary = "Add a category of tasks to a plan (platform admins)",
       .auth = true,
       .request_body = PlanCategoryInputSchema(true),
       .success_status = 201,
       .response = PlanCategorySchema(),
       .errors = {400, 401, 403, 404, 422}});
  json task_query = json::array();
  task_query.push_back(QueryParam("q", "text in the code, title or description"));
  task_query.push_back(QueryParam("category_id", "a category of the plan", Int()));
  task_query.push_back(QueryParam("owner_org_id", "the owner organisation", Int()));
  task_query.push_back(QueryParam("status",
                                  "the status as shown: not_started, on_track, "
                                  "at_risk, late or done"));
  add(verb::get, "/api/v1/plans/{id}/tasks", ListTasks,
      {.summary = "A plan's tasks by category and code, filtered",
       .query_params = task_query,
       .response = list_of_tasks,
       .errors = {400, 404}});
  add(verb::post, "/api/v1/plans/{id}/tasks", CreateTask,
      {.summary = "Add a task to a plan (platform admins)",
       .auth = true,
       .request_body = PlanTaskInputSchema(true),
       .success_status = 201,
       .response = PlanTaskSchema(),
       .errors = {400, 401, 403, 404, 409, 422}});
  add(verb::post, "/api/v1/plans/{id}/tasks/import", ImportTasks,
      {.summary =
           "Import a plan's tasks from CSV (platform admins; columns in docs/action-plans.md): "
           "every bad line reported with its number, the others imported",
       .auth = true,
       .request_body = {{"type", "string"}},
       .request_content_type = "text/csv",
       .response = Ref("ImportReport"),
       .errors = {400, 401, 403, 404, 413},
       .body_size = http::BodySize::kUpload},
      http::Pool::kBlocking);
  add(verb::patch, "/api/v1/plan-categories/{id}", PatchCategory,
      {.summary = "Rename or move a category (platform admins)",
       .auth = true,
       .request_body = PlanCategoryInputSchema(false),
       .response = PlanCategorySchema(),
       .errors = {400, 401, 403, 404, 422}});
  add(verb::delete_, "/api/v1/plan-categories/{id}", DeleteCategory,
      {.summary = "Delete a category that holds no task (platform admins)",
       .auth = true,
       .success_status = 204,
       .errors = {400, 401, 403, 404, 409}});
  add(verb::get, "/api/v1/plan-tasks/{id}", GetTask,
      {.summary = "A task with its milestones and progress reports",
       .response = TaskDetailSchema(),
       .errors = {400, 404}});
  add(verb::patch, "/api/v1/plan-tasks/{id}", PatchTask,
      {.summary = "Edit a task (platform admins); its owner organisation's admins set its "
                  "status only",
       .auth = true,
       .request_body = PlanTaskInputSchema(false),
       .response = PlanTaskSchema(),
       .errors = {400, 401, 403, 404, 409, 422}});
  add(verb::delete_, "/api/v1/plan-tasks/{id}", DeleteTask,
      {.summary = "Delete a task with its milestones and reports (platform admins)",
       .auth = true,
       .success_status = 204,
       .errors = {400, 401, 403, 404}});
  add(verb::post, "/api/v1/plan-tasks/{id}/milestones", AddMilestone,
      {.summary = "Add a milestone to a task (platform admins)",
       .auth = true,
       .request_body = PlanMilestoneInputSchema(true),
       .success_status = 201,
       .response = PlanMilestoneSchema(),
       .errors = {400, 401, 403, 404, 422}});
  add(verb::post, "/api/v1/plan-tasks/{id}/reports", AddReport,
      {.summary = "File a progress report on a task (its owner organisation's admins, platform "
                  "admins)",
       .auth = true,
       .request_body = ProgressReportInputSchema(),
       .success_status = 201,
       .response = ProgressReportSchema(),
       .errors = {400, 401, 403, 404, 422}});
  add(verb::patch, "/api/v1/plan-milestones/{id}", PatchMilestone,
      {.summary = "Mark a milestone done or open (the task's owner organisation's admins, "
                  "platform admins); change its title and due date (platform admins)",
       .auth = true,
       .request_body = PlanMilestoneInputSchema(false),
       .response = PlanMilestoneSchema(),
       .errors = {400, 401, 403, 404, 422}});
  add(verb::delete_, "/api/v1/plan-milestones/{id}", DeleteMilestone,
      {.summary = "Delete a milestone (platform admins)",
       .auth = true,
       .success_status = 204,
       .errors = {400, 401, 403, 404}});
  add(verb::delete_, "/api/v1/plan-reports/{id}", DeleteReport,
      {.summary = "Withdraw a progress report (the task's owner organisation's admins, platform "
                  "admins)",
       .auth = true,
       .success_status = 204,
       .errors = {400, 401, 403, 404}});
}

}  // namespace kc::api
