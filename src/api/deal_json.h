// JSON views of deals and what belongs to them, and their OpenAPI schemas.
#pragma once

#include <nlohmann/json.hpp>

#include "service/deals.h"

namespace kc::api {

// A deal as its parties see it: stage, parties, reason, contract, the achievement's confidential
// details once visible ("confidential": {"exists", "visible", "details"?}) and, when Get filled
// it in, the history.
nlohmann::json DealJson(const DealView& view);
nlohmann::json ContractJson(const Contract& contract);

nlohmann::json DealSchema();

}  // namespace kc::api
