#include "api/org_json.h"

#include "api/json_io.h"
#include "api/schemas.h"
#include "core/iso_time.h"
#include "core/region_code.h"

namespace kc::api {

using nlohmann::json;

namespace {

json OrgTypeEnum() {
  return schema::Enum({"enterprise", "university", "institute", "hospital", "society",
                       "service_agency", "investor", "government", "offshore_base"});
}

}  // namespace

json OrgJson(const Org& o) {
  json j = {{"id", o.id},
            {"name", o.name},
            {"type", OrgTypeName(o.type)},
            {"region", o.region},
            {"country", o.country},
            {"credit_code", o.credit_code},
            {"description", o.description},
            {"website", o.website},
            {"demo", o.demo},
            {"shared_to_network", o.shared_to_network},
            {"created_at", IsoTime(o.created_at)}};
  if (o.peer_id) j["peer_id"] = o.peer_id;
  if (auto p = ProvinceName(o.region)) j["region_name"] = *p;
  return j;
}

json OrgSchema() {
  using namespace schema;
  return Obj({{"id", Int()},
              {"name", Str()},
              {"type", OrgTypeEnum()},
              {"region", Str()},
              {"region_name", {{"type", "string"}, {"description", "the province of region"}}},
              {"country", Str()},
              {"credit_code", Str()},
              {"description", Str()},
              {"website", Str()},
              {"demo", Bool()},
              {"shared_to_network",
               {{"type", "boolean"},
                {"description", "its listings are offered to partner platforms"}}},
              {"peer_id",
               {{"type", "integer"},
                {"description", "present on the organisation standing for a partner platform"}}},
              {"created_at", Time()}},
             {"id", "name", "type"});
}

json OrgInputSchema(bool for_patch) {
  using namespace schema;
  return Obj({{"name", Str()},
              {"type", OrgTypeEnum()},
              {"region", Str()},
              {"country", Str()},
              {"credit_code", Str()},
              {"description", Str()},
              {"website", Str()},
              {"shared_to_network", Bool()}},
             for_patch ? json::array() : json::array({"name", "type"}));
}

Result<OrgPatch> ReadOrgPatch(const json& body) {
  OrgPatch p;
  KC_RETURN_IF_ERROR(AllowOnly(
      body, {"name", "type", "region", "country", "credit_code", "description", "website",
             "shared_to_network"}));
  KC_RETURN_IF_ERROR(OptString(body, "name", &p.name));
  KC_RETURN_IF_ERROR(OptString(body, "type", &p.type));
  KC_RETURN_IF_ERROR(OptString(body, "region", &p.region));
  KC_RETURN_IF_ERROR(OptString(body, "country", &p.country));
  KC_RETURN_IF_ERROR(OptString(body, "credit_code", &p.credit_code));
  KC_RETURN_IF_ERROR(OptString(body, "description", &p.description));
  KC_RETURN_IF_ERROR(OptString(body, "website", &p.website));
  if (auto it = body.find("shared_to_network"); it != body.end() && !it->is_null()) {
    if (!it->is_boolean()) {
      return Invalid("shared_to_network", "invalid_type", "shared_to_network is true or false");
    }
    p.shared_to_network = it->get<bool>();
  }
  return p;
}

Result<Org> ReadOrg(const json& body) {
  auto patch = ReadOrgPatch(body);
  if (!patch.ok()) return patch.status();
  const OrgPatch& p = *patch;
  if (!p.name) return Invalid("name", "required", "name is required");
  if (!p.type) return Invalid("type", "required", "type is required");
  auto t = OrgTypeFromName(*p.type);
  if (!t) return Invalid("type", "invalid_type", "not an organisation type");
  Org org;
  org.type = *t;
  org.name = *p.name;
  org.region = p.region.value_or("");
  org.country = p.country.value_or("CN");
  org.credit_code = p.credit_code.value_or("");
  org.description = p.description.value_or("");
  org.website = p.website.value_or("");
  org.shared_to_network = p.shared_to_network.value_or(true);
  return org;
}

Result<OrgRole> ReadOrgRole(const json& body, OrgRole fallback) {
  std::optional<std::string> role;
  KC_RETURN_IF_ERROR(OptString(body, "role", &role));
  if (!role) return fallback;
  auto r = OrgRoleFromName(*role);
  if (!r) return Invalid("role", "invalid_role", "a member's role is member or org_admin");
  return *r;
}

}  // namespace kc::api
