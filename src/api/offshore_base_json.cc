#include "api/offshore_base_json.h"

#include <string>

#include "api/json_io.h"
#include "api/schemas.h"
#include "core/iso_time.h"
#include "service/listing_json.h"

namespace kc::api {

using nlohmann::json;

namespace {

json ContactOf(const Contact& c) {
  return {{"name", c.name}, {"phone", c.phone}, {"email", c.email}};
}

// The elements of the list `name` of `body` (an empty list when absent or null); 422 when it is
// not a list of objects.
Result<std::vector<json>> ObjectList(const json& body, const char* name) {
  std::vector<json> out;
  auto it = body.find(name);
  if (it == body.end() || it->is_null()) return out;
  if (!it->is_array()) return Invalid(name, "invalid_type", std::string(name) + " is a list");
  for (size_t i = 0; i < it->size(); ++i) {
    const json& e = (*it)[i];
    if (!e.is_object()) {
      return Invalid(std::string(name) + "[" + std::to_string(i) + "]", "invalid_type",
                     "each element is an object");
    }
    out.push_back(e);
  }
  return out;
}

// `s` with the field of its error prefixed by "name[i].".
Status InElement(Status s, const char* name, size_t i) {
  if (s.ok()) return s;
  std::string field = std::string(name) + "[" + std::to_string(i) + "]." + s.field();
  return Status::Error(s.kind(), s.code(), s.message(), field);
}

}  // namespace

json OffshoreBaseJson(const OffshoreBase& b) {
  return {{"id", b.id},
          {"name", b.name},
          {"name_en", b.name_en},
          {"country", b.country},
          {"city", b.city},
          {"org_id", b.org_id ? json(*b.org_id) : json(nullptr)},
          {"host_name", b.host_name},
          {"fields", b.fields},
          {"services", b.services},
          {"description", b.description},
          {"contact", ContactOf(b.contact)},
          {"website", b.website},
          {"established", b.established},
          {"status", BaseStatusName(b.status)},
          {"created_at", IsoTime(b.created_at)},
          {"updated_at", IsoTime(b.updated_at)}};
}

json OffshoreBaseJson(const OffshoreBaseDetail& d) {
  json j = OffshoreBaseJson(d.base);
  json people = json::array();
  for (const auto& p : d.people) people.push_back(BasePersonJson(p));
  json projects = json::array();
  for (const auto& p : d.projects) projects.push_back(BaseProjectJson(p));
  j["people"] = people;
  j["projects"] = projects;
  return j;
}

json OffshoreBaseSchema(bool detail) {
  using namespace schema;
  json s = Obj({{"id", Int()},
                {"name", Str()},
                {"name_en", Str()},
                {"country", Str()},
                {"city", Str()},
                {"org_id", Nullable(Int())},
                {"host_name", Str()},
                {"fields", StrList()},
                {"services", StrList()},
                {"description", Str()},
                {"contact", Obj({{"name", Str()}, {"phone", Str()}, {"email", Str()}})},
                {"website", Str()},
                {"established", Str()},
                {"status", Enum({"draft", "published", "closed"})},
                {"created_at", Time()},
                {"updated_at", Time()}},
               json::array({"id", "name", "country", "city", "status"}));
  if (detail) {
    s["properties"]["people"] = ListOf(BasePersonSchema());
    s["properties"]["projects"] = ListOf(BaseProjectSchema());
    s["required"].push_back("people");
    s["required"].push_back("projects");
  }
  return s;
}

json OffshoreBaseInputSchema(bool for_create) {
  using namespace schema;
  json props = {{"name", Str()},
                {"name_en", Str()},
                {"country", {{"type", "string"}, {"description", "ISO 3166-1 alpha-2, e.g. DE"}}},
                {"city", Str()},
                {"org_id", Nullable(Int())},
                {"host_name", Str()},
                {"fields",
                 {{"type", "array"},
                  {"items", Str()},
                  {"description",
                   "taxonomy categories or disciplines (name, code "
                   "or English name), at most 10"}}},
                {"services", ListOf(Enum({"incubation", "office_space", "legal", "finance",
                                          "talent_recruitment", "market_entry", "ip_services",
                                          "matchmaking", "training", "visa_support"}))},
                {"description", Str()},
                {"contact", Obj({{"name", Str()}, {"phone", Str()}, {"email", Str()}})},
                {"website", Str()},
                {"established", {{"type", "string"}, {"description", "a year, YYYY"}}},
                {"status", Enum({"draft", "published", "closed"})}};
  return Obj(props, for_create ? json::array({"name", "country", "city"}) : json::array());
}

Status ReadOffshoreBase(const json& body, bool for_create, OffshoreBase* b) {
  KC_RETURN_IF_ERROR(
      AllowOnly(body, {"name", "name_en", "country", "city", "org_id", "host_name", "fields",
                       "services", "description", "contact", "website", "established", "status"}));
  if (for_create) {
    KC_RETURN_IF_ERROR(RequireString(body, "name", &b->name));
    KC_RETURN_IF_ERROR(RequireString(body, "country", &b->country));
    KC_RETURN_IF_ERROR(RequireString(body, "city", &b->city));
  }
  const std::pair<const char*, std::string*> texts[] = {
      {"name", &b->name},       {"name_en", &b->name_en},        {"country", &b->country},
      {"city", &b->city},       {"host_name", &b->host_name},    {"description", &b->description},
      {"website", &b->website}, {"established", &b->established}};
  for (const auto& [name, out] : texts) {
    std::optional<std::string> v;
    KC_RETURN_IF_ERROR(OptString(body, name, &v));
    if (v) *out = std::move(*v);
  }
  if (body.contains("org_id")) {
    std::optional<int64_t> org;
    KC_RETURN_IF_ERROR(OptInt(body, "org_id", &org));
    b->org_id = org;  // null frees the base of its organisation
  }
  KC_RETURN_IF_ERROR(ReadStringList(body, "fields", &b->fields));
  KC_RETURN_IF_ERROR(ReadStringList(body, "services", &b->services));
  if (body.contains("contact")) KC_RETURN_IF_ERROR(ReadContact(body["contact"], &b->contact));
  std::optional<std::string> status;
  KC_RETURN_IF_ERROR(OptString(body, "status", &status));
  if (status) {
    auto s = BaseStatusFromName(*status);
    if (!s) return Invalid("status", "invalid_status", "status is draft, published or closed");
    b->status = *s;
  }
  return Status::Ok();
}

json BasePersonJson(const BasePerson& p) {
  return {{"id", p.id}, {"name", p.name}, {"role", p.role}, {"position", p.position}};
}

json BasePersonSchema() {
  using namespace schema;
  return Obj({{"id", Int()}, {"name", Str()}, {"role", Str()}, {"position", Int()}},
             json::array({"name", "role"}));
}

Result<std::vector<BasePerson>> ReadBasePeople(const json& body) {
  KC_RETURN_IF_ERROR(AllowOnly(body, {"people"}));
  KC_ASSIGN_OR_RETURN(items, ObjectList(body, "people"));
  std::vector<BasePerson> out;
  for (size_t i = 0; i < items->size(); ++i) {
    BasePerson p;
    std::optional<std::string> role;
    Status s = AllowOnly((*items)[i], {"name", "role"});
    if (s.ok()) s = RequireString((*items)[i], "name", &p.name);
    if (s.ok()) s = OptString((*items)[i], "role", &role);
    KC_RETURN_IF_ERROR(InElement(s, "people", i));
    p.role = role.value_or("");
    out.push_back(std::move(p));
  }
  return out;
}

json BaseProjectJson(const BaseProjectView& v) {
  return {{"listing_id", v.listing.id}, {"type", KindName(v.listing.kind)},
          {"title", v.listing.title},   {"status", StatusName(v.listing.status)},
          {"org_id", v.listing.org_id}, {"category", v.listing.category},
          {"note", v.project.note},     {"position", v.project.position}};
}

json BaseProjectSchema() {
  using namespace schema;
  return Obj({{"listing_id", Int()},
              {"type", Enum({"demand", "achievement", "expert"})},
              {"title", Str()},
              {"status", Str()},
              {"org_id", Int()},
              {"category", Str()},
              {"note", Str()},
              {"position", Int()}},
             json::array({"listing_id", "type", "title"}));
}

Result<std::vector<BaseProject>> ReadBaseProjects(const json& body) {
  KC_RETURN_IF_ERROR(AllowOnly(body, {"projects"}));
  KC_ASSIGN_OR_RETURN(items, ObjectList(body, "projects"));
  std::vector<BaseProject> out;
  for (size_t i = 0; i < items->size(); ++i) {
    BaseProject p;
    std::optional<int64_t> id;
    std::optional<std::string> note;
    Status s = AllowOnly((*items)[i], {"listing_id", "note"});
    if (s.ok()) s = OptInt((*items)[i], "listing_id", &id);
    if (s.ok() && !id) s = Invalid("listing_id", "required", "listing_id is required");
    if (s.ok()) s = OptString((*items)[i], "note", &note);
    KC_RETURN_IF_ERROR(InElement(s, "projects", i));
    p.listing_id = *id;
    p.note = note.value_or("");
    out.push_back(std::move(p));
  }
  return out;
}

json BaseCountriesJson(const std::vector<BaseCountryCount>& counts) {
  json items = json::array();
  int64_t total = 0;
  for (const auto& c : counts) {
    items.push_back({{"country", c.country}, {"count", c.count}});
    total += c.count;
  }
  return {{"items", items}, {"total", total}};
}

json BaseCountriesSchema() {
  using namespace schema;
  return Obj({{"items", ListOf(Obj({{"country", Str()}, {"count", Int()}},
                                   json::array({"country", "count"})))},
              {"total", Int()}},
             json::array({"items", "total"}));
}

}  // namespace kc::api
