// In-app notices to the people of a deal's parties (stage changes, messages, documents).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "core/deal.h"
#include "store/store.h"

namespace kc {

// Notifies every active user of the deal's buyer, seller and broker organisations except
// `actor_id` (who did it), inside `tx`. `kind` is a Notification kind ("deal_stage", …) and
// `message` says what happened. Returns the number of notices written.
// `detail` holds what happened as codes and values (Notification::detail).
Result<int> NotifyDealParties(StoreTx& tx, const Deal& deal, std::optional<int64_t> actor_id,
                              const std::string& kind, const std::string& message, int64_t now,
                              const nlohmann::json& detail = nlohmann::json::object());

}  // namespace kc
