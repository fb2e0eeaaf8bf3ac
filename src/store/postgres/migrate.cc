#include "store/postgres/migrate.h"

#include <set>
#include <string>

#include "core/resources.h"
#include "store/migration_plan.h"
#include "store/postgres/error.h"
#include "store/postgres/locks.h"

namespace kc::pg {

constexpr std::string_view kDir = "src/store/postgres/migrations/";

Result<int> Migrate(pqxx::connection& conn) {
  try {
    pqxx::work tx(conn);
    tx.exec("SELECT pg_advisory_xact_lock(" + std::to_string(kMigrationLock) + ")");
    tx.exec(
        "CREATE TABLE IF NOT EXISTS schema_version (version BIGINT NOT NULL, applied_at BIGINT "
        "NOT NULL)");
    // Each migration is applied unless its own number is recorded (store/migration_plan.h).
    std::set<int> applied;
    for (const auto& row : tx.exec("SELECT version FROM schema_version")) {
      applied.insert(row[0].as<int>());
    }
    auto plan = PlanMigrations(kDir, applied);
    if (!plan.ok()) return plan.status();
    for (const auto& [n, path] : plan->pending) {
      try {
        tx.exec(std::string(*Resource(path)));
      } catch (const std::exception& e) {
        return Internal("migration " + std::string(path) + " failed: " + e.what());
      }
      tx.exec("INSERT INTO schema_version (version, applied_at) VALUES (" + std::to_string(n) +
              ", EXTRACT(EPOCH FROM now())::bigint)");
    }
    tx.commit();
    return plan->last;
  } catch (const std::exception& e) {
    return ErrorFrom(e);
  }
}

}  // namespace kc::pg
