#include "service/action_plans.h"

#include <algorithm>
#include <map>
#include <set>

#include "core/shanghai_day.h"
#include "service/action_plan_policy.h"
#include "service/audit.h"

namespace kc {

namespace {

Status Unseen() { return NotFound("plan"); }

Status NotManager() { return Forbidden("platform admins maintain the action plans"); }

// Runs `fn` in a read transaction and hands back what it put in `out`.
template <typename T, typename F>
Result<T> ReadInto(Store& store, F fn) {
  T out{};
  KC_RETURN_IF_ERROR(store.Read([&](StoreTx& tx) { return fn(tx, out); }));
  return out;
}

template <typename T, typename F>
Result<T> WriteInto(Store& store, F fn) {
  T out{};
  KC_RETURN_IF_ERROR(store.Write([&](StoreTx& tx) { return fn(tx, out); }));
  return out;
}

// Orders tasks by their category's position, then by code (numbers compared as numbers).
void SortTasks(std::vector<PlanTask>& tasks, const std::vector<PlanCategory>& categories) {
  std::map<int64_t, size_t> rank;
  for (size_t i = 0; i < categories.size(); ++i) rank[categories[i].id] = i;
  std::stable_sort(tasks.begin(), tasks.end(), [&](const PlanTask& a, const PlanTask& b) {
    if (rank[a.category_id] != rank[b.category_id])
      return rank[a.category_id] < rank[b.category_id];
    return TaskCodeLess(a.code, b.code);
  });
}

}  // namespace

std::string ActionPlans::Today() const { return ShanghaiDay(clock_.Now()); }

Result<ActionPlan> ActionPlans::SeenPlan(StoreTx& tx, const Actor& actor, int64_t id) {
  auto plan = tx.plans().GetPlan(id);
  if (!plan.ok()) return plan.status();
  if (!CanSeePlan(actor, *plan)) return Unseen();
  return plan;
}

Result<PlanTask> ActionPlans::SeenTask(StoreTx& tx, const Actor& actor, int64_t id) {
  auto task = tx.plans().GetTask(id);
  if (!task.ok()) return task.status();
  auto plan = SeenPlan(tx, actor, task->plan_id);
  if (!plan.ok())
    return plan.status().kind() == ErrorKind::kNotFound ? NotFound("task") : plan.status();
  return task;
}

// Plans.

Result<ActionPlan> ActionPlans::CreatePlan(const Actor& actor, ActionPlan p) {
  if (!actor.signed_in()) return Unauthorized();
  if (!CanManagePlans(actor)) return NotManager();
  KC_RETURN_IF_ERROR(ValidateActionPlan(p));
  p.created_by = *actor.id();
  p.created_at = p.updated_at = clock_.Now();
  return WriteInto<ActionPlan>(store_, [&](StoreTx& tx, ActionPlan& out) -> Status {
    auto id = tx.plans().InsertPlan(p);
    if (!id.ok()) return id.status();
    out = p;
    out.id = *id;
    return tx.AppendAudit(AuditOf(p.created_at, actor.id(), "plan", out.id, "create",
                                  {{"status", PlanStatusName(p.status)}}));
  });
}

Result<ActionPlan> ActionPlans::UpdatePlan(const Actor& actor, ActionPlan p) {
  if (!actor.signed_in()) return Unauthorized();
  return WriteInto<ActionPlan>(store_, [&](StoreTx& tx, ActionPlan& out) -> Status {
    auto old = SeenPlan(tx, actor, p.id);
    if (!old.ok()) return old.status();
    if (!CanManagePlans(actor)) return NotManager();
    KC_RETURN_IF_ERROR(ValidateActionPlan(p));
    p.created_by = old->created_by;
    p.created_at = old->created_at;
    p.updated_at = clock_.Now();
    KC_RETURN_IF_ERROR(tx.plans().UpdatePlan(p));
    out = p;
    nlohmann::json detail = {{"status", PlanStatusName(p.status)}};
    if (old->status != p.status) detail["from"] = PlanStatusName(old->status);
    return tx.AppendAudit(AuditOf(p.updated_at, actor.id(), "plan", p.id, "update", detail));
  });
}

Status ActionPlans::DeletePlan(const Actor& actor, int64_t id) {
  if (!actor.signed_in()) return Unauthorized();
  return store_.Write([&](StoreTx& tx) -> Status {
    auto old = SeenPlan(tx, actor, id);
    if (!old.ok()) return old.status();
    if (!CanManagePlans(actor)) return NotManager();
    KC_RETURN_IF_ERROR(tx.plans().DeletePlan(id));
    return tx.AppendAudit(
        AuditOf(clock_.Now(), actor.id(), "plan", id, "delete", {{"title", old->title}}));
  });
}

Result<std::vector<ActionPlan>> ActionPlans::ListPlans(const Actor& actor) {
  std::vector<PlanStatus> statuses;
  if (!CanManagePlans(actor)) statuses = {PlanStatus::kPublished};
  return ReadInto<std::vector<ActionPlan>>(store_, [&](StoreTx& tx, auto& out) -> Status {
    auto got = tx.plans().ListPlans(statuses);
    if (!got.ok()) return got.status();
    out = std::move(*got);
    return Status::Ok();
  });
}

Result<std::vector<TaskView>> ActionPlans::Views(StoreTx& tx, const Actor& actor, int64_t plan_id,
                                                 std::vector<PlanTask> tasks,
                                                 const std::string& today) {
  auto milestones = tx.plans().ListPlanMilestones(plan_id);
  if (!milestones.ok()) return milestones.status();
  std::vector<int64_t> org_ids;
  for (const auto& t : tasks) {
    if (t.owner_org_id) org_ids.push_back(*t.owner_org_id);
  }
  std::map<int64_t, std::string> org_names;
  if (!org_ids.empty()) {
    auto orgs = tx.GetOrgs(org_ids);
    if (!orgs.ok()) return orgs.status();
    for (const auto& o : *orgs) org_names[o.id] = o.name;
  }
  std::vector<TaskView> out;
  for (auto& t : tasks) {
    TaskView v;
    for (const auto& m : *milestones) {
      if (m.task_id == t.id) v.milestones.push_back(m);
    }
    v.shown = EffectiveTaskStatus(t, v.milestones, today);
    if (t.owner_org_id) v.owner_org_name = org_names[*t.owner_org_id];
    v.can_report = actor.signed_in() && CanReportOnTask(actor, t);
    v.task = std::move(t);
    out.push_back(std::move(v));
  }
  return out;
}

Result<PlanDetail> ActionPlans::GetPlan(const Actor& actor, int64_t id) {
  const std::string today = Today();
  return ReadInto<PlanDetail>(store_, [&](StoreTx& tx, PlanDetail& out) -> Status {
    auto plan = SeenPlan(tx, actor, id);
    if (!plan.ok()) return plan.status();
    out.plan = std::move(*plan);
    out.today = today;
    auto categories = tx.plans().ListCategories(id);
    if (!categories.ok()) return categories.status();
    out.categories = std::move(*categories);
    auto tasks = tx.plans().ListTasks(TaskQuery{.plan_id = id});
    if (!tasks.ok()) return tasks.status();
    SortTasks(*tasks, out.categories);
    auto views = Views(tx, actor, id, std::move(*tasks), today);
    if (!views.ok()) return views.status();
    out.tasks = std::move(*views);
    return Status::Ok();
  });
}

Result<std::vector<TaskView>> ActionPlans::ListTasks(const Actor& actor, int64_t plan_id,
                                                     const TaskFilter& f) {
  const std::string today = Today();
  return ReadInto<std::vector<TaskView>>(store_, [&](StoreTx& tx, auto& out) -> Status {
    auto plan = SeenPlan(tx, actor, plan_id);
    if (!plan.ok()) return plan.status();
    auto categories = tx.plans().ListCategories(plan_id);
    if (!categories.ok()) return categories.status();
    auto tasks = tx.plans().ListTasks(TaskQuery{.plan_id = plan_id,
                                                .category_id = f.category_id,
                                                .owner_org_id = f.owner_org_id,
                                                .text = f.text});
    if (!tasks.ok()) return tasks.status();
    SortTasks(*tasks, *categories);
    auto views = Views(tx, actor, plan_id, std::move(*tasks), today);
    if (!views.ok()) return views.status();
    for (auto& v : *views) {
      if (!f.status || v.shown == *f.status) out.push_back(std::move(v));
    }
    return Status::Ok();
  });
}

Result<TaskDetail> ActionPlans::GetTask(const Actor& actor, int64_t id) {
  const std::string today = Today();
  return ReadInto<TaskDetail>(store_, [&](StoreTx& tx, TaskDetail& out) -> Status {
    auto task = SeenTask(tx, actor, id);
    if (!task.ok()) return task.status();
    auto plan = tx.plans().GetPlan(task->plan_id);
    if (!plan.ok()) return plan.status();
    out.plan = std::move(*plan);
    out.today = today;
    auto category = tx.plans().GetCategory(task->category_id);
    if (!category.ok()) return category.status();
    out.category = std::move(*category);
    auto views = Views(tx, actor, task->plan_id, {*task}, today);
    if (!views.ok()) return views.status();
    out.task = std::move(views->front());
    auto reports = tx.plans().ListReports(id);
    if (!reports.ok()) return reports.status();
    out.reports = std::move(*reports);
    std::vector<int64_t> ids;
    for (const auto& r : out.reports) ids.push_back(r.author_id);
    std::map<int64_t, std::string> names;
    if (!ids.empty()) {
      auto users = tx.GetUsers(ids);
      if (!users.ok()) return users.status();
      for (const auto& u : *users)
        names[u.id] = u.display_name.empty() ? u.username : u.display_name;
    }
    for (const auto& r : out.reports) out.author_names.push_back(names[r.author_id]);
    return Status::Ok();
  });
}

Result<PlanDashboard> ActionPlans::Dashboard(const Actor& actor, int64_t plan_id) {
  auto detail = GetPlan(actor, plan_id);
  if (!detail.ok()) return detail.status();
  PlanDashboard d;
  d.plan = detail->plan;
  d.today = detail->today;
  std::map<int64_t, size_t> row_of;
  for (const auto& c : detail->categories) {
    row_of[c.id] = d.categories.size();
    d.categories.push_back({c, {}, 0});
  }
  std::map<std::string, PlanDashboard::MonthRow> months;
  for (const auto& v : detail->tasks) {
    const auto s = static_cast<size_t>(v.shown);
    auto& row = d.categories[row_of[v.task.category_id]];
    ++row.by_status[s];
    ++row.total;
    ++d.by_status[s];
    ++d.tasks;
    for (const auto& m : v.milestones) {
      ++d.milestones;
      const std::string due = m.due_date.substr(0, 7);
      ++months[due].due;
      if (m.done_at) {
        ++d.milestones_done;
        ++months[ShanghaiDay(m.done_at).substr(0, 7)].done;
      } else if (IsOverdue(m, d.today)) {
        ++d.milestones_overdue;
      }
    }
  }
  for (auto& [month, row] : months) {
    row.month = month;
    d.months.push_back(row);
  }
  return d;
}

// Categories.

Result<PlanCategory> ActionPlans::CreateCategory(const Actor& actor, PlanCategory c) {
  if (!actor.signed_in()) return Unauthorized();
  return WriteInto<PlanCategory>(store_, [&](StoreTx& tx, PlanCategory& out) -> Status {
    auto plan = SeenPlan(tx, actor, c.plan_id);
    if (!plan.ok()) return plan.status();
    if (!CanManagePlans(actor)) return NotManager();
    KC_RETURN_IF_ERROR(ValidatePlanCategory(c));
    auto existing = tx.plans().ListCategories(c.plan_id);
    if (!existing.ok()) return existing.status();
    if (existing->size() >= kMaxPlanCategories) {
      return Invalid("plan_id", "too_many_categories", "at most 20 categories a plan");
    }
    if (c.position == 0) c.position = static_cast<int>(existing->size()) + 1;
    auto id = tx.plans().InsertCategory(c);
    if (!id.ok()) return id.status();
    out = c;
    out.id = *id;
    return tx.AppendAudit(AuditOf(clock_.Now(), actor.id(), "plan", c.plan_id, "add_category",
                                  {{"category_id", out.id}}));
  });
}

Result<PlanCategory> ActionPlans::GetCategory(const Actor& actor, int64_t id) {
  return ReadInto<PlanCategory>(store_, [&](StoreTx& tx, PlanCategory& out) -> Status {
    auto c = tx.plans().GetCategory(id);
    if (!c.ok()) return c.status();
    if (!SeenPlan(tx, actor, c->plan_id).ok()) return NotFound("category");
    out = std::move(*c);
    return Status::Ok();
  });
}

Result<PlanCategory> ActionPlans::UpdateCategory(const Actor& actor, PlanCategory c) {
  if (!actor.signed_in()) return Unauthorized();
  return WriteInto<PlanCategory>(store_, [&](StoreTx& tx, PlanCategory& out) -> Status {
    auto old = tx.plans().GetCategory(c.id);
    if (!old.ok()) return old.status();
    auto plan = SeenPlan(tx, actor, old->plan_id);
    if (!plan.ok()) return NotFound("category");
    if (!CanManagePlans(actor)) return NotManager();
    c.plan_id = old->plan_id;
    KC_RETURN_IF_ERROR(ValidatePlanCategory(c));
    KC_RETURN_IF_ERROR(tx.plans().UpdateCategory(c));
    out = c;
    return tx.AppendAudit(AuditOf(clock_.Now(), actor.id(), "plan", c.plan_id, "update_category",
                                  {{"category_id", c.id}}));
  });
}

Status ActionPlans::DeleteCategory(const Actor& actor, int64_t id) {
  if (!actor.signed_in()) return Unauthorized();
  return store_.Write([&](StoreTx& tx) -> Status {
    auto old = tx.plans().GetCategory(id);
    if (!old.ok()) return old.status();
    auto plan = SeenPlan(tx, actor, old->plan_id);
    if (!plan.ok()) return NotFound("category");
    if (!CanManagePlans(actor)) return NotManager();
    auto n = tx.plans().CountTasks(id);
    if (!n.ok()) return n.status();
    if (*n > 0) {
      return Conflict("category_not_empty", "move or delete the category's tasks first");
    }
    KC_RETURN_IF_ERROR(tx.plans().DeleteCategory(id));
    return tx.AppendAudit(AuditOf(clock_.Now(), actor.id(), "plan", old->plan_id, "delete_category",
                                  {{"title", old->title}}));
  });
}

// Tasks.

Status ActionPlans::CheckTask(StoreTx& tx, PlanTask& t) {
  KC_RETURN_IF_ERROR(ValidatePlanTask(t));
  auto category = tx.plans().GetCategory(t.category_id);
  if (!category.ok() && category.status().kind() != ErrorKind::kNotFound) {
    return category.status();
  }
  if (!category.ok() || category->plan_id != t.plan_id) {
    return Invalid("category_id", "unknown_category", "no such category in this plan");
  }
  if (t.owner_org_id) {
    auto org = tx.GetOrg(*t.owner_org_id);
    if (!org.ok()) {
      return org.status().kind() == ErrorKind::kNotFound
                 ? Invalid("owner_org_id", "unknown_org", "no such organisation")
                 : org.status();
    }
  }
  auto same = tx.plans().ListTasks(TaskQuery{.plan_id = t.plan_id});
  if (!same.ok()) return same.status();
  for (const auto& other : *same) {
    if (other.id != t.id && other.code == t.code) {
      return Conflict("duplicate_code", "the plan already has a task with this code", "code");
    }
  }
  if (t.id == 0 && same->size() >= kMaxPlanTasks) {
    return Invalid("plan_id", "too_many_tasks", "at most 300 tasks a plan");
  }
  return Status::Ok();
}

Result<PlanTask> ActionPlans::CreateTaskIn(StoreTx& tx, const Actor& actor, PlanTask t) {
  if (!actor.signed_in()) return Unauthorized();
  auto plan = SeenPlan(tx, actor, t.plan_id);
  if (!plan.ok()) return plan.status();
  if (!CanManagePlans(actor)) return NotManager();
  t.id = 0;
  t.created_at = t.updated_at = clock_.Now();
  KC_RETURN_IF_ERROR(CheckTask(tx, t));
  auto id = tx.plans().InsertTask(t);
  if (!id.ok()) return id.status();
  t.id = *id;
  KC_RETURN_IF_ERROR(tx.AppendAudit(
      AuditOf(t.created_at, actor.id(), "plan_task", t.id, "create", {{"code", t.code}})));
  return t;
}

Result<PlanTask> ActionPlans::CreateTask(const Actor& actor, PlanTask t) {
  if (!actor.signed_in()) return Unauthorized();
  return WriteInto<PlanTask>(store_, [&](StoreTx& tx, PlanTask& out) -> Status {
    auto got = CreateTaskIn(tx, actor, t);
    if (!got.ok()) return got.status();
    out = std::move(*got);
    return Status::Ok();
  });
}

Result<PlanTask> ActionPlans::UpdateTask(const Actor& actor, PlanTask t) {
  if (!actor.signed_in()) return Unauthorized();
  return WriteInto<PlanTask>(store_, [&](StoreTx& tx, PlanTask& out) -> Status {
    auto old = SeenTask(tx, actor, t.id);
    if (!old.ok()) return old.status();
    if (!CanManagePlans(actor)) {
      if (!CanReportOnTask(actor, *old)) {
        return Forbidden("the owner organisation's admins and platform admins report on a task");
      }
      const bool only_status = t.category_id == old->category_id && t.code == old->code &&
                               t.title == old->title && t.description == old->description &&
                               t.owner_org_id == old->owner_org_id;
      if (!only_status) return Forbidden("an owner sets a task's status only");
    }
    t.plan_id = old->plan_id;
    t.created_at = old->created_at;
    t.updated_at = clock_.Now();
    KC_RETURN_IF_ERROR(CheckTask(tx, t));
    KC_RETURN_IF_ERROR(tx.plans().UpdateTask(t));
    out = t;
    nlohmann::json detail = {{"status", TaskStatusName(t.status)}};
    if (old->status != t.status) detail["from"] = TaskStatusName(old->status);
    return tx.AppendAudit(AuditOf(t.updated_at, actor.id(), "plan_task", t.id, "update", detail));
  });
}

Status ActionPlans::DeleteTask(const Actor& actor, int64_t id) {
  if (!actor.signed_in()) return Unauthorized();
  return store_.Write([&](StoreTx& tx) -> Status {
    auto old = SeenTask(tx, actor, id);
    if (!old.ok()) return old.status();
    if (!CanManagePlans(actor)) return NotManager();
    KC_RETURN_IF_ERROR(tx.plans().DeleteTask(id));
    return tx.AppendAudit(
        AuditOf(clock_.Now(), actor.id(), "plan_task", id, "delete", {{"code", old->code}}));
  });
}

// Milestones.

Result<PlanMilestone> ActionPlans::AddMilestoneIn(StoreTx& tx, const Actor& actor,
                                                  PlanMilestone m) {
  auto task = SeenTask(tx, actor, m.task_id);
  if (!task.ok()) return task.status();
  if (!CanManagePlans(actor)) return NotManager();
  KC_RETURN_IF_ERROR(ValidatePlanMilestone(m));
  auto existing = tx.plans().ListMilestones(m.task_id);
  if (!existing.ok()) return existing.status();
  if (existing->size() >= kMaxTaskMilestones) {
    return Invalid("task_id", "too_many_milestones", "at most 30 milestones a task");
  }
  m.id = 0;
  m.done_at = 0;
  m.done_by.reset();
  auto id = tx.plans().InsertMilestone(m);
  if (!id.ok()) return id.status();
  m.id = *id;
  KC_RETURN_IF_ERROR(tx.AppendAudit(AuditOf(clock_.Now(), actor.id(), "plan_task", m.task_id,
                                            "add_milestone", {{"milestone_id", m.id}})));
  return m;
}

Result<PlanMilestone> ActionPlans::GetMilestone(const Actor& actor, int64_t id) {
  return ReadInto<PlanMilestone>(store_, [&](StoreTx& tx, PlanMilestone& out) -> Status {
    auto m = tx.plans().GetMilestone(id);
    if (!m.ok()) return m.status();
    if (!SeenTask(tx, actor, m->task_id).ok()) return NotFound("milestone");
    out = std::move(*m);
    return Status::Ok();
  });
}

Result<PlanMilestone> ActionPlans::AddMilestone(const Actor& actor, PlanMilestone m) {
  if (!actor.signed_in()) return Unauthorized();
  return WriteInto<PlanMilestone>(store_, [&](StoreTx& tx, PlanMilestone& out) -> Status {
    auto got = AddMilestoneIn(tx, actor, m);
    if (!got.ok()) return got.status();
    out = std::move(*got);
    return Status::Ok();
  });
}

Result<PlanMilestone> ActionPlans::UpdateMilestone(const Actor& actor, PlanMilestone m) {
  if (!actor.signed_in()) return Unauthorized();
  return WriteInto<PlanMilestone>(store_, [&](StoreTx& tx, PlanMilestone& out) -> Status {
    auto old = tx.plans().GetMilestone(m.id);
    if (!old.ok()) return old.status();
    auto task = SeenTask(tx, actor, old->task_id);
    if (!task.ok()) return NotFound("milestone");
    if (!CanManagePlans(actor)) return NotManager();
    KC_RETURN_IF_ERROR(ValidatePlanMilestone(m));
    m.task_id = old->task_id;
    m.done_at = old->done_at;
    m.done_by = old->done_by;
    KC_RETURN_IF_ERROR(tx.plans().UpdateMilestone(m));
    out = m;
    return tx.AppendAudit(AuditOf(clock_.Now(), actor.id(), "plan_task", m.task_id,
                                  "update_milestone",
                                  {{"milestone_id", m.id}, {"due_date", m.due_date}}));
  });
}

Result<PlanMilestone> ActionPlans::SetMilestoneDone(const Actor& actor, int64_t id, bool done) {
  if (!actor.signed_in()) return Unauthorized();
  return WriteInto<PlanMilestone>(store_, [&](StoreTx& tx, PlanMilestone& out) -> Status {
    auto m = tx.plans().GetMilestone(id);
    if (!m.ok()) return m.status();
    auto task = SeenTask(tx, actor, m->task_id);
    if (!task.ok()) return NotFound("milestone");
    if (!CanReportOnTask(actor, *task)) {
      return Forbidden("the owner organisation's admins and platform admins mark milestones");
    }
    if (done != (m->done_at != 0)) {
      m->done_at = done ? clock_.Now() : 0;
      m->done_by = done ? actor.id() : std::nullopt;
      KC_RETURN_IF_ERROR(tx.plans().UpdateMilestone(*m));
      KC_RETURN_IF_ERROR(tx.AppendAudit(AuditOf(clock_.Now(), actor.id(), "plan_task", m->task_id,
                                                done ? "milestone_done" : "milestone_open",
                                                {{"milestone_id", id}})));
    }
    out = std::move(*m);
    return Status::Ok();
  });
}

Status ActionPlans::DeleteMilestone(const Actor& actor, int64_t id) {
  if (!actor.signed_in()) return Unauthorized();
  return store_.Write([&](StoreTx& tx) -> Status {
    auto m = tx.plans().GetMilestone(id);
    if (!m.ok()) return m.status();
    auto task = SeenTask(tx, actor, m->task_id);
    if (!task.ok()) return NotFound("milestone");
    if (!CanManagePlans(actor)) return NotManager();
    KC_RETURN_IF_ERROR(tx.plans().DeleteMilestone(id));
    return tx.AppendAudit(AuditOf(clock_.Now(), actor.id(), "plan_task", m->task_id,
                                  "delete_milestone", {{"milestone_id", id}}));
  });
}

// Progress reports.

Result<ProgressReport> ActionPlans::AddReport(const Actor& actor, ProgressReport r) {
  if (!actor.signed_in()) return Unauthorized();
  return WriteInto<ProgressReport>(store_, [&](StoreTx& tx, ProgressReport& out) -> Status {
    auto task = SeenTask(tx, actor, r.task_id);
    if (!task.ok()) return task.status();
    if (!CanReportOnTask(actor, *task)) {
      return Forbidden("the owner organisation's admins and platform admins report on a task");
    }
    KC_RETURN_IF_ERROR(ValidateProgressReport(r));
    auto existing = tx.plans().ListReports(r.task_id);
    if (!existing.ok()) return existing.status();
    if (existing->size() >= kMaxTaskReports) {
      return Invalid("task_id", "too_many_reports", "at most 500 reports a task");
    }
    r.id = 0;
    r.author_id = *actor.id();
    r.created_at = clock_.Now();
    auto id = tx.plans().InsertReport(r);
    if (!id.ok()) return id.status();
    out = r;
    out.id = *id;
    return tx.AppendAudit(AuditOf(r.created_at, actor.id(), "plan_task", r.task_id, "report",
                                  {{"report_id", out.id}}));
  });
}

Status ActionPlans::DeleteReport(const Actor& actor, int64_t id) {
  if (!actor.signed_in()) return Unauthorized();
  return store_.Write([&](StoreTx& tx) -> Status {
    auto r = tx.plans().GetReport(id);
    if (!r.ok()) return r.status();
    auto task = SeenTask(tx, actor, r->task_id);
    if (!task.ok()) return NotFound("report");
    if (!CanReportOnTask(actor, *task)) {
      return Forbidden("the owner organisation's admins and platform admins withdraw reports");
    }
    KC_RETURN_IF_ERROR(tx.plans().DeleteReport(id));
    return tx.AppendAudit(AuditOf(clock_.Now(), actor.id(), "plan_task", r->task_id,
                                  "delete_report", {{"report_id", id}}));
  });
}

// The overdue sweep.

Result<int64_t> ActionPlans::NotifyOverdue() {
  const std::string today = Today();
  const int64_t now = clock_.Now();
  return WriteInto<int64_t>(store_, [&](StoreTx& tx, int64_t& sent) -> Status {
    sent = 0;
    auto overdue = tx.plans().ListOverdue(today, kOverdueBatch);
    if (!overdue.ok()) return overdue.status();
    std::map<int64_t, std::vector<User>> admins_of;
    for (const auto& o : *overdue) {
      if (!admins_of.count(o.owner_org_id)) {
        UserQuery q;
        q.org_id = o.owner_org_id;
        q.org_role = "org_admin";
        q.limit = 100;
        auto admins = tx.ListUsers(q);
        if (!admins.ok()) return admins.status();
        admins_of[o.owner_org_id] = std::move(admins->items);
      }
      for (const auto& admin : admins_of[o.owner_org_id]) {
        if (admin.disabled) continue;
        auto first = tx.plans().RecordNotice(o.milestone.id, admin.id, now);
        if (!first.ok()) return first.status();
        if (!*first) continue;
        Notification n;
        n.user_id = admin.id;
        n.kind = "plan_milestone_overdue";
        n.title = o.task_code + " " + o.task_title;
        n.message = o.milestone.title + " (" + o.milestone.due_date + ")";
        n.detail = nlohmann::json{{"plan_id", o.plan_id},
                                  {"task_id", o.milestone.task_id},
                                  {"milestone_id", o.milestone.id},
                                  {"milestone", o.milestone.title},
                                  {"code", o.task_code},
                                  {"due_date", o.milestone.due_date}}
                       .dump();
        n.created_at = now;
        KC_RETURN_IF_ERROR(tx.InsertNotification(n).status());
        ++sent;
      }
    }
    return Status::Ok();
  });
}

}  // namespace kc
