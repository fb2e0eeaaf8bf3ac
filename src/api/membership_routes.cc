// Requests to join an organisation: /me/join-request and /orgs/{id}/join-requests (docs/api.md
// "Organisations and membership").
#include "api/json_io.h"
#include "api/routes.h"
#include "api/schemas.h"
#include "api/user_json.h"

namespace kc::api {

namespace {

using http::bhttp::verb;

http::Response RequestToJoin(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, ctx.Authenticate(req, true));
  if (!actor->signed_in()) return http::ErrorResponse(Unauthorized());
  KC_ASSIGN_OR_RESPOND(body, ParseObject(req));
  std::optional<int64_t> org_id;
  Status s = AllowOnly(*body, {"org_id"});
  if (s.ok()) s = OptInt(*body, "org_id", &org_id);
  if (s.ok() && !org_id) s = Invalid("org_id", "required", "org_id is required");
  if (!s.ok()) return http::ErrorResponse(s);
  KC_ASSIGN_OR_RESPOND(user, ctx.orgs.RequestToJoin(*actor, *org_id));
  return JsonResponse(201, UserJson(*user, *actor));
}

http::Response WithdrawRequest(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, ctx.Authenticate(req, true));
  KC_ASSIGN_OR_RESPOND(user, ctx.orgs.WithdrawRequest(*actor));
  return JsonResponse(200, UserJson(*user, *actor));
}

http::Response ListRequests(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, ctx.Authenticate(req, false));
  KC_ASSIGN_OR_RESPOND(id, ParseId(req.Param("id"), "id"));
  KC_ASSIGN_OR_RESPOND(page, ReadPage(req));
  KC_ASSIGN_OR_RESPOND(users, ctx.orgs.JoinRequests(*actor, *id, page->offset(), page->size));
  json items = json::array();
  for (const auto& u : users->items) items.push_back(UserJson(u, *actor));
  return JsonResponse(200, PageJson(items, users->total, *page));
}

http::Response Decide(Context& ctx, http::Request& req, bool approve) {
  KC_ASSIGN_OR_RESPOND(actor, ctx.Authenticate(req, true));
  auto id = ParseId(req.Param("id"), "id");
  auto uid = ParseId(req.Param("user_id"), "user_id");
  if (!id.ok()) return http::ErrorResponse(id.status());
  if (!uid.ok()) return http::ErrorResponse(uid.status());
  std::optional<std::string> reason;
  if (!req.body().empty()) {
    KC_ASSIGN_OR_RESPOND(body, ParseObject(req));
    Status s = AllowOnly(*body, {"reason"});
    if (s.ok()) s = OptString(*body, "reason", &reason);
    if (!s.ok()) return http::ErrorResponse(s);
  }
  KC_ASSIGN_OR_RESPOND(user,
                       ctx.orgs.DecideJoinRequest(*actor, *id, *uid, approve, reason.value_or("")));
  return JsonResponse(200, UserJson(*user, *actor));
}

}  // namespace

void RegisterMembershipRoutes(http::Router& router, Context& ctx) {
  using namespace schema;
  router.Add(verb::post, "/api/v1/me/join-request",
             Guarded([&ctx](http::Request& r) { return RequestToJoin(ctx, r); }),
             {.summary = "Ask to join an organisation; its admins approve or reject",
              .tag = "orgs",
              .auth = true,
              .request_body = Obj({{"org_id", Int()}}, {"org_id"}),
              .success_status = 201,
              .response = Ref("User"),
              .errors = {400, 401, 409, 422}});
  router.Add(verb::delete_, "/api/v1/me/join-request",
             Guarded([&ctx](http::Request& r) { return WithdrawRequest(ctx, r); }),
             {.summary = "Withdraw my request to join an organisation",
              .tag = "orgs",
              .auth = true,
              .response = Ref("User"),
              .errors = {401}});
  router.Add(verb::get, "/api/v1/orgs/{id}/join-requests",
             Guarded([&ctx](http::Request& r) { return ListRequests(ctx, r); }),
             {.summary = "The users asking to join the organisation (its admins)",
              .tag = "orgs",
              .auth = true,
              .query_params = PageQuery(),
              .response = PageOf(Ref("User")),
              .errors = {401, 403, 404}});
  const json decision = Obj({{"reason", Str()}});
  router.Add(verb::post, "/api/v1/orgs/{id}/join-requests/{user_id}/approve",
             Guarded([&ctx](http::Request& r) { return Decide(ctx, r, true); }),
             {.summary = "Approve a request to join: the user becomes a member",
              .tag = "orgs",
              .auth = true,
              .request_body = decision,
              .response = Ref("User"),
              .errors = {400, 401, 403, 404, 409, 422}});
  router.Add(verb::post, "/api/v1/orgs/{id}/join-requests/{user_id}/reject",
             Guarded([&ctx](http::Request& r) { return Decide(ctx, r, false); }),
             {.summary = "Reject a request to join (the reason is shown to the user)",
              .tag = "orgs",
              .auth = true,
              .request_body = decision,
              .response = Ref("User"),
              .errors = {400, 401, 403, 404, 422}});
}

}  // namespace kc::api
