#include "api/partners_page.h"

#include <algorithm>
#include <map>
#include <vector>

#include "core/markup_escape.h"

namespace kc::api {

namespace {

using nlohmann::json;

// "JP" for "jp" or " JP"; "" for anything that is not two letters.
std::string CountryCode(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  if (text.size() != 2) return "";
  std::string code;
  for (char c : text) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c < 'A' || c > 'Z') return "";
    code += c;
  }
  return code;
}

// The frameworks of a partner, each named as the app names it.
std::string Frameworks(const json& partner, const PageText& text, std::string_view lang) {
  std::string out;
  auto it = partner.find("frameworks");
  if (it == partner.end() || !it->is_array()) return out;
  for (const auto& v : *it) {
    if (!v.is_string()) continue;
    const std::string key = "framework." + v.get<std::string>();
    std::string name = text.Get(lang, key);
    if (name == key) name = v.get<std::string>();  // a code this build does not know
    out += (out.empty() ? "" : " · ") + name;
  }
  return out;
}

struct Group {
  std::string code;  // "" for partners without a country
  std::string name;
  std::vector<const json*> partners;
};

std::vector<Group> ByCountry(const json& partners, const PageText& text, std::string_view lang) {
  std::map<std::string, Group> groups;
  if (partners.is_array()) {
    for (const auto& p : partners) {
      if (!p.is_object()) continue;
      const std::string code = CountryCode(JsonText(p, "country"));
      Group& g = groups[code];
      g.code = code;
      g.name = CountryName(code, text, lang);
      g.partners.push_back(&p);
    }
  }
  std::vector<Group> out;
  for (auto& [code, g] : groups) {
    std::sort(g.partners.begin(), g.partners.end(), [](const json* a, const json* b) {
      return JsonText(*a, "name") < JsonText(*b, "name");
    });
    out.push_back(std::move(g));
  }
  std::stable_sort(out.begin(), out.end(), [](const Group& a, const Group& b) {
    if (a.code.empty() != b.code.empty()) return b.code.empty();
    if (a.partners.size() != b.partners.size()) return a.partners.size() > b.partners.size();
    return a.name < b.name;
  });
  return out;
}

}  // namespace

std::string CountryName(std::string_view code_text, const PageText& text, std::string_view lang) {
  const std::string code = CountryCode(code_text);
  if (code.empty()) return "";
  const std::string key = "country." + code;
  std::string name = text.Get(lang, key);
  return name == key ? code : name;
}

PageContent PartnersPage(const json& partners, const PageText& text, std::string_view lang,
                         std::string_view base_url) {
  auto t = [&](std::string_view key) { return text.Get(lang, key); };
  const std::vector<Group> groups = ByCountry(partners, text, lang);
  size_t total = 0;
  for (const auto& g : groups) total += g.partners.size();

  PageContent page;
  page.title = t("partners.title");
  page.path = "/partners";
  page.description = t("partners.intro");
  json elements = json::array();

  std::string h = "<h1>" + EscapeMarkup(page.title) + "</h1>\n<p class=\"kc-meta\">" +
                  EscapeMarkup(text.Get(lang, "partners.count", {{"n", std::to_string(total)}})) +
                  "</p>\n<p>" + EscapeMarkup(t("partners.intro")) + "</p>\n";
  if (groups.empty()) {
    h += "<p>" + EscapeMarkup(t("partners.empty")) + "</p>\n";
  } else {
    // The app's chart, as a table.
    h += "<h2>" + EscapeMarkup(t("partners.byCountry")) +
         "</h2>\n<div class=\"kc-scroll\"><table><thead><tr><th>" +
         EscapeMarkup(t("partners.country")) + "</th><th>" + EscapeMarkup(t("partners.platforms")) +
         "</th></tr></thead><tbody>\n";
    for (const auto& g : groups) {
      const std::string name = g.code.empty() ? t("partners.noCountry") : g.name;
      h += "<tr><td><a href=\"#country-" + EscapeMarkup(g.code.empty() ? "none" : g.code) + "\">" +
           EscapeMarkup(name) + "</a></td><td>" + std::to_string(g.partners.size()) +
           "</td></tr>\n";
    }
    h += "</tbody></table></div>\n";
  }
  for (const auto& g : groups) {
    const std::string name = g.code.empty() ? t("partners.noCountry") : g.name;
    h += "<section id=\"country-" + EscapeMarkup(g.code.empty() ? "none" : g.code) + "\"><h2>" +
         EscapeMarkup(name) + "</h2>\n<ul>\n";
    for (const json* p : g.partners) {
      const std::string partner_name = JsonText(*p, "name");
      const std::string url = JsonText(*p, "base_url");
      h += "<li>";
      if (IsWebAddress(url)) {
        h += "<a href=\"" + EscapeMarkup(url) + "\" rel=\"noopener external\">" +
             EscapeMarkup(partner_name.empty() ? url : partner_name) + "</a><br><span " +
             "class=\"kc-meta\">" + EscapeMarkup(url) + "</span>";
      } else {
        h += "<strong>" + EscapeMarkup(partner_name) + "</strong>";
      }
      const std::string frameworks = Frameworks(*p, text, lang);
      if (!frameworks.empty()) {
        h += "<br>" +
             EscapeMarkup(text.Get(lang, "partners.frameworksList", {{"list", frameworks}}));
      }
      h += "</li>\n";
      json org = {{"@type", "Organization"}, {"name", partner_name}};
      if (IsWebAddress(url)) org["url"] = url;
      if (!g.code.empty())
        org["address"] = {{"@type", "PostalAddress"}, {"addressCountry", g.code}};
      elements.push_back({{"@type", "ListItem"},
                          {"position", static_cast<int64_t>(elements.size()) + 1},
                          {"item", org}});
    }
    h += "</ul></section>\n";
  }
  page.body_html = std::move(h);
  page.json_ld = {{"@context", "https://schema.org"},
                  {"@type", "ItemList"},
                  {"name", page.title},
                  {"url", std::string(base_url) + page.path},
                  {"numberOfItems", static_cast<int64_t>(total)},
                  {"itemListElement", elements}};
  return page;
}

}  // namespace kc::api
