#include "api/schemas.h"

#include "api/import_json.h"
#include "api/org_json.h"
#include "api/user_json.h"

namespace kc::api::schema {

namespace {
json Money() { return Obj({{"min_cny", Int()}, {"max_cny", Int()}, {"negotiable", Bool()}}); }
json ListingStatusEnum() {
  return Enum({"draft", "pending", "published", "rejected", "closed", "expired"});
}
// The owning organisation as a listing names it.
json OrgBrief() {
  return Obj({{"id", Int()}, {"name", Str()}, {"type", Str()}}, {"id", "name", "type"});
}
json Modes() {
  return {{"type", "array"},
          {"items",
           {{"type", "string"},
            {"enum",
             {"transfer", "license", "joint_development", "commissioned_development", "consulting",
              "talent", "equity", "other"}}}}};
}
// A partner's listing: where it comes from (docs/network.md §4).
json Origin() {
  json j = Obj({{"id", Str()}, {"org_name", Str()}, {"peer_id", Int()}, {"url", Str()}},
               {"id", "org_name", "peer_id", "url"});
  j["description"] = "present on a partner platform's listing, which is read-only here";
  return j;
}
json Contact() { return Obj({{"name", Str()}, {"phone", Str()}, {"email", Str()}}); }
}  // namespace

json ListingInput(ListingKind kind, bool for_patch) {
  json props = {
      {"ref", Str()},
      {"keywords", StrList()},
      {"category", Str()},
      {"discipline", Str()},
      {"region", {{"type", "string"}, {"pattern", "^[0-9]{6}$"}}},
      {"visibility", {{"type", "string"}, {"enum", {"public", "members"}}}},
      {"contact", Contact()},
      {"shared",
       {{"type", "boolean"},
        {"description", "offered to partner platforms (docs/network.md §4); default true"}}}};
  json required;
  switch (kind) {
    case ListingKind::kDemand:
      props["title"] = Str();
      props["description"] = Str();
      props["budget"] = Money();
      props["deadline"] = {{"type", "string"}, {"format", "date"}};
      props["cooperation_modes"] = Modes();
      required = {"title", "description"};
      break;
    case ListingKind::kAchievement:
      props["title"] = Str();
      props["abstract"] = Str();
      props["maturity"] = {{"type", "integer"}, {"minimum", 1}, {"maximum", 9}};
      props["patents"] = StrList();
      props["transfer_modes"] = Modes();
      props["price"] = Money();
      props["inventors"] = StrList();
      required = {"title", "abstract"};
      break;
    case ListingKind::kExpert:
      props["name"] = Str();
      props["title"] = {{"type", "string"}, {"description", "职称, e.g. 教授"}};
      props["affiliation"] = Str();
      props["disciplines"] = StrList();
      props["bio"] = Str();
      required = {"name"};
      break;
    case ListingKind::kTalent:  // docs/talent.md
      props["title"] = {{"type", "string"}, {"description", "the public headline"}};
      props["name"] = {{"type", "string"}, {"description", "the person's name, members only"}};
      props["rank"] = {{"type", "string"}, {"description", "职称"}};
      props["affiliation"] = {{"type", "string"}, {"description", "members only"}};
      props["disciplines"] = StrList();
      props["bio"] = Str();
      props["country"] = {{"type", "string"}, {"description", "ISO 3166-1 alpha-2"}};
      props["seeking"] = {{"type", "array"}, {"items", Enum({"post", "partner", "funding"})}};
      props["talent_type"] = Enum({"", "overseas", "returnee", "domestic"});
      props["languages"] = {{"type", "array"},
                            {"items", {{"type", "string"}, {"description", "ISO 639-1"}}}};
      required = {"title", "name"};
      break;
    case ListingKind::kTalentDemand:
      props["title"] = Str();
      props["description"] = Str();
      props["budget"] = Money();
      props["deadline"] = {{"type", "string"}, {"format", "date"}};
      props["offers"] = {{"type", "array"}, {"items", Enum({"post", "partner", "funding"})}};
      props["talent_type"] = Enum({"", "overseas", "returnee", "domestic"});
      props["languages"] = {{"type", "array"},
                            {"items", {{"type", "string"}, {"description", "ISO 639-1"}}}};
      required = {"title", "description"};
      break;
  }
  if (!for_patch) props["org_id"] = Int();
  json j = Obj(props, for_patch ? json::array() : required);
  j["additionalProperties"] = false;
  return j;
}

const char* ListingSchemaName(ListingKind kind) {
  switch (kind) {
    case ListingKind::kDemand:
      return "Demand";
    case ListingKind::kAchievement:
      return "Achievement";
    case ListingKind::kExpert:
      return "Expert";
    case ListingKind::kTalent:
      return "Talent";
    case ListingKind::kTalentDemand:
      return "TalentDemand";
  }
  return "Demand";
}

json ListingOutput(ListingKind kind) {
  // The editable fields (ListingInput without org_id), then what the platform adds.
  json j = ListingInput(kind, true);
  json& props = j["properties"];
  props["region"] = Str();  // as stored: imports may hold codes the input pattern refuses
  props["deadline"] = Str();
  props["maturity"] = Nullable(Int());
  props["id"] = Int();
  props["type"] = Enum({"demand", "achievement", "expert", "talent", "talent_demand"});
  props["status"] = ListingStatusEnum();
  props["org_id"] = Int();
  props["org"] = OrgBrief();
  props["region_name"] = {{"type", "string"}, {"description", "the province of region"}};
  props["origin"] = Origin();
  props["summary"] = {{"type", "string"}, {"description", "the first 120 characters of the text"}};
  props["demo"] = Bool();
  props["created_at"] = Time();
  props["updated_at"] = Time();
  props["published_at"] = Time();
  props["expires_at"] = Time();
  props["reject_reason"] = {{"type", "string"}, {"description", "to the owner, when rejected"}};
  props["details_hidden"] = {
      {"type", "boolean"},
      {"description",
       "a members-only listing seen by a visitor: text, amounts and contact left out"}};
  j["required"] = {"id",       "type",     "ref",        "status",    "org_id",
                   "keywords", "category", "discipline", "region",    "visibility",
                   "summary",  "demo",     "created_at", "updated_at"};
  return j;
}

json Components() {
  json summary =
      Obj({{"id", Int()},
           {"type", Enum({"demand", "achievement", "expert", "talent", "talent_demand"})},
           {"ref", Str()},
           {"title", {{"type", "string"}, {"description", "experts: 职称"}}},
           {"name", {{"type", "string"}, {"description", "experts"}}},
           {"affiliation", {{"type", "string"}, {"description", "experts"}}},
           {"summary", Str()},
           {"keywords", StrList()},
           {"category", Str()},
           {"discipline", Str()},
           {"region", Str()},
           {"region_name", Str()},
           {"status", ListingStatusEnum()},
           {"visibility", Enum({"public", "members"})},
           {"org_id", Int()},
           {"org", OrgBrief()},
           {"demo", Bool()},
           {"created_at", Time()},
           {"updated_at", Time()},
           {"published_at", Time()},
           {"expires_at", Time()},
           {"details_hidden", Bool()},
           {"reject_reason", Str()},
           {"shared", Bool()},
           {"origin", Origin()}},
          {"id", "type", "ref", "title", "summary", "keywords", "status", "org_id"});
  return {
      {"Error", Obj({{"error", Obj({{"code", Str()}, {"message", Str()}, {"field", Str()}},
                                   {"code", "message"})}},
                    {"error"})},
      {"User", UserSchema()},
      // The account with its organisation (registration, GET /me).
      {"UserWithOrg", UserWithOrgSchema()},
      {"Org", OrgSchema()},
      {"OrgInput", OrgInputSchema(/*for_patch=*/false)},
      {"Demand", ListingOutput(ListingKind::kDemand)},
      {"Achievement", ListingOutput(ListingKind::kAchievement)},
      {"Expert", ListingOutput(ListingKind::kExpert)},
      {"Talent", ListingOutput(ListingKind::kTalent)},
      {"TalentDemand", ListingOutput(ListingKind::kTalentDemand)},
      {"Listing",
       {{"description", "a demand, an achievement, an expert, a talent or a talent demand"},
        {"anyOf",
         {Ref("Demand"), Ref("Achievement"), Ref("Expert"), Ref("Talent"), Ref("TalentDemand")}}}},
      {"ListingSummary", summary},
      {"DemandInput", ListingInput(ListingKind::kDemand, false)},
      {"AchievementInput", ListingInput(ListingKind::kAchievement, false)},
      {"ExpertInput", ListingInput(ListingKind::kExpert, false)},
      {"TalentInput", ListingInput(ListingKind::kTalent, false)},
      {"TalentDemandInput", ListingInput(ListingKind::kTalentDemand, false)},
      {"ImportReport", ImportReportSchema()},
  };
}

}  // namespace kc::api::schema
