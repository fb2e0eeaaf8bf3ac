// Building audit entries (the trail itself is append-only in the store).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "store/records.h"

namespace kc {

// An audit entry for `action` on `entity` #id by `actor` (empty for the system) at `now`.
inline AuditEntry AuditOf(int64_t now, std::optional<int64_t> actor, std::string entity, int64_t id,
                          std::string action, const nlohmann::json& detail) {
  AuditEntry e;
  e.at = now;
  e.actor_id = actor;
  e.entity = std::move(entity);
  e.entity_id = id;
  e.action = std::move(action);
  e.detail = detail.is_null() || detail.empty() ? "{}" : detail.dump();
  return e;
}

}  // namespace kc
