#include "service/exporter.h"

#include <nlohmann/json.hpp>

#include "core/csv.h"
#include "service/listing_json.h"
#include "service/listing_policy.h"

namespace kc {

namespace {

std::vector<std::string> CsvColumns(ListingKind kind) {
  std::vector<std::string> cols = {"id", "ref", "status", "org", "title"};
  if (kind == ListingKind::kExpert) cols = {"id", "ref", "status", "org", "name", "title"};
  cols.push_back(BodyField(kind));
  for (const char* c : {"keywords", "category", "discipline", "region"}) cols.push_back(c);
  switch (kind) {
    case ListingKind::kDemand:
      for (const char* c : {"budget_min", "budget_max", "deadline", "cooperation_modes"}) {
        cols.push_back(c);
      }
      break;
    case ListingKind::kAchievement:
      for (const char* c :
           {"maturity", "patents", "transfer_modes", "price_min", "price_max", "inventors"}) {
        cols.push_back(c);
      }
      break;
    case ListingKind::kExpert:
      for (const char* c : {"affiliation", "disciplines"}) cols.push_back(c);
      break;
    case ListingKind::kTalent:
      for (const char* c : {"name", "rank", "affiliation", "disciplines", "country", "talent_type",
                            "seeking", "languages"}) {
        cols.push_back(c);
      }
      break;
    case ListingKind::kTalentDemand:
      for (const char* c :
           {"budget_min", "budget_max", "deadline", "offers", "talent_type", "languages"}) {
        cols.push_back(c);
      }
      break;
  }
  for (const char* c : {"visibility", "contact_name", "contact_phone", "contact_email",
                        "published_at", "expires_at"}) {
    cols.push_back(c);
  }
  return cols;
}

// The cell of column `col`: text (strings, lists) behind the formula guard (core/csv.h), numbers
// as they are.
std::string Cell(const nlohmann::json& j, const std::string& col) {
  auto text = [](const nlohmann::json& v) -> std::string {
    if (v.is_null()) return "";
    if (v.is_string()) return GuardFormula(v.get<std::string>());
    if (v.is_array()) {
      std::string out;
      for (const auto& e : v) out += (out.empty() ? "" : "; ") + e.get<std::string>();
      return GuardFormula(out);
    }
    return v.dump();
  };
  if (col == "org") return j.contains("org") ? text(j["org"]["name"]) : "";
  if (col.starts_with("budget_") || col.starts_with("price_") || col.starts_with("contact_")) {
    auto us = col.find('_');
    std::string obj = col.substr(0, us);
    std::string key = col.substr(us + 1);
    if (obj != "contact") key += "_cny";
    if (!j.contains(obj) || !j[obj].contains(key)) return "";
    return text(j[obj][key]);
  }
  return j.contains(col) ? text(j[col]) : "";
}

}  // namespace

Result<std::string> Exporter::Export(const Actor& actor, ListingKind kind, ListingQuery query,
                                     ExportFormat format) {
  std::string out;
  std::vector<std::string> cols = CsvColumns(kind);
  if (format == ExportFormat::kCsv) out = "\xEF\xBB\xBF" + CsvLine(cols);
  query.kind = kind;
  query.limit = 500;
  query.offset = 0;
  while (true) {
    auto page = listings_.List(actor, query);
    if (!page.ok()) return page.status();
    for (const auto& item : page->items) {
      // Bulk export never carries other organisations' contact details.
      ViewLevel level = ViewLevelFor(actor, item.listing);
      if (level == ViewLevel::kMember) level = ViewLevel::kPublic;
      nlohmann::json j = ListingToJson(item.listing, &item.org, level);
      if (format == ExportFormat::kJsonl) {
        out += j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        out += '\n';
      } else {
        std::vector<std::string> row;
        for (const auto& c : cols) row.push_back(Cell(j, c));
        out += CsvLine(row);
      }
    }
    if (page->items.size() < static_cast<size_t>(query.limit)) break;
    query.offset += query.limit;
  }
  return out;
}

}  // namespace kc
