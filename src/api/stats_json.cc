#include "api/stats_json.h"

#include "api/schemas.h"

namespace kc::api {

using nlohmann::json;

namespace {

json Rows(const std::vector<CountRow>& rows) {
  json out = json::array();
  for (const auto& r : rows) out.push_back({{"key", r.key}, {"n", r.n}});
  return out;
}

json RowsSchema() {
  using namespace schema;
  return {{"type", "array"}, {"items", Obj({{"key", Str()}, {"n", Int()}})}};
}

}  // namespace

json PlatformStatsJson(const PlatformStats& st) {
  return {{"demands",
           {{"by_month", Rows(st.demands_by_month)},
            {"by_category", Rows(st.demands_by_category)},
            {"by_region", Rows(st.demands_by_region)}}},
          {"achievements",
           {{"by_month", Rows(st.achievements_by_month)},
            {"by_category", Rows(st.achievements_by_category)},
            {"by_region", Rows(st.achievements_by_region)}}},
          {"deals",
           {{"by_month", Rows(st.deals_by_month)},
            {"by_category", Rows(st.deals_by_category)},
            {"by_region", Rows(st.deals_by_region)}}},
          {"funnel",
           {{"matches_shown", st.matches_shown},
            {"deals_opened", st.deals_opened},
            {"signed", st.deals_signed},
            {"registered", st.deals_registered}}},
          {"declined_by_reason", Rows(st.declined_by_reason)}};
}

json PlatformStatsSchema() {
  using namespace schema;
  const json rows = RowsSchema();
  const json series = Obj({{"by_month", rows}, {"by_category", rows}, {"by_region", rows}});
  return Obj({{"demands", series},
              {"achievements", series},
              {"deals", series},
              {"funnel", Obj({{"matches_shown", Int()},
                              {"deals_opened", Int()},
                              {"signed", Int()},
                              {"registered", Int()}})},
              {"declined_by_reason", rows}});
}

json AgencyRecordJson(const AgencyRecord& r) {
  return {{"deals", r.deals},
          {"signed", r.signed_deals},
          {"registered", r.registered},
          {"registered_amount_cny", r.registered_amount_cny},
          {"fields", Rows(r.fields)},
          {"median_days_to_signature",
           r.median_days_to_signature ? json(*r.median_days_to_signature) : json(nullptr)}};
}

json AgencyRecordSchema() {
  using namespace schema;
  return Obj({{"deals", Int()},
              {"signed", Int()},
              {"registered", Int()},
              {"registered_amount_cny", Int()},
              {"fields", RowsSchema()},
              {"median_days_to_signature", {{"type", {"number", "null"}}}}});
}

}  // namespace kc::api
