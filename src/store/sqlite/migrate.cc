#include "store/sqlite/migrate.h"

#include <set>
#include <string>

#include "core/resources.h"
#include "store/migration_plan.h"

namespace kc::sqlite {

constexpr std::string_view kDir = "src/store/sqlite/migrations/";

Result<int> Migrate(Connection& conn) {
  KC_RETURN_IF_ERROR(conn.Exec(
      "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, applied_at INTEGER "
      "NOT NULL)"));
  // Each migration is applied unless its own number is recorded (store/migration_plan.h).
  std::set<int> applied;
  {
    auto stmt = conn.Prepare("SELECT version FROM schema_version");
    if (!stmt.ok()) return stmt.status();
    while ((*stmt)->Step()) applied.insert(static_cast<int>((*stmt)->Int(0)));
    KC_RETURN_IF_ERROR((*stmt)->status());
  }
  auto plan = PlanMigrations(kDir, applied);
  if (!plan.ok()) return plan.status();
  for (const auto& [n, path] : plan->pending) {
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
  return plan->last;
}

}  // namespace kc::sqlite
