#include "api/campaign_page.h"

#include <cmath>
#include <cstdio>

#include "core/markup_escape.h"
#include "core/utf8.h"
#include "service/listing_validation.h"

namespace kc::api {

namespace {

std::string Fixed2(double v) {
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%.2f", v);
  return buf;
}

std::string Window(int64_t from, int64_t to) {
  if (!from && !to) return "";
  return ShanghaiDate(from) + " – " + ShanghaiDate(to);
}

}  // namespace

PageContent CampaignPage(const Campaign& c, const std::vector<CampaignResult>& results,
                         const PageText& text, std::string_view lang, std::string_view base_url) {
  auto t = [&](std::string_view key) { return text.Get(lang, key); };
  auto tp = [&](std::string_view key, std::string name, std::string value) {
    return text.Get(lang, key, {{std::move(name), std::move(value)}});
  };
  const bool published = c.status == CampaignStatus::kPublished;
  PageContent page;
  page.title = lang == "en" && !c.title_en.empty() ? c.title_en : c.title;
  page.path = "/campaigns/" + std::to_string(c.id);
  page.description = Utf8Prefix(c.description.empty() ? page.title : c.description, 160);
  const std::string url = std::string(base_url) + page.path;
  if (published) {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& r : results) {
      items.push_back({{"@type", "ListItem"}, {"position", r.rank}, {"name", r.nominee_name}});
    }
    page.json_ld = {{"@context", "https://schema.org"},
                    {"@type", "ItemList"},
                    {"name", c.title},
                    {"description", page.description},
                    {"url", url},
                    {"itemListOrder", "https://schema.org/ItemListOrderAscending"},
                    {"numberOfItems", results.size()},
                    {"itemListElement", items}};
  } else {
    page.json_ld = {{"@context", "https://schema.org"},
                    {"@type", "CreativeWork"},
                    {"name", c.title},
                    {"description", page.description},
                    {"url", url}};
  }
  if (!c.title_en.empty()) page.json_ld["alternateName"] = c.title_en;

  std::string h =
      "<p class=\"kc-meta\">" + Link("/", t("nav.home")) + " › " +
      Link("/campaigns", t("campaigns.title")) + "</p>\n<article><h1>" + EscapeMarkup(page.title) +
      "</h1>\n<p class=\"kc-meta\">" +
      EscapeMarkup(tp("campaigns.year", "year", std::to_string(c.year)) + " · " +
                   t("campaigns.kind." + std::string(CampaignKindName(c.kind))) + " · " +
                   t("campaigns.status." + std::string(CampaignStatusName(c.status)))) +
      "</p>\n";
  if (!c.description.empty()) h += "<p class=\"kc-text\">" + EscapeMarkup(c.description) + "</p>\n";
  std::string rules;
  auto add_rule = [&rules](const std::string& r) { rules += (rules.empty() ? "" : "；") + r; };
  if (c.rules.max_age) add_rule(tp("campaigns.maxAge", "n", std::to_string(*c.rules.max_age)));
  if (c.rules.min_founding_year) {
    add_rule(tp("campaigns.minFounding", "year", std::to_string(*c.rules.min_founding_year)));
  }
  add_rule(t(c.rules.self_nomination ? "campaigns.selfAllowed" : "campaigns.selfNotAllowed"));
  if (c.rules.min_materials) {
    add_rule(tp("campaigns.minMaterials", "n", std::to_string(c.rules.min_materials)));
  }
  add_rule(tp("campaigns.minReviewers", "n", std::to_string(c.min_reviewers)));
  h += "<dl>" +
       FieldRow(t("campaigns.nominationWindow"), Window(c.nomination_opens, c.nomination_closes)) +
       FieldRow(t("campaigns.reviewWindow"), Window(c.review_opens, c.review_closes)) +
       FieldRow(t("campaigns.rules"), rules) + "</dl>\n";
  if (!c.criteria.empty()) {
    h += "<h2>" + EscapeMarkup(t("campaigns.criteria")) + "</h2>\n<ul>\n";
    for (const auto& k : c.criteria) {
      h += "<li><strong>" + EscapeMarkup(k.name) + "</strong> (" +
           EscapeMarkup(t("campaigns.weight")) + " " + EscapeMarkup(Fixed2(k.weight)) + ") " +
           EscapeMarkup(k.description) + "</li>\n";
    }
    h += "</ul>\n";
  }
  h += "<h2>" + EscapeMarkup(t("campaigns.results")) + "</h2>\n";
  if (!published) {
    h += "<p>" + EscapeMarkup(t("campaigns.noResults")) + "</p>\n";
  } else {
    h += "<div class=\"kc-scroll\"><table><thead><tr><th>" + EscapeMarkup(t("campaigns.rank")) +
         "</th><th>" + EscapeMarkup(t("campaigns.nominee")) + "</th><th>" +
         EscapeMarkup(t("campaigns.total")) + "</th>";
    for (const auto& k : c.criteria) h += "<th>" + EscapeMarkup(k.name) + "</th>";
    h += "<th>" + EscapeMarkup(t("campaigns.reviewers")) + "</th></tr></thead><tbody>\n";
    for (const auto& r : results) {
      h += "<tr><td>" + std::to_string(r.rank) + "</td><td>" + EscapeMarkup(r.nominee_name) +
           "</td><td>" + Fixed2(r.total) + "</td>";
      for (const auto& k : c.criteria) {
        auto it = r.breakdown.find(k.key);
        h += "<td>" + Fixed2(it == r.breakdown.end() ? 0.0 : it->second) + "</td>";
      }
      h += "<td>" + std::to_string(r.reviewers) + "</td></tr>\n";
    }
    h += "</tbody></table></div>\n<p class=\"kc-meta\">" + EscapeMarkup(t("campaigns.anonymous")) +
         "</p>\n";
  }
  h += "</article>\n";
  page.body_html = std::move(h);
  return page;
}

}  // namespace kc::api
