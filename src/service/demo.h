// The demo data set shipped in data/demo/: a dozen organisations with demands, achievements and
// expert profiles, and four events presenting them (dated from the first start), loaded on first
// start so that a new platform is not empty.
#pragma once

#include "core/clock.h"
#include "core/status.h"
#include "store/store.h"

namespace kc {

// Loads the embedded demo data once (remembered in the store's meta table), published and
// marked demo, owned by the user `owner_id` (the bootstrap admin). Returns the number of
// listings loaded, 0 when it was loaded before. All or nothing: one transaction.
Result<int> LoadDemo(Store& store, const Clock& clock, int64_t owner_id);

}  // namespace kc
