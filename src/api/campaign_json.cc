#include "api/campaign_json.h"

#include <algorithm>

#include "api/json_io.h"
#include "api/schemas.h"
#include "core/iso_time.h"
#include "core/news.h"
#include "service/campaign_policy.h"

namespace kc::api {

using nlohmann::json;

namespace {

#define KC_CAMPAIGN_FIELDS                                                                       \
  "title", "title_en", "description", "series", "year", "min_reviewers", "kind", "nominee_type", \
      "nomination_opens", "nomination_closes", "review_opens", "review_closes", "criteria",      \
      "rules"

json CriteriaJson(const std::vector<Criterion>& criteria) {
  json arr = json::array();
  for (const auto& c : criteria) {
    arr.push_back({{"key", c.key},
                   {"name", c.name},
                   {"description", c.description},
                   {"weight", c.weight},
                   {"max_score", c.max_score}});
  }
  return arr;
}

json CriterionSchema() {
  using namespace schema;
  return Obj({{"key", Str()},
              {"name", Str()},
              {"description", Str()},
              {"weight", {{"type", "number"}}},
              {"max_score", Int()}});
}

json RulesJson(const EligibilityRules& r) {
  json j = {{"self_nomination", r.self_nomination}, {"min_materials", r.min_materials}};
  j["max_age"] = r.max_age ? json(*r.max_age) : json(nullptr);
  j["min_founding_year"] = r.min_founding_year ? json(*r.min_founding_year) : json(nullptr);
  return j;
}

// The editable fields of a campaign, as a schema's properties.
json CampaignFields() {
  using namespace schema;
  json rules = Obj({{"max_age", Nullable(Int())},
                    {"min_founding_year", Nullable(Int())},
                    {"self_nomination", Bool()},
                    {"min_materials", Int()}});
  return {{"title", Str()},
          {"title_en", Str()},
          {"description", Str()},
          {"series", Str()},
          {"year", Int()},
          {"kind", Str()},
          {"nominee_type", Str()},
          {"nomination_opens", Str()},
          {"nomination_closes", Str()},
          {"review_opens", Str()},
          {"review_closes", Str()},
          {"min_reviewers", Int()},
          {"criteria", {{"type", "array"}, {"items", CriterionSchema()}}},
          {"rules", rules}};
}

Status ReadTime(const json& body, const char* name, int64_t* out) {
  std::optional<std::string> text;
  KC_RETURN_IF_ERROR(OptString(body, name, &text));
  if (!text) return Status::Ok();
  auto t = ParseIsoTimeWithOffset(*text);
  if (!t) {
    return Invalid(name, "invalid_time",
                   std::string(name) +
                       " is an ISO 8601 time with its zone, e.g. "
                       "2026-03-01T00:00:00+08:00");
  }
  *out = t->epoch_seconds;
  return Status::Ok();
}

Status ReadCriteria(const json& body, std::vector<Criterion>* out) {
  if (!body.contains("criteria") || body["criteria"].is_null()) return Status::Ok();
  const json& arr = body["criteria"];
  if (!arr.is_array()) return Invalid("criteria", "invalid_type", "criteria is a list");
  out->clear();
  for (const auto& e : arr) {
    if (!e.is_object()) return Invalid("criteria", "invalid_type", "a criterion is an object");
    Criterion c;
    if (!e.contains("key") || !e["key"].is_string() || !e.contains("name") ||
        !e["name"].is_string()) {
      return Invalid("criteria", "invalid_type", "a criterion has a key and a name (strings)");
    }
    c.key = e["key"];
    c.name = e["name"];
    if (e.contains("description")) {
      if (!e["description"].is_string()) {
        return Invalid("criteria", "invalid_type", "description is a string");
      }
      c.description = e["description"];
    }
    if (e.contains("weight")) {
      if (!e["weight"].is_number())
        return Invalid("criteria", "invalid_type", "weight is a number");
      c.weight = e["weight"];
    }
    if (e.contains("max_score")) {
      if (!e["max_score"].is_number_integer()) {
        return Invalid("criteria", "invalid_type", "max_score is an integer");
      }
      int64_t m = e["max_score"];
      c.max_score = static_cast<int>(std::clamp<int64_t>(m, -1, 1000));
    }
    out->push_back(std::move(c));
  }
  return Status::Ok();
}

Status ReadRules(const json& body, EligibilityRules* r) {
  if (!body.contains("rules") || body["rules"].is_null()) return Status::Ok();
  const json& j = body["rules"];
  if (!j.is_object()) return Invalid("rules", "invalid_type", "rules is an object");
  for (const auto& [key, v] : j.items()) {
    if (key == "self_nomination") {
      if (!v.is_boolean()) return Invalid("rules", "invalid_type", "self_nomination is a boolean");
      r->self_nomination = v;
    } else if (key == "max_age" || key == "min_founding_year" || key == "min_materials") {
      if (v.is_null() && key != "min_materials") {
        (key == "max_age" ? r->max_age : r->min_founding_year) = std::nullopt;
        continue;
      }
      if (!v.is_number_integer()) return Invalid("rules", "invalid_type", key + " is an integer");
      int value = static_cast<int>(std::clamp<int64_t>(v.get<int64_t>(), -1, 100000));
      if (key == "max_age") r->max_age = value;
      if (key == "min_founding_year") r->min_founding_year = value;
      if (key == "min_materials") r->min_materials = value;
    } else {
      return BadInput("unknown_field", "unknown rule: " + key, "rules");
    }
  }
  return Status::Ok();
}

Status ReadMaterials(const json& body, std::vector<Material>* out) {
  if (!body.contains("materials") || body["materials"].is_null()) return Status::Ok();
  const json& m = body["materials"];
  if (!m.is_array()) return Invalid("materials", "invalid_type", "materials is a list");
  for (const auto& e : m) {
    if (!e.is_object() || !e.contains("title") || !e["title"].is_string() ||
        (e.contains("url") && !e["url"].is_string())) {
      return Invalid("materials", "invalid_type", "a material is {title, url?}");
    }
    out->push_back(Material{e["title"], e.value("url", "")});
  }
  return Status::Ok();
}

// The properties of a nomination as it is sent.
json NominationInputProperties() {
  using namespace schema;
  return {{"id", Int()},
          {"campaign_id", Int()},
          {"nominator_org_id", Int()},
          {"nominee_type", Str()},
          {"nominee_name", Str()},
          {"nominee_org_id", Int()},
          {"listing_id", Int()},
          {"discipline", Str()},
          {"birth_date", Str()},
          {"founding_year", Int()},
          {"summary", Str()},
          {"materials", {{"type", "array"}, {"items", Obj({{"title", Str()}, {"url", Str()}})}}}};
}

}  // namespace

json CampaignJson(const Campaign& c) {
  return {{"id", c.id},
          {"series", c.series},
          {"title", c.title},
          {"title_en", c.title_en},
          {"year", c.year},
          {"kind", CampaignKindName(c.kind)},
          {"nominee_type", NomineeTypeName(c.nominee_type)},
          {"description", c.description},
          {"criteria", CriteriaJson(c.criteria)},
          {"rules", RulesJson(c.rules)},
          {"nomination_opens", IsoTime(c.nomination_opens)},
          {"nomination_closes", IsoTime(c.nomination_closes)},
          {"review_opens", IsoTime(c.review_opens)},
          {"review_closes", IsoTime(c.review_closes)},
          {"min_reviewers", c.min_reviewers},
          {"status", CampaignStatusName(c.status)},
          {"published_at", IsoTime(c.published_at)}};
}

json CampaignSchema() {
  using namespace schema;
  json campaign = Obj(CampaignFields());
  campaign["properties"]["id"] = Int();
  campaign["properties"]["status"] = Enum({"draft", "open", "review", "published"});
  campaign["properties"]["published_at"] = Time();
  return campaign;
}

json CampaignTemplateJson(const std::string& key, const Campaign& campaign) {
  json j = CampaignJson(campaign);
  j.erase("id");
  j["template"] = key;
  return j;
}

json CampaignTemplateSchema() {
  json j = CampaignSchema();
  j["properties"].erase("id");
  j["properties"]["template"] = schema::Str();
  return j;
}

json CampaignInputSchema(bool for_create) {
  json j = schema::Obj(CampaignFields());
  if (for_create) j["properties"]["template"] = schema::Str();
  return j;
}

Status AllowOnlyCampaignFields(const json& body) { return AllowOnly(body, {KC_CAMPAIGN_FIELDS}); }

Status ReadCampaign(const json& body, Campaign* c) {
  std::optional<std::string> text;
  for (auto [name, field] :
       {std::pair{"title", &c->title}, std::pair{"title_en", &c->title_en},
        std::pair{"description", &c->description}, std::pair{"series", &c->series}}) {
    KC_RETURN_IF_ERROR(OptString(body, name, &text));
    if (text) *field = *text;
    text.reset();
  }
  std::optional<int64_t> number;
  KC_RETURN_IF_ERROR(OptInt(body, "year", &number));
  if (number) c->year = static_cast<int>(std::clamp<int64_t>(*number, 0, 100000));
  number.reset();
  KC_RETURN_IF_ERROR(OptInt(body, "min_reviewers", &number));
  if (number) c->min_reviewers = static_cast<int>(std::clamp<int64_t>(*number, -1, 1000));
  KC_RETURN_IF_ERROR(OptString(body, "kind", &text));
  if (text) {
    auto k = CampaignKindFromName(*text);
    if (!k) return Invalid("kind", "invalid_kind", "kind is list or award");
    c->kind = *k;
  }
  text.reset();
  KC_RETURN_IF_ERROR(OptString(body, "nominee_type", &text));
  if (text) {
    auto t = NomineeTypeFromName(*text);
    if (!t) {
      return Invalid("nominee_type", "invalid_nominee_type",
                     "nominee_type is achievement, enterprise, organisation or person");
    }
    c->nominee_type = *t;
  }
  KC_RETURN_IF_ERROR(ReadTime(body, "nomination_opens", &c->nomination_opens));
  KC_RETURN_IF_ERROR(ReadTime(body, "nomination_closes", &c->nomination_closes));
  KC_RETURN_IF_ERROR(ReadTime(body, "review_opens", &c->review_opens));
  KC_RETURN_IF_ERROR(ReadTime(body, "review_closes", &c->review_closes));
  KC_RETURN_IF_ERROR(ReadCriteria(body, &c->criteria));
  return ReadRules(body, &c->rules);
}

Result<Campaign> ReadNewCampaign(const json& body) {
  KC_RETURN_IF_ERROR(AllowOnly(body, {"template", KC_CAMPAIGN_FIELDS}));
  std::optional<std::string> tmpl;
  std::optional<int64_t> year;
  KC_RETURN_IF_ERROR(OptString(body, "template", &tmpl));
  KC_RETURN_IF_ERROR(OptInt(body, "year", &year));
  Campaign c;
  if (tmpl) {
    if (!year) return Invalid("year", "required", "a campaign from a template needs its year");
    auto t = CampaignFromTemplate(*tmpl, static_cast<int>(std::clamp<int64_t>(*year, 0, 9999)));
    if (!t) return Invalid("template", "unknown_template", "no template " + *tmpl);
    c = *t;
  }
  KC_RETURN_IF_ERROR(ReadCampaign(body, &c));
  return c;
}

json NominationJson(const Nomination& n, const Actor& viewer, bool as_reviewer) {
  json materials = json::array();
  for (const auto& m : n.materials) materials.push_back({{"title", m.title}, {"url", m.url}});
  json j = {{"id", n.id},
            {"campaign_id", n.campaign_id},
            {"nominee_type", NomineeTypeName(n.nominee_type)},
            {"nominee_name", n.nominee_name},
            {"discipline", n.discipline},
            {"summary", n.summary},
            {"materials", materials},
            {"created_at", IsoTime(n.created_at)}};
  j["nominee_org_id"] = n.nominee_org_id ? json(*n.nominee_org_id) : json(nullptr);
  j["listing_id"] = n.listing_id ? json(*n.listing_id) : json(nullptr);
  j["birth_date"] = n.birth_date;
  j["founding_year"] = n.founding_year ? json(*n.founding_year) : json(nullptr);
  if (SeesNominator(viewer, n, as_reviewer)) j["nominator_org_id"] = n.nominator_org_id;
  return j;
}

json NominationSchema() {
  using namespace schema;
  json nomination = Obj(NominationInputProperties());
  for (const char* k : {"nominee_org_id", "listing_id", "founding_year"}) {
    nomination["properties"][k] = Nullable(Int());
  }
  nomination["properties"]["created_at"] = Time();
  return nomination;
}

json NominationInputSchema() { return schema::Obj(NominationInputProperties()); }

Result<Nomination> ReadNomination(const json& body) {
  Nomination n;
  KC_RETURN_IF_ERROR(AllowOnly(
      body, {"nominator_org_id", "nominee_type", "nominee_name", "nominee_org_id", "listing_id",
             "discipline", "birth_date", "founding_year", "summary", "materials"}));
  std::string type;
  std::optional<std::string> discipline, birth, summary;
  std::optional<int64_t> nominator, nominee_org, listing, founded;
  KC_RETURN_IF_ERROR(RequireString(body, "nominee_type", &type));
  KC_RETURN_IF_ERROR(RequireString(body, "nominee_name", &n.nominee_name));
  KC_RETURN_IF_ERROR(OptString(body, "discipline", &discipline));
  KC_RETURN_IF_ERROR(OptString(body, "birth_date", &birth));
  KC_RETURN_IF_ERROR(OptString(body, "summary", &summary));
  KC_RETURN_IF_ERROR(OptInt(body, "nominator_org_id", &nominator));
  KC_RETURN_IF_ERROR(OptInt(body, "nominee_org_id", &nominee_org));
  KC_RETURN_IF_ERROR(OptInt(body, "listing_id", &listing));
  KC_RETURN_IF_ERROR(OptInt(body, "founding_year", &founded));
  auto t = NomineeTypeFromName(type);
  if (!t) {
    return Invalid("nominee_type", "invalid_nominee_type",
                   "nominee_type is achievement, enterprise, organisation or person");
  }
  n.nominee_type = *t;
  KC_RETURN_IF_ERROR(ReadMaterials(body, &n.materials));
  n.discipline = discipline.value_or("");
  n.birth_date = birth.value_or("");
  n.summary = summary.value_or("");
  n.nominator_org_id = nominator.value_or(0);
  n.nominee_org_id = nominee_org;
  n.listing_id = listing;
  if (founded) n.founding_year = static_cast<int>(std::clamp<int64_t>(*founded, 0, 100000));
  return n;
}

json ReviewTaskJson(const ReviewTask& t, const Actor& reviewer) {
  json scores = json::object();
  for (const auto& [k, v] : t.my_scores) scores[k] = v;
  return {{"campaign",
           {{"id", t.campaign.id},
            {"title", t.campaign.title},
            {"title_en", t.campaign.title_en},
            {"criteria", CriteriaJson(t.campaign.criteria)},
            {"review_closes", IsoTime(t.campaign.review_closes)}}},
          {"nomination", NominationJson(t.nomination, reviewer, true)},
          {"my_scores", scores}};
}

json ReviewTaskSchema() {
  using namespace schema;
  // A reviewer's task: the nomination without who nominated it.
  json nomination_to_review = NominationSchema();
  nomination_to_review["properties"].erase("nominator_org_id");
  return Obj({{"campaign", Obj({{"id", Int()},
                                {"title", Str()},
                                {"title_en", Str()},
                                {"criteria", ListOf(CriterionSchema())},
                                {"review_closes", Time()}})},
              {"nomination", nomination_to_review},
              {"my_scores", MapOf({{"type", "number"}})}});
}

Result<std::map<std::string, double>> ReadScores(const json& body) {
  KC_RETURN_IF_ERROR(AllowOnly(body, {"scores"}));
  if (!body.contains("scores") || !body["scores"].is_object()) {
    return Invalid("scores", "required", "scores is an object {criterion: score}");
  }
  std::map<std::string, double> scores;
  for (const auto& [k, v] : body["scores"].items()) {
    if (!v.is_number()) return Invalid("scores", "invalid_type", "a score is a number");
    scores[k] = v.get<double>();
  }
  return scores;
}

json AssignmentReportJson(const AssignmentReport& report) {
  json short_of = json::array();
  for (const auto& [nomination, eligible] : report.short_of) {
    short_of.push_back({{"nomination_id", nomination}, {"eligible_reviewers", eligible}});
  }
  return {{"assigned", report.assigned}, {"short_of", short_of}};
}

json AssignmentReportSchema() {
  using namespace schema;
  return Obj({{"assigned", Int()},
              {"short_of",
               {{"type", "array"},
                {"items", Obj({{"nomination_id", Int()}, {"eligible_reviewers", Int()}})}}}});
}

json ResultsJson(const Campaign& c, const std::vector<CampaignResult>& rows) {
  json items = json::array();
  for (const auto& r : rows) {
    json breakdown = json::array();
    for (const auto& k : c.criteria) {
      auto it = r.breakdown.find(k.key);
      breakdown.push_back({{"key", k.key},
                           {"name", k.name},
                           {"weight", k.weight},
                           {"score", it == r.breakdown.end() ? 0.0 : it->second}});
    }
    items.push_back({{"rank", r.rank},
                     {"nomination_id", r.nomination_id},
                     {"nominee", r.nominee_name},
                     {"total", r.total},
                     {"breakdown", breakdown},
                     {"reviewers", r.reviewers}});
  }
  return {{"campaign", CampaignJson(c)}, {"items", items}};
}

json ResultsSchema() {
  using namespace schema;
  json result = Obj({{"rank", Int()},
                     {"nomination_id", Int()},
                     {"nominee", Str()},
                     {"total", {{"type", "number"}}},
                     {"breakdown",
                      {{"type", "array"},
                       {"items", Obj({{"key", Str()},
                                      {"name", Str()},
                                      {"weight", {{"type", "number"}}},
                                      {"score", {{"type", "number"}}}})}}},
                     {"reviewers", Int()}});
  return Obj({{"campaign", CampaignSchema()}, {"items", {{"type", "array"}, {"items", result}}}});
}

}  // namespace kc::api
