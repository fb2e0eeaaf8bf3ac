// GET /stats (the dashboard's figures) and a service agency's record of brokered deals.
#include "api/json_io.h"
#include "api/routes.h"
#include "api/stats_json.h"

namespace kc::api {

namespace {

using http::bhttp::verb;

http::Response GetStats(Context& ctx, http::Request&) {
  KC_ASSIGN_OR_RESPOND(st, ctx.stats->Platform());
  return JsonResponse(200, PlatformStatsJson(*st));
}

http::Response GetAgencyRecord(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(id, ParseId(req.Param("id"), "id"));
  KC_ASSIGN_OR_RESPOND(r, ctx.stats->AgencyRecordOf(*id));
  return JsonResponse(200, AgencyRecordJson(*r));
}

}  // namespace

void RegisterStatsRoutes(http::Router& router, Context& ctx) {
  router.Add(verb::get, "/api/v1/stats",
             Guarded([&ctx](http::Request& r) { return GetStats(ctx, r); }),
             {.summary = "Published demands and achievements and opened deals per month, "
                         "category and province; the funnel from matches shown to deals opened, "
                         "signed and registered; declined deals by reason",
              .tag = "stats",
              .response = PlatformStatsSchema()});
  router.Add(verb::get, "/api/v1/orgs/{id}/deal-record",
             Guarded([&ctx](http::Request& r) { return GetAgencyRecord(ctx, r); }),
             {.summary = "A service agency's brokered deals (技术交易品牌): count, registered "
                         "contract amount, fields, median days from intent to signature",
              .tag = "stats",
              .response = AgencyRecordSchema(),
              .errors = {404}});
}

}  // namespace kc::api
