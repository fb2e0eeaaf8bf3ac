// The advisory lock keys the PostgreSQL store uses; one place so that no two uses collide.
#pragma once

#include <cstdint>

namespace kc::pg {

// Held by every write transaction: writes are serialised across all nodes, so change-log
// sequence numbers grow in commit order (the indexers read the log by sequence).
constexpr int64_t kWriteLock = 0x6b630001;
// Held while migrations run, so that nodes starting together migrate once.
constexpr int64_t kMigrationLock = 0x6b630002;
// Held for as long as a node is the one that runs the background jobs (session level).
constexpr int64_t kJobsLock = 0x6b630003;

}  // namespace kc::pg
