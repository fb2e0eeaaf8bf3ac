#include "store/sqlite/migrate.h"

#include <string>

#include "core/resources.h"

namespace kc::sqlite {

namespace {
constexpr std::string_view kDir = "src/store/sqlite/migrations/";

// "src/store/sqlite/migrations/007_x.sql" → 7; 0 when the name has no number.
int NumberOf(std::string_view path) {
  std::string_view name = path.substr(kDir.size());
  int n = 0;
  for (char c : name) {
    if (c < '0' || c > '9') break;
    n = n * 10 + (c - '0');
  }
  return n;
}
}  // namespace

Result<int> Migrate(Connection& conn) {
  KC_RETURN_IF_ERROR(conn.Exec(
      "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, applied_at INTEGER "
      "NOT NULL)"));
  int current = 0;
  {
    auto stmt = conn.Prepare("SELECT COALESCE(MAX(version), 0) FROM schema_version");
    if (!stmt.ok()) return stmt.status();
    if ((*stmt)->Step()) current = static_cast<int>((*stmt)->Int(0));
    KC_RETURN_IF_ERROR((*stmt)->status());
  }
  int last = 0;
  for (std::string_view path : ResourcesUnder(kDir)) {
    int n = NumberOf(path);
    if (n <= 0) continue;
    last = std::max(last, n);
    if (n <= current) continue;
    KC_RETURN_IF_ERROR(conn.Exec("BEGIN IMMEDIATE"));
    Status s = conn.Exec(*Resource(path));
    if (s.ok()) {
      s = conn.Exec("INSERT INTO schema_version (version, applied_at) VALUES (" +
                    std::to_string(n) + ", strftime('%s','now'))");
    }
    if (!s.ok()) {
      (void)conn.Exec("ROLLBACK");
      return Internal("migration " + std::string(path) + " failed: " + s.message());
    }
    KC_RETURN_IF_ERROR(conn.Exec("COMMIT"));
    current = n;
  }
  if (current > last) {
    return Internal("the database has schema version " + std::to_string(current) +
                    ", newer than this binary's " + std::to_string(last));
  }
  return current;
}

}  // namespace kc::sqlite
