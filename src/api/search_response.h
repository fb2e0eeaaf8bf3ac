// The answer of GET /api/v1/search, shared by the route and by the search page's HTML, which
// carries the first page of results so that the app need not ask for them again.
#pragma once

#include <nlohmann/json.hpp>

#include "api/context.h"
#include "api/json_io.h"
#include "http/message.h"
#include "search/search.h"

namespace kc::api {

// A search as the request asks for it: ?q=&type=&category=&discipline=&region=&page=&size=.
struct SearchQuery {
  search::SearchRequest request;  // offset and limit follow `page`
  PageParams page;
};

// Reads and checks the parameters: 400 "invalid_parameter" naming the bad one (type, page,
// size; a page too deep).
Result<SearchQuery> ReadSearchQuery(const http::Request& req);

// The same search with `size` results a page (1..100), e.g. the web page's fixed size.
SearchQuery WithPageSize(SearchQuery query, int64_t size);

// The query as a JSON object of the parameters the API was asked with: q, page and size always,
// type, category, discipline and region when set.
json SearchQueryJson(const SearchQuery& query);

// Runs the search for `actor`: {"total","good_total","page","size","hits":[{id,ref,type,title,
// snippet,score,relevance,weak}],"facets":{"type","category","discipline","region"}}; the weak
// hits (search.h) come after the good ones.
Result<json> SearchResponse(Context& ctx, const Actor& actor, const SearchQuery& query);

// Adds "origin": {"peer_id", "node_name", "url", "org_name"} to each hit (an object with "id")
// that is a partner platform's listing (docs/network.md §4.1), so that a list and a match say
// which node it comes from.
Status AddOrigins(Context& ctx, json& hits);

// The schema of that member.
json HitOriginSchema();

}  // namespace kc::api
