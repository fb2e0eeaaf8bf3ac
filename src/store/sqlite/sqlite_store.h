// The embedded backend: the SqlStore (store/sql/sql_store.h) on one SQLite file in WAL mode; one
// writer, many readers.
#pragma once

#include <memory>
#include <string>

#include "core/status.h"
#include "store/store.h"

namespace kc {

// Opens the database at `path` (created when missing) and applies pending migrations.
// `readers` is the number of pooled read connections (extra readers wait for a free one).
Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path, int readers = 8);

}  // namespace kc
