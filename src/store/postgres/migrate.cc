#include "store/postgres/migrate.h"

#include <string>

#include "core/resources.h"
#include "store/postgres/locks.h"
#include "store/postgres/query.h"

namespace kc::pg {

namespace {
constexpr std::string_view kDir = "src/store/postgres/migrations/";

// "src/store/postgres/migrations/007_x.sql" → 7; 0 when the name has no number.
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

Result<int> Migrate(pqxx::connection& conn) {
  try {
    pqxx::work tx(conn);
    tx.exec("SELECT pg_advisory_xact_lock(" + std::to_string(kMigrationLock) + ")");
    tx.exec(
        "CREATE TABLE IF NOT EXISTS schema_version (version BIGINT NOT NULL, applied_at BIGINT "
        "NOT NULL)");
    int current = tx.exec1("SELECT COALESCE(MAX(version), 0) FROM schema_version")[0].as<int>();
    int last = 0;
    for (std::string_view path : ResourcesUnder(kDir)) {
      int n = NumberOf(path);
      if (n <= 0) continue;
      last = std::max(last, n);
      if (n <= current) continue;
      try {
        tx.exec(std::string(*Resource(path)));
      } catch (const std::exception& e) {
        return Internal("migration " + std::string(path) + " failed: " + e.what());
      }
      tx.exec("INSERT INTO schema_version (version, applied_at) VALUES (" + std::to_string(n) +
              ", EXTRACT(EPOCH FROM now())::bigint)");
      current = n;
    }
    if (current > last) {
      return Internal("the database has schema version " + std::to_string(current) +
                      ", newer than this binary's " + std::to_string(last));
    }
    tx.commit();
    return current;
  } catch (const std::exception& e) {
    return ErrorFrom(e);
  }
}

}  // namespace kc::pg
