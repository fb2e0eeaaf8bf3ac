#include "store/sql/sql_plan_tx.h"

#include "store/json_columns.h"
#include "store/sql/dialect.h"
#include "store/sql/statements.h"

namespace kc::sql {

namespace {

constexpr const char* kPlanCols =
    "id, title, title_en, description, start_year, end_year, status, created_by, created_at, "
    "updated_at";
constexpr const char* kTaskCols =
    "id, plan_id, category_id, code, title, description, owner_org_id, status, created_at, "
    "updated_at";
constexpr const char* kMilestoneCols = "id, task_id, title, due_date, done_at, done_by";
constexpr const char* kReportCols =
    "id, task_id, report_date, text, evidence, author_id, created_at";

const Status kDuplicateCode =
    Conflict("duplicate_code", "the plan already has a task with this code", "code");

ActionPlan PlanFrom(const Row& r) {
  ActionPlan p;
  p.id = r.Int(0);
  p.title = r.Text(1);
  p.title_en = r.Text(2);
  p.description = r.Text(3);
  p.start_year = static_cast<int>(r.Int(4));
  p.end_year = static_cast<int>(r.Int(5));
  p.status = PlanStatusFromName(r.Text(6)).value_or(PlanStatus::kDraft);
  p.created_by = r.Int(7);
  p.created_at = r.Int(8);
  p.updated_at = r.Int(9);
  return p;
}

PlanCategory CategoryFrom(const Row& r) {
  return PlanCategory{r.Int(0), r.Int(1), r.Text(2), r.Text(3), static_cast<int>(r.Int(4))};
}

PlanTask TaskFrom(const Row& r) {
  PlanTask t;
  t.id = r.Int(0);
  t.plan_id = r.Int(1);
  t.category_id = r.Int(2);
  t.code = r.Text(3);
  t.title = r.Text(4);
  t.description = r.Text(5);
  if (!r.IsNull(6)) t.owner_org_id = r.Int(6);
  t.status = TaskStatusFromName(r.Text(7)).value_or(TaskStatus::kNotStarted);
  t.created_at = r.Int(8);
  t.updated_at = r.Int(9);
  return t;
}

PlanMilestone MilestoneFrom(const Row& r) {
  PlanMilestone m;
  m.id = r.Int(0);
  m.task_id = r.Int(1);
  m.title = r.Text(2);
  m.due_date = r.Text(3);
  m.done_at = r.Int(4);
  if (!r.IsNull(5)) m.done_by = r.Int(5);
  return m;
}

ProgressReport ReportFrom(const Row& r) {
  ProgressReport p;
  p.id = r.Int(0);
  p.task_id = r.Int(1);
  p.report_date = r.Text(2);
  p.text = r.Text(3);
  p.evidence = SplitArray(r.Text(4));
  p.author_id = r.Int(5);
  p.created_at = r.Int(6);
  return p;
}

void BindPlan(Stmt& s, const ActionPlan& p) {
  s.Bind(p.title).Bind(p.title_en).Bind(p.description);
  s.Bind(static_cast<int64_t>(p.start_year)).Bind(static_cast<int64_t>(p.end_year));
  s.Bind(PlanStatusName(p.status)).Bind(p.created_by).Bind(p.created_at).Bind(p.updated_at);
}

void BindTask(Stmt& s, const PlanTask& t) {
  s.Bind(t.plan_id).Bind(t.category_id).Bind(t.code).Bind(t.title).Bind(t.description);
  s.Bind(t.owner_org_id).Bind(TaskStatusName(t.status)).Bind(t.created_at).Bind(t.updated_at);
}

// Deletes the rows hanging off the tasks chosen by `tasks` (a subquery with one placeholder).
// Explicitly, not through ON DELETE CASCADE alone: SQLite honours it only with foreign keys on,
// which a restored or hand-opened database may not have.
Status DeleteUnderTasks(Conn& c, const std::string& tasks, int64_t id) {
  KC_RETURN_IF_ERROR(Exec(c,
                          "DELETE FROM plan_milestone_notices WHERE milestone_id IN (SELECT id "
                          "FROM plan_milestones WHERE task_id IN (" +
                              tasks + "))",
                          id));
  KC_RETURN_IF_ERROR(Exec(c, "DELETE FROM plan_milestones WHERE task_id IN (" + tasks + ")", id));
  return Exec(c, "DELETE FROM plan_reports WHERE task_id IN (" + tasks + ")", id);
}

}  // namespace

Result<int64_t> SqlPlanTx::InsertPlan(const ActionPlan& p) {
  return Scalar(c_,
                "INSERT INTO action_plans (title, title_en, description, start_year, end_year, "
                "status, created_by, created_at, updated_at) VALUES (" +
                    Marks(9) + ") RETURNING id",
                [&](Stmt& s) { BindPlan(s, p); });
}

Result<ActionPlan> SqlPlanTx::GetPlan(int64_t id) {
  return One(c_, PlanFrom, "plan",
             std::string("SELECT ") + kPlanCols + " FROM action_plans WHERE id = ?", id);
}

Status SqlPlanTx::UpdatePlan(const ActionPlan& p) {
  return Touch(
      c_, "plan",
      "UPDATE action_plans SET title=?, title_en=?, description=?, start_year=?, end_year=?, "
      "status=?, created_by=?, created_at=?, updated_at=? WHERE id=?",
      [&](Stmt& s) { BindPlan(s, p); }, p.id);
}

Status SqlPlanTx::DeletePlan(int64_t id) {
  KC_RETURN_IF_ERROR(DeleteUnderTasks(c_, "SELECT id FROM plan_tasks WHERE plan_id = ?", id));
  KC_RETURN_IF_ERROR(Exec(c_, "DELETE FROM plan_tasks WHERE plan_id = ?", id));
  KC_RETURN_IF_ERROR(Exec(c_, "DELETE FROM plan_categories WHERE plan_id = ?", id));
  return Touch(c_, "plan", "DELETE FROM action_plans WHERE id = ?", id);
}

Result<std::vector<ActionPlan>> SqlPlanTx::ListPlans(const std::vector<PlanStatus>& statuses) {
  std::vector<std::string> names;
  for (PlanStatus s : statuses) names.emplace_back(PlanStatusName(s));
  if (names.empty()) names = {"draft", "published"};
  return All(c_, PlanFrom,
             std::string("SELECT ") + kPlanCols + " FROM action_plans WHERE " +
                 c_.dialect().InTexts("status") + " ORDER BY start_year DESC, id DESC",
             c_.dialect().TextList(names));
}

Result<int64_t> SqlPlanTx::InsertCategory(const PlanCategory& c) {
  return Scalar(c_,
                "INSERT INTO plan_categories (plan_id, title, title_en, position) VALUES "
                "(?,?,?,?) RETURNING id",
                c.plan_id, c.title, c.title_en, static_cast<int64_t>(c.position));
}

Result<PlanCategory> SqlPlanTx::GetCategory(int64_t id) {
  return One(c_, CategoryFrom, "category",
             "SELECT id, plan_id, title, title_en, position FROM plan_categories WHERE id = ?", id);
}

Status SqlPlanTx::UpdateCategory(const PlanCategory& c) {
  return Touch(c_, "category",
               "UPDATE plan_categories SET title=?, title_en=?, position=? WHERE id=?", c.title,
               c.title_en, static_cast<int64_t>(c.position), c.id);
}

Status SqlPlanTx::DeleteCategory(int64_t id) {
  return Touch(c_, "category", "DELETE FROM plan_categories WHERE id = ?", id);
}

Result<std::vector<PlanCategory>> SqlPlanTx::ListCategories(int64_t plan_id) {
  return All(c_, CategoryFrom,
             "SELECT id, plan_id, title, title_en, position FROM plan_categories WHERE plan_id "
             "= ? ORDER BY position, id",
             plan_id);
}

Result<int64_t> SqlPlanTx::InsertTask(const PlanTask& t) {
  return InsertUnique(c_, kDuplicateCode,
                      "INSERT INTO plan_tasks (plan_id, category_id, code, title, description, "
                      "owner_org_id, status, created_at, updated_at) VALUES (" +
                          Marks(9) + ") ON CONFLICT DO NOTHING RETURNING id",
                      [&](Stmt& s) { BindTask(s, t); });
}

Result<PlanTask> SqlPlanTx::GetTask(int64_t id) {
  return One(c_, TaskFrom, "task",
             std::string("SELECT ") + kTaskCols + " FROM plan_tasks WHERE id = ?", id);
}

Status SqlPlanTx::UpdateTask(const PlanTask& t) {
  return Touch(
      c_, "task",
      "UPDATE plan_tasks SET plan_id=?, category_id=?, code=?, title=?, description=?, "
      "owner_org_id=?, status=?, created_at=?, updated_at=? WHERE id=?",
      [&](Stmt& s) { BindTask(s, t); }, t.id);
}

Status SqlPlanTx::DeleteTask(int64_t id) {
  KC_RETURN_IF_ERROR(DeleteUnderTasks(c_, "?", id));
  return Touch(c_, "task", "DELETE FROM plan_tasks WHERE id = ?", id);
}

Result<std::vector<PlanTask>> SqlPlanTx::ListTasks(const TaskQuery& q) {
  Where w;
  w.And("plan_id = ?", q.plan_id);
  if (q.category_id) w.And("category_id = ?", *q.category_id);
  if (q.owner_org_id) w.And("owner_org_id = ?", *q.owner_org_id);
  if (!q.text.empty()) {
    const std::string like = "%" + LikeEscape(q.text) + "%";
    w.And(
        "(code LIKE ? ESCAPE '\\' OR title LIKE ? ESCAPE '\\' OR description LIKE ? ESCAPE "
        "'\\')",
        like, like, like);
  }
  return All(c_, TaskFrom,
             std::string("SELECT ") + kTaskCols + " FROM plan_tasks" + w.sql() + " ORDER BY code" +
                 std::string(c_.dialect().ByteOrder()) + ", id",
             w);
}

Result<int64_t> SqlPlanTx::CountTasks(int64_t category_id) {
  return Scalar(c_, "SELECT COUNT(*) FROM plan_tasks WHERE category_id = ?", category_id);
}

Result<int64_t> SqlPlanTx::InsertMilestone(const PlanMilestone& m) {
  return Scalar(c_,
                "INSERT INTO plan_milestones (task_id, title, due_date, done_at, done_by) VALUES "
                "(?,?,?,?,?) RETURNING id",
                m.task_id, m.title, m.due_date, m.done_at, m.done_by);
}

Result<PlanMilestone> SqlPlanTx::GetMilestone(int64_t id) {
  return One(c_, MilestoneFrom, "milestone",
             std::string("SELECT ") + kMilestoneCols + " FROM plan_milestones WHERE id = ?", id);
}

Status SqlPlanTx::UpdateMilestone(const PlanMilestone& m) {
  return Touch(c_, "milestone",
               "UPDATE plan_milestones SET title=?, due_date=?, done_at=?, done_by=? WHERE id=?",
               m.title, m.due_date, m.done_at, m.done_by, m.id);
}

Status SqlPlanTx::DeleteMilestone(int64_t id) {
  KC_RETURN_IF_ERROR(Exec(c_, "DELETE FROM plan_milestone_notices WHERE milestone_id = ?", id));
  return Touch(c_, "milestone", "DELETE FROM plan_milestones WHERE id = ?", id);
}

Result<std::vector<PlanMilestone>> SqlPlanTx::ListMilestones(int64_t task_id) {
  return All(c_, MilestoneFrom,
             std::string("SELECT ") + kMilestoneCols +
                 " FROM plan_milestones WHERE task_id = ? ORDER BY due_date, id",
             task_id);
}

Result<std::vector<PlanMilestone>> SqlPlanTx::ListPlanMilestones(int64_t plan_id) {
  return All(c_, MilestoneFrom,
             "SELECT m.id, m.task_id, m.title, m.due_date, m.done_at, m.done_by FROM "
             "plan_milestones m JOIN plan_tasks t ON t.id = m.task_id WHERE t.plan_id = ? "
             "ORDER BY m.due_date, m.id",
             plan_id);
}

Result<int64_t> SqlPlanTx::InsertReport(const ProgressReport& r) {
  return Scalar(c_,
                "INSERT INTO plan_reports (task_id, report_date, text, evidence, author_id, "
                "created_at) VALUES (?,?,?,?,?,?) RETURNING id",
                r.task_id, r.report_date, r.text, JoinArray(r.evidence), r.author_id, r.created_at);
}

Result<ProgressReport> SqlPlanTx::GetReport(int64_t id) {
  return One(c_, ReportFrom, "report",
             std::string("SELECT ") + kReportCols + " FROM plan_reports WHERE id = ?", id);
}

Status SqlPlanTx::DeleteReport(int64_t id) {
  return Touch(c_, "report", "DELETE FROM plan_reports WHERE id = ?", id);
}

Result<std::vector<ProgressReport>> SqlPlanTx::ListReports(int64_t task_id) {
  return All(c_, ReportFrom,
             std::string("SELECT ") + kReportCols +
                 " FROM plan_reports WHERE task_id = ? ORDER BY report_date DESC, id DESC",
             task_id);
}

Result<std::vector<OverdueMilestone>> SqlPlanTx::ListOverdue(const std::string& today,
                                                             int64_t limit) {
  return All(
      c_,
      [](const Row& r) {
        OverdueMilestone o;
        o.milestone = MilestoneFrom(r);
        o.plan_id = r.Int(6);
        o.owner_org_id = r.Int(7);
        o.task_code = r.Text(8);
        o.task_title = r.Text(9);
        return o;
      },
      "SELECT m.id, m.task_id, m.title, m.due_date, m.done_at, m.done_by, t.plan_id, "
      "t.owner_org_id, t.code, t.title FROM plan_milestones m JOIN plan_tasks t ON t.id = "
      "m.task_id JOIN action_plans p ON p.id = t.plan_id WHERE m.done_at = 0 AND m.due_date < ? "
      "AND t.owner_org_id IS NOT NULL AND t.status <> 'done' AND p.status = 'published' AND "
      "EXISTS (SELECT 1 FROM users u WHERE u.org_id = t.owner_org_id AND u.org_role = "
      "'org_admin' AND u.disabled = 0 AND NOT EXISTS (SELECT 1 FROM plan_milestone_notices n "
      "WHERE n.milestone_id = m.id AND n.user_id = u.id)) ORDER BY m.due_date, m.id LIMIT ?",
      today, limit);
}

Result<bool> SqlPlanTx::RecordNotice(int64_t milestone_id, int64_t user_id, int64_t at) {
  auto s = Query(c_,
                 "INSERT INTO plan_milestone_notices (milestone_id, user_id, notified_at) VALUES "
                 "(?,?,?) ON CONFLICT DO NOTHING",
                 milestone_id, user_id, at);
  if (!s.ok()) return s.status();
  KC_RETURN_IF_ERROR((*s)->Run());
  return (*s)->changes() > 0;
}

}  // namespace kc::sql
