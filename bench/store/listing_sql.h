// The SQL that today's store runs for the two measured reads, shared by the SOCI and layer
// variants so that they run exactly what the direct code runs (with `?` placeholders).
#pragma once

#include <string>

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

}  // namespace kc::bench
