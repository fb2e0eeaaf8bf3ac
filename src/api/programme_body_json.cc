#include "api/programme_body_json.h"

#include <algorithm>

#include "api/json_io.h"
#include "api/schemas.h"

namespace kc::api {

using nlohmann::json;

json ProgrammeBodyJson(const ProgrammeBody& b) {
  return {{"id", b.id},
          {"kind", ProgrammeBodyKindName(b.kind)},
          {"slug", b.slug},
          {"name", b.name},
          {"name_en", b.name_en},
          {"description", b.description},
          {"established", b.established}};
}

json ProgrammeBodyJson(const ProgrammeBodyWithMembers& b) {
  json j = ProgrammeBodyJson(b.body);
  json members = json::array();
  for (const auto& m : b.members) members.push_back(MemberJson(m));
  j["members"] = members;
  return j;
}

json ProgrammeBodySchema(bool with_members) {
  using namespace schema;
  json body = Obj({{"id", Int()},
                   {"kind", Str()},
                   {"slug", Str()},
                   {"name", Str()},
                   {"name_en", Str()},
                   {"description", Str()},
                   {"established", Str()}});
  if (with_members) body["properties"]["members"] = {{"type", "array"}, {"items", MemberSchema()}};
  return body;
}

Result<ProgrammeBody> ReadProgrammeBody(const json& body) {
  ProgrammeBody b;
  std::string kind;
  std::optional<std::string> name_en, description, established;
  KC_RETURN_IF_ERROR(
      AllowOnly(body, {"kind", "slug", "name", "name_en", "description", "established"}));
  KC_RETURN_IF_ERROR(RequireString(body, "kind", &kind));
  KC_RETURN_IF_ERROR(RequireString(body, "slug", &b.slug));
  KC_RETURN_IF_ERROR(RequireString(body, "name", &b.name));
  KC_RETURN_IF_ERROR(OptString(body, "name_en", &name_en));
  KC_RETURN_IF_ERROR(OptString(body, "description", &description));
  KC_RETURN_IF_ERROR(OptString(body, "established", &established));
  auto k = ProgrammeBodyKindFromName(kind);
  if (!k) return Invalid("kind", "invalid_kind", "kind is advisory_committee or consortium");
  b.kind = *k;
  b.name_en = name_en.value_or("");
  b.description = description.value_or("");
  b.established = established.value_or("");
  return b;
}

json MemberJson(const ProgrammeBodyMember& m) {
  return {{"id", m.id},
          {"member_type", MemberTypeName(m.member_type)},
          {"name", m.name},
          {"org_id", m.org_id ? json(*m.org_id) : json(nullptr)},
          {"title", m.title},
          {"role", m.role},
          {"term_start", m.term_start},
          {"term_end", m.term_end},
          {"position", m.position}};
}

json MemberSchema() {
  using namespace schema;
  return Obj({{"id", Int()},
              {"member_type", Str()},
              {"name", Str()},
              {"org_id", Nullable(Int())},
              {"title", Str()},
              {"role", Str()},
              {"term_start", Str()},
              {"term_end", Str()},
              {"position", Int()}});
}

Result<ProgrammeBodyMember> ReadMember(const json& body) {
  ProgrammeBodyMember m;
  std::string type;
  std::optional<std::string> title, term_start, term_end;
  std::optional<int64_t> org_id, position;
  KC_RETURN_IF_ERROR(AllowOnly(body, {"member_type", "name", "org_id", "title", "role",
                                      "term_start", "term_end", "position"}));
  KC_RETURN_IF_ERROR(RequireString(body, "member_type", &type));
  KC_RETURN_IF_ERROR(RequireString(body, "name", &m.name));
  KC_RETURN_IF_ERROR(RequireString(body, "role", &m.role));
  KC_RETURN_IF_ERROR(OptString(body, "title", &title));
  KC_RETURN_IF_ERROR(OptString(body, "term_start", &term_start));
  KC_RETURN_IF_ERROR(OptString(body, "term_end", &term_end));
  KC_RETURN_IF_ERROR(OptInt(body, "org_id", &org_id));
  KC_RETURN_IF_ERROR(OptInt(body, "position", &position));
  auto t = MemberTypeFromName(type);
  if (!t) return Invalid("member_type", "invalid_member_type", "person or organisation");
  m.member_type = *t;
  m.title = title.value_or("");
  m.term_start = term_start.value_or("");
  m.term_end = term_end.value_or("");
  m.org_id = org_id;
  m.position = static_cast<int>(std::clamp<int64_t>(position.value_or(0), -100000, 100000));
  return m;
}

}  // namespace kc::api
