#include "api/stats_json.h"

#include <gtest/gtest.h>

#include "api/schema_check.h"

namespace kc::api {
namespace {

using nlohmann::json;

TEST(StatsJsonTest, FiguresAndRecordsValidateAgainstTheirSchemas) {
  PlatformStats st;
  st.demands_by_month = {{"2026-01", 3}, {"2026-02", 5}};
  st.deals_by_region = {{"广东", 2}};
  st.declined_by_reason = {{"price", 1}};
  st.matches_shown = 40;
  st.deals_signed = 2;
  json j = PlatformStatsJson(st);
  EXPECT_EQ(j["demands"]["by_month"][1], json({{"key", "2026-02"}, {"n", 5}}));
  EXPECT_EQ(j["funnel"]["signed"], 2);
  EXPECT_EQ(j["achievements"]["by_region"], json::array());
  testing::ExpectValid(PlatformStatsSchema(), {j, PlatformStatsJson(PlatformStats{})});

  AgencyRecord none;
  AgencyRecord some;
  some.deals = 3;
  some.signed_deals = 1;
  some.fields = {{"材料科学", 2}};
  some.median_days_to_signature = 12.5;
  EXPECT_TRUE(AgencyRecordJson(none)["median_days_to_signature"].is_null());
  EXPECT_EQ(AgencyRecordJson(some)["median_days_to_signature"], 12.5);
  testing::ExpectValid(AgencyRecordSchema(), {AgencyRecordJson(none), AgencyRecordJson(some)});
}

}  // namespace
}  // namespace kc::api
