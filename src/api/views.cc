#include "api/views.h"

#include "core/iso_time.h"
#include "core/region_code.h"
#include "service/user_policy.h"

namespace kc::api {

nlohmann::json UserJson(const User& u, const Actor& viewer) {
  nlohmann::json j = {
      {"id", u.id},
      {"username", u.username},
      {"display_name", u.display_name},
      {"role", RoleName(u.role)},
      {"org_id", u.org_id ? nlohmann::json(*u.org_id) : nlohmann::json(nullptr)},
      {"org_role", u.org_id ? nlohmann::json(OrgRoleName(u.org_role)) : nlohmann::json(nullptr)},
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

nlohmann::json OrgJson(const Org& o) {
  nlohmann::json j = {{"id", o.id},
                      {"name", o.name},
                      {"type", OrgTypeName(o.type)},
                      {"region", o.region},
                      {"country", o.country},
                      {"credit_code", o.credit_code},
                      {"description", o.description},
                      {"website", o.website},
                      {"demo", o.demo},
                      {"created_at", IsoTime(o.created_at)}};
  if (auto p = ProvinceName(o.region)) j["region_name"] = *p;
  return j;
}

}  // namespace kc::api
