// The partner platforms page (朋友圈, docs/network.md §2) as the server writes it for readers
// without JavaScript and for search engines (docs/pages.md); the app's PartnersView.vue shows
// the same list with a chart.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "api/page_html.h"

namespace kc::api {

// `partners`: the active partners as GET /api/v1/partners lists them (PartnerJson). A table
// of how many there are per country, then the partners grouped by country (the largest group
// first, partners without a country last), each with its name linked to its base URL (only an
// http(s) address becomes a link), its cooperation frameworks named as the app names them
// (framework.<code>), and schema.org ItemList JSON-LD. Every text from a partner is escaped.
PageContent PartnersPage(const nlohmann::json& partners, const PageText& text,
                         std::string_view language, std::string_view base_url);

// A country's name for an ISO 3166-1 alpha-2 code in `language` (country.<CODE> of the app's
// texts, which the front end's build writes from the browser's own names); the code itself
// when no name is known, "" for none.
std::string CountryName(std::string_view code, const PageText& text, std::string_view language);

}  // namespace kc::api
