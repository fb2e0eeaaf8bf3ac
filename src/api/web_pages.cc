#include "api/web_pages.h"

#include <nlohmann/json.hpp>

#include "api/json_io.h"
#include "api/search_response.h"
#include "core/iso_time.h"
#include "core/markup_escape.h"
#include "service/listing_json.h"
#include "service/listing_validation.h"

namespace kc::api {

namespace {

// JSON for a <script> element: no text inside may open or close an element, so '<' is written
// \u003c (the JSON stays equal).
std::string ScriptJson(const nlohmann::json& j) {
  std::string out = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  for (size_t pos = 0; (pos = out.find('<', pos)) != std::string::npos; pos += 6) {
    out.replace(pos, 1, "\\u003c");
  }
  return out;
}

std::string BaseUrl(const http::Request& req) {
  std::string host(req.Header(http::bhttp::field::host));
  if (host.empty() || host.find_first_of(" /\\\"<>") != std::string::npos) host = "localhost";
  std::string scheme = req.Header("X-Forwarded-Proto") == "https" ? "https" : "http";
  return scheme + "://" + host;
}

std::string PagePath(const Listing& l) {
  return "/" + std::string(KindPlural(l.kind)) + "/" + std::to_string(l.id);
}

// A listing's public description: the visitor's view (members-only text stays out).
std::string Description(const Listing& l) {
  std::string text = l.visibility == Visibility::kPublic ? l.body : "";
  if (text.empty()) {
    std::string kw;
    for (const auto& k : l.keywords) kw += (kw.empty() ? "" : "、") + k;
    text = l.title + (kw.empty() ? "" : "（" + kw + "）");
  }
  return Utf8Prefix(text, 160);
}

http::Response Sitemap(Context& ctx, const std::string& base) {
  std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
  ListingQuery q;
  q.statuses = {ListingStatus::kPublished};
  q.sort = ListingSort::kOldest;
  q.limit = 500;
  q.count_total = false;
  q.summary_only = true;
  size_t urls = 0;
  while (urls < 50000) {  // by id ranges (ListingQuery::id_from), not offsets
    KC_ASSIGN_OR_RESPOND(page, ctx.listings.List(Actor::Visitor(), q));
    for (const auto& item : page->items) {
      xml += "  <url><loc>" + EscapeMarkup(base + PagePath(item.listing)) + "</loc><lastmod>" +
             IsoTime(item.listing.updated_at) + "</lastmod></url>\n";
      ++urls;
    }
    if (page->items.size() < static_cast<size_t>(q.limit)) break;
    q.id_from = page->items.back().listing.id + 1;
  }
  xml += "</urlset>\n";
  http::Response r;
  r.content_type = "application/xml; charset=utf-8";
  r.body = std::move(xml);
  r.AddHeader("Cache-Control", "public, max-age=600");
  return r;
}

}  // namespace

std::string ListingHead(const Listing& l, const Org& org, const std::string& base_url) {
  const std::string url = base_url + PagePath(l);
  const std::string description = Description(l);
  nlohmann::json ld = {{"@context", "https://schema.org"},
                       {"name", l.title},
                       {"description", description},
                       {"url", url},
                       {"keywords", l.keywords},
                       {"datePublished", IsoTime(l.published_at)},
                       {"dateModified", IsoTime(l.updated_at)}};
  nlohmann::json org_ld = {{"@type", "Organization"}, {"name", org.name}};
  switch (l.kind) {
    case ListingKind::kDemand:
      ld["@type"] = "Demand";
      ld["seller"] = org_ld;  // schema.org: the party that seeks the offer
      break;
    case ListingKind::kAchievement:
      ld["@type"] = "CreativeWork";
      ld["creator"] = org_ld;
      if (!l.category.empty()) ld["genre"] = l.category;
      break;
    case ListingKind::kExpert:
      ld = {{"@context", "https://schema.org"},
            {"@type", "Person"},
            {"name", l.title},
            {"jobTitle", l.rank},
            {"description", description},
            {"url", url},
            {"affiliation", {{"@type", "Organization"}, {"name", l.affiliation}}}};
      break;
  }
  const std::string json = ScriptJson(ld);
  return "<title>" + EscapeMarkup(l.title) + " - 科创</title>\n" +
         "<meta name=\"description\" content=\"" + EscapeMarkup(description) + "\">\n" +
         "<meta property=\"og:title\" content=\"" + EscapeMarkup(l.title) + "\">\n" +
         "<meta property=\"og:description\" content=\"" + EscapeMarkup(description) + "\">\n" +
         "<link rel=\"canonical\" href=\"" + EscapeMarkup(url) + "\">\n" +
         "<script type=\"application/ld+json\">" + json + "</script>\n";
}

std::string InjectHead(std::string_view html, std::string_view head) {
  std::string out(html);
  auto t = out.find("<title>");
  auto te = out.find("</title>");
  if (t != std::string::npos && te != std::string::npos && te > t) {
    out.erase(t, te + 8 - t);
  }
  auto h = out.find("</head>");
  if (h == std::string::npos) return out;
  out.insert(h, head);
  return out;
}

std::string ApiDataScript(std::string_view api_path, const json& query, const json& body) {
  return std::string("<script id=\"kc-api-data\" type=\"application/json\">") +
         ScriptJson({{"path", api_path}, {"query", query}, {"body", body}}) + "</script>\n";
}

std::string InsertBeforeHeadEnd(std::string_view html, std::string_view text) {
  std::string out(html);
  auto h = out.find("</head>");
  if (h != std::string::npos) out.insert(h, text);
  return out;
}

namespace {

// The search page with the first page of its results, as GET /api/v1/search answers the app's
// own request (its page size). A query the API refuses gets the plain page: the app asks, and
// shows the error.
std::string SearchPage(Context& ctx, const std::string& index_html, const http::Request& req) {
  auto actor = ctx.Authenticate(req, false);
  auto query = ReadSearchQuery(req);
  if (!actor.ok() || !query.ok()) return index_html;
  SearchQuery q = WithPageSize(std::move(*query), kSearchPageSize);
  auto body = SearchResponse(ctx, *actor, q);
  if (!body.ok()) return index_html;
  return InsertBeforeHeadEnd(index_html, ApiDataScript("/search", SearchQueryJson(q), *body));
}

// A listing's page: the head for search engines when it is published, and the listing as
// GET /api/v1/{kind}/{id} shows it to this reader when they may see it.
std::string ListingPage(Context& ctx, const std::string& index_html, const http::Request& req,
                        ListingKind kind, int64_t id) {
  std::string html = index_html;
  auto published = ctx.listings.Get(Actor::Visitor(), kind, id);
  if (published.ok()) {
    html = InjectHead(html, ListingHead(published->listing, published->org, BaseUrl(req)));
  }
  auto actor = ctx.Authenticate(req, false);
  if (!actor.ok()) return html;
  auto item = actor->signed_in() ? ctx.listings.Get(*actor, kind, id) : std::move(published);
  if (!item.ok()) return html;
  json listing = ListingToJson(item->listing, &item->org, ViewLevelFor(*actor, item->listing));
  const std::string path = "/" + std::string(KindPlural(kind)) + "/" + std::to_string(id);
  return InsertBeforeHeadEnd(html, ApiDataScript(path, json::object(), listing));
}

}  // namespace

bool ServeWebPage(Context& ctx, const std::string& index_html, const PageAssets& assets,
                  const http::Request& req, http::Response& res) {
  using http::bhttp::verb;
  if (req.method() != verb::get && req.method() != verb::head) return false;
  const std::string& path = req.path();
  if (path == "/sitemap.xml") {
    res = Sitemap(ctx, BaseUrl(req));
    return true;
  }
  if (path == "/robots.txt") {
    res.content_type = "text/plain; charset=utf-8";
    res.body = "User-agent: *\nDisallow: /api/\nDisallow: /workspace\nSitemap: " + BaseUrl(req) +
               "/sitemap.xml\n";
    return true;
  }
  if (index_html.empty()) return false;
  // These pages depend on the data and on who asks: never stored as they are.
  auto page = [&res](std::string html) {
    res.content_type = "text/html; charset=utf-8";
    res.AddHeader("Cache-Control", "no-cache");
    res.AddHeader("Vary", "Cookie");
    res.body = std::move(html);
    return true;
  };
  if (path == "/search") {
    return page(InsertBeforeHeadEnd(SearchPage(ctx, index_html, req),
                                    assets.PreloadLinks("src/views/SearchView.vue")));
  }
  // /demands/{id}, /achievements/{id}, /experts/{id}
  auto slash = path.find('/', 1);
  if (slash == std::string::npos) return false;
  auto kind = KindFromPlural(std::string_view(path).substr(1, slash - 1));
  std::string_view id_text = std::string_view(path).substr(slash + 1);
  int64_t id = 0;
  for (char c : id_text) {
    if (c < '0' || c > '9' || id > 1000000000000LL) return false;
    id = id * 10 + (c - '0');
  }
  if (!kind || id_text.empty()) return false;
  return page(InsertBeforeHeadEnd(ListingPage(ctx, index_html, req, *kind, id),
                                  assets.PreloadLinks("src/views/ListingDetailView.vue")));
}

}  // namespace kc::api
