// POST /auth/register, /auth/login, /auth/logout and GET /me.
#include <algorithm>
#include <cctype>
#include <optional>

#include "api/json_io.h"
#include "api/org_json.h"
#include "api/routes.h"
#include "api/schemas.h"
#include "api/user_json.h"

namespace kc::api {

namespace {

using http::bhttp::verb;

// Prefixes a field error inside "org" with "org." so the client knows where it is.
Status InOrg(Status s) {
  if (s.ok() || s.field().empty()) return s;
  return Status::Error(s.kind(), s.code(), s.message(), "org." + s.field());
}

// Sign-in and registration take JSON only: a form or text/plain body (which any web page may
// send across sites without asking) is refused, so no other site can sign a browser in (login
// CSRF) or register through it.
std::optional<http::Response> RefuseNonJson(const http::Request& req) {
  std::string_view type = req.Header(http::bhttp::field::content_type);
  type = type.substr(0, type.find(';'));
  while (!type.empty() && (type.back() == ' ' || type.back() == '\t')) type.remove_suffix(1);
  while (!type.empty() && (type.front() == ' ' || type.front() == '\t')) type.remove_prefix(1);
  constexpr std::string_view kJson = "application/json";
  bool json = type.size() == kJson.size();
  for (size_t i = 0; json && i < type.size(); ++i) {
    json = std::tolower(static_cast<unsigned char>(type[i])) == kJson[i];
  }
  if (json) return std::nullopt;
  return http::ErrorResponse(415, "unsupported_media_type",
                             "send the body as JSON with Content-Type: application/json");
}

// A 429 or 503 with the seconds to wait.
http::Response Refusal(const Status& s, int64_t retry_after) {
  auto r = http::ErrorResponse(s);
  if (s.kind() == ErrorKind::kTooMany || s.kind() == ErrorKind::kUnavailable) {
    r.AddHeader("Retry-After", std::to_string(std::max<int64_t>(1, retry_after)));
  }
  return r;
}

// The user's organisation, for the answers that show it; none when the user has none or it
// cannot be read (the account is answered all the same).
std::optional<Org> OrgOf(Context& ctx, const User& user) {
  if (!user.org_id) return std::nullopt;
  auto org = ctx.orgs.Get(*user.org_id);
  if (!org.ok()) return std::nullopt;
  return std::move(*org);
}

std::string CookieAttrs(const Context& ctx, int64_t max_age) {
  return "; Path=/; SameSite=Lax; Max-Age=" + std::to_string(max_age) +
         (ctx.secure_cookies ? "; Secure" : "");
}

http::Response Register(Context& ctx, http::Request& req) {
  if (auto refused = RefuseNonJson(req)) return *refused;
  KC_ASSIGN_OR_RESPOND(body, ParseObject(req));
  Status s = AllowOnly(
      *body, {"username", "password", "display_name", "email", "org_id", "org", "challenge"});
  RegisterRequest r;
  if (s.ok()) s = RequireString(*body, "username", &r.username);
  if (s.ok()) s = RequireString(*body, "password", &r.password);
  std::optional<std::string> display, email, challenge;
  if (s.ok()) s = OptString(*body, "display_name", &display);
  if (s.ok()) s = OptString(*body, "email", &email);
  if (s.ok()) s = OptString(*body, "challenge", &challenge);
  if (s.ok()) s = OptInt(*body, "org_id", &r.org_id);
  if (s.ok() && body->contains("org") && !(*body)["org"].is_null()) {
    const json& org_body = (*body)["org"];
    Result<Org> org = org_body.is_object()
                          ? ReadOrg(org_body)
                          : Result<Org>(Invalid("org", "invalid_type", "org must be an object"));
    if (org.ok()) {
      r.org = *org;
    } else {
      s = InOrg(org.status());
    }
  }
  if (!s.ok()) return http::ErrorResponse(s);
  r.display_name = display.value_or(r.username);
  r.email = email.value_or("");
  r.challenge = challenge.value_or("");
  r.client = ctx.ClientAddress(req);
  int64_t retry_after = 0;
  auto user = ctx.accounts.Register(r, &retry_after);
  if (!user.ok()) {
    const Status& e = user.status();
    bool org_field =
        r.org && (e.field() == "name" || e.field() == "type" || e.field() == "region" ||
                  e.field() == "country" || e.field() == "credit_code" ||
                  e.field() == "description" || e.field() == "website");
    return Refusal(org_field ? InOrg(e) : e, retry_after);
  }
  return JsonResponse(201, UserWithOrgJson(*user, Actor::Of(*user), OrgOf(ctx, *user)));
}

http::Response Login(Context& ctx, http::Request& req) {
  if (auto refused = RefuseNonJson(req)) return *refused;
  KC_ASSIGN_OR_RESPOND(body, ParseObject(req));
  std::string username, password;
  Status s = AllowOnly(*body, {"username", "password"});
  if (s.ok()) s = RequireString(*body, "username", &username);
  if (s.ok()) s = RequireString(*body, "password", &password);
  if (!s.ok()) return http::ErrorResponse(s);
  int64_t retry_after = 0;
  auto in = ctx.accounts.Login(username, password, ctx.ClientAddress(req), &retry_after);
  if (!in.ok()) return Refusal(in.status(), retry_after);
  auto r = JsonResponse(200, SignInJson(*in));
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
  return JsonResponse(200, UserWithOrgJson(*actor->user, *actor, OrgOf(ctx, *actor->user)));
}

}  // namespace

void RegisterAuthRoutes(http::Router& router, Context& ctx) {
  using namespace schema;
  json org_input = Ref("OrgInput");
  router.Add(verb::post, "/api/v1/auth/register",
             Guarded([&ctx](http::Request& r) { return Register(ctx, r); }),
             {.summary = "Create an account, optionally with a new organisation (as its admin)",
              .tag = "auth",
              .request_body = Obj({{"username", Str()},
                                   {"password", Str()},
                                   {"display_name", Str()},
                                   {"email", Str()},
                                   {"org_id", Int()},
                                   {"org", org_input},
                                   {"challenge", Str()}},
                                  {"username", "password"}),
              .success_status = 201,
              .response = Ref("UserWithOrg"),
              .errors = {400, 409, 415, 422, 429, 503}},
             http::Pool::kBlocking);
  router.Add(
      verb::post, "/api/v1/auth/login", Guarded([&ctx](http::Request& r) { return Login(ctx, r); }),
      {.summary = "Sign in: a session cookie and a bearer token",
       .tag = "auth",
       .request_body = Obj({{"username", Str()}, {"password", Str()}}, {"username", "password"}),
       .response = SignInSchema(),
       .errors = {400, 401, 415, 422, 429}},
      http::Pool::kBlocking);
  router.Add(verb::post, "/api/v1/auth/logout",
             Guarded([&ctx](http::Request& r) { return Logout(ctx, r); }),
             {.summary = "End the session", .tag = "auth", .success_status = 204, .errors = {403}});
  router.Add(verb::get, "/api/v1/me", Guarded([&ctx](http::Request& r) { return Me(ctx, r); }),
             {.summary = "The signed-in user with their organisation",
              .tag = "auth",
              .auth = true,
              .response = Ref("UserWithOrg")});
}

}  // namespace kc::api
