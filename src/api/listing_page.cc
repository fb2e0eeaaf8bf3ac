#include "api/listing_page.h"

#include <cstdio>

#include "api/partners_page.h"
#include "core/markup_escape.h"
#include "core/region_code.h"
#include "core/taxonomy.h"

namespace kc::api {

namespace {

using nlohmann::json;

std::string Joined(const json& j, const char* key, std::string_view sep) {
  std::string out;
  auto it = j.find(key);
  if (it == j.end() || !it->is_array()) return out;
  for (const auto& v : *it) {
    if (!v.is_string()) continue;
    if (!out.empty()) out += sep;
    out += v.get<std::string>();
  }
  return out;
}

// 1234567 → "1,234,567".
std::string Grouped(int64_t n) {
  std::string digits = std::to_string(n < 0 ? -n : n);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return (n < 0 ? "-" : "") + out;
}

// A sum as the app writes it: "CNY 500,000" in English, "50 万元" in Chinese.
std::string Cny(int64_t n, std::string_view lang) {
  if (lang == "en") return "CNY " + Grouped(n);
  std::string out = Grouped(n / 10000);
  int64_t rest = (n < 0 ? -n : n) % 10000;
  if (rest != 0) {  // up to three decimals of 万, as toLocaleString writes them
    char buf[8];
    std::snprintf(buf, sizeof(buf), "%03lld", static_cast<long long>((rest + 5) / 10));
    std::string frac = buf;
    while (!frac.empty() && frac.back() == '0') frac.pop_back();
    if (!frac.empty()) out += "." + frac;
  }
  return out + " 万元";
}

std::string Money(const json& m, const PageText& text, std::string_view lang) {
  if (!m.is_object()) return "";
  const bool has_min = m.contains("min_cny") && m["min_cny"].is_number_integer();
  const bool has_max = m.contains("max_cny") && m["max_cny"].is_number_integer();
  if (!has_min && !has_max) return text.Get(lang, "common.negotiable");
  if (has_min && has_max && m["min_cny"] != m["max_cny"]) {
    return Cny(m["min_cny"].get<int64_t>(), lang) + " – " + Cny(m["max_cny"].get<int64_t>(), lang);
  }
  return Cny((has_min ? m["min_cny"] : m["max_cny"]).get<int64_t>(), lang);
}

// The codes in j[key], each worded by the web's text `prefix` + code, joined.
std::string Modes(const json& j, const char* key, const std::string& prefix, const PageText& text,
                  std::string_view lang) {
  std::string out;
  auto it = j.find(key);
  if (it == j.end() || !it->is_array()) return out;
  for (const auto& v : *it) {
    if (!v.is_string()) continue;
    if (!out.empty()) out += "、";
    out += text.Get(lang, prefix + v.get<std::string>());
  }
  return out;
}

// The display name of a listing: an expert's name, else its title.
std::string NameOf(const json& l) {
  return l.value("type", "") == "expert" ? JsonText(l, "name") : JsonText(l, "title");
}

std::string PathOf(const json& l) {
  auto kind = KindFromName(l.value("type", ""));
  return "/" + std::string(KindPlural(kind.value_or(ListingKind::kDemand))) + "/" +
         std::to_string(l.value("id", int64_t{0}));
}

// A partner platform's listing (docs/network.md §4) carries where it comes from; null for this
// platform's own.
const json* OriginOf(const json& l) {
  auto it = l.find("origin");
  return it != l.end() && it->is_object() ? &*it : nullptr;
}

// The origin's page when it is a web address (never javascript: or data:), else "".
std::string OriginUrl(const json& origin) {
  std::string url = JsonText(origin, "url");
  return url.rfind("https://", 0) == 0 || url.rfind("http://", 0) == 0 ? url : "";
}

// "From partner platform · ORG" as the app's tag writes it.
std::string OriginTag(const json& origin, const PageText& text, std::string_view lang) {
  const std::string org = JsonText(origin, "org_name");
  return org.empty() ? text.Get(lang, "origin.tagPlain")
                     : text.Get(lang, "origin.tag", {{"org", org}});
}

json OrgLd(const json& l, std::string_view base_url) {
  if (const json* origin = OriginOf(l)) {  // the local record is only a stand-in for its peer
    if (JsonText(*origin, "org_name").empty()) return nullptr;
    return {{"@type", "Organization"}, {"name", JsonText(*origin, "org_name")}};
  }
  if (!l.contains("org") || !l["org"].is_object()) return nullptr;
  const json& org = l["org"];
  return {{"@type", "Organization"},
          {"name", JsonText(org, "name")},
          {"url", std::string(base_url) + "/orgs/" + std::to_string(org.value("id", int64_t{0}))}};
}

json PriceLd(const json& m) {
  json spec = {{"@type", "PriceSpecification"}, {"priceCurrency", "CNY"}};
  if (m.contains("min_cny")) spec["minPrice"] = m["min_cny"];
  if (m.contains("max_cny")) spec["maxPrice"] = m["max_cny"];
  return spec;
}

bool Priced(const json& l, const char* key) {
  return l.contains(key) && l[key].is_object() && !l[key].value("negotiable", true);
}

json ListingLd(const json& l, const std::string& description, std::string_view base_url) {
  const std::string url = std::string(base_url) + PathOf(l);
  const std::string kind = l.value("type", "");
  json ld = {{"@context", "https://schema.org"},
             {"name", NameOf(l)},
             {"description", description},
             {"url", url}};
  if (l.contains("keywords") && l["keywords"].is_array() && !l["keywords"].empty()) {
    ld["keywords"] = Joined(l, "keywords", ", ");
  }
  const json org = OrgLd(l, base_url);
  if (const json* origin = OriginOf(l); origin && !OriginUrl(*origin).empty()) {
    ld["url"] = OriginUrl(*origin);  // its page is on the partner's platform
  }
  if (kind == "demand") {
    // A demand announces that its organisation seeks a technical service.
    ld["@type"] = "Demand";
    ld["itemOffered"] = {
        {"@type", "Service"}, {"name", NameOf(l)}, {"category", JsonText(l, "category")}};
    if (!org.is_null()) ld["seller"] = org;  // on a Demand, the party that seeks
    if (Priced(l, "budget")) ld["priceSpecification"] = PriceLd(l["budget"]);
    if (!JsonText(l, "deadline").empty()) ld["validThrough"] = JsonText(l, "deadline");
    if (!JsonText(l, "published_at").empty()) ld["validFrom"] = JsonText(l, "published_at");
    if (!JsonText(l, "region").empty())
      ld["areaServed"] = RegionName(JsonText(l, "region"), "zh-CN");
  } else if (kind == "achievement") {
    ld["@type"] = "CreativeWork";
    if (!org.is_null()) ld["creator"] = org;
    if (!JsonText(l, "category").empty()) ld["genre"] = JsonText(l, "category");
    if (!JsonText(l, "discipline").empty()) ld["about"] = JsonText(l, "discipline");
    if (!JsonText(l, "published_at").empty()) ld["datePublished"] = JsonText(l, "published_at");
    if (Priced(l, "price")) {
      ld["offers"] = {
          {"@type", "Offer"}, {"url", url}, {"priceSpecification", PriceLd(l["price"])}};
    }
  } else if (kind == "talent_demand") {
    // A post, a partnership or funding offered to talent (docs/talent.md).
    ld["@type"] = "JobPosting";
    ld["title"] = NameOf(l);
    if (!org.is_null()) ld["hiringOrganization"] = org;
    if (!JsonText(l, "published_at").empty()) ld["datePosted"] = JsonText(l, "published_at");
    if (!JsonText(l, "deadline").empty()) ld["validThrough"] = JsonText(l, "deadline");
  } else if (kind == "talent") {
    // The headline describes the person; their name is for members only (docs/talent.md).
    ld["@type"] = "Person";
    ld.erase("name");
    if (!JsonText(l, "name").empty()) ld["name"] = JsonText(l, "name");
    if (!JsonText(l, "rank").empty()) ld["jobTitle"] = JsonText(l, "rank");
    if (l.contains("keywords") && l["keywords"].is_array()) ld["knowsAbout"] = l["keywords"];
  } else {
    ld["@type"] = "Person";
    if (!JsonText(l, "title").empty()) ld["jobTitle"] = JsonText(l, "title");
    if (!JsonText(l, "affiliation").empty()) {
      ld["affiliation"] = {{"@type", "Organization"}, {"name", JsonText(l, "affiliation")}};
    }
    if (l.contains("keywords") && l["keywords"].is_array()) ld["knowsAbout"] = l["keywords"];
  }
  return ld;
}

}  // namespace

std::string TaxonomyName(std::string_view name, bool is_category, std::string_view lang) {
  if (name.empty() || lang != "en") return std::string(name);
  const Taxonomy& tx = Taxonomy::Get();
  if (is_category) {
    for (const auto& c : tx.categories()) {
      if (c.name == name) return c.name_en;
    }
    return std::string(name);
  }
  std::string out;
  size_t start = 0;
  while (start <= name.size()) {
    size_t slash = name.find('/', start);
    std::string_view part =
        name.substr(start, slash == std::string_view::npos ? slash : slash - start);
    std::string shown(part);
    for (const auto& c : tx.categories()) {
      for (const auto& d : c.disciplines) {
        if (d.name == part) shown = d.name_en;
      }
    }
    out += (out.empty() ? "" : " / ") + shown;
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return out;
}

std::string RegionName(std::string_view code, std::string_view lang) {
  if (code.size() < 2) return "";
  if (lang == "en") {
    std::string_view en = ProvinceNameEn(code);
    return en.empty() ? std::string(code) : std::string(en);
  }
  auto zh = ProvinceName(code);
  return zh ? std::string(*zh) : std::string(code);
}

PageContent ListingPage(const json& l, const PageText& text, std::string_view lang,
                        std::string_view base_url) {
  auto t = [&](std::string_view key) { return text.Get(lang, key); };
  const std::string kind = l.value("type", "");
  const char* body_field = kind == "demand" || kind == "talent_demand" ? "description"
                           : kind == "achievement"                     ? "abstract"
                                                                       : "bio";
  const bool hidden = l.value("details_hidden", false);
  const std::string body = hidden ? JsonText(l, "summary") : JsonText(l, body_field);
  const std::string plural(KindPlural(KindFromName(kind).value_or(ListingKind::kDemand)));

  const json* origin = OriginOf(l);
  PageContent page;
  page.title = NameOf(l);
  // A partner's listing is a copy: its own page, on its platform, is the one to index.
  page.path = origin ? "" : PathOf(l);
  std::string summary = JsonText(l, "summary");
  page.description = summary.empty() ? page.title : summary;
  page.json_ld = ListingLd(l, page.description, base_url);

  std::string h = "<p class=\"kc-meta\">" + Link("/", t("nav.home")) + " › " +
                  Link("/" + plural, t("nav." + plural)) + "</p>\n";
  h += "<article><h1>" + EscapeMarkup(page.title) + "</h1>\n";
  if (origin) {
    h += "<p class=\"kc-meta\"><strong>" + EscapeMarkup(OriginTag(*origin, text, lang)) +
         "</strong>";
    if (const std::string url = OriginUrl(*origin); !url.empty()) {
      h += " · <a href=\"" + EscapeMarkup(url) + "\" rel=\"noopener external\">" +
           EscapeMarkup(t("origin.view")) + " ↗</a>";
    }
    h += "<br>" + EscapeMarkup(t("origin.readOnly")) + "</p>\n";
  }
  if (hidden)
    h += "<p>" + EscapeMarkup(t("detail.detailsHidden")) + " " +
         Link("/login?next=" + page.path, t("nav.signIn")) + "</p>\n";
  h += "<dl>";
  if (origin) {
    h += FieldRow(t("form.org"), JsonText(*origin, "org_name"));
  } else if (l.contains("org") && l["org"].is_object()) {
    h += "<dt>" + EscapeMarkup(t("form.org")) + "</dt><dd>" +
         Link("/orgs/" + std::to_string(l["org"].value("id", int64_t{0})),
              JsonText(l["org"], "name")) +
         "</dd>";
  }
  if (kind == "expert") h += FieldRow(t("form.rank"), JsonText(l, "title"));
  if (kind == "talent") {  // the name and affiliation are there for members only
    h += FieldRow(t("form.personName"), JsonText(l, "name"));
    h += FieldRow(t("form.rank"), JsonText(l, "rank"));
    if (!JsonText(l, "country").empty()) {
      h += FieldRow(t("form.country"), CountryName(JsonText(l, "country"), text, lang));
    }
  }
  h += FieldRow(t("form.affiliation"), JsonText(l, "affiliation"));
  if (!JsonText(l, "talent_type").empty()) {
    h += FieldRow(t("form.talent_type"), t("talentType." + JsonText(l, "talent_type")));
  }
  h += FieldRow(t("form.seeking"), Modes(l, "seeking", "talentModes.", text, lang));
  h += FieldRow(t("form.offers"), Modes(l, "offers", "talentModes.", text, lang));
  h += FieldRow(t("form.languages"), Modes(l, "languages", "language.", text, lang));
  h += FieldRow(t("form.category"), TaxonomyName(JsonText(l, "category"), true, lang));
  h += FieldRow(t("form.discipline"), TaxonomyName(JsonText(l, "discipline"), false, lang));
  h += FieldRow(t("form.region"), RegionName(JsonText(l, "region"), lang));
  if (l.contains("budget")) h += FieldRow(t("form.budget"), Money(l["budget"], text, lang));
  if (l.contains("price")) h += FieldRow(t("form.price"), Money(l["price"], text, lang));
  h += FieldRow(t("form.deadline"), JsonText(l, "deadline"));
  if (l.contains("maturity") && l["maturity"].is_number_integer()) {
    h += FieldRow(t("form.maturity"),
                  text.Get(lang, "form.trl", {{"n", std::to_string(l["maturity"].get<int>())}}));
  }
  h += FieldRow(t("form.cooperation_modes"), Modes(l, "cooperation_modes", "modes.", text, lang));
  h += FieldRow(t("form.transfer_modes"), Modes(l, "transfer_modes", "modes.", text, lang));
  h += FieldRow(t("form.patents"), Joined(l, "patents", ", "));
  h += FieldRow(t("form.inventors"), Joined(l, "inventors", "、"));
  h += FieldRow(t("form.disciplines"), Joined(l, "disciplines", "、"));
  h += FieldRow(t("form.keywords"), Joined(l, "keywords", "、"));
  h += FieldRow(t("form.publishedAt"), ShanghaiTime(EpochOfIsoTime(JsonText(l, "published_at"))));
  h += FieldRow(t("form.expiresAt"), ShanghaiTime(EpochOfIsoTime(JsonText(l, "expires_at"))));
  h += "</dl>\n";
  if (!body.empty()) {
    h += "<h2>" + EscapeMarkup(t(std::string("form.") + body_field)) +
         "</h2>\n<p class=\"kc-text\">" + EscapeMarkup(body) + "</p>\n";
  }
  h += "</article>\n";
  page.body_html = std::move(h);
  return page;
}

PageContent ListingListPage(ListingKind kind, const json& items, int64_t total, int64_t page_no,
                            int64_t size, const PageText& text, std::string_view lang,
                            const ListParams& filters) {
  auto t = [&](std::string_view key) { return text.Get(lang, key); };
  const std::string plural(KindPlural(kind));
  PageContent page;
  page.title = t("nav." + plural);
  const std::string path = "/" + plural;
  page.path = ListAddress(path, filters, page_no);
  std::string h = "<h1>" + EscapeMarkup(page.title) + "</h1>\n" +
                  SearchForm(path, filters, t("list.filterPlaceholder"), t("search.button")) +
                  "<p class=\"kc-meta\">" +
                  EscapeMarkup(text.Get(lang, "common.total", {{"n", std::to_string(total)}})) +
                  "</p>\n";
  if (!items.is_array() || items.empty()) {
    h += "<p>" + EscapeMarkup(t("common.empty")) + "</p>\n";
  } else {
    h += "<ul>\n";
    for (const auto& l : items) {
      std::string meta;
      auto add = [&meta](const std::string& s) {
        if (!s.empty()) meta += (meta.empty() ? "" : " · ") + s;
      };
      if (const json* origin = OriginOf(l)) {
        add(OriginTag(*origin, text, lang));
      } else if (l.contains("org") && l["org"].is_object()) {
        add(JsonText(l["org"], "name"));
      }
      add(TaxonomyName(JsonText(l, "category"), true, lang));
      add(RegionName(JsonText(l, "region"), lang));
      add(ShanghaiDate(EpochOfIsoTime(JsonText(l, "published_at"))));
      h += "<li>" + Link(PathOf(l), NameOf(l)) + "<br><span class=\"kc-meta\">" +
           EscapeMarkup(meta) + "</span>";
      if (!JsonText(l, "summary").empty()) h += "<br>" + EscapeMarkup(JsonText(l, "summary"));
      h += "</li>\n";
    }
    h += "</ul>\n";
  }
  h += PageLinks(total, size, page_no, text, lang,
                 [&](int64_t p) { return ListAddress(path, filters, p); });
  page.body_html = std::move(h);
  return page;  // the app's own description stays
}

}  // namespace kc::api
