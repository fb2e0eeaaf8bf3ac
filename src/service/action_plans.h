// 三年行动计划: action plans with their categories, tasks, milestones and progress reports, the
// public dashboard, the overdue notices and the import of tasks (docs/action-plans.md). Platform
// admins write plans; the org admins of a task's owner organisation report on it (the rules:
// action_plan_policy.h). Days are calendar days in Asia/Shanghai, taken from the one clock.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/action_plan.h"
#include "core/clock.h"
#include "service/actor.h"
#include "service/importer.h"
#include "store/store.h"

namespace kc {

// Limits that keep a plan readable on one page.
inline constexpr size_t kMaxPlanCategories = 20;
inline constexpr size_t kMaxPlanTasks = 300;
inline constexpr size_t kMaxTaskMilestones = 30;
inline constexpr size_t kMaxTaskReports = 500;
inline constexpr size_t kMaxTaskImportRows = 300;
// The overdue sweep handles at most this many milestones a round.
inline constexpr int64_t kOverdueBatch = 500;

// A task as lists show it: its status as shown (EffectiveTaskStatus on the day it was read),
// its owner's name, and its milestones.
struct TaskView {
  PlanTask task;
  TaskStatus shown = TaskStatus::kNotStarted;
  std::string owner_org_name;
  std::vector<PlanMilestone> milestones;
  bool can_report = false;  // the caller may report on it (CanReportOnTask)
};

// A plan with its categories and every task, in category then code order.
struct PlanDetail {
  ActionPlan plan;
  std::vector<PlanCategory> categories;
  std::vector<TaskView> tasks;
  std::string today;  // the day the statuses were derived on
};

// A task with its plan, category, milestones and progress reports (newest first).
struct TaskDetail {
  ActionPlan plan;
  PlanCategory category;
  TaskView task;
  std::vector<ProgressReport> reports;
  std::vector<std::string> author_names;  // beside `reports`
  std::string today;                      // the day the status was derived on
};

// Filters of a plan's task list; empty members do not filter.
struct TaskFilter {
  std::optional<int64_t> category_id;
  std::optional<int64_t> owner_org_id;
  std::optional<TaskStatus> status;  // the status as shown
  std::string text;                  // in the code, title or description
};

// The figures of a plan's dashboard.
struct PlanDashboard {
  struct CategoryRow {
    PlanCategory category;
    std::array<int64_t, 5> by_status{};  // tasks per shown status, in TaskStatus order
    int64_t total = 0;
  };
  struct MonthRow {
    std::string month;  // YYYY-MM (Asia/Shanghai)
    int64_t due = 0;    // milestones due that month
    int64_t done = 0;   // milestones marked done that month
  };
  ActionPlan plan;
  std::string today;
  std::vector<CategoryRow> categories;
  std::array<int64_t, 5> by_status{};
  int64_t tasks = 0;
  int64_t milestones = 0;
  int64_t milestones_done = 0;
  int64_t milestones_overdue = 0;
  std::vector<MonthRow> months;  // every month from the first to the last with a figure
};

class ActionPlans {
 public:
  ActionPlans(Store& store, const Clock& clock) : store_(store), clock_(clock) {}

  // Plans. Create/Update/Delete: 401 for a visitor, 403 unless CanManagePlans, 422 for a bad
  // field; Update and Delete 404 for a plan the caller may not see. Delete removes everything
  // under the plan.
  Result<ActionPlan> CreatePlan(const Actor& actor, ActionPlan plan);
  Result<ActionPlan> UpdatePlan(const Actor& actor, ActionPlan plan);
  Status DeletePlan(const Actor& actor, int64_t id);
  // The plans the caller may see, newest first.
  Result<std::vector<ActionPlan>> ListPlans(const Actor& actor);
  // A plan with its categories and tasks; 404 for a plan the caller may not see.
  Result<PlanDetail> GetPlan(const Actor& actor, int64_t id);
  // The dashboard's figures; 404 as GetPlan.
  Result<PlanDashboard> Dashboard(const Actor& actor, int64_t plan_id);

  // Categories (managers; 404 for a plan or category the caller may not see). At most
  // kMaxPlanCategories a plan (422 "too_many_categories"). A category that still holds tasks is
  // not deleted (409 "category_not_empty").
  Result<PlanCategory> CreateCategory(const Actor& actor, PlanCategory category);
  // A category of a plan the caller may see (404 otherwise).
  Result<PlanCategory> GetCategory(const Actor& actor, int64_t id);
  Result<PlanCategory> UpdateCategory(const Actor& actor, PlanCategory category);
  Status DeleteCategory(const Actor& actor, int64_t id);

  // Tasks. CreateTask: managers; 422 "unknown_category" (category_id not of the plan),
  // "unknown_org" (owner_org_id), "too_many_tasks"; 409 "duplicate_code". UpdateTask replaces
  // the editable fields: managers change any; those who report on the task (CanReportOnTask)
  // change only its status (403 for anything else). DeleteTask: managers.
  Result<PlanTask> CreateTask(const Actor& actor, PlanTask task);
  Result<PlanTask> UpdateTask(const Actor& actor, PlanTask task);
  Status DeleteTask(const Actor& actor, int64_t id);
  // A plan's tasks matching `filter`, by category and code; 404 as GetPlan.
  Result<std::vector<TaskView>> ListTasks(const Actor& actor, int64_t plan_id,
                                          const TaskFilter& filter);
  // A task with its milestones and reports; 404 when its plan is unseen.
  Result<TaskDetail> GetTask(const Actor& actor, int64_t id);

  // Milestones. Add, Update (title and due date) and Delete: managers; 422 for a bad field,
  // "too_many_milestones". SetMilestoneDone marks a milestone done (now) or open again: those
  // who report on its task; 403 otherwise.
  // A milestone of a task whose plan the caller may see (404 otherwise).
  Result<PlanMilestone> GetMilestone(const Actor& actor, int64_t id);
  Result<PlanMilestone> AddMilestone(const Actor& actor, PlanMilestone milestone);
  Result<PlanMilestone> UpdateMilestone(const Actor& actor, PlanMilestone milestone);
  Result<PlanMilestone> SetMilestoneDone(const Actor& actor, int64_t id, bool done);
  Status DeleteMilestone(const Actor& actor, int64_t id);

  // Progress reports: filed and withdrawn by those who report on the task (403 otherwise);
  // 422 for a bad field, "too_many_reports".
  Result<ProgressReport> AddReport(const Actor& actor, ProgressReport report);
  Status DeleteReport(const Actor& actor, int64_t id);

  // Tells the org admins of each task's owner organisation, once per milestone and admin, of
  // the open milestones whose due day has passed on published plans (notification
  // "plan_milestone_overdue", detail {plan_id, task_id, milestone_id, code, due_date}). A
  // repeated run sends nothing new; an admin who joins later is told at the next run. Returns
  // the number of notices sent. Run by the worker (app/platform.cc) on the leading node.
  Result<int64_t> NotifyOverdue();

  // Imports tasks into plan `plan_id` from CSV (action_plan_import.cc; columns in
  // docs/action-plans.md): managers only. A category named by a row that the plan lacks is added.
  // Each row is created as CreateTask would, with its milestones, in one transaction; a bad row is
  // reported with its line number while the others are imported. The whole file fails only when
  // it cannot be decoded (400), has no header (400 "empty_file", "bad_header") or more than
  // kMaxTaskImportRows rows (400 "too_many_rows").
  Result<ImportReport> ImportTasks(const Actor& actor, int64_t plan_id, std::string_view bytes);

 private:
  // The plan, NotFound unless the caller may see it.
  Result<ActionPlan> SeenPlan(StoreTx& tx, const Actor& actor, int64_t id);
  // The task and its plan, NotFound unless the caller may see the plan.
  Result<PlanTask> SeenTask(StoreTx& tx, const Actor& actor, int64_t id);
  Result<PlanTask> CreateTaskIn(StoreTx& tx, const Actor& actor, PlanTask task);
  Result<PlanMilestone> AddMilestoneIn(StoreTx& tx, const Actor& actor, PlanMilestone milestone);
  // Checks a task's fields, category, owner and that its code is its plan's only one, in `tx`
  // (normalising the fields).
  Status CheckTask(StoreTx& tx, PlanTask& task);
  // Views of `tasks`, with milestones, owners' names and the shown status on `today`.
  Result<std::vector<TaskView>> Views(StoreTx& tx, const Actor& actor, int64_t plan_id,
                                      std::vector<PlanTask> tasks, const std::string& today);
  std::string Today() const;

  Store& store_;
  const Clock& clock_;
};

}  // namespace kc
