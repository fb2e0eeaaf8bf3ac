// /bodies: the advisory committee (咨询委员会) and the consortium (联合体) with their members.
#include "api/body_json.h"
#include "api/json_io.h"
#include "api/routes.h"
#include "api/schemas.h"

namespace kc::api {

namespace {

using http::bhttp::verb;

http::Response ListBodies(Context& ctx, http::Request&) {
  KC_ASSIGN_OR_RESPOND(bodies, ctx.bodies->List());
  json items = json::array();
  for (const auto& b : *bodies) items.push_back(BodyJson(b));
  return JsonResponse(200, {{"items", items}});
}

http::Response GetBody(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(got, ctx.bodies->Get(req.Param("slug")));
  return JsonResponse(200, BodyJson(*got));
}

http::Response CreateBody(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, ctx.Authenticate(req, true));
  if (!actor->signed_in()) return http::ErrorResponse(Unauthorized());
  KC_ASSIGN_OR_RESPOND(body, ParseObject(req));
  KC_ASSIGN_OR_RESPOND(b, ReadBody(*body));
  KC_ASSIGN_OR_RESPOND(created, ctx.bodies->Create(*actor, *b));
  return JsonResponse(201, BodyJson(*created));
}

http::Response AddMember(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, ctx.Authenticate(req, true));
  if (!actor->signed_in()) return http::ErrorResponse(Unauthorized());
  KC_ASSIGN_OR_RESPOND(body, ParseObject(req));
  KC_ASSIGN_OR_RESPOND(m, ReadMember(*body));
  KC_ASSIGN_OR_RESPOND(created, ctx.bodies->AddMember(*actor, req.Param("slug"), *m));
  return JsonResponse(201, MemberJson(*created));
}

http::Response RemoveMember(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, ctx.Authenticate(req, true));
  if (!actor->signed_in()) return http::ErrorResponse(Unauthorized());
  KC_ASSIGN_OR_RESPOND(id, ParseId(req.Param("id"), "id"));
  Status s = ctx.bodies->RemoveMember(*actor, req.Param("slug"), *id);
  if (!s.ok()) return http::ErrorResponse(s);
  http::Response r;
  r.status = 204;
  return r;
}

}  // namespace

void RegisterBodyRoutes(http::Router& router, Context& ctx) {
  using namespace schema;
  const json body = BodySchema();
  const json member = MemberSchema();
  router.Add(verb::get, "/api/v1/bodies",
             Guarded([&ctx](http::Request& r) { return ListBodies(ctx, r); }),
             {.summary = "The advisory committee (咨询委员会) and the consortium (联合体)",
              .tag = "bodies",
              .response = Obj({{"items", {{"type", "array"}, {"items", body}}}})});
  router.Add(verb::post, "/api/v1/bodies",
             Guarded([&ctx](http::Request& r) { return CreateBody(ctx, r); }),
             {.summary = "Add a body (admins): kind advisory_committee or consortium",
              .tag = "bodies",
              .auth = true,
              .request_body = body,
              .success_status = 201,
              .response = body,
              .errors = {400, 401, 403, 409, 422}});
  router.Add(verb::get, "/api/v1/bodies/{slug}",
             Guarded([&ctx](http::Request& r) { return GetBody(ctx, r); }),
             {.summary = "A body with its members, roles and terms",
              .tag = "bodies",
              .response = BodySchema(/*with_members=*/true),
              .errors = {404}});
  router.Add(verb::post, "/api/v1/bodies/{slug}/members",
             Guarded([&ctx](http::Request& r) { return AddMember(ctx, r); }),
             {.summary = "Add a member, a person or an organisation, with role and term (admins)",
              .tag = "bodies",
              .auth = true,
              .request_body = member,
              .success_status = 201,
              .response = member,
              .errors = {400, 401, 403, 404, 422}});
  router.Add(verb::delete_, "/api/v1/bodies/{slug}/members/{id}",
             Guarded([&ctx](http::Request& r) { return RemoveMember(ctx, r); }),
             {.summary = "Remove a member (admins)",
              .tag = "bodies",
              .auth = true,
              .success_status = 204,
              .errors = {400, 401, 403, 404}});
}

}  // namespace kc::api
