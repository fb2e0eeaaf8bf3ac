// What every importer (listings, events, offshore bases, plan tasks) does with a row that
// failed, and with its report at the end (docs/import.md): a row is blamed for its own bad
// input only; when the database fails the whole import stops.
#pragma once

#include <vector>

#include "core/status.h"
#include "service/importer.h"

namespace kc {

// True when `row_status` is the database's failure (internal, unavailable, storage full) rather
// than the row's: the import must stop and return it instead of reporting the row.
bool IsStoreFailure(const Status& row_status);

// Adds `created` rows and the `failed` ones to `report`, its failures in line order.
void AddRows(int created, std::vector<ImportFailure> failed, ImportReport* report);

}  // namespace kc
