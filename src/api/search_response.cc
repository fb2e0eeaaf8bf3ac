#include "api/search_response.h"

#include "api/schemas.h"

namespace kc::api {

namespace {

json FacetJson(const std::vector<search::FacetCount>& counts) {
  json out = json::object();
  for (const auto& c : counts) out[c.value] = c.count;
  return out;
}

}  // namespace

Result<SearchQuery> ReadSearchQuery(const http::Request& req) {
  auto page = ReadPage(req);
  if (!page.ok()) return page.status();
  SearchQuery out;
  search::SearchRequest& r = out.request;
  r.q = req.Query("q").value_or("");
  if (auto type = req.Query("type"); type && !type->empty()) {
    r.kind = KindFromName(*type);
    if (!r.kind)
      return BadInput("invalid_parameter",
                      "type is achievement, demand, expert, talent or talent_demand", "type");
  }
  r.category = req.Query("category").value_or("");
  r.discipline = req.Query("discipline").value_or("");
  r.region = req.Query("region").value_or("");
  out.page = *page;
  out = WithPageSize(std::move(out), page->size);
  if (out.request.offset > search::kMaxOffset) {
    return BadInput("invalid_parameter", "page is too deep", "page");
  }
  return out;
}

SearchQuery WithPageSize(SearchQuery query, int64_t size) {
  query.page.size = size;
  query.request.offset = static_cast<size_t>(query.page.offset());
  query.request.limit = static_cast<size_t>(size);
  return query;
}

json SearchQueryJson(const SearchQuery& query) {
  const search::SearchRequest& r = query.request;
  json out = {{"q", r.q}, {"page", query.page.page}, {"size", query.page.size}};
  if (r.kind) out["type"] = KindName(*r.kind);
  if (!r.category.empty()) out["category"] = r.category;
  if (!r.discipline.empty()) out["discipline"] = r.discipline;
  if (!r.region.empty()) out["region"] = r.region;
  return out;
}

Status AddOrigins(Context& ctx, json& hits) {
  if (!ctx.peers || hits.empty()) return Status::Ok();
  std::vector<int64_t> ids;
  for (const auto& h : hits) ids.push_back(h["id"].get<int64_t>());
  auto origins = ctx.peers->OriginsOf(ids);
  if (!origins.ok()) return origins.status();
  for (const auto& o : *origins) {
    for (auto& h : hits) {
      if (h["id"].get<int64_t>() != o.listing_id) continue;
      h["origin"] = {{"peer_id", o.peer_id},
                     {"node_name", o.node_name},
                     {"url", o.url},
                     {"org_name", o.org_name}};
    }
  }
  return Status::Ok();
}

json HitOriginSchema() {
  using namespace schema;
  json j = Obj({{"peer_id", Int()}, {"node_name", Str()}, {"url", Str()}, {"org_name", Str()}},
               {"peer_id", "node_name", "url", "org_name"});
  j["description"] = "a partner platform's listing: the node it comes from and its page there";
  return j;
}

Result<json> SearchResponse(Context& ctx, const Actor& actor, const SearchQuery& query) {
  auto result = ctx.search->Search(actor, query.request);
  if (!result.ok()) return result.status();
  json hits = json::array();
  for (const auto& h : result->hits) {
    hits.push_back({{"id", h.id},
                    {"ref", h.ref},
                    {"type", KindName(h.kind)},
                    {"title", h.title},
                    {"snippet", h.snippet},
                    {"score", h.score},
                    {"relevance", h.relevance},
                    {"weak", h.weak}});
  }
  KC_RETURN_IF_ERROR(AddOrigins(ctx, hits));
  return json{{"total", result->total},
              {"good_total", result->good_total},
              {"page", query.page.page},
              {"size", query.page.size},
              {"hits", std::move(hits)},
              {"facets",
               {{"type", FacetJson(result->facets.kind)},
                {"category", FacetJson(result->facets.category)},
                {"discipline", FacetJson(result->facets.discipline)},
                {"region", FacetJson(result->facets.region)}}}};
}

}  // namespace kc::api
