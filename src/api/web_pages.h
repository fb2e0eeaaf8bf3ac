// Pages for search engines (issue 4, item 4): listing pages whose HTML head carries the title,
// a description and schema.org JSON-LD before the app loads, /sitemap.xml and /robots.txt; and
// pages that carry their first API answer, so the app shows them without a second round trip.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "api/context.h"
#include "api/page_assets.h"
#include "http/message.h"

namespace kc::api {

// The <title>, description, canonical link and JSON-LD of a published listing. `base_url` is
// "http://host" without a trailing slash. Everything is escaped for HTML, and '<' inside the
// JSON-LD is written \u003c so listing text can neither close nor open an element there.
std::string ListingHead(const Listing& listing, const Org& org, const std::string& base_url);

// `index_html` with its <title> removed and `head` inserted before </head>.
std::string InjectHead(std::string_view index_html, std::string_view head);

// `html` with `text` inserted before </head> (unchanged without one).
std::string InsertBeforeHeadEnd(std::string_view html, std::string_view text);

// The results per page of the web app's search page (SEARCH_PAGE_SIZE in
// web/src/api/searchQuery.js): the size its HTML carries the first page in.
inline constexpr int64_t kSearchPageSize = 20;

// An API answer embedded in a page: <script id="kc-api-data" type="application/json"> with
// {"path","query","body"}, where `path` is the API path below /api/v1 and `query` its
// parameters. The app takes `body` instead of asking GET /api/v1{path} with the same parameters
// once (web/src/api/client.js). '<' is written \u003c, so no text can leave the element.
std::string ApiDataScript(std::string_view api_path, const nlohmann::json& query,
                          const nlohmann::json& body);

// Answers GET /sitemap.xml, /robots.txt, /search (the app's page with the first page of results
// embedded) and /demands|achievements|experts/{id} (the app's page, with the listing's head when
// it is published and the listing embedded when the reader may see it) and returns true; false
// for other requests. Those pages also name the code of their view (`assets`), so the browser
// fetches it with the entry script.
// `index_html` is the built front end's index.html ("" when there is none: listing pages are
// then left to the router's 404).
bool ServeWebPage(Context& ctx, const std::string& index_html, const PageAssets& assets,
                  const http::Request& req, http::Response& res);

}  // namespace kc::api
