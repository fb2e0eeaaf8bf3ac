#include "api/routes.h"

namespace kc::api {

void RegisterRoutes(http::Router& router, Context& ctx) {
  RegisterMetaRoutes(router, ctx);
  RegisterAuthRoutes(router, ctx);
  RegisterUserRoutes(router, ctx);
  RegisterOrgRoutes(router, ctx);
  RegisterMembershipRoutes(router, ctx);
  RegisterListingRoutes(router, ctx);
  RegisterImportRoutes(router, ctx);
  RegisterSearchRoutes(router, ctx);
  RegisterSubscriptionRoutes(router, ctx);
  if (ctx.deals) RegisterDealRoutes(router, ctx);
  if (ctx.challenges) RegisterChallengeRoutes(router, ctx);
  if (ctx.stats) RegisterStatsRoutes(router, ctx);
  RegisterNewsRoutes(router, ctx);
  RegisterCampaignRoutes(router, ctx);
  RegisterProgrammeBodyRoutes(router, ctx);
  RegisterNetRoutes(router, ctx);
  if (ctx.events) RegisterEventRoutes(router, ctx);
  RegisterOffshoreBaseRoutes(router, ctx);
  RegisterActionPlanRoutes(router, ctx);
}

}  // namespace kc::api
