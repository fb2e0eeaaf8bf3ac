// /campaigns (榜单与奖项): set-up, nominations, review, publication, results; /me/reviews and
// /nominations/{id}/scores for reviewers.
#include "api/json_io.h"
#include "api/routes.h"
#include "api/schemas.h"
#include "core/iso_time.h"
#include "core/news.h"
#include "core/shanghai_day.h"
#include "service/campaign_policy.h"

namespace kc::api {

namespace {

using http::bhttp::verb;

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

json RulesJson(const EligibilityRules& r) {
  json j = {{"self_nomination", r.self_nomination}, {"min_materials", r.min_materials}};
  j["max_age"] = r.max_age ? json(*r.max_age) : json(nullptr);
  j["min_founding_year"] = r.min_founding_year ? json(*r.min_founding_year) : json(nullptr);
  return j;
}

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

// A nomination as `viewer` sees it; `as_reviewer` when the viewer reads it as its assigned
// reviewer (SeesNominator in campaign_policy.h decides whether the nominator is shown).
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

// The editable fields of a campaign (create and PATCH).
Status ReadCampaignFields(const json& body, Campaign* c) {
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

#define KC_CAMPAIGN_FIELDS                                                                       \
  "title", "title_en", "description", "series", "year", "min_reviewers", "kind", "nominee_type", \
      "nomination_opens", "nomination_closes", "review_opens", "review_closes", "criteria",      \
      "rules"

http::Response ListTemplates(Context&, http::Request& req) {
  // This year in China's time zone unless the caller names one.
  int year = std::stoi(ShanghaiDay(std::time(nullptr)).substr(0, 4));
  if (auto y = req.Query("year"); y && !y->empty()) {
    auto parsed = ParseId(*y, "year");
    if (!parsed.ok()) return http::ErrorResponse(parsed.status());
    year = static_cast<int>(std::clamp<int64_t>(*parsed, 2000, 2100));
  }
  json items = json::array();
  for (const auto& key : CampaignTemplateKeys()) {
    json j = CampaignJson(*CampaignFromTemplate(key, year));
    j.erase("id");
    j["template"] = key;
    items.push_back(j);
  }
  return JsonResponse(200, {{"items", items}});
}

http::Response CreateCampaign(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, ctx.Authenticate(req, true));
  if (!actor->signed_in()) return http::ErrorResponse(Unauthorized());
  KC_ASSIGN_OR_RESPOND(body, ParseObject(req));
  Status s = AllowOnly(*body, {"template", KC_CAMPAIGN_FIELDS});
  std::optional<std::string> tmpl;
  std::optional<int64_t> year;
  if (s.ok()) s = OptString(*body, "template", &tmpl);
  if (s.ok()) s = OptInt(*body, "year", &year);
  Campaign c;
  if (s.ok() && tmpl) {
    if (!year) {
      s = Invalid("year", "required", "a campaign from a template needs its year");
    } else {
      auto t = CampaignFromTemplate(*tmpl, static_cast<int>(std::clamp<int64_t>(*year, 0, 9999)));
      if (!t) {
        s = Invalid("template", "unknown_template", "no template " + *tmpl);
      } else {
        c = *t;
      }
    }
  }
  if (s.ok()) s = ReadCampaignFields(*body, &c);
  if (!s.ok()) return http::ErrorResponse(s);
  KC_ASSIGN_OR_RESPOND(created, ctx.campaigns->Create(*actor, c));
  return JsonResponse(201, CampaignJson(*created));
}

http::Response PatchCampaign(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, ctx.Authenticate(req, true));
  if (!actor->signed_in()) return http::ErrorResponse(Unauthorized());
  KC_ASSIGN_OR_RESPOND(id, ParseId(req.Param("id"), "id"));
  KC_ASSIGN_OR_RESPOND(body, ParseObject(req));
  Status s = AllowOnly(*body, {KC_CAMPAIGN_FIELDS});
  if (!s.ok()) return http::ErrorResponse(s);
  KC_ASSIGN_OR_RESPOND(c, ctx.campaigns->Get(*actor, *id));
  s = ReadCampaignFields(*body, &*c);
  if (!s.ok()) return http::ErrorResponse(s);
  KC_ASSIGN_OR_RESPOND(updated, ctx.campaigns->Update(*actor, *c));
  return JsonResponse(200, CampaignJson(*updated));
}

http::Response ListCampaigns(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, ctx.Authenticate(req, false));
  KC_ASSIGN_OR_RESPOND(page, ReadPage(req));
  CampaignQuery q;
  q.offset = page->offset();
  q.limit = page->size;
  q.series = req.Query("series").value_or("");
  if (auto st = req.Query("status"); st && !st->empty()) {
    auto status = CampaignStatusFromName(*st);
    if (!status) {
      return http::ErrorResponse(
          BadInput("invalid_parameter", "status is draft, open, review or published", "status"));
    }
    q.statuses = {*status};
  }
  KC_ASSIGN_OR_RESPOND(campaigns, ctx.campaigns->List(*actor, q));
  json items = json::array();
  for (const auto& c : campaigns->items) items.push_back(CampaignJson(c));
  return JsonResponse(200, PageJson(items, campaigns->total, *page));
}

http::Response GetCampaign(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, ctx.Authenticate(req, false));
  KC_ASSIGN_OR_RESPOND(id, ParseId(req.Param("id"), "id"));
  KC_ASSIGN_OR_RESPOND(c, ctx.campaigns->Get(*actor, *id));
  return JsonResponse(200, CampaignJson(*c));
}

http::Response OpenCampaign(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, ctx.Authenticate(req, true));
  if (!actor->signed_in()) return http::ErrorResponse(Unauthorized());
  KC_ASSIGN_OR_RESPOND(id, ParseId(req.Param("id"), "id"));
  KC_ASSIGN_OR_RESPOND(c, ctx.campaigns->Open(*actor, *id));
  return JsonResponse(200, CampaignJson(*c));
}

http::Response Nominate(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, ctx.Authenticate(req, true));
  if (!actor->signed_in()) return http::ErrorResponse(Unauthorized());
  KC_ASSIGN_OR_RESPOND(id, ParseId(req.Param("id"), "id"));
  KC_ASSIGN_OR_RESPOND(body, ParseObject(req));
  Nomination n;
  Status s = AllowOnly(
      *body, {"nominator_org_id", "nominee_type", "nominee_name", "nominee_org_id", "listing_id",
              "discipline", "birth_date", "founding_year", "summary", "materials"});
  std::string type;
  std::optional<std::string> discipline, birth, summary;
  std::optional<int64_t> nominator, nominee_org, listing, founded;
  if (s.ok()) s = RequireString(*body, "nominee_type", &type);
  if (s.ok()) s = RequireString(*body, "nominee_name", &n.nominee_name);
  if (s.ok()) s = OptString(*body, "discipline", &discipline);
  if (s.ok()) s = OptString(*body, "birth_date", &birth);
  if (s.ok()) s = OptString(*body, "summary", &summary);
  if (s.ok()) s = OptInt(*body, "nominator_org_id", &nominator);
  if (s.ok()) s = OptInt(*body, "nominee_org_id", &nominee_org);
  if (s.ok()) s = OptInt(*body, "listing_id", &listing);
  if (s.ok()) s = OptInt(*body, "founding_year", &founded);
  if (s.ok()) {
    auto t = NomineeTypeFromName(type);
    if (!t) {
      s = Invalid("nominee_type", "invalid_nominee_type",
                  "nominee_type is achievement, enterprise, organisation or person");
    } else {
      n.nominee_type = *t;
    }
  }
  if (s.ok() && body->contains("materials") && !(*body)["materials"].is_null()) {
    const json& m = (*body)["materials"];
    if (!m.is_array()) s = Invalid("materials", "invalid_type", "materials is a list");
    for (size_t i = 0; s.ok() && i < m.size(); ++i) {
      if (!m[i].is_object() || !m[i].contains("title") || !m[i]["title"].is_string() ||
          (m[i].contains("url") && !m[i]["url"].is_string())) {
        s = Invalid("materials", "invalid_type", "a material is {title, url?}");
      } else {
        n.materials.push_back(Material{m[i]["title"], m[i].value("url", "")});
      }
    }
  }
  if (!s.ok()) return http::ErrorResponse(s);
  n.discipline = discipline.value_or("");
  n.birth_date = birth.value_or("");
  n.summary = summary.value_or("");
  n.nominator_org_id = nominator.value_or(0);
  n.nominee_org_id = nominee_org;
  n.listing_id = listing;
  if (founded) n.founding_year = static_cast<int>(std::clamp<int64_t>(*founded, 0, 100000));
  KC_ASSIGN_OR_RESPOND(created, ctx.campaigns->Nominate(*actor, *id, n));
  return JsonResponse(201, NominationJson(*created, *actor, false));
}

http::Response ListNominations(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, ctx.Authenticate(req, false));
  KC_ASSIGN_OR_RESPOND(id, ParseId(req.Param("id"), "id"));
  KC_ASSIGN_OR_RESPOND(noms, ctx.campaigns->Nominations(*actor, *id));
  json items = json::array();
  for (const auto& n : *noms) items.push_back(NominationJson(n, *actor, false));
  return JsonResponse(200, {{"items", items}});
}

http::Response DeclareConflict(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, ctx.Authenticate(req, true));
  if (!actor->signed_in()) return http::ErrorResponse(Unauthorized());
  KC_ASSIGN_OR_RESPOND(id, ParseId(req.Param("id"), "id"));
  KC_ASSIGN_OR_RESPOND(body, ParseObject(req));
  std::optional<int64_t> org, reviewer;
  std::optional<std::string> reason;
  Status s = AllowOnly(*body, {"org_id", "reviewer_id", "reason"});
  if (s.ok()) s = OptInt(*body, "org_id", &org);
  if (s.ok()) s = OptInt(*body, "reviewer_id", &reviewer);
  if (s.ok()) s = OptString(*body, "reason", &reason);
  if (s.ok() && !org) s = Invalid("org_id", "required", "name the organisation");
  if (!s.ok()) return http::ErrorResponse(s);
  s = ctx.campaigns->DeclareConflict(*actor, *id, reviewer.value_or(0), *org, reason.value_or(""));
  if (!s.ok()) return http::ErrorResponse(s);
  http::Response r;
  r.status = 204;
  return r;
}

http::Response StartReview(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, ctx.Authenticate(req, true));
  if (!actor->signed_in()) return http::ErrorResponse(Unauthorized());
  KC_ASSIGN_OR_RESPOND(id, ParseId(req.Param("id"), "id"));
  KC_ASSIGN_OR_RESPOND(report, ctx.campaigns->StartReview(*actor, *id));
  json short_of = json::array();
  for (const auto& [nomination, eligible] : report->short_of) {
    short_of.push_back({{"nomination_id", nomination}, {"eligible_reviewers", eligible}});
  }
  return JsonResponse(200, {{"assigned", report->assigned}, {"short_of", short_of}});
}

http::Response MyReviews(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, ctx.Authenticate(req, false));
  KC_ASSIGN_OR_RESPOND(tasks, ctx.campaigns->MyReviews(*actor));
  json items = json::array();
  for (const auto& t : *tasks) {
    json scores = json::object();
    for (const auto& [k, v] : t.my_scores) scores[k] = v;
    json n = NominationJson(t.nomination, *actor, true);
    items.push_back({{"campaign",
                      {{"id", t.campaign.id},
                       {"title", t.campaign.title},
                       {"title_en", t.campaign.title_en},
                       {"criteria", CriteriaJson(t.campaign.criteria)},
                       {"review_closes", IsoTime(t.campaign.review_closes)}}},
                     {"nomination", n},
                     {"my_scores", scores}});
  }
  return JsonResponse(200, {{"items", items}});
}

http::Response Score(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, ctx.Authenticate(req, true));
  if (!actor->signed_in()) return http::ErrorResponse(Unauthorized());
  KC_ASSIGN_OR_RESPOND(id, ParseId(req.Param("id"), "id"));
  KC_ASSIGN_OR_RESPOND(body, ParseObject(req));
  Status s = AllowOnly(*body, {"scores"});
  std::map<std::string, double> scores;
  if (s.ok()) {
    if (!body->contains("scores") || !(*body)["scores"].is_object()) {
      s = Invalid("scores", "required", "scores is an object {criterion: score}");
    } else {
      for (const auto& [k, v] : (*body)["scores"].items()) {
        if (!v.is_number()) {
          s = Invalid("scores", "invalid_type", "a score is a number");
          break;
        }
        scores[k] = v.get<double>();
      }
    }
  }
  if (!s.ok()) return http::ErrorResponse(s);
  s = ctx.campaigns->Score(*actor, *id, scores);
  if (!s.ok()) return http::ErrorResponse(s);
  http::Response r;
  r.status = 204;
  return r;
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

http::Response Publish(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, ctx.Authenticate(req, true));
  if (!actor->signed_in()) return http::ErrorResponse(Unauthorized());
  KC_ASSIGN_OR_RESPOND(id, ParseId(req.Param("id"), "id"));
  KC_ASSIGN_OR_RESPOND(rows, ctx.campaigns->Publish(*actor, *id));
  KC_ASSIGN_OR_RESPOND(c, ctx.campaigns->Get(*actor, *id));
  return JsonResponse(200, ResultsJson(*c, *rows));
}

http::Response Results(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, ctx.Authenticate(req, false));
  KC_ASSIGN_OR_RESPOND(id, ParseId(req.Param("id"), "id"));
  KC_ASSIGN_OR_RESPOND(c, ctx.campaigns->Get(*actor, *id));
  KC_ASSIGN_OR_RESPOND(rows, ctx.campaigns->Results(*id));
  return JsonResponse(200, ResultsJson(*c, *rows));
}

}  // namespace

void RegisterCampaignRoutes(http::Router& router, Context& ctx) {
  using namespace schema;
  json criterion = Obj({{"key", Str()},
                        {"name", Str()},
                        {"description", Str()},
                        {"weight", {{"type", "number"}}},
                        {"max_score", Int()}});
  json rules = Obj({{"max_age", Nullable(Int())},
                    {"min_founding_year", Nullable(Int())},
                    {"self_nomination", Bool()},
                    {"min_materials", Int()}});
  json fields = {{"title", Str()},
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
                 {"criteria", {{"type", "array"}, {"items", criterion}}},
                 {"rules", rules}};
  json campaign = Obj(fields);
  campaign["properties"]["id"] = Int();
  campaign["properties"]["status"] = Enum({"draft", "open", "review", "published"});
  campaign["properties"]["published_at"] = Time();
  // A template: a campaign of the given year, not stored (no id), named by its key.
  json from_template = campaign;
  from_template["properties"].erase("id");
  from_template["properties"]["template"] = Str();
  json create = Obj(fields);
  create["properties"]["template"] = Str();
  json nomination_input =
      Obj({{"id", Int()},
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
           {"materials", {{"type", "array"}, {"items", Obj({{"title", Str()}, {"url", Str()}})}}}});
  json nomination = nomination_input;
  for (const char* k : {"nominee_org_id", "listing_id", "founding_year"}) {
    nomination["properties"][k] = Nullable(Int());
  }
  nomination["properties"]["created_at"] = Time();
  // A reviewer's task: the nomination without who nominated it.
  json nomination_to_review = nomination;
  nomination_to_review["properties"].erase("nominator_org_id");
  json review_task = Obj({{"campaign", Obj({{"id", Int()},
                                            {"title", Str()},
                                            {"title_en", Str()},
                                            {"criteria", ListOf(criterion)},
                                            {"review_closes", Time()}})},
                          {"nomination", nomination_to_review},
                          {"my_scores", MapOf({{"type", "number"}})}});
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
  json results = Obj({{"campaign", campaign}, {"items", {{"type", "array"}, {"items", result}}}});

  json list_query = PageQuery();
  list_query.push_back(QueryParam("series", "one series (e.g. pioneer-technology): its history"));
  list_query.push_back(QueryParam("status", "draft (admins), open, review or published"));
  router.Add(verb::get, "/api/v1/campaigns",
             Guarded([&ctx](http::Request& r) { return ListCampaigns(ctx, r); }),
             {.summary = "Ranked lists and awards, newest year first (with series=…&status="
                         "published: a list's history by year)",
              .tag = "campaigns",
              .query_params = list_query,
              .response = PageOf(campaign),
              .errors = {400}});
  router.Add(verb::get, "/api/v1/campaigns/templates",
             Guarded([&ctx](http::Request& r) { return ListTemplates(ctx, r); }),
             {.summary = "The built-in templates: 先导技术, 新锐企业, 产学研融通组织, "
                         "求是杰出青年成果转化奖",
              .tag = "campaigns",
              .query_params = json::array({QueryParam("year",
                                                      "the edition's year (default: this year in "
                                                      "China's time zone)",
                                                      Int())}),
              .response = Obj({{"items", ListOf(from_template)}}),
              .errors = {400}});
  router.Add(verb::post, "/api/v1/campaigns",
             Guarded([&ctx](http::Request& r) { return CreateCampaign(ctx, r); }),
             {.summary = "Create a campaign as a draft (admins), from {template, year} and the "
                         "four windows, or from every field",
              .tag = "campaigns",
              .auth = true,
              .request_body = create,
              .success_status = 201,
              .response = campaign,
              .errors = {400, 401, 403, 409, 422}});
  router.Add(verb::get, "/api/v1/campaigns/{id}",
             Guarded([&ctx](http::Request& r) { return GetCampaign(ctx, r); }),
             {.summary = "A campaign (drafts for admins only)",
              .tag = "campaigns",
              .response = campaign,
              .errors = {400, 404}});
  router.Add(verb::patch, "/api/v1/campaigns/{id}",
             Guarded([&ctx](http::Request& r) { return PatchCampaign(ctx, r); }),
             {.summary = "Edit a draft or open campaign (admins); 409 once under review or "
                         "published",
              .tag = "campaigns",
              .auth = true,
              .request_body = Obj(fields),
              .response = campaign,
              .errors = {400, 401, 403, 404, 409, 422}});
  router.Add(verb::post, "/api/v1/campaigns/{id}/open",
             Guarded([&ctx](http::Request& r) { return OpenCampaign(ctx, r); }),
             {.summary = "Open a draft for nominations (admins)",
              .tag = "campaigns",
              .auth = true,
              .response = campaign,
              .errors = {400, 401, 403, 404, 409}});
  router.Add(verb::post, "/api/v1/campaigns/{id}/nominations",
             Guarded([&ctx](http::Request& r) { return Nominate(ctx, r); }),
             {.summary = "Nominate (an organisation's admins): eligibility is checked and a "
                         "refusal says why (422 ineligible)",
              .tag = "campaigns",
              .auth = true,
              .request_body = nomination_input,
              .success_status = 201,
              .response = nomination,
              .errors = {400, 401, 403, 404, 409, 422}});
  router.Add(verb::get, "/api/v1/campaigns/{id}/nominations",
             Guarded([&ctx](http::Request& r) { return ListNominations(ctx, r); }),
             {.summary = "Nominations: all for admins, one's own organisation's for others",
              .tag = "campaigns",
              .auth = true,
              .response = Obj({{"items", {{"type", "array"}, {"items", nomination}}}}),
              .errors = {400, 401, 404}});
  router.Add(verb::post, "/api/v1/campaigns/{id}/conflicts",
             Guarded([&ctx](http::Request& r) { return DeclareConflict(ctx, r); }),
             {.summary = "Declare a conflict of interest with an organisation (a reviewer for "
                         "themself; admins for reviewer_id)",
              .tag = "campaigns",
              .auth = true,
              .request_body = Obj({{"org_id", Int()}, {"reviewer_id", Int()}, {"reason", Str()}},
                                  json::array({"org_id"})),
              .success_status = 204,
              .errors = {400, 401, 403, 404, 409, 422}});
  router.Add(verb::post, "/api/v1/campaigns/{id}/review",
             Guarded([&ctx](http::Request& r) { return StartReview(ctx, r); }),
             {.summary = "Close nominations and draw reviewers from the expert pool by "
                         "discipline, never of a nominee's or nominator's organisation or a "
                         "declared conflict (admins); again to top up",
              .tag = "campaigns",
              .auth = true,
              .response = Obj(
                  {{"assigned", Int()},
                   {"short_of",
                    {{"type", "array"},
                     {"items", Obj({{"nomination_id", Int()}, {"eligible_reviewers", Int()}})}}}}),
              .errors = {400, 401, 403, 404, 409}});
  router.Add(verb::post, "/api/v1/campaigns/{id}/publish",
             Guarded([&ctx](http::Request& r) { return Publish(ctx, r); }),
             {.summary = "Rank and publish (admins); results are frozen afterwards (409)",
              .tag = "campaigns",
              .auth = true,
              .response = results,
              .errors = {400, 401, 403, 404, 409}});
  router.Add(verb::get, "/api/v1/campaigns/{id}/results",
             Guarded([&ctx](http::Request& r) { return Results(ctx, r); }),
             {.summary = "The published list: rank, nominee, total and score per criterion; "
                         "reviewers stay anonymous",
              .tag = "campaigns",
              .response = results,
              .errors = {400, 404}});
  router.Add(verb::get, "/api/v1/me/reviews",
             Guarded([&ctx](http::Request& r) { return MyReviews(ctx, r); }),
             {.summary = "My review tasks with the criteria and my scores so far",
              .tag = "campaigns",
              .auth = true,
              .response = Obj({{"items", ListOf(review_task)}}),
              .errors = {401}});
  router.Add(verb::post, "/api/v1/nominations/{id}/scores",
             Guarded([&ctx](http::Request& r) { return Score(ctx, r); }),
             {.summary = "Score a nomination assigned to me: {scores: {criterion: 0..max}}",
              .tag = "campaigns",
              .auth = true,
              .request_body = Obj({{"scores", {{"type", "object"}}}}, json::array({"scores"})),
              .success_status = 204,
              .errors = {400, 401, 403, 404, 409, 422}});
}

}  // namespace kc::api
