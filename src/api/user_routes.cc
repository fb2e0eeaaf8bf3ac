// GET /users, GET and PATCH /users/{id}.
#include "api/json_io.h"
#include "api/routes.h"
#include "api/schemas.h"
#include "api/user_json.h"

namespace kc::api {

namespace {

using http::bhttp::verb;

http::Response ListUsers(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, ctx.Authenticate(req, false));
  KC_ASSIGN_OR_RESPOND(page, ReadPage(req));
  UserQuery q;
  q.offset = page->offset();
  q.limit = page->size;
  q.role = req.Query("role").value_or("");
  q.org_role = req.Query("org_role").value_or("");
  q.text = req.Query("q").value_or("");
  if (auto org = req.Query("org_id")) {
    KC_ASSIGN_OR_RESPOND(id, ParseId(*org, "org_id"));
    q.org_id = *id;
  }
  KC_ASSIGN_OR_RESPOND(users, ctx.accounts.List(*actor, q));
  json items = json::array();
  for (const auto& u : users->items) items.push_back(UserJson(u, *actor));
  return JsonResponse(200, PageJson(items, users->total, *page));
}

http::Response GetUser(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, ctx.Authenticate(req, false));
  KC_ASSIGN_OR_RESPOND(id, ParseId(req.Param("id"), "id"));
  KC_ASSIGN_OR_RESPOND(user, ctx.accounts.Get(*actor, *id));
  return JsonResponse(200, UserJson(*user, *actor));
}

http::Response PatchUser(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, ctx.Authenticate(req, true));
  KC_ASSIGN_OR_RESPOND(id, ParseId(req.Param("id"), "id"));
  KC_ASSIGN_OR_RESPOND(body, ParseObject(req));
  KC_ASSIGN_OR_RESPOND(patch, ReadUserPatch(*body));
  KC_ASSIGN_OR_RESPOND(user, ctx.accounts.Update(*actor, *id, *patch));
  return JsonResponse(200, UserJson(*user, *actor));
}

}  // namespace

void RegisterUserRoutes(http::Router& router, Context& ctx) {
  using namespace schema;
  json query = PageQuery();
  query.push_back(QueryParam("role", "platform role: member, reviewer, editor or admin"));
  query.push_back(QueryParam("org_role", "role in the organisation: member or org_admin"));
  query.push_back(QueryParam("org_id", "members of this organisation", Int()));
  query.push_back(QueryParam("q", "part of the user name or display name"));
  router.Add(verb::get, "/api/v1/users",
             Guarded([&ctx](http::Request& r) { return ListUsers(ctx, r); }),
             {.summary = "List accounts (admins)",
              .tag = "users",
              .auth = true,
              .query_params = query,
              .response = PageOf(Ref("User")),
              .errors = {400, 403}});
  router.Add(verb::get, "/api/v1/users/{id}",
             Guarded([&ctx](http::Request& r) { return GetUser(ctx, r); }),
             {.summary = "An account (yourself, your organisation's members, or any for admins)",
              .tag = "users",
              .auth = true,
              .response = Ref("User"),
              .errors = {404}});
  router.Add(verb::patch, "/api/v1/users/{id}",
             Guarded([&ctx](http::Request& r) { return PatchUser(ctx, r); }),
             {.summary = "Edit an account; admins also set role, org_role and disabled",
              .tag = "users",
              .auth = true,
              .request_body = UserPatchSchema(),
              .response = Ref("User"),
              .errors = {400, 403, 404, 422}},
             http::Pool::kBlocking);
}

}  // namespace kc::api
