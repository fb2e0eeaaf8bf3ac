// The production backend: the SqlStore (store/sql/sql_store.h) on PostgreSQL 15 through libpqxx,
// for several stateless nodes sharing one database. The same code and semantics as on SQLite;
// writes are serialised across every node by an advisory lock, reads run in REPEATABLE READ
// snapshots, and a lost server is reported as Unavailable until it is back (connections are
// re-opened by themselves).
#pragma once

#include <memory>
#include <string>

#include "core/status.h"
#include "store/store.h"

namespace kc {

// True for the --db values this backend accepts (postgres://… or postgresql://…).
bool IsPostgresUrl(std::string_view db);

// Connects to `url`, applies pending migrations and returns the store with a pool of
// `connections` connections (extra callers wait for a free one).
Result<std::unique_ptr<Store>> OpenPostgresStore(const std::string& url, int connections = 8);

}  // namespace kc
