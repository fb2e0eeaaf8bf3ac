#include "api/user_json.h"

#include "api/json_io.h"
#include "api/org_json.h"
#include "api/schemas.h"
#include "core/iso_time.h"
#include "service/user_policy.h"

namespace kc::api {

using nlohmann::json;

namespace {

// The properties of a user, as a schema's.
json UserProperties() {
  using namespace schema;
  return {{"id", Int()},
          {"username", Str()},
          {"display_name", Str()},
          {"email", {{"type", "string"}, {"description", "to the user and admins"}}},
          {"role",
           {{"type", "string"},
            {"enum", {"member", "reviewer", "editor", "admin"}},
            {"description", "the platform role; independent of org_role"}}},
          {"org_id", Nullable(Int())},
          {"org_role",
           {{"type", {"string", "null"}},
            {"enum", {"member", "org_admin", nullptr}},
            {"description", "the role within org_id; null without an organisation"}}},
          {"requested_org_id",
           {{"type", "integer"},
            {"description", "the organisation asked to join, until its admins decide"}}},
          {"disabled", {{"type", "boolean"}, {"description", "to the user and admins"}}},
          {"created_at", Time()}};
}

json UserRequired() { return {"id", "username", "display_name", "role", "org_id", "org_role"}; }

}  // namespace

json UserJson(const User& u, const Actor& viewer) {
  json j = {{"id", u.id},
            {"username", u.username},
            {"display_name", u.display_name},
            {"role", RoleName(u.role)},
            {"org_id", u.org_id ? json(*u.org_id) : json(nullptr)},
            {"org_role", u.org_id ? json(OrgRoleName(u.org_role)) : json(nullptr)},
            {"created_at", IsoTime(u.created_at)}};
  if (SeesEmail(viewer, u)) {
    j["email"] = u.email;
    j["disabled"] = u.disabled;
  }
  if (SeesJoinRequest(viewer, u)) {
    j["requested_org_id"] = *u.requested_org_id;
  }
  return j;
}

json UserSchema() { return schema::Obj(UserProperties(), UserRequired()); }

json UserWithOrgJson(const User& user, const Actor& viewer, const std::optional<Org>& org) {
  json j = UserJson(user, viewer);
  if (org) j["org"] = OrgJson(*org);
  return j;
}

json UserWithOrgSchema() {
  json props = UserProperties();
  props["org"] = schema::Ref("Org");
  return schema::Obj(props, UserRequired());
}

json SignInJson(const SignIn& in) {
  return {{"token", in.token},
          {"csrf_token", in.csrf_token},
          {"expires_at", in.expires_at},
          {"user", UserJson(in.user, Actor::Of(in.user))}};
}

json SignInSchema() {
  using namespace schema;
  return Obj(
      {{"token", Str()}, {"csrf_token", Str()}, {"expires_at", Int()}, {"user", Ref("User")}});
}

json UserPatchSchema() {
  using namespace schema;
  return Obj({{"display_name", Str()},
              {"email", Str()},
              {"password", Str()},
              {"current_password", Str()},
              {"role", Str()},
              {"org_role", Str()},
              {"disabled", Bool()}});
}

Result<UserPatch> ReadUserPatch(const json& body) {
  UserPatch p;
  KC_RETURN_IF_ERROR(AllowOnly(body, {"display_name", "email", "password", "current_password",
                                      "role", "org_role", "disabled"}));
  KC_RETURN_IF_ERROR(OptString(body, "display_name", &p.display_name));
  KC_RETURN_IF_ERROR(OptString(body, "email", &p.email));
  KC_RETURN_IF_ERROR(OptString(body, "password", &p.password));
  KC_RETURN_IF_ERROR(OptString(body, "current_password", &p.current_password));
  KC_RETURN_IF_ERROR(OptString(body, "role", &p.role));
  KC_RETURN_IF_ERROR(OptString(body, "org_role", &p.org_role));
  KC_RETURN_IF_ERROR(OptBool(body, "disabled", &p.disabled));
  return p;
}

}  // namespace kc::api
