// Numbered schema migrations, applied in order at start and recorded in `schema_version`.
#pragma once

#include "core/status.h"
#include "store/sqlite/connection.h"

namespace kc::sqlite {

// Applies every embedded migration src/store/sqlite/migrations/NNN_*.sql whose number is above
// the recorded version, each in its own transaction, and returns the resulting version.
// A database newer than this binary (a version above the last migration) is refused.
Result<int> Migrate(Connection& conn);

}  // namespace kc::sqlite
