#include "api/org_page.h"

#include "api/listing_page.h"
#include "core/markup_escape.h"
#include "core/utf8.h"
#include "service/listing_validation.h"

namespace kc::api {

PageContent OrgPage(const Org& org, const nlohmann::json& listings, const PageText& text,
                    std::string_view lang, std::string_view base_url) {
  auto t = [&](std::string_view key) { return text.Get(lang, key); };
  PageContent page;
  page.title = org.name;
  page.path = "/orgs/" + std::to_string(org.id);
  page.description = Utf8Prefix(
      org.description.empty()
          ? org.name + " · " + text.Get("zh-CN", "orgType." + std::string(OrgTypeName(org.type)))
          : org.description,
      160);
  page.json_ld = {{"@context", "https://schema.org"},
                  {"@type", "Organization"},
                  {"name", org.name},
                  {"url", std::string(base_url) + page.path}};
  if (!org.description.empty()) page.json_ld["description"] = org.description;
  if (IsWebAddress(org.website)) page.json_ld["sameAs"] = org.website;
  if (!org.credit_code.empty()) page.json_ld["taxID"] = org.credit_code;  // 统一社会信用代码
  if (!org.region.empty()) {
    page.json_ld["address"] = {{"@type", "PostalAddress"},
                               {"addressRegion", RegionName(org.region, "zh-CN")},
                               {"addressCountry", org.country.empty() ? "CN" : org.country}};
  }

  std::string h = "<article><h1>" + EscapeMarkup(org.name) + "</h1>\n<dl>";
  h += FieldRow(t("org.type"), t("orgType." + std::string(OrgTypeName(org.type))));
  h += FieldRow(t("org.region"), RegionName(org.region, lang));
  h += FieldRow(t("org.creditCode"), org.credit_code);
  if (IsWebAddress(org.website)) {
    h += "<dt>" + EscapeMarkup(t("org.website")) + "</dt><dd><a href=\"" +
         EscapeMarkup(org.website) + "\" rel=\"nofollow noopener\">" + EscapeMarkup(org.website) +
         "</a></dd>";
  } else {
    h += FieldRow(t("org.website"), org.website);
  }
  h += "</dl>\n";
  if (!org.description.empty()) {
    h += "<p class=\"kc-text\">" + EscapeMarkup(org.description) + "</p>\n";
  }
  for (const char* kind : {"demand", "achievement", "expert", "talent", "talent_demand"}) {
    std::string items;
    for (const auto& l : listings) {
      if (l.value("type", "") != kind) continue;
      const std::string name =
          l.value("type", "") == "expert" ? l.value("name", "") : l.value("title", "");
      auto k = KindFromName(kind);
      items +=
          "<li>" +
          Link("/" + std::string(KindPlural(*k)) + "/" + std::to_string(l.value("id", int64_t{0})),
               name) +
          "</li>\n";
    }
    if (items.empty()) continue;
    h +=
        "<h2>" + EscapeMarkup(t(std::string("kind.") + kind)) + "</h2>\n<ul>\n" + items + "</ul>\n";
  }
  h += "</article>\n";
  page.body_html = std::move(h);
  return page;
}

}  // namespace kc::api
