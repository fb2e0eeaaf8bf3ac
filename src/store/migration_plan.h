// Which numbered migrations a database still needs, the same rule for every backend: each
// embedded migration DIR/NNN_name.sql runs unless its own number is recorded, so numbers may have
// gaps and a migration merged later with a lower number than one already applied still runs.
#pragma once

#include <set>
#include <string_view>
#include <utility>
#include <vector>

#include "core/status.h"

namespace kc {

struct MigrationPlan {
  int last = 0;  // the highest embedded number (0 without migrations)
  // The migrations to apply, in number order: (number, resource path).
  std::vector<std::pair<int, std::string_view>> pending;
};

// The plan for a database that recorded `applied`, from the resources under `dir` (ending in
// '/'). Internal when two migrations share a number, or when the database has a number above
// the last embedded one (it is newer than this binary).
Result<MigrationPlan> PlanMigrations(std::string_view dir, const std::set<int>& applied);

// "…/007_x.sql" under `dir` → 7; 0 when the name has no number.
int MigrationNumber(std::string_view dir, std::string_view path);

}  // namespace kc
