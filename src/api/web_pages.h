// The pages the server answers outside /api (docs/pages.md): /sitemap.xml and robots.txt; the
// pages of listings, organisations, news and ranked lists written with their content for
// readers without JavaScript and for search engines (the app replaces that content when it
// starts); the lists a crawler walks; the search page with its first results embedded; and 404
// for a path the app has no page for or a record that does not exist.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "api/context.h"
#include "api/page_assets.h"
#include "api/page_text.h"
#include "http/message.h"
#include "http/router.h"

namespace kc::api {

// The built front end, as the server reads it at start.
struct WebApp {
  std::string index_html;  // index.html; "" when there is no built front end
  PageAssets assets;       // from .vite/manifest.json
  PageText text;           // from messages.json
};

// The results per page of the web app's search page (SEARCH_PAGE_SIZE in
// web/src/api/searchQuery.js): the size its HTML carries the first page in.
inline constexpr int64_t kSearchPageSize = 20;

// An API answer embedded in a page: <script id="kc-api-data" type="application/json"> with
// {"path","query","body"}, where `path` is the API path below /api/v1 and `query` its
// parameters. The app takes `body` instead of asking GET /api/v1{path} with the same parameters
// once (web/src/api/client.js). '<' is written \u003c, so no text can leave the element.
std::string ApiDataScript(std::string_view api_path, const nlohmann::json& query,
                          const nlohmann::json& body);

// `html` with `text` inserted before </head> (unchanged without one).
std::string InsertBeforeHeadEnd(std::string_view html, std::string_view text);

// Answers a GET or HEAD request for a page and returns true; false for /api paths, other
// methods, and paths left to the static files (files, and the app's other routes):
//  - /sitemap.xml, /sitemap-N.xml (sitemap.h), /robots.txt;
//  - /demands|achievements|experts/{id}, /orgs/{id}, /news/{id}, /campaigns/{id}: the record's
//    public content rendered into the page (only what a visitor may read, whoever asks), and
//    the record as the API shows this reader embedded for the app; 404 when the reader may not
//    read it (drafts, unpublished, missing). A record only its own people may read (a draft to
//    its owner) is the app's page without rendered content.
//  - /, /demands, /achievements, /experts, /news, /campaigns: their lists with real links;
//  - /search: the app's page with the first page of results embedded;
//  - any other path without a file extension that the app has no route for: 404.
// Language: PageLanguage (page_text.h). Pages depend on the reader: Cache-Control no-cache.
bool ServeWebPage(Context& ctx, const WebApp& app, const http::Request& req, http::Response& res);

// Where ServeWebPage runs for a request (http::Fallback::pool): the search pool for /search,
// which runs a search; the I/O thread for everything else.
http::Pool WebPagePool(const http::Request& req);

}  // namespace kc::api
