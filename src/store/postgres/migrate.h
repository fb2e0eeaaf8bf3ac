// Numbered schema migrations for PostgreSQL, applied at start and recorded in `schema_version`.
#pragma once

#include <pqxx/pqxx>

#include "core/status.h"

namespace kc::pg {

// Applies every embedded migration src/store/postgres/migrations/NNN_*.sql whose number is above
// the recorded version, all in one transaction under an advisory lock (several nodes may start
// at once), and returns the resulting version. A database newer than this binary is refused.
Result<int> Migrate(pqxx::connection& conn);

}  // namespace kc::pg
