// Import of a plan's tasks from CSV (docs/action-plans.md, "Import"): every good row becomes a task
// with its milestones, every bad one is reported with its line number, and nothing else is lost.
#include <algorithm>
#include <map>

#include "core/csv.h"
#include "core/trim.h"
#include "service/action_plan_policy.h"
#include "service/action_plans.h"
#include "service/import_rows.h"

namespace kc {

namespace {

// The column a header names: the API's field names and the Chinese names a spreadsheet of
// tasks would use; "" for a column that is not one.
std::string ColumnOf(std::string_view raw) {
  static const std::map<std::string, std::string, std::less<>> kNames = {
      {"category", "category"},
      {"类别", "category"},
      {"任务类别", "category"},
      {"code", "code"},
      {"编号", "code"},
      {"序号", "code"},
      {"title", "title"},
      {"任务", "title"},
      {"任务名称", "title"},
      {"description", "description"},
      {"说明", "description"},
      {"任务内容", "description"},
      {"owner_org", "owner_org"},
      {"牵头单位", "owner_org"},
      {"责任单位", "owner_org"},
      {"owner_org_id", "owner_org_id"},
      {"status", "status"},
      {"状态", "status"},
      {"milestones", "milestones"},
      {"里程碑", "milestones"},
  };
  std::string h = Trim(raw);
  for (char& c : h) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  auto it = kNames.find(h);
  return it == kNames.end() ? "" : it->second;
}

// "中期评估@2026-06-30" → {中期评估, 2026-06-30}; the day is after the last '@'.
PlanMilestone MilestoneOf(const std::string& item) {
  PlanMilestone m;
  const size_t at = item.rfind('@');
  m.title = at == std::string::npos ? item : item.substr(0, at);
  m.due_date = at == std::string::npos ? "" : item.substr(at + 1);
  return m;
}

// What a row says, before it is checked against the plan.
struct TaskRow {
  std::string category;
  std::string owner_org;
  PlanTask task;
  std::vector<PlanMilestone> milestones;
};

// One row; 422 naming the column for a cell that cannot be read.
Status RowOf(const std::vector<std::string>& header, const std::vector<std::string>& cells,
             TaskRow* row) {
  if (cells.size() > header.size()) {
    return BadInput("extra_cells", "the row has more cells than the header");
  }
  for (size_t i = 0; i < cells.size(); ++i) {
    const std::string& col = header[i];
    const std::string cell = Trim(UnguardFormula(cells[i]));
    if (col.empty() || cell.empty()) continue;
    if (col == "category") row->category = cell;
    if (col == "code") row->task.code = cell;
    if (col == "title") row->task.title = cell;
    if (col == "description") row->task.description = cell;
    if (col == "owner_org") row->owner_org = cell;
    if (col == "owner_org_id") {
      int64_t id = 0;
      for (char c : cell) {
        if (c < '0' || c > '9' || id > 1'000'000'000'000) {
          return Invalid("owner_org_id", "invalid_type", "owner_org_id must be a number");
        }
        id = id * 10 + (c - '0');
      }
      row->task.owner_org_id = id;
    }
    if (col == "status") {
      auto s = TaskStatusFromName(cell);
      if (!s) {
        return Invalid("status", "invalid_status",
                       "status is not_started, on_track, at_risk, late or done");
      }
      row->task.status = *s;
    }
    if (col == "milestones") {
      for (const auto& item : SplitListField(cell)) row->milestones.push_back(MilestoneOf(item));
    }
  }
  if (row->category.empty()) return Invalid("category", "required", "category is required");
  return Status::Ok();
}

// The id of the plan's category named `name` (its Chinese or English title), created at the
// end of the plan's categories when there is none: 422 `category` when the name is not a valid
// title or the plan has its most categories.
Result<int64_t> CategoryNamed(StoreTx& tx, int64_t plan_id, const std::string& name) {
  auto categories = tx.plans().ListCategories(plan_id);
  if (!categories.ok()) return categories.status();
  auto found = std::find_if(categories->begin(), categories->end(), [&](const auto& c) {
    return c.title == name || (!c.title_en.empty() && c.title_en == name);
  });
  if (found != categories->end()) return found->id;
  PlanCategory c{.plan_id = plan_id, .title = name};
  if (Status valid = ValidatePlanCategory(c); !valid.ok()) {
    return Invalid("category", valid.code(), valid.message());
  }
  if (categories->size() >= kMaxPlanCategories) {
    return Invalid("category", "too_many_categories", "at most 20 categories a plan");
  }
  c.position = static_cast<int>(categories->size()) + 1;
  return tx.plans().InsertCategory(c);
}

}  // namespace

Result<ImportReport> ActionPlans::ImportTasks(const Actor& actor, int64_t plan_id,
                                              std::string_view bytes) {
  if (!actor.signed_in()) return Unauthorized();
  KC_RETURN_IF_ERROR(
      store_.Read([&](StoreTx& tx) { return SeenPlan(tx, actor, plan_id).status(); }));
  if (!CanManagePlans(actor)) return Forbidden("platform admins import a plan's tasks");
  ImportReport report;
  auto csv = ReadCsvRows(bytes, ColumnOf, &report);
  if (!csv.ok()) return csv.status();
  const std::vector<std::string>& header = csv->header;
  if (std::find(header.begin(), header.end(), "code") == header.end() ||
      std::find(header.begin(), header.end(), "title") == header.end()) {
    return BadInput("bad_header", "the header names no code or title column");
  }
  if (csv->rows.size() > kMaxTaskImportRows) {
    return BadInput("too_many_rows",
                    "at most " + std::to_string(kMaxTaskImportRows) + " tasks a file");
  }
  KC_RETURN_IF_ERROR(ImportRows(
      store_, csv->rows,
      [&](StoreTx& inner, const std::vector<std::string>& cells) -> Status {
        TaskRow row;
        KC_RETURN_IF_ERROR(RowOf(header, cells, &row));
        auto category = CategoryNamed(inner, plan_id, row.category);
        if (!category.ok()) return category.status();
        row.task.category_id = *category;
        if (!row.owner_org.empty() && !row.task.owner_org_id) {
          auto org = inner.FindOrgByName(row.owner_org);
          if (!org.ok()) return org.status();
          if (!*org) return Invalid("owner_org", "unknown_org", "no organisation of that name");
          row.task.owner_org_id = (*org)->id;
        }
        row.task.plan_id = plan_id;
        auto task = CreateTaskIn(inner, actor, std::move(row.task));
        if (!task.ok()) return task.status();
        for (size_t i = 0; i < row.milestones.size(); ++i) {
          row.milestones[i].task_id = task->id;
          auto m = AddMilestoneIn(inner, actor, std::move(row.milestones[i]));
          if (!m.ok()) {
            const Status& e = m.status();
            return Status::Error(e.kind(), e.code(), e.message(),
                                 "milestones[" + std::to_string(i) + "]." + e.field());
          }
        }
        return Status::Ok();
      },
      &report));
  return report;
}

}  // namespace kc
