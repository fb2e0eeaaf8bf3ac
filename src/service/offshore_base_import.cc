// Bulk import of offshore bases from CSV (docs/bases.md, "Import"): every good row becomes a
// base, every bad one is reported with its line number, and nothing else is lost.
#include <algorithm>
#include <map>

#include "core/csv.h"
#include "core/trim.h"
#include "service/import_rows.h"
#include "service/offshore_bases.h"

namespace kc {

namespace {

// The column a header names: the API's field names, contact_name/contact_phone/contact_email,
// and the Chinese names a spreadsheet of bases would use; "" for a column that is not one.
std::string ColumnOf(std::string_view raw) {
  static const std::map<std::string, std::string, std::less<>> kNames = {
      {"name", "name"},
      {"名称", "name"},
      {"name_en", "name_en"},
      {"英文名称", "name_en"},
      {"country", "country"},
      {"国家", "country"},
      {"国家或地区", "country"},
      {"city", "city"},
      {"城市", "city"},
      {"org_id", "org_id"},
      {"host_name", "host_name"},
      {"依托单位", "host_name"},
      {"fields", "fields"},
      {"重点领域", "fields"},
      {"services", "services"},
      {"服务", "services"},
      {"服务内容", "services"},
      {"description", "description"},
      {"简介", "description"},
      {"contact_name", "contact_name"},
      {"联系人", "contact_name"},
      {"contact_phone", "contact_phone"},
      {"电话", "contact_phone"},
      {"contact_email", "contact_email"},
      {"邮箱", "contact_email"},
      {"电子邮箱", "contact_email"},
      {"website", "website"},
      {"网站", "website"},
      {"established", "established"},
      {"成立年份", "established"},
      {"status", "status"},
      {"状态", "status"},
      {"people", "people"},
      {"人员", "people"},
  };
  std::string h = Trim(raw);
  for (char& c : h) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  auto it = kNames.find(h);
  return it == kNames.end() ? "" : it->second;
}

// "王芳:主任" (or "王芳：主任") → {王芳, 主任}; a name alone has no role.
BasePerson PersonOf(const std::string& item) {
  BasePerson p;
  size_t colon = item.find(':');
  size_t wide = item.find("：");
  size_t width = 1;
  if (wide != std::string::npos && (colon == std::string::npos || wide < colon)) {
    colon = wide;
    width = std::string("：").size();
  }
  p.name = colon == std::string::npos ? item : item.substr(0, colon);
  p.role = colon == std::string::npos ? "" : item.substr(colon + width);
  return p;
}

// One row as a base and its people; 422 naming the column for a cell that cannot be read.
Status RowOf(const std::vector<std::string>& header, const std::vector<std::string>& cells,
             OffshoreBase* b, std::vector<BasePerson>* people) {
  if (cells.size() > header.size()) {
    return BadInput("extra_cells", "the row has more cells than the header");
  }
  for (size_t i = 0; i < cells.size(); ++i) {
    const std::string& col = header[i];
    const std::string cell(UnguardFormula(cells[i]));
    if (col.empty() || cell.empty()) continue;
    if (col == "name") b->name = cell;
    if (col == "name_en") b->name_en = cell;
    if (col == "country") b->country = cell;
    if (col == "city") b->city = cell;
    if (col == "host_name") b->host_name = cell;
    if (col == "description") b->description = cell;
    if (col == "website") b->website = cell;
    if (col == "established") b->established = cell;
    if (col == "contact_name") b->contact.name = cell;
    if (col == "contact_phone") b->contact.phone = cell;
    if (col == "contact_email") b->contact.email = cell;
    if (col == "fields") b->fields = SplitListField(cell);
    if (col == "services") b->services = SplitListField(cell);
    if (col == "people") {
      for (const auto& item : SplitListField(cell)) people->push_back(PersonOf(item));
    }
    if (col == "org_id") {
      int64_t id = 0;
      for (char c : Trim(cell)) {
        if (c < '0' || c > '9' || id > 1'000'000'000'000) {
          return Invalid("org_id", "invalid_type", "org_id must be a number, not '" + cell + "'");
        }
        id = id * 10 + (c - '0');
      }
      b->org_id = id;
    }
    if (col == "status") {
      auto s = BaseStatusFromName(Trim(cell));
      if (!s) return Invalid("status", "invalid_status", "status is draft, published or closed");
      b->status = *s;
    }
  }
  return Status::Ok();
}

}  // namespace

Result<ImportReport> OffshoreBases::Import(const Actor& actor, std::string_view bytes) {
  if (!actor.signed_in()) return Unauthorized();
  if (!actor.is_admin() && !(actor.user->org_id && actor.manages_org(*actor.user->org_id))) {
    return Forbidden("platform admins and org admins import bases");
  }
  ImportReport report;
  auto csv = ReadCsvRows(bytes, ColumnOf, &report);
  if (!csv.ok()) return csv.status();
  if (csv->rows.size() > kMaxImportRows) {
    return BadInput("too_many_rows", "at most " + std::to_string(kMaxImportRows) + " bases a file");
  }
  KC_RETURN_IF_ERROR(ImportRows(
      store_, csv->rows,
      [&](StoreTx& tx, const std::vector<std::string>& cells) -> Status {
        OffshoreBase b;
        std::vector<BasePerson> people;
        // An org admin's rows are their organisation's unless they say otherwise (and then fail).
        if (!actor.is_admin()) b.org_id = actor.user->org_id;
        KC_RETURN_IF_ERROR(RowOf(csv->header, cells, &b, &people));
        auto base = CreateIn(tx, actor, std::move(b));
        if (!base.ok()) return base.status();
        if (people.empty()) return Status::Ok();
        return SetPeopleIn(tx, actor, base->id, std::move(people)).status();
      },
      &report));
  return report;
}

}  // namespace kc
