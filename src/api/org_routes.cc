// /orgs and /orgs/{id}/members.
#include "api/json_io.h"
#include "api/org_json.h"
#include "api/routes.h"
#include "api/schemas.h"
#include "api/user_json.h"

namespace kc::api {

namespace {

using http::bhttp::verb;

http::Response CreateOrg(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, ctx.Authenticate(req, true));
  if (!actor->signed_in()) return http::ErrorResponse(Unauthorized());
  KC_ASSIGN_OR_RESPOND(body, ParseObject(req));
  KC_ASSIGN_OR_RESPOND(org, ReadOrg(*body));
  KC_ASSIGN_OR_RESPOND(created, ctx.orgs.Create(*actor, *org));
  return JsonResponse(201, OrgJson(*created));
}

http::Response ListOrgs(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(page, ReadPage(req));
  OrgQuery q;
  q.offset = page->offset();
  q.limit = page->size;
  q.type = req.Query("type").value_or("");
  q.region_prefix = req.Query("region").value_or("");
  q.text = req.Query("q").value_or("");
  KC_ASSIGN_OR_RESPOND(orgs, ctx.orgs.List(q));
  json items = json::array();
  for (const auto& o : orgs->items) items.push_back(OrgJson(o));
  return JsonResponse(200, PageJson(items, orgs->total, *page));
}

http::Response GetOrg(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(id, ParseId(req.Param("id"), "id"));
  KC_ASSIGN_OR_RESPOND(org, ctx.orgs.Get(*id));
  return JsonResponse(200, OrgJson(*org));
}

http::Response PatchOrg(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, ctx.Authenticate(req, true));
  KC_ASSIGN_OR_RESPOND(id, ParseId(req.Param("id"), "id"));
  KC_ASSIGN_OR_RESPOND(body, ParseObject(req));
  KC_ASSIGN_OR_RESPOND(patch, ReadOrgPatch(*body));
  KC_ASSIGN_OR_RESPOND(org, ctx.orgs.Update(*actor, *id, *patch));
  return JsonResponse(200, OrgJson(*org));
}

http::Response ListMembers(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, ctx.Authenticate(req, false));
  KC_ASSIGN_OR_RESPOND(id, ParseId(req.Param("id"), "id"));
  KC_ASSIGN_OR_RESPOND(page, ReadPage(req));
  KC_ASSIGN_OR_RESPOND(users, ctx.orgs.Members(*actor, *id, page->offset(), page->size));
  json items = json::array();
  for (const auto& u : users->items) items.push_back(UserJson(u, *actor));
  return JsonResponse(200, PageJson(items, users->total, *page));
}

http::Response AddMember(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, ctx.Authenticate(req, true));
  KC_ASSIGN_OR_RESPOND(id, ParseId(req.Param("id"), "id"));
  KC_ASSIGN_OR_RESPOND(body, ParseObject(req));
  std::string username;
  Status s = AllowOnly(*body, {"username", "role"});
  if (s.ok()) s = RequireString(*body, "username", &username);
  auto role = ReadOrgRole(*body, OrgRole::kMember);
  if (s.ok()) s = role.status();
  if (!s.ok()) return http::ErrorResponse(s);
  KC_ASSIGN_OR_RESPOND(user, ctx.orgs.AddMember(*actor, *id, username, *role));
  return JsonResponse(201, UserJson(*user, *actor));
}

http::Response PatchMember(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, ctx.Authenticate(req, true));
  auto id = ParseId(req.Param("id"), "id");
  auto uid = ParseId(req.Param("user_id"), "user_id");
  if (!id.ok()) return http::ErrorResponse(id.status());
  if (!uid.ok()) return http::ErrorResponse(uid.status());
  KC_ASSIGN_OR_RESPOND(body, ParseObject(req));
  Status s = AllowOnly(*body, {"role"});
  if (s.ok() && !body->contains("role")) s = Invalid("role", "required", "role is required");
  auto role = ReadOrgRole(*body, OrgRole::kMember);
  if (s.ok()) s = role.status();
  if (!s.ok()) return http::ErrorResponse(s);
  KC_ASSIGN_OR_RESPOND(user, ctx.orgs.SetMemberRole(*actor, *id, *uid, *role));
  return JsonResponse(200, UserJson(*user, *actor));
}

http::Response RemoveMember(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, ctx.Authenticate(req, true));
  auto id = ParseId(req.Param("id"), "id");
  auto uid = ParseId(req.Param("user_id"), "user_id");
  if (!id.ok()) return http::ErrorResponse(id.status());
  if (!uid.ok()) return http::ErrorResponse(uid.status());
  Status s = ctx.orgs.RemoveMember(*actor, *id, *uid);
  if (!s.ok()) return http::ErrorResponse(s);
  http::Response r;
  r.status = 204;
  return r;
}

}  // namespace

void RegisterOrgRoutes(http::Router& router, Context& ctx) {
  using namespace schema;
  json query = PageQuery();
  query.push_back(QueryParam("type", "organisation type"));
  query.push_back(QueryParam("region", "GB/T 2260 code or prefix (44 = Guangdong)"));
  query.push_back(QueryParam("q", "part of the name"));
  router.Add(verb::get, "/api/v1/orgs",
             Guarded([&ctx](http::Request& r) { return ListOrgs(ctx, r); }),
             {.summary = "List organisations",
              .tag = "orgs",
              .query_params = query,
              .response = PageOf(Ref("Org")),
              .errors = {400}});
  router.Add(verb::post, "/api/v1/orgs",
             Guarded([&ctx](http::Request& r) { return CreateOrg(ctx, r); }),
             {.summary = "Create an organisation; its creator becomes its org admin (keeping "
                         "their platform role)",
              .tag = "orgs",
              .auth = true,
              .request_body = Ref("OrgInput"),
              .success_status = 201,
              .response = Ref("Org"),
              .errors = {400, 403, 409, 422}});
  router.Add(
      verb::get, "/api/v1/orgs/{id}", Guarded([&ctx](http::Request& r) { return GetOrg(ctx, r); }),
      {.summary = "An organisation", .tag = "orgs", .response = Ref("Org"), .errors = {404}});
  router.Add(verb::patch, "/api/v1/orgs/{id}",
             Guarded([&ctx](http::Request& r) { return PatchOrg(ctx, r); }),
             {.summary = "Edit an organisation (its org admins)",
              .tag = "orgs",
              .auth = true,
              .request_body = OrgInputSchema(/*for_patch=*/true),
              .response = Ref("Org"),
              .errors = {400, 403, 404, 409, 422}});
  router.Add(verb::get, "/api/v1/orgs/{id}/members",
             Guarded([&ctx](http::Request& r) { return ListMembers(ctx, r); }),
             {.summary = "An organisation's members (for its members)",
              .tag = "orgs",
              .auth = true,
              .query_params = PageQuery(),
              .response = PageOf(Ref("User")),
              .errors = {403, 404}});
  router.Add(verb::post, "/api/v1/orgs/{id}/members",
             Guarded([&ctx](http::Request& r) { return AddMember(ctx, r); }),
             {.summary = "Add an existing user without organisation; role (member or org_admin) "
                         "is their role in the organisation, their platform role stays",
              .tag = "orgs",
              .auth = true,
              .request_body = Obj({{"username", Str()}, {"role", Str()}}, {"username"}),
              .success_status = 201,
              .response = Ref("User"),
              .errors = {400, 403, 404, 409, 422}});
  router.Add(verb::patch, "/api/v1/orgs/{id}/members/{user_id}",
             Guarded([&ctx](http::Request& r) { return PatchMember(ctx, r); }),
             {.summary = "Change a member's role in the organisation (member or org_admin)",
              .tag = "orgs",
              .auth = true,
              .request_body = Obj({{"role", Str()}}, {"role"}),
              .response = Ref("User"),
              .errors = {400, 403, 404, 409, 422}});
  router.Add(verb::delete_, "/api/v1/orgs/{id}/members/{user_id}",
             Guarded([&ctx](http::Request& r) { return RemoveMember(ctx, r); }),
             {.summary = "Remove a member from the organisation",
              .tag = "orgs",
              .auth = true,
              .success_status = 204,
              .errors = {403, 404, 409}});
}

}  // namespace kc::api
