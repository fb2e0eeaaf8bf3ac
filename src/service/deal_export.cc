// An organisation's deal history as CSV or XLSX, for its admins.
#include <filesystem>
#include <map>

#include "core/csv.h"
#include "core/news.h"
#include "service/deals.h"
#include "service/xlsx_writer.h"

namespace kc {

namespace {
// The export's times are Beijing time with the offset written (2026-12-01T09:30:00+08:00), as
// its readers (Chinese organisations' admins, their spreadsheets) expect.
constexpr int kExportUtcOffsetMinutes = 480;
}  // namespace

Result<std::string> Deals::ExportHistory(const Actor& actor, int64_t org_id, bool xlsx) {
  if (!actor.signed_in()) return Unauthorized();
  std::vector<std::vector<std::string>> rows = {{"deal_id", "title", "buyer", "seller", "broker",
                                                 "stage", "time", "actor", "action", "detail"}};
  KC_RETURN_IF_ERROR(store_.Read([&](StoreTx& tx) -> Status {
    KC_RETURN_IF_ERROR(tx.GetOrg(org_id));
    if (!actor.manages_org(org_id)) {
      return Forbidden("only the organisation's admins export its deals");
    }
    auto entries = tx.deals().AuditOfOrgDeals(org_id);
    if (!entries.ok()) return entries.status();
    std::map<int64_t, DealView> deals;
    std::map<int64_t, std::string> names;
    std::vector<int64_t> actors;
    for (const AuditEntry& e : *entries) {
      if (e.actor_id) actors.push_back(*e.actor_id);
    }
    auto users = tx.GetUsers(actors);  // one query for every name
    if (!users.ok()) return users.status();
    for (const User& u : *users) names[u.id] = u.username;
    // The organisation's deals with their parties, a page of 500 at a time.
    DealQuery q;
    q.org_ids = {org_id};
    q.limit = 500;
    for (;; q.offset += q.limit) {
      auto page = tx.deals().ListDeals(q);
      if (!page.ok()) return page.status();
      const size_t n = page->items.size();
      auto views = ViewsOf(tx, std::move(page->items));
      if (!views.ok()) return views.status();
      for (DealView& v : *views) deals.emplace(v.deal.id, std::move(v));
      if (n < static_cast<size_t>(q.limit)) break;
    }
    for (const AuditEntry& e : *entries) {
      if (!deals.count(e.entity_id)) {  // not listed (changed since): read on its own
        auto d = tx.deals().GetDeal(e.entity_id);
        if (!d.ok()) return d.status();
        auto v = ViewOf(tx, *d);
        if (!v.ok()) return v.status();
        deals.emplace(e.entity_id, std::move(*v));
      }
      if (e.actor_id && !names.count(*e.actor_id)) {
        names[*e.actor_id] = "#" + std::to_string(*e.actor_id);  // a user since removed
      }
      const DealView& v = deals.at(e.entity_id);
      // Text written by users goes behind the formula guard (core/csv.h); the id is a number.
      rows.push_back({std::to_string(v.deal.id), GuardFormula(v.deal.title),
                      GuardFormula(v.buyer.name), GuardFormula(v.seller.name),
                      v.broker ? GuardFormula(v.broker->name) : "",
                      std::string(DealStageName(v.deal.stage)),
                      IsoTimeWithOffset(e.at, kExportUtcOffsetMinutes),
                      e.actor_id ? GuardFormula(names[*e.actor_id]) : "system",
                      GuardFormula(e.action), GuardFormula(e.detail)});
    }
    return Status::Ok();
  }));
  if (xlsx) {
    return WriteXlsx(rows, "deals",
                     (std::filesystem::temp_directory_path() / "kechuang-export").string());
  }
  std::string csv = "\xEF\xBB\xBF";  // a BOM, so spreadsheet programs read UTF-8
  for (const auto& row : rows) csv += CsvLine(row);
  return csv;
}

}  // namespace kc
