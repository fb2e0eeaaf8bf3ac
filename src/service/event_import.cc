// Events::Import: events from a CSV file (docs/events.md, "Import"). Every good line becomes an
// event; every bad one is reported with its line number and the reason.
#include <map>

#include "core/csv.h"
#include "core/news.h"
#include "core/text_encoding.h"
#include "core/trim.h"
#include "service/audit.h"
#include "service/event_policy.h"
#include "service/events.h"
#include "service/import_rows.h"

namespace kc {

namespace {

// The columns, by their API names and the Chinese names a spreadsheet may carry.
const std::map<std::string, std::string, std::less<>>& Columns() {
  static const std::map<std::string, std::string, std::less<>> columns = {
      {"org_id", "org_id"},
      {"主办单位编号", "org_id"},
      {"kind", "kind"},
      {"类型", "kind"},
      {"title", "title"},
      {"标题", "title"},
      {"名称", "title"},
      {"description", "description"},
      {"简介", "description"},
      {"starts_at", "starts_at"},
      {"开始时间", "starts_at"},
      {"ends_at", "ends_at"},
      {"结束时间", "ends_at"},
      {"venue", "venue"},
      {"地点", "venue"},
      {"online_url", "online_url"},
      {"线上链接", "online_url"},
      {"capacity", "capacity"},
      {"席位", "capacity"},
      {"listing_ids", "listing_ids"},
      {"展示项目", "listing_ids"},
      {"status", "status"},
      {"状态", "status"},
  };
  return columns;
}

std::optional<EventKind> KindOf(std::string_view v) {
  if (v == "对接会") return EventKind::kMatchmaking;
  if (v == "路演") return EventKind::kRoadshow;
  if (v == "年会") return EventKind::kConference;
  return EventKindFromName(v);
}

// ISO 8601 with a zone, or "YYYY-MM-DD HH:MM[:SS]" read in Asia/Shanghai.
std::optional<int64_t> TimeOf(std::string text) {
  if (text.size() == 16 || text.size() == 19) text += "+08:00";
  auto t = ParseIsoTimeWithOffset(text);
  if (!t) return std::nullopt;
  return t->epoch_seconds;
}

std::optional<int64_t> NumberOf(std::string_view v) {
  if (v.empty() || v.size() > 18) return std::nullopt;
  int64_t n = 0;
  for (char c : v) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + (c - '0');
  }
  return n;
}

// The event of one row, with whether to publish it; 422 naming the column otherwise.
Status EventOfRow(const std::map<std::string, std::string>& row, const Actor& actor, Event* e,
                  bool* publish) {
  auto cell = [&](const char* name) {
    auto it = row.find(name);
    return it == row.end() ? std::string() : Trim(std::string(UnguardFormula(it->second)));
  };
  const std::string org = cell("org_id");
  if (org.empty()) {
    if (!actor.user || !actor.user->org_id) {
      return Invalid("org_id", "required", "org_id is required");
    }
    e->org_id = *actor.user->org_id;
  } else if (auto id = NumberOf(org)) {
    e->org_id = *id;
  } else {
    return Invalid("org_id", "invalid_type", "org_id is a number");
  }
  auto kind = KindOf(cell("kind"));
  if (!kind) return Invalid("kind", "invalid_kind", "kind is matchmaking, roadshow or conference");
  e->kind = *kind;
  e->title = cell("title");
  e->description = cell("description");
  for (auto [name, field] :
       {std::pair{"starts_at", &e->starts_at}, std::pair{"ends_at", &e->ends_at}}) {
    auto t = TimeOf(cell(name));
    if (!t) {
      return Invalid(name, "invalid_time",
                     std::string(name) +
                         " is an ISO 8601 time, or YYYY-MM-DD HH:MM in Beijing "
                         "time");
    }
    *field = *t;
  }
  e->venue = cell("venue");
  e->online_url = cell("online_url");
  const std::string capacity = cell("capacity");
  if (!capacity.empty()) {
    auto n = NumberOf(capacity);
    if (!n) return Invalid("capacity", "invalid_type", "capacity is a whole number");
    e->capacity = *n;
  }
  for (const std::string& item : SplitListField(cell("listing_ids"))) {
    auto id = NumberOf(item);
    if (!id) return Invalid("listing_ids", "invalid_type", "listing_ids are numbers");
    e->listing_ids.push_back(*id);
  }
  const std::string status = cell("status");
  if (status.empty() || status == "published" || status == "发布" || status == "已发布") {
    *publish = true;
  } else if (status == "draft" || status == "草稿") {
    *publish = false;
  } else {
    return Invalid("status", "invalid_status", "status is published or draft");
  }
  return Status::Ok();
}

}  // namespace

Result<ImportReport> Events::Import(const Actor& actor, std::string_view bytes) {
  if (!actor.signed_in()) return Unauthorized();
  auto text = DecodeToUtf8(bytes);
  if (!text.ok()) return text.status();
  const std::string first_line = text->substr(0, text->find('\n'));
  CsvReader reader(*text, DetectDelimiter(first_line));
  CsvRecord rec;
  Status error;
  std::vector<std::string> header;
  if (!reader.Next(&rec, &error) || !error.ok() || rec.fields.empty()) {
    return BadInput("missing_header", "the first line names the columns");
  }
  for (const std::string& name : rec.fields) {
    auto it = Columns().find(Trim(name));
    if (it == Columns().end()) {
      return BadInput("unknown_column", "unknown column: " + name, name);
    }
    header.push_back(it->second);
  }
  ImportReport report;
  KC_RETURN_IF_ERROR(store_.Write([&](StoreTx& tx) -> Status {
    report = ImportReport{};
    CsvReader rows(*text, DetectDelimiter(first_line));
    CsvRecord row;
    Status bad;
    rows.Next(&row, &bad);  // the header
    const int64_t now = clock_.Now();
    while (rows.Next(&row, &bad)) {
      if (!bad.ok()) {
        report.failed.push_back({row.line, bad});
        continue;
      }
      if (row.fields.size() != header.size()) {
        report.failed.push_back(
            {row.line, BadInput("wrong_column_count",
                                "the line has " + std::to_string(row.fields.size()) +
                                    " cells, the header " + std::to_string(header.size()))});
        continue;
      }
      std::map<std::string, std::string> cells;
      for (size_t i = 0; i < header.size(); ++i) cells[header[i]] = row.fields[i];
      Event e;
      bool publish = true;
      Status s = EventOfRow(cells, actor, &e, &publish);
      if (s.ok() && !CanOrganiseFor(actor, e.org_id)) {
        s = Forbidden("only the organisation's admins and platform admins organise its events");
      }
      if (s.ok()) {
        e.status = publish ? EventStatus::kPublished : EventStatus::kDraft;
        e.created_by = *actor.id();
        e.created_at = e.updated_at = now;
        s = tx.Nested([&](StoreTx& inner) -> Status {
          KC_RETURN_IF_ERROR(Check(inner, e));
          auto id = inner.events().InsertEvent(e);
          if (!id.ok()) return id.status();
          return inner.AppendAudit(
              AuditOf(now, actor.id(), "event", *id, "import", {{"line", row.line}}));
        });
      }
      if (!s.ok()) {
        if (IsStoreFailure(s)) {
          return s;  // the database failed, not the line
        }
        report.failed.push_back({row.line, s});
        continue;
      }
      ++report.created;
    }
    return Status::Ok();
  }));
  return report;
}

}  // namespace kc
