#include "core/action_plan.h"

#include <algorithm>
#include <charconv>

#include "core/text_field.h"
#include "core/trim.h"

namespace kc {

namespace {

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int Number(std::string_view s) {
  int v = 0;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

// The numbers of a code "1.3" → {1, 3}.
std::vector<int> CodeParts(std::string_view code) {
  std::vector<int> out;
  size_t start = 0;
  while (start <= code.size()) {
    size_t dot = code.find('.', start);
    std::string_view part = code.substr(start, dot == std::string_view::npos ? dot : dot - start);
    out.push_back(AllDigits(part) && part.size() < 9 ? Number(part) : 0);
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  return out;
}

Status CheckYear(const char* field, int year) {
  if (year < 2000 || year > 2100) {
    return Invalid(field, "invalid_year", std::string(field) + " is a year from 2000 to 2100");
  }
  return Status::Ok();
}

}  // namespace

std::string_view PlanStatusName(PlanStatus s) {
  return s == PlanStatus::kPublished ? "published" : "draft";
}

std::optional<PlanStatus> PlanStatusFromName(std::string_view n) {
  if (n == "draft") return PlanStatus::kDraft;
  if (n == "published") return PlanStatus::kPublished;
  return std::nullopt;
}

std::string_view TaskStatusName(TaskStatus s) { return kTaskStatuses[static_cast<int>(s)]; }

std::optional<TaskStatus> TaskStatusFromName(std::string_view n) {
  for (size_t i = 0; i < std::size(kTaskStatuses); ++i) {
    if (kTaskStatuses[i] == n) return static_cast<TaskStatus>(i);
  }
  return std::nullopt;
}

bool TaskCodeLess(std::string_view a, std::string_view b) {
  const auto pa = CodeParts(a);
  const auto pb = CodeParts(b);
  if (pa != pb) return pa < pb;
  return a < b;
}

bool IsCalendarDay(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  if (!AllDigits(s.substr(0, 4)) || !AllDigits(s.substr(5, 2)) || !AllDigits(s.substr(8, 2))) {
    return false;
  }
  const int y = Number(s.substr(0, 4));
  const int m = Number(s.substr(5, 2));
  const int d = Number(s.substr(8, 2));
  if (y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1) return false;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return d <= kDays[m - 1] + (m == 2 && leap ? 1 : 0);
}

bool IsOverdue(const PlanMilestone& m, std::string_view today) {
  return m.done_at == 0 && !m.due_date.empty() && m.due_date < today;
}

TaskStatus EffectiveTaskStatus(const PlanTask& task, const std::vector<PlanMilestone>& milestones,
                               std::string_view today) {
  if (task.status == TaskStatus::kDone) return TaskStatus::kDone;
  for (const auto& m : milestones) {
    if (m.task_id == task.id && IsOverdue(m, today)) return TaskStatus::kLate;
  }
  return task.status;
}

Status ValidateActionPlan(ActionPlan& p) {
  KC_RETURN_IF_ERROR(CheckTextField("title", p.title, 200, true));
  KC_RETURN_IF_ERROR(CheckTextField("title_en", p.title_en, 300, false));
  KC_RETURN_IF_ERROR(CheckTextField("description", p.description, 5000, false, true));
  KC_RETURN_IF_ERROR(CheckYear("start_year", p.start_year));
  KC_RETURN_IF_ERROR(CheckYear("end_year", p.end_year));
  if (p.end_year < p.start_year) {
    return Invalid("end_year", "invalid_year", "a plan ends in or after the year it starts");
  }
  if (p.end_year - p.start_year > 10) {
    return Invalid("end_year", "invalid_year", "a plan runs for at most 10 years");
  }
  return Status::Ok();
}

Status ValidatePlanCategory(PlanCategory& c) {
  KC_RETURN_IF_ERROR(CheckTextField("title", c.title, 100, true));
  return CheckTextField("title_en", c.title_en, 200, false);
}

Status ValidatePlanTask(PlanTask& t) {
  KC_RETURN_IF_ERROR(CheckTextField("code", t.code, 20, true));
  bool ok = t.code.front() != '.' && t.code.back() != '.' &&
            t.code.find("..") == std::string::npos &&
            std::all_of(t.code.begin(), t.code.end(),
                        [](char c) { return (c >= '0' && c <= '9') || c == '.'; });
  if (!ok)
    return Invalid("code", "invalid_code", "a task code is numbers joined by dots, e.g. 1.3");
  KC_RETURN_IF_ERROR(CheckTextField("title", t.title, 200, true));
  return CheckTextField("description", t.description, 5000, false, true);
}

Status ValidatePlanMilestone(PlanMilestone& m) {
  KC_RETURN_IF_ERROR(CheckTextField("title", m.title, 200, true));
  m.due_date = Trim(m.due_date);
  if (!IsCalendarDay(m.due_date)) {
    return Invalid("due_date", "invalid_date", "due_date is a calendar day, YYYY-MM-DD");
  }
  return Status::Ok();
}

Status ValidateProgressReport(ProgressReport& r) {
  r.report_date = Trim(r.report_date);
  if (!IsCalendarDay(r.report_date)) {
    return Invalid("report_date", "invalid_date", "report_date is a calendar day, YYYY-MM-DD");
  }
  KC_RETURN_IF_ERROR(CheckTextField("text", r.text, 5000, true, true));
  if (r.evidence.size() > 10) {
    return Invalid("evidence", "too_many_links", "at most 10 evidence links");
  }
  for (auto& url : r.evidence) {
    KC_RETURN_IF_ERROR(CheckTextField("evidence", url, 500, true));
    bool scheme = url.rfind("https://", 0) == 0 || url.rfind("http://", 0) == 0;
    if (!scheme || url.find_first_of(" <>\"") != std::string::npos ||
        url.size() <= (url[4] == 's' ? 8u : 7u)) {
      return Invalid("evidence", "invalid_url", "an evidence link starts with http:// or https://");
    }
  }
  return Status::Ok();
}

}  // namespace kc
