// libpqxx's exceptions as Status values, for every PostgreSQL statement of the store (the SQL
// layer's connection, migrations).
#pragma once

#include <exception>

#include "core/status.h"

namespace kc::pg {

// The Status for a failed statement: a unique violation becomes a Conflict naming the last
// column of the violated key (as SQLite's is named), a lost connection or a server shutting
// down Unavailable, a full disk StorageFull, a read-only server ReadOnlyStorage, the rest
// Internal.
Status ErrorFrom(const std::exception& e);

}  // namespace kc::pg
