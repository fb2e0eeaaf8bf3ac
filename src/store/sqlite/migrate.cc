#include "store/sqlite/migrate.h"

#include <map>
#include <set>
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
  // Each migration is applied unless its own number is recorded: numbers need not be
  // contiguous, and a migration merged later with a lower number than one already applied
  // still runs.
  std::set<int> applied;
  {
    auto stmt = conn.Prepare("SELECT version FROM schema_version");
    if (!stmt.ok()) return stmt.status();
    while ((*stmt)->Step()) applied.insert(static_cast<int>((*stmt)->Int(0)));
    KC_RETURN_IF_ERROR((*stmt)->status());
  }
  std::map<int, std::string_view> embedded;
  for (std::string_view path : ResourcesUnder(kDir)) {
    int n = NumberOf(path);
    if (n <= 0) continue;
    // Two branches that picked the same number must not lose one migration silently.
    if (!embedded.emplace(n, path).second) {
      return Internal("two migrations share number " + std::to_string(n) + ": " +
                      std::string(embedded[n]) + " and " + std::string(path));
    }
  }
  int last = embedded.empty() ? 0 : embedded.rbegin()->first;
  int newest_applied = applied.empty() ? 0 : *applied.rbegin();
  if (newest_applied > last) {
    return Internal("the database has schema version " + std::to_string(newest_applied) +
                    ", newer than this binary's " + std::to_string(last));
  }
  for (const auto& [n, path] : embedded) {
    if (applied.count(n)) continue;
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
  }
  return last;
}

}  // namespace kc::sqlite
