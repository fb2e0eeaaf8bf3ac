#include "api/schemas.h"

namespace kc::api::schema {

namespace {
json Money() { return Obj({{"min_cny", Int()}, {"max_cny", Int()}, {"negotiable", Bool()}}); }
json Modes() {
  return {{"type", "array"},
          {"items",
           {{"type", "string"},
            {"enum",
             {"transfer", "license", "joint_development", "commissioned_development", "consulting",
              "talent", "equity", "other"}}}}};
}
json Contact() { return Obj({{"name", Str()}, {"phone", Str()}, {"email", Str()}}); }
}  // namespace

json ListingInput(ListingKind kind, bool for_patch) {
  json props = {{"ref", Str()},
                {"keywords", StrList()},
                {"category", Str()},
                {"discipline", Str()},
                {"region", {{"type", "string"}, {"pattern", "^[0-9]{6}$"}}},
                {"visibility", {{"type", "string"}, {"enum", {"public", "members"}}}},
                {"contact", Contact()}};
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
  }
  if (!for_patch) props["org_id"] = Int();
  json j = Obj(props, for_patch ? json::array() : required);
  j["additionalProperties"] = false;
  return j;
}

json Components() {
  json listing =
      Obj({{"id", Int()},
           {"type", Str()},
           {"ref", Str()},
           {"title", Str()},
           {"status",
            {{"type", "string"},
             {"enum", {"draft", "pending", "published", "rejected", "closed", "expired"}}}},
           {"summary", Str()},
           {"org", Obj({{"id", Int()}, {"name", Str()}, {"type", Str()}})},
           {"details_hidden", Bool()},
           {"reject_reason", Str()}});
  listing["additionalProperties"] = true;
  json summary = Obj({{"id", Int()},
                      {"type", Str()},
                      {"ref", Str()},
                      {"title", Str()},
                      {"name", {{"type", "string"}, {"description", "experts"}}},
                      {"affiliation", {{"type", "string"}, {"description", "experts"}}},
                      {"summary", Str()},
                      {"keywords", StrList()},
                      {"category", Str()},
                      {"discipline", Str()},
                      {"region", Str()},
                      {"region_name", Str()},
                      {"status", listing["properties"]["status"]},
                      {"visibility", Str()},
                      {"org_id", Int()},
                      {"org", listing["properties"]["org"]},
                      {"demo", Bool()},
                      {"created_at", Str()},
                      {"updated_at", Str()},
                      {"published_at", Str()},
                      {"expires_at", Str()},
                      {"details_hidden", Bool()},
                      {"reject_reason", Str()}});
  return {
      {"Error", Obj({{"error", Obj({{"code", Str()}, {"message", Str()}, {"field", Str()}},
                                   {"code", "message"})}},
                    {"error"})},
      {"User", Obj({{"id", Int()},
                    {"username", Str()},
                    {"display_name", Str()},
                    {"email", Str()},
                    {"role",
                     {{"type", "string"},
                      {"enum", {"member", "reviewer", "editor", "admin"}},
                      {"description", "the platform role; independent of org_role"}}},
                    {"org_id", {{"type", {"integer", "null"}}}},
                    {"org_role",
                     {{"type", {"string", "null"}},
                      {"enum", {"member", "org_admin", nullptr}},
                      {"description", "the role within org_id; null without an organisation"}}},
                    {"requested_org_id",
                     {{"type", "integer"},
                      {"description", "the organisation asked to join, until its admins decide"}}},
                    {"disabled", Bool()},
                    {"created_at", Str()}})},
      {"Org", Obj({{"id", Int()},
                   {"name", Str()},
                   {"type",
                    {{"type", "string"},
                     {"enum",
                      {"enterprise", "university", "institute", "hospital", "society",
                       "service_agency", "investor", "government", "offshore_base"}}}},
                   {"region", Str()},
                   {"country", Str()},
                   {"credit_code", Str()},
                   {"description", Str()},
                   {"website", Str()}})},
      {"Listing", listing},
      {"ListingSummary", summary},
      {"DemandInput", ListingInput(ListingKind::kDemand, false)},
      {"AchievementInput", ListingInput(ListingKind::kAchievement, false)},
      {"ExpertInput", ListingInput(ListingKind::kExpert, false)},
      {"ImportReport",
       Obj({{"created", Int()},
            {"failed",
             {{"type", "array"},
              {"items",
               Obj({{"line", Int()},
                    {"error", Obj({{"code", Str()}, {"message", Str()}, {"field", Str()}})}})}}},
            {"ignored_fields", StrList()}})},
  };
}

}  // namespace kc::api::schema
