// GET /search and the matches of demands, achievements and experts.
#include "api/json_io.h"
#include "api/routes.h"
#include "api/schemas.h"
#include "api/search_response.h"

namespace kc::api {

namespace {

using http::bhttp::verb;

http::Response Search(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, ctx.Authenticate(req, false));
  KC_ASSIGN_OR_RESPOND(query, ReadSearchQuery(req));
  KC_ASSIGN_OR_RESPOND(body, SearchResponse(ctx, *actor, *query));
  return JsonResponse(200, *body);
}

json ExplanationJson(const search::Explanation& e) {
  json components = json::array();
  for (const auto& c : e.components) {
    components.push_back({{"name", c.name},
                          {"value", c.value},
                          {"weight", c.weight},
                          {"contribution", c.value * c.weight}});
  }
  return {{"shared_terms", e.shared_terms},         {"field_match", e.field_match},
          {"field_values", e.field_values},         {"text_similarity", e.text_similarity},
          {"via_achievements", e.via_achievements}, {"components", components}};
}

http::Response Matches(Context& ctx, http::Request& req, ListingKind source,
                       ListingKind default_target) {
  KC_ASSIGN_OR_RESPOND(actor, ctx.Authenticate(req, false));
  KC_ASSIGN_OR_RESPOND(id, ParseId(req.Param("id"), "id"));
  ListingKind target = default_target;
  if (auto type = req.Query("type"); type && !type->empty()) {
    auto k = KindFromName(*type);
    if (!k) {
      return http::ErrorResponse(
          BadInput("invalid_parameter",
                   "type is achievement, demand, expert, talent or talent_demand", "type"));
    }
    // Talent is matched with talent only, technology with technology (docs/talent.md).
    if (IsTalentKind(*k) != IsTalentKind(source)) {
      return http::ErrorResponse(
          BadInput("invalid_parameter",
                   IsTalentKind(source) ? "type is talent or talent_demand for a talent listing"
                                        : "type is achievement, demand or expert for this listing",
                   "type"));
    }
    target = *k;
  }
  int64_t size = 10;
  if (auto s = req.Query("size")) {
    auto n = ParseId(*s, "size");
    if (!n.ok() || *n < 1 || *n > 100) {
      return http::ErrorResponse(BadInput("invalid_parameter", "size is 1 to 100", "size"));
    }
    size = *n;
  }
  KC_ASSIGN_OR_RESPOND(result,
                       ctx.search->Matches(*actor, source, *id, target, static_cast<size_t>(size)));
  const std::vector<search::MatchHit>& hits = result->hits;
  if (ctx.stats && !hits.empty()) {
    // "Matches shown", the first step of the dashboard's funnel (queued, written in batches;
    // once per viewer, listing and day).
    ViewerClient client{ctx.ClientAddress(req),
                        std::string(req.Header(http::bhttp::field::user_agent))};
    ctx.stats->RecordMatchView(*actor, client, *id, static_cast<int64_t>(hits.size()));
  }
  json out = json::array();
  for (const auto& h : hits) {
    out.push_back({{"id", h.id},
                   {"ref", h.ref},
                   {"type", KindName(h.kind)},
                   {"title", h.title},
                   {"score", h.score},
                   {"relevance", h.relevance},
                   {"explanation", ExplanationJson(h.explanation)}});
  }
  if (Status s = AddOrigins(ctx, out); !s.ok()) return http::ErrorResponse(s);
  // Only matches above the relevance threshold are listed; the counts let a page say "only N
  // good matches" instead of padding the list (docs/search.md).
  return JsonResponse(200,
                      {{"source", {{"id", *id}, {"type", KindName(source)}}},
                       {"total", out.size()},
                       {"good_total", result->good_total},
                       {"below_threshold", result->below_threshold},
                       {"few_good_matches", result->few_good_matches(static_cast<size_t>(size))},
                       {"hits", out}});
}

}  // namespace

void RegisterSearchRoutes(http::Router& router, Context& ctx) {
  using namespace schema;
  json query = PageQuery();
  query.push_back(QueryParam("q", "Chinese, English or mixed words"));
  query.push_back(QueryParam("type", "achievement, demand, expert, talent or talent_demand"));
  query.push_back(QueryParam("category", "门类"));
  query.push_back(QueryParam("discipline", "学科"));
  query.push_back(QueryParam("region", "GB/T 2260 code or prefix"));
  json hit =
      Obj({{"id", Int()},
           {"ref", Str()},
           {"type", Str()},
           {"title", Str()},
           {"snippet", {{"type", "string"}, {"description", "HTML with <mark>"}}},
           {"score", {{"type", "number"}}},
           {"relevance", {{"type", "number"}, {"description", "0..1, comparable across queries"}}},
           {"weak",
            {{"type", "boolean"},
             {"description",
              "has only a small, common part of the query; listed after every good hit"}}},
           {"origin", HitOriginSchema()}});
  router.Add(verb::get, "/api/v1/search",
             Guarded([&ctx](http::Request& r) { return Search(ctx, r); }),
             {.summary = "Search published listings, with facet counts per type, category, "
                         "discipline and province",
              .tag = "search",
              .query_params = query,
              .response = Obj({{"total", Int()},
                               {"good_total", Int()},
                               {"page", Int()},
                               {"size", Int()},
                               {"hits", ListOf(hit)},
                               {"facets", Obj({{"type", MapOf(Int())},
                                               {"category", MapOf(Int())},
                                               {"discipline", MapOf(Int())},
                                               {"region", MapOf(Int())}})}},
                              {"total", "good_total", "page", "size", "hits", "facets"}),
              .errors = {400, 503}},
             http::Pool::kSearch);
  json component = Obj({{"name", Str()},
                        {"value", {{"type", "number"}}},
                        {"weight", {{"type", "number"}}},
                        {"contribution", {{"type", "number"}}}});
  json match = Obj({{"id", Int()},
                    {"ref", Str()},
                    {"type", Str()},
                    {"title", Str()},
                    {"score", {{"type", "number"}}},
                    {"relevance", {{"type", "number"}}},
                    {"explanation", Obj({{"shared_terms", StrList()},
                                         {"field_match", StrList()},
                                         {"field_values", MapOf(Str())},
                                         {"text_similarity", Str()},
                                         {"via_achievements", StrList()},
                                         {"components", ListOf(component)}})},
                    {"origin", HitOriginSchema()}});
  json match_query = json::array({QueryParam("type", "the kind of listing to find"),
                                  QueryParam("size", "1 to 100 (default 10)", Int())});
  struct Source {
    ListingKind kind;
    ListingKind target;
    const char* summary;
  };
  for (const Source& s :
       {Source{ListingKind::kDemand, ListingKind::kAchievement,
               "Achievements (or experts: type=expert) that can solve a demand, explained"},
        Source{ListingKind::kAchievement, ListingKind::kDemand,
               "Demands (or experts) an achievement answers, explained"},
        Source{ListingKind::kExpert, ListingKind::kDemand,
               "Demands an expert can help with, explained"},
        Source{ListingKind::kTalent, ListingKind::kTalentDemand,
               "Talent demands (posts, partnerships, funding) a talent fits, explained"},
        Source{ListingKind::kTalentDemand, ListingKind::kTalent,
               "Talent profiles that fit a talent demand, explained"}}) {
    ListingKind kind = s.kind, target = s.target;
    router.Add(
        verb::get, "/api/v1/" + std::string(KindPlural(kind)) + "/{id}/matches",
        Guarded([&ctx, kind, target](http::Request& r) { return Matches(ctx, r, kind, target); }),
        {.summary = s.summary,
         .tag = "matching",
         .query_params = match_query,
         .response = Obj({{"source", Obj({{"id", Int()}, {"type", Str()}})},
                          {"total", Int()},
                          {"good_total", Int()},
                          {"below_threshold", Int()},
                          {"few_good_matches", {{"type", "boolean"}}},
                          {"hits", {{"type", "array"}, {"items", match}}}}),
         .errors = {400, 404, 503}},
        http::Pool::kSearch);
  }
}

}  // namespace kc::api
