#include "api/action_plan_json.h"

#include <string>

#include "api/json_io.h"
#include "api/schemas.h"
#include "core/iso_time.h"

namespace kc::api {

using nlohmann::json;

namespace {

json TaskStatusEnum() {
  return schema::Enum({"not_started", "on_track", "at_risk", "late", "done"});
}

// Counts in TaskStatus order as {"not_started": n, …}.
json StatusCounts(const std::array<int64_t, 5>& counts) {
  json j = json::object();
  for (size_t i = 0; i < counts.size(); ++i) j[std::string(kTaskStatuses[i])] = counts[i];
  return j;
}

json StatusCountsSchema() {
  using namespace schema;
  json props = json::object();
  json required = json::array();
  for (auto s : kTaskStatuses) {
    props[std::string(s)] = Int();
    required.push_back(std::string(s));
  }
  return Obj(props, required);
}

// Reads an integer member into `out` when present; 422 when it is no integer.
Status OptYear(const json& body, const char* name, int* out) {
  std::optional<int64_t> v;
  KC_RETURN_IF_ERROR(OptInt(body, name, &v));
  if (v) {
    if (*v < 0 || *v > 9999) return Invalid(name, "invalid_year", std::string(name) + " is a year");
    *out = static_cast<int>(*v);
  }
  return Status::Ok();
}

Status OptText(const json& body, const char* name, std::string* out) {
  std::optional<std::string> v;
  KC_RETURN_IF_ERROR(OptString(body, name, &v));
  if (v) *out = std::move(*v);
  return Status::Ok();
}

}  // namespace

json ActionPlanJson(const ActionPlan& p) {
  return {{"id", p.id},
          {"title", p.title},
          {"title_en", p.title_en},
          {"description", p.description},
          {"start_year", p.start_year},
          {"end_year", p.end_year},
          {"status", PlanStatusName(p.status)},
          {"created_at", IsoTime(p.created_at)},
          {"updated_at", IsoTime(p.updated_at)}};
}

json ActionPlanSchema() {
  using namespace schema;
  return Obj({{"id", Int()},
              {"title", Str()},
              {"title_en", Str()},
              {"description", Str()},
              {"start_year", Int()},
              {"end_year", Int()},
              {"status", Enum({"draft", "published"})},
              {"created_at", Time()},
              {"updated_at", Time()}},
             json::array({"id", "title", "start_year", "end_year", "status"}));
}

json PlanDetailJson(const PlanDetail& d) {
  json j = ActionPlanJson(d.plan);
  json categories = json::array();
  for (const auto& c : d.categories) categories.push_back(PlanCategoryJson(c));
  json tasks = json::array();
  for (const auto& t : d.tasks) tasks.push_back(PlanTaskJson(t));
  j["categories"] = categories;
  j["tasks"] = tasks;
  j["today"] = d.today;
  return j;
}

json PlanDetailSchema() {
  using namespace schema;
  json s = ActionPlanSchema();
  s["properties"]["categories"] = ListOf(PlanCategorySchema());
  s["properties"]["tasks"] = ListOf(PlanTaskSchema());
  s["properties"]["today"] = Date();
  for (const char* r : {"categories", "tasks", "today"}) s["required"].push_back(r);
  return s;
}

json ActionPlanInputSchema(bool for_create) {
  using namespace schema;
  json props = {{"title", Str()},       {"title_en", Str()},
                {"description", Str()}, {"start_year", Int()},
                {"end_year", Int()},    {"status", Enum({"draft", "published"})}};
  return Obj(props, for_create ? json::array({"title", "start_year", "end_year"}) : json::array());
}

Status ReadActionPlan(const json& body, bool for_create, ActionPlan* p) {
  KC_RETURN_IF_ERROR(
      AllowOnly(body, {"title", "title_en", "description", "start_year", "end_year", "status"}));
  if (for_create) {
    KC_RETURN_IF_ERROR(RequireString(body, "title", &p->title));
    for (const char* name : {"start_year", "end_year"}) {
      if (!body.contains(name) || body[name].is_null()) {
        return Invalid(name, "required", std::string(name) + " is required");
      }
    }
  }
  KC_RETURN_IF_ERROR(OptText(body, "title", &p->title));
  KC_RETURN_IF_ERROR(OptText(body, "title_en", &p->title_en));
  KC_RETURN_IF_ERROR(OptText(body, "description", &p->description));
  KC_RETURN_IF_ERROR(OptYear(body, "start_year", &p->start_year));
  KC_RETURN_IF_ERROR(OptYear(body, "end_year", &p->end_year));
  std::optional<std::string> status;
  KC_RETURN_IF_ERROR(OptString(body, "status", &status));
  if (status) {
    auto s = PlanStatusFromName(*status);
    if (!s) return Invalid("status", "invalid_status", "status is draft or published");
    p->status = *s;
  }
  return Status::Ok();
}

json PlanCategoryJson(const PlanCategory& c) {
  return {{"id", c.id},
          {"plan_id", c.plan_id},
          {"title", c.title},
          {"title_en", c.title_en},
          {"position", c.position}};
}

json PlanCategorySchema() {
  using namespace schema;
  return Obj({{"id", Int()},
              {"plan_id", Int()},
              {"title", Str()},
              {"title_en", Str()},
              {"position", Int()}},
             json::array({"id", "plan_id", "title", "position"}));
}

json PlanCategoryInputSchema(bool for_create) {
  using namespace schema;
  return Obj({{"title", Str()}, {"title_en", Str()}, {"position", Int()}},
             for_create ? json::array({"title"}) : json::array());
}

Status ReadPlanCategory(const json& body, bool for_create, PlanCategory* c) {
  KC_RETURN_IF_ERROR(AllowOnly(body, {"title", "title_en", "position"}));
  if (for_create) KC_RETURN_IF_ERROR(RequireString(body, "title", &c->title));
  KC_RETURN_IF_ERROR(OptText(body, "title", &c->title));
  KC_RETURN_IF_ERROR(OptText(body, "title_en", &c->title_en));
  std::optional<int64_t> position;
  KC_RETURN_IF_ERROR(OptInt(body, "position", &position));
  if (position) {
    if (*position < 0 || *position > 1000) {
      return Invalid("position", "invalid_position", "position is 0 to 1000");
    }
    c->position = static_cast<int>(*position);
  }
  return Status::Ok();
}

json PlanTaskJson(const TaskView& v) {
  const PlanTask& t = v.task;
  json milestones = json::array();
  for (const auto& m : v.milestones) milestones.push_back(PlanMilestoneJson(m));
  return {{"id", t.id},
          {"plan_id", t.plan_id},
          {"category_id", t.category_id},
          {"code", t.code},
          {"title", t.title},
          {"description", t.description},
          {"owner_org_id", t.owner_org_id ? json(*t.owner_org_id) : json(nullptr)},
          {"owner_org_name", v.owner_org_name},
          {"status", TaskStatusName(t.status)},
          {"shown_status", TaskStatusName(v.shown)},
          {"milestones", milestones},
          {"can_report", v.can_report},
          {"updated_at", IsoTime(t.updated_at)}};
}

json PlanTaskSchema() {
  using namespace schema;
  return Obj({{"id", Int()},
              {"plan_id", Int()},
              {"category_id", Int()},
              {"code", Str()},
              {"title", Str()},
              {"description", Str()},
              {"owner_org_id", Nullable(Int())},
              {"owner_org_name", Str()},
              {"status", TaskStatusEnum()},
              {"shown_status", TaskStatusEnum()},
              {"milestones", ListOf(PlanMilestoneSchema())},
              {"can_report", Bool()},
              {"updated_at", Time()}},
             json::array({"id", "plan_id", "category_id", "code", "title", "status", "shown_status",
                          "milestones", "can_report"}));
}

json TaskDetailJson(const TaskDetail& d) {
  json j = PlanTaskJson(d.task);
  j["plan"] = ActionPlanJson(d.plan);
  j["category"] = PlanCategoryJson(d.category);
  json reports = json::array();
  for (size_t i = 0; i < d.reports.size(); ++i) {
    reports.push_back(ProgressReportJson(d.reports[i], d.author_names[i]));
  }
  j["reports"] = reports;
  return j;
}

json TaskDetailSchema() {
  using namespace schema;
  json s = PlanTaskSchema();
  s["properties"]["plan"] = ActionPlanSchema();
  s["properties"]["category"] = PlanCategorySchema();
  s["properties"]["reports"] = ListOf(ProgressReportSchema());
  for (const char* r : {"plan", "category", "reports"}) s["required"].push_back(r);
  return s;
}

json PlanTaskInputSchema(bool for_create) {
  using namespace schema;
  json props = {{"category_id", Int()},
                {"code", {{"type", "string"}, {"description", "numbers joined by dots, e.g. 1.3"}}},
                {"title", Str()},
                {"description", Str()},
                {"owner_org_id", Nullable(Int())},
                {"status", TaskStatusEnum()}};
  return Obj(props, for_create ? json::array({"category_id", "code", "title"}) : json::array());
}

Status ReadPlanTask(const json& body, bool for_create, PlanTask* t) {
  KC_RETURN_IF_ERROR(
      AllowOnly(body, {"category_id", "code", "title", "description", "owner_org_id", "status"}));
  if (for_create) {
    KC_RETURN_IF_ERROR(RequireString(body, "code", &t->code));
    KC_RETURN_IF_ERROR(RequireString(body, "title", &t->title));
    if (!body.contains("category_id") || body["category_id"].is_null()) {
      return Invalid("category_id", "required", "category_id is required");
    }
  }
  std::optional<int64_t> category;
  KC_RETURN_IF_ERROR(OptInt(body, "category_id", &category));
  if (category) t->category_id = *category;
  KC_RETURN_IF_ERROR(OptText(body, "code", &t->code));
  KC_RETURN_IF_ERROR(OptText(body, "title", &t->title));
  KC_RETURN_IF_ERROR(OptText(body, "description", &t->description));
  if (body.contains("owner_org_id")) {
    std::optional<int64_t> org;
    KC_RETURN_IF_ERROR(OptInt(body, "owner_org_id", &org));
    t->owner_org_id = org;  // null: no owner yet
  }
  std::optional<std::string> status;
  KC_RETURN_IF_ERROR(OptString(body, "status", &status));
  if (status) {
    auto s = TaskStatusFromName(*status);
    if (!s) {
      return Invalid("status", "invalid_status",
                     "status is not_started, on_track, at_risk, late or done");
    }
    t->status = *s;
  }
  return Status::Ok();
}

json PlanMilestoneJson(const PlanMilestone& m) {
  return {{"id", m.id},
          {"task_id", m.task_id},
          {"title", m.title},
          {"due_date", m.due_date},
          {"done", m.done_at != 0},
          {"done_at", IsoTime(m.done_at)}};
}

json PlanMilestoneSchema() {
  using namespace schema;
  return Obj({{"id", Int()},
              {"task_id", Int()},
              {"title", Str()},
              {"due_date", Date()},
              {"done", Bool()},
              {"done_at", Time()}},
             json::array({"id", "task_id", "title", "due_date", "done"}));
}

json PlanMilestoneInputSchema(bool for_create) {
  using namespace schema;
  json props = {{"title", Str()}, {"due_date", Date()}};
  if (!for_create) props["done"] = Bool();
  return Obj(props, for_create ? json::array({"title", "due_date"}) : json::array());
}

Status ReadPlanMilestone(const json& body, bool for_create, PlanMilestone* m,
                         std::optional<bool>* done) {
  if (for_create) {
    KC_RETURN_IF_ERROR(AllowOnly(body, {"title", "due_date"}));
    KC_RETURN_IF_ERROR(RequireString(body, "title", &m->title));
    KC_RETURN_IF_ERROR(RequireString(body, "due_date", &m->due_date));
  } else {
    KC_RETURN_IF_ERROR(AllowOnly(body, {"title", "due_date", "done"}));
    KC_RETURN_IF_ERROR(OptBool(body, "done", done));
  }
  KC_RETURN_IF_ERROR(OptText(body, "title", &m->title));
  return OptText(body, "due_date", &m->due_date);
}

json ProgressReportJson(const ProgressReport& r, const std::string& author_name) {
  return {{"id", r.id},
          {"task_id", r.task_id},
          {"report_date", r.report_date},
          {"text", r.text},
          {"evidence", r.evidence},
          {"author_id", r.author_id},
          {"author_name", author_name},
          {"created_at", IsoTime(r.created_at)}};
}

json ProgressReportSchema() {
  using namespace schema;
  return Obj({{"id", Int()},
              {"task_id", Int()},
              {"report_date", Date()},
              {"text", Str()},
              {"evidence", StrList()},
              {"author_id", Int()},
              {"author_name", Str()},
              {"created_at", Time()}},
             json::array({"id", "task_id", "report_date", "text", "evidence"}));
}

json ProgressReportInputSchema() {
  using namespace schema;
  return Obj({{"report_date", Date()},
              {"text", Str()},
              {"evidence",
               {{"type", "array"},
                {"items", Str()},
                {"description", "http:// or https:// addresses, at most 10"}}}},
             json::array({"report_date", "text"}));
}

Status ReadProgressReport(const json& body, ProgressReport* r) {
  KC_RETURN_IF_ERROR(AllowOnly(body, {"report_date", "text", "evidence"}));
  KC_RETURN_IF_ERROR(RequireString(body, "report_date", &r->report_date));
  KC_RETURN_IF_ERROR(RequireString(body, "text", &r->text));
  return ReadStringList(body, "evidence", &r->evidence);
}

json PlanDashboardJson(const PlanDashboard& d) {
  json categories = json::array();
  for (const auto& row : d.categories) {
    categories.push_back({{"id", row.category.id},
                          {"title", row.category.title},
                          {"title_en", row.category.title_en},
                          {"total", row.total},
                          {"by_status", StatusCounts(row.by_status)}});
  }
  json months = json::array();
  for (const auto& m : d.months) {
    months.push_back({{"month", m.month}, {"due", m.due}, {"done", m.done}});
  }
  return {
      {"plan", ActionPlanJson(d.plan)},
      {"today", d.today},
      {"tasks", d.tasks},
      {"by_status", StatusCounts(d.by_status)},
      {"milestones",
       {{"total", d.milestones}, {"done", d.milestones_done}, {"overdue", d.milestones_overdue}}},
      {"categories", categories},
      {"months", months}};
}

json PlanDashboardSchema() {
  using namespace schema;
  return Obj(
      {{"plan", ActionPlanSchema()},
       {"today", Date()},
       {"tasks", Int()},
       {"by_status", StatusCountsSchema()},
       {"milestones", Obj({{"total", Int()}, {"done", Int()}, {"overdue", Int()}},
                          json::array({"total", "done", "overdue"}))},
       {"categories", ListOf(Obj({{"id", Int()},
                                  {"title", Str()},
                                  {"title_en", Str()},
                                  {"total", Int()},
                                  {"by_status", StatusCountsSchema()}},
                                 json::array({"id", "title", "total", "by_status"})))},
       {"months", ListOf(Obj({{"month", Str()}, {"due", Int()}, {"done", Int()}},
                             json::array({"month", "due", "done"})))}},
      json::array({"plan", "today", "tasks", "by_status", "milestones", "categories", "months"}));
}

}  // namespace kc::api
