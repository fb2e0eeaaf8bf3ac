// The action plans' part of a store transaction (三年行动计划, docs/action-plans.md): plans, their
// categories, tasks, milestones and progress reports, and the record of overdue notices sent.
// Reached through StoreTx::plans(); everything it does belongs to the enclosing transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/action_plan.h"
#include "core/status.h"
#include "store/records.h"

namespace kc {

// Filters of a task list; empty members do not filter. Every task of a plan matching them, by
// category position, then code (compared as text: the service orders codes by their numbers).
struct TaskQuery {
  int64_t plan_id = 0;
  std::optional<int64_t> category_id;
  std::optional<int64_t> owner_org_id;
  std::string text;  // substring of the code, title or description
};

// An open milestone past its due day on a published plan, with what its notice names.
struct OverdueMilestone {
  PlanMilestone milestone;
  int64_t plan_id = 0;
  int64_t owner_org_id = 0;
  std::string task_code;
  std::string task_title;
};

// Not thread-safe; belongs to its transaction like StoreTx. Lookups of a missing row return
// NotFound.
class PlanTx {
 public:
  virtual ~PlanTx() = default;

  virtual Result<int64_t> InsertPlan(const ActionPlan& plan) = 0;
  virtual Result<ActionPlan> GetPlan(int64_t id) = 0;
  // Replaces every column of plan `plan.id`.
  virtual Status UpdatePlan(const ActionPlan& plan) = 0;
  // Deletes the plan with its categories, tasks, milestones, reports and notices.
  virtual Status DeletePlan(int64_t id) = 0;
  // Plans of these statuses (all when empty), newest start year first, then id.
  virtual Result<std::vector<ActionPlan>> ListPlans(const std::vector<PlanStatus>& statuses) = 0;

  virtual Result<int64_t> InsertCategory(const PlanCategory& category) = 0;
  virtual Result<PlanCategory> GetCategory(int64_t id) = 0;
  virtual Status UpdateCategory(const PlanCategory& category) = 0;
  // Deletes a category; the service refuses while it holds tasks.
  virtual Status DeleteCategory(int64_t id) = 0;
  // A plan's categories by position, then id.
  virtual Result<std::vector<PlanCategory>> ListCategories(int64_t plan_id) = 0;

  // A second task with the same code in its plan fails with Conflict "duplicate_code".
  virtual Result<int64_t> InsertTask(const PlanTask& task) = 0;
  virtual Result<PlanTask> GetTask(int64_t id) = 0;
  virtual Status UpdateTask(const PlanTask& task) = 0;
  // Deletes the task with its milestones, reports and notices.
  virtual Status DeleteTask(int64_t id) = 0;
  virtual Result<std::vector<PlanTask>> ListTasks(const TaskQuery& query) = 0;
  virtual Result<int64_t> CountTasks(int64_t category_id) = 0;

  virtual Result<int64_t> InsertMilestone(const PlanMilestone& milestone) = 0;
  virtual Result<PlanMilestone> GetMilestone(int64_t id) = 0;
  virtual Status UpdateMilestone(const PlanMilestone& milestone) = 0;
  virtual Status DeleteMilestone(int64_t id) = 0;
  // The milestones of one task (task_id) or of every task of a plan (plan_id), by due day, id.
  virtual Result<std::vector<PlanMilestone>> ListMilestones(int64_t task_id) = 0;
  virtual Result<std::vector<PlanMilestone>> ListPlanMilestones(int64_t plan_id) = 0;

  virtual Result<int64_t> InsertReport(const ProgressReport& report) = 0;
  virtual Result<ProgressReport> GetReport(int64_t id) = 0;
  virtual Status DeleteReport(int64_t id) = 0;
  // A task's reports, newest report day first, then newest id.
  virtual Result<std::vector<ProgressReport>> ListReports(int64_t task_id) = 0;

  // Open milestones due before `today` (YYYY-MM-DD) of tasks not done with an owner, on
  // published plans, of which some active org admin of the owner has not been told
  // (RecordNotice); at most `limit`, oldest due first.
  virtual Result<std::vector<OverdueMilestone>> ListOverdue(const std::string& today,
                                                            int64_t limit) = 0;
  // Records that `user_id` was told milestone `milestone_id` is overdue; false when that was
  // recorded before (nothing changes then).
  virtual Result<bool> RecordNotice(int64_t milestone_id, int64_t user_id, int64_t at) = 0;
};

}  // namespace kc
