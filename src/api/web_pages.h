// Pages for search engines (issue 4, item 4): listing pages whose HTML head carries the title,
// a description and schema.org JSON-LD before the app loads, /sitemap.xml and /robots.txt.
#pragma once

#include <string>
#include <string_view>

#include "api/context.h"
#include "http/message.h"

namespace kc::api {

// The <title>, description, canonical link and JSON-LD of a published listing. `base_url` is
// "http://host" without a trailing slash. Everything is escaped for HTML, and '<' inside the
// JSON-LD is written \u003c so listing text can neither close nor open an element there.
std::string ListingHead(const Listing& listing, const Org& org, const std::string& base_url);

// `index_html` with its <title> removed and `head` inserted before </head>.
std::string InjectHead(std::string_view index_html, std::string_view head);

// Answers GET /sitemap.xml, /robots.txt and /demands|achievements|experts/{id} (the app's page,
// with the listing's head when it is published) and returns true; false for other requests.
// `index_html` is the built front end's index.html ("" when there is none: listing pages are
// then left to the router's 404).
bool ServeWebPage(Context& ctx, const std::string& index_html, const http::Request& req,
                  http::Response& res);

}  // namespace kc::api
