// /bodies: the advisory committee (咨询委员会) and the consortium (联合体) with their members.
#include "api/json_io.h"
#include "api/programme_body_json.h"
#include "api/routes.h"
#include "api/schemas.h"

namespace kc::api {

namespace {

using http::bhttp::verb;

http::Response ListProgrammeBodies(Context& ctx, http::Request&) {
  KC_ASSIGN_OR_RESPOND(bodies, ctx.programme_bodies->List());
  json items = json::array();
  for (const auto& b : *bodies) items.push_back(ProgrammeBodyJson(b));
  return JsonResponse(200, {{"items", items}});
}

http::Response GetProgrammeBody(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(got, ctx.programme_bodies->Get(req.Param("slug")));
  return JsonResponse(200, ProgrammeBodyJson(*got));
}

http::Response CreateProgrammeBody(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, ctx.Authenticate(req, true));
  if (!actor->signed_in()) return http::ErrorResponse(Unauthorized());
  KC_ASSIGN_OR_RESPOND(body, ParseObject(req));
  KC_ASSIGN_OR_RESPOND(b, ReadProgrammeBody(*body));
  KC_ASSIGN_OR_RESPOND(created, ctx.programme_bodies->Create(*actor, *b));
  return JsonResponse(201, ProgrammeBodyJson(*created));
}

http::Response AddMember(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, ctx.Authenticate(req, true));
  if (!actor->signed_in()) return http::ErrorResponse(Unauthorized());
  KC_ASSIGN_OR_RESPOND(body, ParseObject(req));
  KC_ASSIGN_OR_RESPOND(m, ReadMember(*body));
  KC_ASSIGN_OR_RESPOND(created, ctx.programme_bodies->AddMember(*actor, req.Param("slug"), *m));
  return JsonResponse(201, MemberJson(*created));
}

http::Response RemoveMember(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, ctx.Authenticate(req, true));
  if (!actor->signed_in()) return http::ErrorResponse(Unauthorized());
  KC_ASSIGN_OR_RESPOND(id, ParseId(req.Param("id"), "id"));
  Status s = ctx.programme_bodies->RemoveMember(*actor, req.Param("slug"), *id);
  if (!s.ok()) return http::ErrorResponse(s);
  http::Response r;
  r.status = 204;
  return r;
}

}  // namespace

void RegisterProgrammeBodyRoutes(http::Router& router, Context& ctx) {
  using namespace schema;
  const json body = ProgrammeBodySchema();
  const json member = MemberSchema();
  router.Add(verb::get, "/api/v1/bodies",
             Guarded([&ctx](http::Request& r) { return ListProgrammeBodies(ctx, r); }),
             {.summary = "The advisory committee (咨询委员会) and the consortium (联合体)",
              .tag = "bodies",
              .response = Obj({{"items", {{"type", "array"}, {"items", body}}}})});
  router.Add(verb::post, "/api/v1/bodies",
             Guarded([&ctx](http::Request& r) { return CreateProgrammeBody(ctx, r); }),
             {.summary = "Add a body (admins): kind advisory_committee or consortium",
              .tag = "bodies",
              .auth = true,
              .request_body = body,
              .success_status = 201,
              .response = body,
              .errors = {400, 401, 403, 409, 422}});
  router.Add(verb::get, "/api/v1/bodies/{slug}",
             Guarded([&ctx](http::Request& r) { return GetProgrammeBody(ctx, r); }),
             {.summary = "A body with its members, roles and terms",
              .tag = "bodies",
              .response = ProgrammeBodySchema(/*with_members=*/true),
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
