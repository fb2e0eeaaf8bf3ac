// The offshore innovation bases' pages (海外人才离岸创新创业基地, docs/bases.md) as the server
// writes them for readers without JavaScript and for search engines (docs/pages.md); the app's
// BasesView.vue and BaseView.vue show the same with a chart and in the viewer's time zone.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string_view>

#include "api/page_html.h"

namespace kc::api {

// A page of the directory. `bases`: the items of GET /api/v1/bases (OffshoreBaseJson), all
// public; `countries`: GET /api/v1/bases/countries. A table of bases per country (the app's
// chart as a table), then the bases, each a link with its country, city and host, and page
// links; schema.org ItemList JSON-LD. Every text is escaped. `filters` (country, q: the app's
// list filters) are kept by a search box, the page links and the canonical path.
PageContent BasesPage(const nlohmann::json& bases, int64_t total, int64_t page, int64_t size,
                      const nlohmann::json& countries, const PageText& text,
                      std::string_view language, std::string_view base_url,
                      const ListParams& filters = {});

// A public base's page: name, location, host, focus fields (taxonomy names in the page's
// language), services (baseService.<code>), establishment, contact, website (a link only when
// http(s)), last update (Asia/Shanghai, zone named), description, hosted projects as links to
// their listings, and people; schema.org Organization JSON-LD. `base` is GET /api/v1/bases/{id}
// as a visitor gets it.
PageContent BasePage(const nlohmann::json& base, const PageText& text, std::string_view language,
                     std::string_view base_url);

}  // namespace kc::api
