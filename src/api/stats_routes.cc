// GET /stats (the dashboard's figures) and a service agency's record of brokered deals.
#include "api/json_io.h"
#include "api/routes.h"
#include "api/schemas.h"

namespace kc::api {

namespace {

using http::bhttp::verb;

json Rows(const std::vector<CountRow>& rows) {
  json out = json::array();
  for (const auto& r : rows) out.push_back({{"key", r.key}, {"n", r.n}});
  return out;
}

http::Response GetStats(Context& ctx, http::Request&) {
  KC_ASSIGN_OR_RESPOND(st, ctx.stats->Platform());
  return JsonResponse(200, {{"demands",
                             {{"by_month", Rows(st->demands_by_month)},
                              {"by_category", Rows(st->demands_by_category)},
                              {"by_region", Rows(st->demands_by_region)}}},
                            {"achievements",
                             {{"by_month", Rows(st->achievements_by_month)},
                              {"by_category", Rows(st->achievements_by_category)},
                              {"by_region", Rows(st->achievements_by_region)}}},
                            {"deals",
                             {{"by_month", Rows(st->deals_by_month)},
                              {"by_category", Rows(st->deals_by_category)},
                              {"by_region", Rows(st->deals_by_region)}}},
                            {"funnel",
                             {{"matches_shown", st->matches_shown},
                              {"deals_opened", st->deals_opened},
                              {"signed", st->deals_signed},
                              {"registered", st->deals_registered}}},
                            {"declined_by_reason", Rows(st->declined_by_reason)}});
}

http::Response GetAgencyRecord(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(id, ParseId(req.Param("id"), "id"));
  KC_ASSIGN_OR_RESPOND(r, ctx.stats->AgencyRecordOf(*id));
  return JsonResponse(
      200, {{"deals", r->deals},
            {"signed", r->signed_deals},
            {"registered", r->registered},
            {"registered_amount_cny", r->registered_amount_cny},
            {"fields", Rows(r->fields)},
            {"median_days_to_signature",
             r->median_days_to_signature ? json(*r->median_days_to_signature) : json(nullptr)}});
}

}  // namespace

void RegisterStatsRoutes(http::Router& router, Context& ctx) {
  using namespace schema;
  json rows = {{"type", "array"}, {"items", Obj({{"key", Str()}, {"n", Int()}})}};
  json series = Obj({{"by_month", rows}, {"by_category", rows}, {"by_region", rows}});
  router.Add(verb::get, "/api/v1/stats",
             Guarded([&ctx](http::Request& r) { return GetStats(ctx, r); }),
             {.summary = "Published demands and achievements and opened deals per month, "
                         "category and province; the funnel from matches shown to deals opened, "
                         "signed and registered; declined deals by reason",
              .tag = "stats",
              .response = Obj({{"demands", series},
                               {"achievements", series},
                               {"deals", series},
                               {"funnel", Obj({{"matches_shown", Int()},
                                               {"deals_opened", Int()},
                                               {"signed", Int()},
                                               {"registered", Int()}})},
                               {"declined_by_reason", rows}})});
  router.Add(verb::get, "/api/v1/orgs/{id}/deal-record",
             Guarded([&ctx](http::Request& r) { return GetAgencyRecord(ctx, r); }),
             {.summary = "A service agency's brokered deals (技术交易品牌): count, registered "
                         "contract amount, fields, median days from intent to signature",
              .tag = "stats",
              .response = Obj({{"deals", Int()},
                               {"signed", Int()},
                               {"registered", Int()},
                               {"registered_amount_cny", Int()},
                               {"fields", rows},
                               {"median_days_to_signature", {{"type", {"number", "null"}}}}}),
              .errors = {404}});
}

}  // namespace kc::api
