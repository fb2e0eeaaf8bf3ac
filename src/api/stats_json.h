// JSON of the dashboard's figures (统计) and of a service agency's record of brokered deals
// (技术交易品牌). Each writer stands beside the OpenAPI schema of what it writes, and the routes
// document their responses with these schemas, so the two change together; the response check
// (docs/api.md, "The document is checked") and tests/api/stats_json_test.cc compare them.
#pragma once

#include <nlohmann/json.hpp>

#include "service/statistics.h"

namespace kc::api {

// Demands, achievements and deals per month, category and province; the funnel from matches
// shown to registered contracts; declined deals by reason. Each series is [{key, n}].
nlohmann::json PlatformStatsJson(const PlatformStats& stats);
nlohmann::json PlatformStatsSchema();

// An agency's brokered deals: counts, the registered amount, the fields, and the median days
// from intent to signature (null before a first signature).
nlohmann::json AgencyRecordJson(const AgencyRecord& record);
nlohmann::json AgencyRecordSchema();

}  // namespace kc::api
