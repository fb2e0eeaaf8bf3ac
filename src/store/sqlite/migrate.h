// Numbered schema migrations, applied in order at start and recorded in `schema_version`.
#pragma once

#include "core/status.h"
#include "store/sqlite/connection.h"

namespace kc::sqlite {

// Applies every embedded migration src/store/sqlite/migrations/NNN_*.sql whose number is not
// recorded yet, in number order, each in its own transaction, and returns the highest embedded
// number. Numbers may have gaps, and a migration with a lower number than one already applied
// still runs (branches merged in either order). A database newer than this binary (a recorded
// version above the last embedded migration) is refused before anything is applied.
Result<int> Migrate(Connection& conn);

}  // namespace kc::sqlite
