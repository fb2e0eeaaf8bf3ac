// 三年行动计划: a multi-year action plan — a programme of tasks grouped in ordered categories,
// each task owned by an organisation that carries it out, with milestones due on calendar days
// and dated progress reports. docs/action-plans.md describes the plans and who may do what.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace kc {

// draft: seen only by platform admins while it is written; published: public, with its
// dashboard, and its overdue milestones are announced to the owners.
enum class PlanStatus { kDraft, kPublished };
std::string_view PlanStatusName(PlanStatus status);  // "draft", "published"
std::optional<PlanStatus> PlanStatusFromName(std::string_view name);

// A task's status. not_started, on_track, at_risk and done are set by those who report on the
// task; late may be set too, but a task with an overdue milestone is late whatever was set,
// unless it is done (EffectiveTaskStatus).
enum class TaskStatus { kNotStarted, kOnTrack, kAtRisk, kLate, kDone };
std::string_view TaskStatusName(TaskStatus status);  // "not_started", "on_track", "at_risk", …
std::optional<TaskStatus> TaskStatusFromName(std::string_view name);
inline constexpr std::string_view kTaskStatuses[] = {"not_started", "on_track", "at_risk", "late",
                                                     "done"};

// A plan: a title (and an English one), the years it runs, a description.
struct ActionPlan {
  int64_t id = 0;
  std::string title;
  std::string title_en;
  std::string description;
  int start_year = 0;
  int end_year = 0;
  PlanStatus status = PlanStatus::kDraft;
  int64_t created_by = 0;
  int64_t created_at = 0;
  int64_t updated_at = 0;
};

// A category (重点任务类别) of a plan's tasks, shown in `position` order.
struct PlanCategory {
  int64_t id = 0;
  int64_t plan_id = 0;
  std::string title;
  std::string title_en;
  int position = 0;
};

// A task: a code that orders it within its plan ("1.3"), what is to be done, and the platform
// organisation that carries it out (its org admins report on it, service/action_plan_policy.h).
struct PlanTask {
  int64_t id = 0;
  int64_t plan_id = 0;
  int64_t category_id = 0;
  std::string code;
  std::string title;
  std::string description;
  std::optional<int64_t> owner_org_id;
  TaskStatus status = TaskStatus::kNotStarted;  // as set; see EffectiveTaskStatus
  int64_t created_at = 0;
  int64_t updated_at = 0;
};

// A milestone of a task, due on a calendar day in Asia/Shanghai ("YYYY-MM-DD"); `done_at` is
// when it was marked done (0 while open).
struct PlanMilestone {
  int64_t id = 0;
  int64_t task_id = 0;
  std::string title;
  std::string due_date;
  int64_t done_at = 0;
  std::optional<int64_t> done_by;
};

// A dated progress report on a task, with links to its evidence (http or https only).
struct ProgressReport {
  int64_t id = 0;
  int64_t task_id = 0;
  std::string report_date;  // YYYY-MM-DD, the day it reports on
  std::string text;
  std::vector<std::string> evidence;
  int64_t author_id = 0;
  int64_t created_at = 0;
};

// True when code `a` comes before `b` by their numbers ("1.9" before "1.10" before "2").
bool TaskCodeLess(std::string_view a, std::string_view b);

// True for a real calendar day "YYYY-MM-DD" (leap years counted), years 1900..2199.
bool IsCalendarDay(std::string_view text);

// True when the milestone is open and its due day is before `today` (YYYY-MM-DD, Shanghai).
bool IsOverdue(const PlanMilestone& milestone, std::string_view today);

// The status a task is shown with: done when set done; late when set late or when one of its
// `milestones` is overdue on `today`; otherwise as set.
TaskStatus EffectiveTaskStatus(const PlanTask& task, const std::vector<PlanMilestone>& milestones,
                               std::string_view today);

// Checks and normalises a plan (text trimmed): "title" (required, ≤ 200 characters),
// "title_en" (≤ 300), "description" (≤ 5000), "start_year" and "end_year" (2000..2100, the end
// not before the start and at most 10 years after it: invalid_year).
Status ValidateActionPlan(ActionPlan& plan);
// "title" (required, ≤ 100), "title_en" (≤ 200).
Status ValidatePlanCategory(PlanCategory& category);
// "code" (required: numbers joined by dots, "1" or "1.3", ≤ 20 characters: invalid_code),
// "title" (required, ≤ 200), "description" (≤ 5000).
Status ValidatePlanTask(PlanTask& task);
// "title" (required, ≤ 200), "due_date" (a calendar day: invalid_date).
Status ValidatePlanMilestone(PlanMilestone& milestone);
// "report_date" (a calendar day: invalid_date), "text" (required, ≤ 5000), "evidence" (at most
// 10: too_many_links; each http:// or https://, ≤ 500 characters, no spaces: invalid_url).
Status ValidateProgressReport(ProgressReport& report);

}  // namespace kc
