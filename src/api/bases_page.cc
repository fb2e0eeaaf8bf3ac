#include "api/bases_page.h"

#include <string>

#include "api/listing_page.h"
#include "api/partners_page.h"
#include "core/markup_escape.h"
#include "core/taxonomy.h"
#include "core/utf8.h"

namespace kc::api {

namespace {

using nlohmann::json;

int64_t Int(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_number_integer() ? it->get<int64_t>() : 0;
}

std::string NameOf(const json& base, std::string_view lang) {
  const std::string en = JsonText(base, "name_en");
  return lang == "en" && !en.empty() ? en : JsonText(base, "name");
}

// The strings of the list `key`, each through `name`, joined with `sep`.
template <typename F>
std::string Joined(const json& j, const char* key, std::string_view sep, F name) {
  std::string out;
  auto it = j.find(key);
  if (it == j.end() || !it->is_array()) return out;
  for (const auto& v : *it) {
    if (!v.is_string()) continue;
    out += (out.empty() ? "" : std::string(sep)) + name(v.get<std::string>());
  }
  return out;
}

std::string FieldsText(const json& base, std::string_view lang) {
  return Joined(base, "fields", lang == "en" ? ", " : "、", [&](const std::string& f) {
    return TaxonomyName(f, Taxonomy::Get().HasCategory(f), lang);
  });
}

std::string Place(const json& base, const PageText& text, std::string_view lang) {
  return CountryName(JsonText(base, "country"), text, lang) + " · " + JsonText(base, "city");
}

}  // namespace

PageContent BasesPage(const json& bases, int64_t total, int64_t page, int64_t size,
                      const json& countries, const PageText& text, std::string_view lang,
                      std::string_view base_url, const ListParams& filters) {
  auto t = [&](std::string_view key) { return text.Get(lang, key); };
  PageContent c;
  c.title = t("bases.title");
  c.path = ListAddress("/bases", filters, page);
  c.description = t("bases.intro");
  std::string h = "<h1>" + EscapeMarkup(c.title) + "</h1>\n<p class=\"kc-meta\">" +
                  EscapeMarkup(text.Get(lang, "bases.count", {{"n", std::to_string(total)}})) +
                  "</p>\n<p>" + EscapeMarkup(t("bases.intro")) + "</p>\n";
  const json& counts = countries.contains("items") ? countries["items"] : json::array();
  if (counts.is_array() && !counts.empty()) {
    h += "<h2>" + EscapeMarkup(t("bases.byCountry")) +
         "</h2>\n<div class=\"kc-scroll\"><table><thead><tr><th>" +
         EscapeMarkup(t("bases.country")) + "</th><th>" + EscapeMarkup(t("bases.list")) +
         "</th></tr></thead><tbody>\n";
    for (const auto& row : counts) {
      const std::string code = JsonText(row, "country");
      h += "<tr><td>" +
           Link(ListAddress("/bases", {{"country", code}}), CountryName(code, text, lang)) +
           "</td><td>" + std::to_string(Int(row, "count")) + "</td></tr>\n";
    }
    h += "</tbody></table></div>\n";
  }
  h += SearchForm("/bases", filters, t("bases.searchPlaceholder"), t("bases.search"));
  json elements = json::array();
  if (!bases.is_array() || bases.empty()) {
    h += "<p>" + EscapeMarkup(t("bases.empty")) + "</p>\n";
  } else {
    h += "<h2>" + EscapeMarkup(t("bases.list")) + "</h2>\n<ul>\n";
    for (const auto& b : bases) {
      const std::string path = "/bases/" + std::to_string(Int(b, "id"));
      std::string meta = Place(b, text, lang);
      if (!JsonText(b, "host_name").empty()) meta += " · " + JsonText(b, "host_name");
      h += "<li>" + Link(path, NameOf(b, lang));
      if (JsonText(b, "status") == "closed") {
        h += " <span class=\"kc-meta\">(" + EscapeMarkup(t("baseStatus.closed")) + ")</span>";
      }
      h += "<br><span class=\"kc-meta\">" + EscapeMarkup(meta) + "</span>";
      const std::string fields = FieldsText(b, lang);
      if (!fields.empty()) h += "<br><span class=\"kc-meta\">" + EscapeMarkup(fields) + "</span>";
      h += "</li>\n";
      elements.push_back({{"@type", "ListItem"},
                          {"position", static_cast<int64_t>(elements.size()) + 1},
                          {"url", std::string(base_url) + path},
                          {"name", NameOf(b, lang)}});
    }
    h += "</ul>\n";
  }
  h += PageLinks(total, size, page, text, lang,
                 [&](int64_t p) { return ListAddress("/bases", filters, p); });
  c.body_html = std::move(h);
  c.json_ld = {{"@context", "https://schema.org"},
               {"@type", "ItemList"},
               {"name", c.title},
               {"url", std::string(base_url) + c.path},
               {"numberOfItems", total},
               {"itemListElement", elements}};
  return c;
}

PageContent BasePage(const json& b, const PageText& text, std::string_view lang,
                     std::string_view base_url) {
  auto t = [&](std::string_view key) { return text.Get(lang, key); };
  PageContent c;
  c.title = NameOf(b, lang);
  c.path = "/bases/" + std::to_string(Int(b, "id"));
  const std::string place = Place(b, text, lang);
  c.description = c.title + " · " + place;
  std::string h = "<p class=\"kc-meta\">" + Link("/bases", t("bases.title")) + "</p>\n<h1>" +
                  EscapeMarkup(c.title) + "</h1>\n";
  if (lang != "en" && !JsonText(b, "name_en").empty()) {
    h += "<p class=\"kc-meta\">" + EscapeMarkup(JsonText(b, "name_en")) + "</p>\n";
  }
  if (JsonText(b, "status") == "closed")
    h += "<p><strong>" + EscapeMarkup(t("bases.closedNote")) + "</strong></p>\n";
  h += "<dl>\n";
  h += FieldRow(t("bases.place"), place);
  h += FieldRow(t("bases.host"), JsonText(b, "host_name"));
  h += FieldRow(t("bases.fields"), FieldsText(b, lang));
  h += FieldRow(t("bases.services"),
                Joined(b, "services", lang == "en" ? ", " : "、",
                       [&](const std::string& s) { return text.Get(lang, "baseService." + s); }));
  h += FieldRow(t("bases.established"), JsonText(b, "established"));
  const json contact = b.value("contact", json::object());
  std::string contact_line;
  for (const char* k : {"name", "phone", "email"}) {
    const std::string v = JsonText(contact, k);
    if (!v.empty()) contact_line += (contact_line.empty() ? "" : " · ") + v;
  }
  h += FieldRow(t("bases.contact"), contact_line);
  const std::string website = JsonText(b, "website");
  if (IsWebAddress(website)) {
    h += "<dt>" + EscapeMarkup(t("bases.website")) + "</dt><dd><a href=\"" + EscapeMarkup(website) +
         "\" rel=\"noopener external\">" + EscapeMarkup(website) + "</a></dd>\n";
  }
  const int64_t updated = EpochOfIsoTime(JsonText(b, "updated_at"));
  if (updated > 0) {
    h += "<dt>" + EscapeMarkup(t("bases.updated")) + "</dt><dd><time datetime=\"" +
         ShanghaiIso(updated) + "\">" + EscapeMarkup(ShanghaiTime(updated)) + "</time></dd>\n";
  }
  h += "</dl>\n";
  const std::string description = JsonText(b, "description");
  size_t start = 0;
  while (start < description.size()) {
    size_t nl = description.find('\n', start);
    std::string para = description.substr(start, nl == std::string::npos ? nl : nl - start);
    if (para.find_first_not_of(" \r\t") != std::string::npos) {
      h += "<p>" + EscapeMarkup(para) + "</p>\n";
    }
    if (nl == std::string::npos) break;
    start = nl + 1;
  }
  const json projects = b.value("projects", json::array());
  h += "<h2>" + EscapeMarkup(t("bases.projects")) + "</h2>\n";
  if (projects.empty()) {
    h += "<p>" + EscapeMarkup(t("bases.noProjects")) + "</p>\n";
  } else {
    h += "<ul>\n";
    for (const auto& p : projects) {
      const std::string type = JsonText(p, "type");
      h += "<li>" + EscapeMarkup(t("kind." + type)) + " · " +
           Link("/" + type + "s/" + std::to_string(Int(p, "listing_id")), JsonText(p, "title"));
      if (!JsonText(p, "note").empty()) {
        h += " <span class=\"kc-meta\">" + EscapeMarkup(JsonText(p, "note")) + "</span>";
      }
      h += "</li>\n";
    }
    h += "</ul>\n";
  }
  const json people = b.value("people", json::array());
  h += "<h2>" + EscapeMarkup(t("bases.people")) + "</h2>\n";
  if (people.empty()) {
    h += "<p>" + EscapeMarkup(t("bases.noPeople")) + "</p>\n";
  } else {
    h += "<ul>\n";
    for (const auto& p : people) {
      h += "<li><strong>" + EscapeMarkup(JsonText(p, "name")) + "</strong>";
      if (!JsonText(p, "role").empty()) h += " · " + EscapeMarkup(JsonText(p, "role"));
      h += "</li>\n";
    }
    h += "</ul>\n";
  }
  c.body_html = std::move(h);
  json org = {{"@context", "https://schema.org"},
              {"@type", "Organization"},
              {"name", JsonText(b, "name")},
              {"url", std::string(base_url) + c.path},
              {"address",
               {{"@type", "PostalAddress"},
                {"addressCountry", JsonText(b, "country")},
                {"addressLocality", JsonText(b, "city")}}}};
  if (!JsonText(b, "name_en").empty()) org["alternateName"] = JsonText(b, "name_en");
  if (!description.empty()) org["description"] = Utf8Prefix(description, 300);
  if (IsWebAddress(website)) org["sameAs"] = website;
  if (!FieldsText(b, lang).empty()) org["knowsAbout"] = FieldsText(b, lang);
  c.json_ld = org;
  return c;
}

}  // namespace kc::api
