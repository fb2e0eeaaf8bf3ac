// The REST API (DESIGN §5): every route of /api/v1, registered with its OpenAPI documentation.
#pragma once

#include "api/context.h"
#include "http/router.h"

namespace kc::api {

// Registers every route on `router`. `ctx` must outlive the router.
void RegisterRoutes(http::Router& router, Context& ctx);

// The groups, one file each.
void RegisterMetaRoutes(http::Router& router, Context& ctx);
void RegisterAuthRoutes(http::Router& router, Context& ctx);
void RegisterUserRoutes(http::Router& router, Context& ctx);
void RegisterOrgRoutes(http::Router& router, Context& ctx);
void RegisterMembershipRoutes(http::Router& router, Context& ctx);
void RegisterListingRoutes(http::Router& router, Context& ctx);
void RegisterImportRoutes(http::Router& router, Context& ctx);
void RegisterSearchRoutes(http::Router& router, Context& ctx);
void RegisterSubscriptionRoutes(http::Router& router, Context& ctx);
void RegisterDealRoutes(http::Router& router, Context& ctx);
void RegisterChallengeRoutes(http::Router& router, Context& ctx);
void RegisterStatsRoutes(http::Router& router, Context& ctx);
void RegisterNewsRoutes(http::Router& router, Context& ctx);
void RegisterCampaignRoutes(http::Router& router, Context& ctx);
void RegisterProgrammeBodyRoutes(http::Router& router, Context& ctx);
void RegisterNetRoutes(http::Router& router, Context& ctx);
void RegisterEventRoutes(http::Router& router, Context& ctx);
void RegisterOffshoreBaseRoutes(http::Router& router, Context& ctx);
void RegisterActionPlanRoutes(http::Router& router, Context& ctx);

}  // namespace kc::api
