// The pages of listings (demands 技术需求, achievements 科技成果, experts 专家) as the server
// writes them for readers without JavaScript and for search engines (docs/pages.md).
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>

#include "api/page_html.h"
#include "core/listing.h"

namespace kc::api {

// A published listing's page from `listing`, the listing as the API shows a visitor
// (ListingToJson at the visitor's view level): a members-only listing's details are not in
// that JSON, so they cannot be on the page. Title, fields named as the app names them,
// keywords, text, the organisation's link, and schema.org JSON-LD: Demand (a demand is an
// announcement seeking a service), CreativeWork with an Offer (an achievement), Person (an
// expert).
PageContent ListingPage(const nlohmann::json& listing, const PageText& text,
                        std::string_view language, std::string_view base_url);

// A page of a list of published listings of `kind` (summaries as the API's list gives them),
// each a link to its page, as found with `filters` (q, category, region: the app's list
// filters), with a search box and links to the previous and next page that keep them.
PageContent ListingListPage(ListingKind kind, const nlohmann::json& items, int64_t total,
                            int64_t page, int64_t size, const PageText& text,
                            std::string_view language, const ListParams& filters = {});

// The name of a category or discipline ("化学/化学工程与技术" part by part) in `language`, as the
// app shows it: the taxonomy's English name in English, the Chinese name otherwise.
std::string TaxonomyName(std::string_view name, bool is_category, std::string_view language);

// The province of a GB/T 2260 code in `language` ("" when unknown).
std::string RegionName(std::string_view code, std::string_view language);

}  // namespace kc::api
