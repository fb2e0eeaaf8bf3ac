// Numbered schema migrations for PostgreSQL, applied at start and recorded in `schema_version`.
#pragma once

#include <pqxx/pqxx>

#include "core/status.h"

namespace kc::pg {

// Applies every embedded migration src/store/postgres/migrations/NNN_*.sql whose number is not
// recorded yet (store/migration_plan.h), all in one transaction under an advisory lock (several
// nodes may start at once), and returns the highest embedded number. A database newer than this
// binary is refused.
Result<int> Migrate(pqxx::connection& conn);

}  // namespace kc::pg
