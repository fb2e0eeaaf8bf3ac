// An organisation's (机构) page as the server writes it for readers without JavaScript and for
// search engines (docs/pages.md).
#pragma once

#include <nlohmann/json.hpp>

#include "api/page_html.h"
#include "core/org.h"

namespace kc::api {

// The organisation's name, type, region, credit code, website and description, then its
// published listings (`listings`: summaries as the API's list gives a visitor), each a link;
// schema.org Organization JSON-LD.
PageContent OrgPage(const Org& org, const nlohmann::json& listings, const PageText& text,
                    std::string_view language, std::string_view base_url);

}  // namespace kc::api
