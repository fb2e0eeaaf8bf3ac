// POST /auth/register, /auth/login, /auth/logout and GET /me.
#include "api/json_io.h"
#include "api/routes.h"
#include "api/schemas.h"
#include "api/views.h"

namespace kc::api {

namespace {

using http::bhttp::verb;

Result<Org> ReadOrg(const json& j) {
  if (!j.is_object()) return Invalid("org", "invalid_type", "org must be an object");
  KC_RETURN_IF_ERROR(
      AllowOnly(j, {"name", "type", "region", "country", "credit_code", "description", "website"}));
  Org org;
  std::string type;
  KC_RETURN_IF_ERROR(RequireString(j, "name", &org.name));
  KC_RETURN_IF_ERROR(RequireString(j, "type", &type));
  auto t = OrgTypeFromName(type);
  if (!t) return Invalid("type", "invalid_type", "unknown organisation type: " + type);
  org.type = *t;
  std::optional<std::string> v;
  KC_RETURN_IF_ERROR(OptString(j, "region", &v));
  org.region = v.value_or("");
  v.reset();
  KC_RETURN_IF_ERROR(OptString(j, "country", &v));
  org.country = v.value_or("CN");
  v.reset();
  KC_RETURN_IF_ERROR(OptString(j, "credit_code", &v));
  org.credit_code = v.value_or("");
  v.reset();
  KC_RETURN_IF_ERROR(OptString(j, "description", &v));
  org.description = v.value_or("");
  v.reset();
  KC_RETURN_IF_ERROR(OptString(j, "website", &v));
  org.website = v.value_or("");
  return org;
}

// Prefixes a field error inside "org" with "org." so the client knows where it is.
Status InOrg(Status s) {
  if (s.ok() || s.field().empty()) return s;
  return Status::Error(s.kind(), s.code(), s.message(), "org." + s.field());
}

std::string CookieAttrs(const Context& ctx, int64_t max_age) {
  return "; Path=/; SameSite=Lax; Max-Age=" + std::to_string(max_age) +
         (ctx.secure_cookies ? "; Secure" : "");
}

http::Response Register(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(body, ParseObject(req));
  Status s = AllowOnly(*body, {"username", "password", "display_name", "email", "org_id", "org"});
  RegisterRequest r;
  if (s.ok()) s = RequireString(*body, "username", &r.username);
  if (s.ok()) s = RequireString(*body, "password", &r.password);
  std::optional<std::string> display, email;
  if (s.ok()) s = OptString(*body, "display_name", &display);
  if (s.ok()) s = OptString(*body, "email", &email);
  if (s.ok()) s = OptInt(*body, "org_id", &r.org_id);
  if (s.ok() && body->contains("org") && !(*body)["org"].is_null()) {
    auto org = ReadOrg((*body)["org"]);
    if (org.ok()) {
      r.org = *org;
    } else {
      s = InOrg(org.status());
    }
  }
  if (!s.ok()) return http::ErrorResponse(s);
  r.display_name = display.value_or(r.username);
  r.email = email.value_or("");
  auto user = ctx.accounts.Register(r);
  if (!user.ok()) {
    const Status& e = user.status();
    bool org_field =
        r.org && (e.field() == "name" || e.field() == "type" || e.field() == "region" ||
                  e.field() == "country" || e.field() == "credit_code" ||
                  e.field() == "description" || e.field() == "website");
    return http::ErrorResponse(org_field ? InOrg(e) : e);
  }
  json out = UserJson(*user, Actor::Of(*user));
  if (user->org_id) {
    auto org = ctx.orgs.Get(*user->org_id);
    if (org.ok()) out["org"] = OrgJson(*org);
  }
  return JsonResponse(201, out);
}

http::Response Login(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(body, ParseObject(req));
  std::string username, password;
  Status s = AllowOnly(*body, {"username", "password"});
  if (s.ok()) s = RequireString(*body, "username", &username);
  if (s.ok()) s = RequireString(*body, "password", &password);
  if (!s.ok()) return http::ErrorResponse(s);
  auto in = ctx.accounts.Login(username, password, req.remote());
  if (!in.ok()) {
    auto r = http::ErrorResponse(in.status());
    if (in.status().kind() == ErrorKind::kTooMany) {
      r.AddHeader("Retry-After", std::to_string(Accounts::kFailureWindow));
    }
    return r;
  }
  auto r = JsonResponse(200, {{"token", in->token},
                              {"csrf_token", in->csrf_token},
                              {"expires_at", in->expires_at},
                              {"user", UserJson(in->user, Actor::Of(in->user))}});
  int64_t age = in->expires_at - ctx.clock.Now();
  r.AddHeader("Set-Cookie", "kc_session=" + in->token + CookieAttrs(ctx, age) + "; HttpOnly");
  r.AddHeader("Set-Cookie", "kc_csrf=" + in->csrf_token + CookieAttrs(ctx, age));
  r.AddHeader("Cache-Control", "no-store");
  return r;
}

http::Response Logout(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, ctx.Authenticate(req, true));
  std::string_view auth = req.Header(http::bhttp::field::authorization);
  std::string token = auth.size() > 7 ? std::string(auth.substr(7)) : req.Cookie("kc_session");
  if (!token.empty()) {
    Status s = ctx.accounts.Logout(token);
    if (!s.ok()) return http::ErrorResponse(s);
  }
  http::Response r;
  r.status = 204;
  r.AddHeader("Set-Cookie", "kc_session=" + CookieAttrs(ctx, 0) + "; HttpOnly");
  r.AddHeader("Set-Cookie", "kc_csrf=" + CookieAttrs(ctx, 0));
  return r;
}

http::Response Me(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, ctx.Authenticate(req, false));
  if (!actor->signed_in()) return http::ErrorResponse(Unauthorized());
  json out = UserJson(*actor->user, *actor);
  if (actor->user->org_id) {
    auto org = ctx.orgs.Get(*actor->user->org_id);
    if (org.ok()) out["org"] = OrgJson(*org);
  }
  return JsonResponse(200, out);
}

}  // namespace

void RegisterAuthRoutes(http::Router& router, Context& ctx) {
  using namespace schema;
  json org_input = Ref("Org");
  router.Add(verb::post, "/api/v1/auth/register",
             Guarded([&ctx](http::Request& r) { return Register(ctx, r); }),
             {.summary = "Create an account, optionally with a new organisation (as its admin)",
              .tag = "auth",
              .request_body = Obj({{"username", Str()},
                                   {"password", Str()},
                                   {"display_name", Str()},
                                   {"email", Str()},
                                   {"org_id", Int()},
                                   {"org", org_input}},
                                  {"username", "password"}),
              .success_status = 201,
              .response = Ref("User"),
              .errors = {400, 409, 422}},
             /*blocking=*/true);
  router.Add(
      verb::post, "/api/v1/auth/login", Guarded([&ctx](http::Request& r) { return Login(ctx, r); }),
      {.summary = "Sign in: a session cookie and a bearer token",
       .tag = "auth",
       .request_body = Obj({{"username", Str()}, {"password", Str()}}, {"username", "password"}),
       .response = Obj(
           {{"token", Str()}, {"csrf_token", Str()}, {"expires_at", Int()}, {"user", Ref("User")}}),
       .errors = {400, 401, 422, 429}},
      /*blocking=*/true);
  router.Add(verb::post, "/api/v1/auth/logout",
             Guarded([&ctx](http::Request& r) { return Logout(ctx, r); }),
             {.summary = "End the session", .tag = "auth", .success_status = 204, .errors = {403}});
  router.Add(verb::get, "/api/v1/me", Guarded([&ctx](http::Request& r) { return Me(ctx, r); }),
             {.summary = "The signed-in user with their organisation",
              .tag = "auth",
              .auth = true,
              .response = Ref("User")});
}

}  // namespace kc::api
