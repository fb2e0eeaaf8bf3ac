#include "store/migration_plan.h"

#include <map>
#include <string>

#include "core/resources.h"

namespace kc {

int MigrationNumber(std::string_view dir, std::string_view path) {
  std::string_view name = path.substr(dir.size());
  int n = 0;
  for (char c : name) {
    if (c < '0' || c > '9') break;
    n = n * 10 + (c - '0');
  }
  return n;
}

Result<MigrationPlan> PlanMigrations(std::string_view dir, const std::set<int>& applied) {
  std::map<int, std::string_view> embedded;
  for (std::string_view path : ResourcesUnder(dir)) {
    int n = MigrationNumber(dir, path);
    if (n <= 0) continue;
    // Two branches that picked the same number must not lose one migration silently.
    if (!embedded.emplace(n, path).second) {
      return Internal("two migrations share number " + std::to_string(n) + ": " +
                      std::string(embedded[n]) + " and " + std::string(path));
    }
  }
  MigrationPlan plan;
  plan.last = embedded.empty() ? 0 : embedded.rbegin()->first;
  int newest_applied = applied.empty() ? 0 : *applied.rbegin();
  if (newest_applied > plan.last) {
    return Internal("the database has schema version " + std::to_string(newest_applied) +
                    ", newer than this binary's " + std::to_string(plan.last));
  }
  for (const auto& [n, path] : embedded) {
    if (!applied.count(n)) plan.pending.emplace_back(n, path);
  }
  return plan;
}

}  // namespace kc
