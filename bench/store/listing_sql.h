// The SQL that the store ran for the two measured reads before the SQL layer, shared by the
// direct, SOCI and layer variants so that they run exactly the same (with `?` placeholders), and
// the mapping of a listing's columns they share.
#pragma once

#include <string>

#include "core/listing.h"
#include "store/json_columns.h"
#include "store/listing_columns.h"

namespace kc::bench {

inline std::string PointReadSql() {
  return std::string("SELECT ") + kListingCols + " FROM listings WHERE id = ?";
}

// SQLite: the total (from the trigger-kept counts) and the page, two statements.
inline std::string SqliteCountSql() {
  return "SELECT COALESCE(SUM(n), 0) FROM listing_counts WHERE kind = ? AND status = ?";
}
inline std::string SqlitePageSql() {
  return "SELECT " + kListingSummaryCols +
         " FROM listings WHERE kind = ? AND status = ? ORDER BY id DESC LIMIT ? OFFSET ?";
}

// PostgreSQL: the total and the page in one round trip. Parameters: kind, status (an array),
// kind, status, limit, offset.
inline std::string PostgresListSql() {
  return "SELECT (SELECT COALESCE(SUM(n), 0) FROM listing_counts WHERE kind = ? AND status = "
         "?)::bigint, pg.* FROM (SELECT 1) one LEFT JOIN (SELECT " +
         kListingSummaryCols +
         " FROM listings WHERE kind = ? AND status = ANY(?::text[]) ORDER BY id DESC LIMIT ? "
         "OFFSET ?) pg ON true";
}

// The listing in the columns of kListingCols of `s` from column `c0` on, mapped as the stores map
// it, for any row reader with Int, OptInt and Text (a sql::Row, a sqlite::Stmt, …).
template <typename R>
Listing ListingFromColumns(const R& s, int c0) {
  auto at = [c0](int i) { return c0 + i; };
  Listing l;
  l.id = s.Int(at(0));
  l.kind = KindFromName(s.Text(at(1))).value_or(ListingKind::kDemand);
  l.org_id = s.Int(at(2));
  l.owner_id = s.Int(at(3));
  l.ref = s.Text(at(4));
  l.title = s.Text(at(5));
  l.body = s.Text(at(6));
  l.keywords = SplitArray(s.Text(at(7)));
  l.category = s.Text(at(8));
  l.discipline = s.Text(at(9));
  l.region = s.Text(at(10));
  l.status = StatusFromName(s.Text(at(11))).value_or(ListingStatus::kDraft);
  l.reject_reason = s.Text(at(12));
  l.visibility = VisibilityFromName(s.Text(at(13))).value_or(Visibility::kPublic);
  l.contact = ContactFrom(s.Text(at(14)));
  l.demo = s.Int(at(15)) != 0;
  l.created_at = s.Int(at(16));
  l.updated_at = s.Int(at(17));
  l.published_at = s.Int(at(18));
  l.expires_at = s.Int(at(19));
  l.budget.min_cny = s.OptInt(at(20));
  l.budget.max_cny = s.OptInt(at(21));
  l.deadline = s.Text(at(22));
  l.cooperation_modes = SplitArray(s.Text(at(23)));
  if (auto m = s.OptInt(at(24))) l.maturity = static_cast<int>(*m);
  l.patents = SplitArray(s.Text(at(25)));
  l.transfer_modes = SplitArray(s.Text(at(26)));
  l.price.min_cny = s.OptInt(at(27));
  l.price.max_cny = s.OptInt(at(28));
  l.inventors = SplitArray(s.Text(at(29)));
  l.rank = s.Text(at(30));
  l.affiliation = s.Text(at(31));
  l.disciplines = SplitArray(s.Text(at(32)));
  return l;
}

}  // namespace kc::bench
