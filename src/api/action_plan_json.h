// JSON of the action plans (三年行动计划, docs/action-plans.md): plans, categories, tasks,
// milestones, progress reports and the dashboard, read from and written to JSON. Each writer stands
// beside the OpenAPI schema of what it writes, and the routes document their requests and responses
// with these schemas, so the two change together; the response check (docs/api.md, "The
// document is checked") and tests/api/action_plan_json_test.cc compare them.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>

#include "core/action_plan.h"
#include "core/status.h"
#include "service/action_plans.h"

namespace kc::api {

nlohmann::json ActionPlanJson(const ActionPlan& plan);
nlohmann::json ActionPlanSchema();
// A plan with its categories and tasks (GET /plans/{id}).
nlohmann::json PlanDetailJson(const PlanDetail& detail);
nlohmann::json PlanDetailSchema();
// What creating (`for_create`: title, start_year, end_year required) or editing a plan takes.
nlohmann::json ActionPlanInputSchema(bool for_create);
// Reads the fields present in `body` over `plan` (a PATCH merges). 400 "unknown_field" for a
// field not in the input schema, 422 naming the field for a wrong type or an unknown status.
Status ReadActionPlan(const nlohmann::json& body, bool for_create, ActionPlan* plan);

nlohmann::json PlanCategoryJson(const PlanCategory& category);
nlohmann::json PlanCategorySchema();
nlohmann::json PlanCategoryInputSchema(bool for_create);
Status ReadPlanCategory(const nlohmann::json& body, bool for_create, PlanCategory* category);

// A task as lists show it: `status` as set, `shown_status` as shown, with its milestones.
nlohmann::json PlanTaskJson(const TaskView& task);
nlohmann::json PlanTaskSchema();
// A task with its plan, category and reports (GET /plan-tasks/{id}).
nlohmann::json TaskDetailJson(const TaskDetail& detail);
nlohmann::json TaskDetailSchema();
nlohmann::json PlanTaskInputSchema(bool for_create);
Status ReadPlanTask(const nlohmann::json& body, bool for_create, PlanTask* task);

nlohmann::json PlanMilestoneJson(const PlanMilestone& milestone);
nlohmann::json PlanMilestoneSchema();
nlohmann::json PlanMilestoneInputSchema(bool for_create);
// Reads title and due_date over `milestone`, and `done` (true/false) when present.
Status ReadPlanMilestone(const nlohmann::json& body, bool for_create, PlanMilestone* milestone,
                         std::optional<bool>* done);

nlohmann::json ProgressReportJson(const ProgressReport& report, const std::string& author_name);
nlohmann::json ProgressReportSchema();
nlohmann::json ProgressReportInputSchema();
Status ReadProgressReport(const nlohmann::json& body, ProgressReport* report);

nlohmann::json PlanDashboardJson(const PlanDashboard& dashboard);
nlohmann::json PlanDashboardSchema();

}  // namespace kc::api
