#include "api/web_pages.h"

#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

#include "api/app_routes.h"
#include "api/bases_page.h"
#include "api/campaign_page.h"
#include "api/event_page.h"
#include "api/json_io.h"
#include "api/listing_page.h"
#include "api/news_page.h"
#include "api/offshore_base_json.h"
#include "api/org_page.h"
#include "api/page_html.h"
#include "api/partners_page.h"
#include "api/peer_json.h"
#include "api/plans_page.h"
#include "api/search_response.h"
#include "api/sitemap.h"
#include "core/markup_escape.h"
#include "service/campaign_policy.h"
#include "service/listing_json.h"

namespace kc::api {

namespace {

using nlohmann::json;

constexpr int64_t kListPageSize = 20;  // the app's lists (usePagedList's default)

// The number a path segment or parameter is written as; -1 when it is not one.
int64_t IdOf(std::string_view text) {
  int64_t id = 0;
  if (text.empty() || text.size() > 15) return -1;
  for (char c : text) {
    if (c < '0' || c > '9') return -1;
    id = id * 10 + (c - '0');
  }
  return id;
}

// ?page= as a page number from 1 (anything else is page 1).
int64_t PageOf(const http::Request& req) {
  int64_t page = IdOf(req.Query("page").value_or(""));
  return page > 0 && page < 100000 ? page : 1;
}

// What one request needs to write a page.
struct PageRequest {
  Context& ctx;
  const WebApp& app;
  const http::Request& req;
  std::string lang;
  std::string base;

  std::string Compose(const PageContent& content) const {
    return ComposePage(app.index_html, content, app.text, lang, base);
  }
  // The page for a path or record that does not exist.
  std::string NotFoundPage() const {
    PageContent c;
    c.status = 404;
    c.title = app.text.Get(lang, "common.notFound");
    c.body_html = "<h1>" + EscapeMarkup(c.title) + "</h1>\n<p>" +
                  EscapeMarkup(app.text.Get(lang, "common.notFoundText")) + "</p>\n<p>" +
                  Link("/", app.text.Get(lang, "nav.home")) + "</p>\n";
    return Compose(c);
  }
};

struct Answer {
  int status = 200;
  std::string html;
};

// A listing's page: its public content when it is published, and the listing as GET
// /api/v1/{kind}/{id} shows this reader when they may read it.
Answer ListingRecordPage(const PageRequest& p, ListingKind kind, int64_t id) {
  auto published = p.ctx.listings.Get(Actor::Visitor(), kind, id);
  auto actor = p.ctx.Authenticate(p.req, false);
  Result<ListingWithOrg> item = published;
  if (actor.ok() && actor->signed_in()) item = p.ctx.listings.Get(*actor, kind, id);
  if (!published.ok() && !item.ok()) return {404, p.NotFoundPage()};
  std::string html = p.app.index_html;
  if (published.ok()) {
    const Listing& l = published->listing;
    json visitor = ListingToJson(l, &published->org, ViewLevelFor(Actor::Visitor(), l));
    html = p.Compose(ListingPage(visitor, p.app.text, p.lang, p.base));
  }
  if (item.ok() && actor.ok()) {
    json shown = ListingToJson(item->listing, &item->org, ViewLevelFor(*actor, item->listing));
    const std::string path = "/" + std::string(KindPlural(kind)) + "/" + std::to_string(id);
    html = InsertBeforeHeadEnd(html, ApiDataScript(path, json::object(), shown));
  }
  return {200,
          InsertBeforeHeadEnd(html, p.app.assets.PreloadLinks("src/views/ListingDetailView.vue"))};
}

Answer ListingListRecordPage(const PageRequest& p, ListingKind kind) {
  ListingQuery q;
  q.kind = kind;
  q.statuses = {ListingStatus::kPublished};
  q.category = p.req.Query("category").value_or("");
  q.region_prefix = p.req.Query("region").value_or("");
  q.text = p.req.Query("q").value_or("");
  q.summary_only = true;
  const int64_t page = PageOf(p.req);
  q.offset = (page - 1) * kListPageSize;
  q.limit = kListPageSize;
  auto result = p.ctx.listings.List(Actor::Visitor(), q);
  if (!result.ok()) return {200, p.app.index_html};  // the app asks, and shows the error
  json items = json::array();
  for (const auto& item : result->items) {
    items.push_back(
        ListingSummaryJson(item.listing, &item.org, ViewLevelFor(Actor::Visitor(), item.listing)));
  }
  const ListParams filters = {{"q", q.text}, {"category", q.category}, {"region", q.region_prefix}};
  return {200, p.Compose(ListingListPage(kind, items, result->total, page, kListPageSize,
                                         p.app.text, p.lang, filters))};
}

Answer OrgRecordPage(const PageRequest& p, int64_t id) {
  auto org = p.ctx.orgs.Get(id);
  if (!org.ok()) return {404, p.NotFoundPage()};
  ListingQuery q;
  q.org_id = id;
  q.statuses = {ListingStatus::kPublished};
  q.summary_only = true;
  q.limit = 60;
  json listings = json::array();
  if (auto page = p.ctx.listings.List(Actor::Visitor(), q); page.ok()) {
    for (const auto& item : page->items) {
      listings.push_back(ListingSummaryJson(item.listing, &item.org,
                                            ViewLevelFor(Actor::Visitor(), item.listing)));
    }
  }
  return {200, p.Compose(OrgPage(*org, listings, p.app.text, p.lang, p.base))};
}

Answer NewsRecordPage(const PageRequest& p, int64_t id) {
  if (!p.ctx.news) return {404, p.NotFoundPage()};
  auto article = p.ctx.news->Get(Actor::Visitor(), id);
  if (!article.ok()) {
    // An editor's draft: the app's page, which shows it to them.
    auto actor = p.ctx.Authenticate(p.req, false);
    if (actor.ok() && actor->signed_in() && p.ctx.news->Get(*actor, id).ok()) {
      return {200, p.app.index_html};
    }
    return {404, p.NotFoundPage()};
  }
  auto columns = p.ctx.news->Columns();
  return {200,
          p.Compose(NewsArticlePage(*article, columns.ok() ? *columns : std::vector<NewsColumn>{},
                                    p.app.text, p.lang, p.base))};
}

Answer NewsListRecordPage(const PageRequest& p) {
  if (!p.ctx.news) return {200, p.app.index_html};
  NewsQuery q;
  q.status = NewsStatus::kPublished;
  q.column = p.req.Query("column").value_or("");
  q.tag = p.req.Query("tag").value_or("");
  const int64_t page = PageOf(p.req);
  q.offset = (page - 1) * kListPageSize;
  q.limit = kListPageSize;
  auto result = p.ctx.news->List(Actor::Visitor(), q);
  if (!result.ok()) return {200, p.app.index_html};
  return {200, p.Compose(NewsListPage(result->items, result->total, page, kListPageSize, p.app.text,
                                      p.lang, {{"column", q.column}, {"tag", q.tag}}))};
}

Answer EventRecordPage(const PageRequest& p, int64_t id) {
  if (!p.ctx.events) return {404, p.NotFoundPage()};
  auto view = p.ctx.events->Get(Actor::Visitor(), id);
  if (!view.ok()) {
    // An organiser's draft: the app's page, which shows it to them.
    auto actor = p.ctx.Authenticate(p.req, false);
    if (actor.ok() && actor->signed_in() && p.ctx.events->Get(*actor, id).ok()) {
      return {200, p.app.index_html};
    }
    return {404, p.NotFoundPage()};
  }
  return {200, p.Compose(EventPage(*view, p.app.text, p.lang, p.base, p.ctx.clock.Now()))};
}

Answer EventListRecordPage(const PageRequest& p) {
  if (!p.ctx.events) return {200, p.app.index_html};
  EventListRequest r;
  r.upcoming = p.req.Query("past").value_or("") != "1";
  r.text = p.req.Query("q").value_or("");
  const int64_t page = PageOf(p.req);
  r.offset = (page - 1) * kListPageSize;
  r.limit = kListPageSize;
  auto result = p.ctx.events->List(Actor::Visitor(), r);
  if (!result.ok()) return {200, p.app.index_html};
  return {200, p.Compose(EventListPage(result->items, result->total, page, kListPageSize,
                                       r.upcoming, r.text, p.app.text, p.lang))};
}

Answer CampaignRecordPage(const PageRequest& p, int64_t id) {
  if (!p.ctx.campaigns) return {404, p.NotFoundPage()};
  auto campaign = p.ctx.campaigns->Get(Actor::Visitor(), id);
  if (!campaign.ok()) {
    auto actor = p.ctx.Authenticate(p.req, false);
    if (actor.ok() && actor->signed_in() && p.ctx.campaigns->Get(*actor, id).ok()) {
      return {200, p.app.index_html};  // an admin's draft
    }
    return {404, p.NotFoundPage()};
  }
  std::vector<CampaignResult> results;
  if (HasPublicResults(*campaign)) {
    if (auto r = p.ctx.campaigns->Results(id); r.ok()) results = std::move(*r);
  }
  return {200, p.Compose(CampaignPage(*campaign, results, p.app.text, p.lang, p.base))};
}

Answer CampaignListRecordPage(const PageRequest& p) {
  if (!p.ctx.campaigns) return {200, p.app.index_html};
  CampaignQuery q;
  q.limit = 100;
  auto result = p.ctx.campaigns->List(Actor::Visitor(), q);
  if (!result.ok()) return {200, p.app.index_html};
  PageContent c;
  c.title = p.app.text.Get(p.lang, "campaigns.title");
  c.path = "/campaigns";
  std::string h = "<h1>" + EscapeMarkup(c.title) + "</h1>\n<ul>\n";
  for (const auto& campaign : result->items) {
    const std::string name =
        p.lang == "en" && !campaign.title_en.empty() ? campaign.title_en : campaign.title;
    h += "<li>" + Link("/campaigns/" + std::to_string(campaign.id), name) +
         " <span class=\"kc-meta\">" +
         EscapeMarkup(
             p.app.text.Get(p.lang, "campaigns.year", {{"year", std::to_string(campaign.year)}})) +
         "</span></li>\n";
  }
  c.body_html = h + "</ul>\n";
  return {200, p.Compose(c)};
}

// A page of the offshore bases directory (?page=, ?country=, ?q= as the app's list), public
// bases only, with the table of bases per country.
Answer BasesListRecordPage(const PageRequest& p) {
  if (!p.ctx.bases) return {200, p.app.index_html};
  BaseListFilter f;
  f.country = p.req.Query("country").value_or("");
  f.text = p.req.Query("q").value_or("");
  const int64_t page = PageOf(p.req);
  f.offset = (page - 1) * kListPageSize;
  f.limit = kListPageSize;
  auto result = p.ctx.bases->List(Actor::Visitor(), f);
  auto countries = p.ctx.bases->CountByCountry();
  if (!result.ok() || !countries.ok()) return {200, p.app.index_html};
  json items = json::array();
  for (const auto& b : result->items) items.push_back(OffshoreBaseJson(b));
  std::string html =
      p.Compose(BasesPage(items, result->total, page, kListPageSize, BaseCountriesJson(*countries),
                          p.app.text, p.lang, p.base, {{"country", f.country}, {"q", f.text}}));
  html = InsertBeforeHeadEnd(
      html, ApiDataScript("/bases/countries", json::object(), BaseCountriesJson(*countries)));
  return {200, InsertBeforeHeadEnd(html, p.app.assets.PreloadLinks("src/views/BasesView.vue"))};
}

// A base's page: its public content when it is published or closed, and the base as GET
// /api/v1/bases/{id} shows this reader when they may see it (a draft: its maintainers only).
Answer BaseRecordPage(const PageRequest& p, int64_t id) {
  if (!p.ctx.bases) return {404, p.NotFoundPage()};
  auto published = p.ctx.bases->Get(Actor::Visitor(), id);
  auto actor = p.ctx.Authenticate(p.req, false);
  Result<OffshoreBaseDetail> shown = published;
  if (actor.ok() && actor->signed_in()) shown = p.ctx.bases->Get(*actor, id);
  if (!published.ok() && !shown.ok()) return {404, p.NotFoundPage()};
  std::string html = p.app.index_html;
  if (published.ok()) {
    html = p.Compose(BasePage(OffshoreBaseJson(*published), p.app.text, p.lang, p.base));
  }
  if (shown.ok()) {
    html = InsertBeforeHeadEnd(html, ApiDataScript("/bases/" + std::to_string(id), json::object(),
                                                   OffshoreBaseJson(*shown)));
  }
  return {200, InsertBeforeHeadEnd(html, p.app.assets.PreloadLinks("src/views/BaseView.vue"))};
}

// The published action plans.
Answer PlansListRecordPage(const PageRequest& p) {
  if (!p.ctx.plans) return {200, p.app.index_html};
  auto plans = p.ctx.plans->ListPlans(Actor::Visitor());
  if (!plans.ok()) return {200, p.app.index_html};
  return {200, InsertBeforeHeadEnd(p.Compose(PlansPage(*plans, p.app.text, p.lang, p.base)),
                                   p.app.assets.PreloadLinks("src/views/PlansView.vue"))};
}

// A published plan's dashboard and tasks. A draft is the app's page for the platform admins
// who may see it, and not found for everyone else.
Answer PlanRecordPage(const PageRequest& p, int64_t id) {
  if (!p.ctx.plans) return {404, p.NotFoundPage()};
  auto detail = p.ctx.plans->GetPlan(Actor::Visitor(), id);
  auto dashboard = p.ctx.plans->Dashboard(Actor::Visitor(), id);
  if (!detail.ok() || !dashboard.ok()) {
    auto actor = p.ctx.Authenticate(p.req, false);
    if (actor.ok() && actor->signed_in() && p.ctx.plans->GetPlan(*actor, id).ok()) {
      return {200, p.app.index_html};
    }
    return {404, p.NotFoundPage()};
  }
  return {200,
          InsertBeforeHeadEnd(p.Compose(PlanPage(*detail, *dashboard, p.app.text, p.lang, p.base)),
                              p.app.assets.PreloadLinks("src/views/PlanView.vue"))};
}

// A task of a published plan, at /plans/{plan}/tasks/{task} (not found under another plan).
Answer PlanTaskRecordPage(const PageRequest& p, int64_t plan_id, int64_t task_id) {
  if (!p.ctx.plans) return {404, p.NotFoundPage()};
  auto detail = p.ctx.plans->GetTask(Actor::Visitor(), task_id);
  if (!detail.ok() || detail->plan.id != plan_id) {
    auto actor = p.ctx.Authenticate(p.req, false);
    if (actor.ok() && actor->signed_in()) {
      auto seen = p.ctx.plans->GetTask(*actor, task_id);
      if (seen.ok() && seen->plan.id == plan_id) return {200, p.app.index_html};
    }
    return {404, p.NotFoundPage()};
  }
  return {200, InsertBeforeHeadEnd(p.Compose(PlanTaskPage(*detail, p.app.text, p.lang, p.base)),
                                   p.app.assets.PreloadLinks("src/views/PlanTaskView.vue"))};
}

// The plan and task of "/plans/{plan}/tasks/{task}"; nullopt for any other path.
std::optional<std::pair<int64_t, int64_t>> PlanTaskPathIds(std::string_view path) {
  constexpr std::string_view prefix = "/plans/", middle = "/tasks/";
  if (!path.starts_with(prefix)) return std::nullopt;
  path.remove_prefix(prefix.size());
  const size_t at = path.find(middle);
  if (at == std::string_view::npos) return std::nullopt;
  const int64_t plan = IdOf(path.substr(0, at));
  const int64_t task = IdOf(path.substr(at + middle.size()));
  if (plan < 0 || task < 0) return std::nullopt;
  return std::pair{plan, task};
}

// The active partner platforms (朋友圈), and the same list for the app as GET /api/v1/partners
// answers it. A platform that is no network node has none.
Answer PartnersRecordPage(const PageRequest& p) {
  json items = json::array();
  if (p.ctx.peers) {
    auto partners = p.ctx.peers->ListPartners();
    if (!partners.ok()) return {200, p.app.index_html};  // the app asks, and shows the error
    for (const auto& partner : *partners) items.push_back(PartnerJson(partner));
  }
  std::string html = p.Compose(PartnersPage(items, p.app.text, p.lang, p.base));
  html = InsertBeforeHeadEnd(html, ApiDataScript("/partners", json::object(), {{"items", items}}));
  return {200, InsertBeforeHeadEnd(html, p.app.assets.PreloadLinks("src/views/PartnersView.vue"))};
}

// The home page: the newest of each list, as links.
Answer HomePage(const PageRequest& p) {
  auto t = [&](std::string_view key) { return p.app.text.Get(p.lang, key); };
  PageContent c;
  c.path = "/";
  std::string h = "<h1>" + EscapeMarkup(t("app.name") + " · " + t("app.subtitle")) + "</h1>\n<p>" +
                  EscapeMarkup(t("home.heroText")) + "</p>\n";
  if (p.ctx.news) {
    NewsQuery q;
    q.status = NewsStatus::kPublished;
    q.limit = 6;
    if (auto news = p.ctx.news->List(Actor::Visitor(), q); news.ok() && !news->items.empty()) {
      h += "<h2>" + Link("/news", t("home.news")) + "</h2>\n<ul>\n";
      for (const auto& a : news->items)
        h += "<li>" + Link("/news/" + std::to_string(a.id), a.title) + "</li>\n";
      h += "</ul>\n";
    }
  }
  for (ListingKind kind : {ListingKind::kDemand, ListingKind::kAchievement, ListingKind::kExpert}) {
    ListingQuery q;
    q.kind = kind;
    q.statuses = {ListingStatus::kPublished};
    q.summary_only = true;
    q.count_total = false;
    q.limit = 6;
    auto page = p.ctx.listings.List(Actor::Visitor(), q);
    if (!page.ok() || page->items.empty()) continue;
    const std::string plural(KindPlural(kind));
    h += "<h2>" + Link("/" + plural, t("nav." + plural)) + "</h2>\n<ul>\n";
    for (const auto& item : page->items) {
      h += "<li>" + Link("/" + plural + "/" + std::to_string(item.listing.id), item.listing.title) +
           "</li>\n";
    }
    h += "</ul>\n";
  }
  c.body_html = std::move(h);
  return {200, p.Compose(c)};
}

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

// The sitemap's parts: "/sitemap.xml" is 0, "/sitemap-N.xml" is N; -1 for other paths.
int64_t SitemapPart(const std::string& path) {
  if (path == "/sitemap.xml") return 0;
  const std::string prefix = "/sitemap-", suffix = ".xml";
  if (path.size() <= prefix.size() + suffix.size() || path.rfind(prefix, 0) != 0 ||
      path.compare(path.size() - suffix.size(), suffix.size(), suffix) != 0) {
    return -1;
  }
  int64_t n = IdOf(
      std::string_view(path).substr(prefix.size(), path.size() - prefix.size() - suffix.size()));
  return n > 0 ? n : -1;
}

// The record pages: /{demands|achievements|experts|orgs|news|campaigns|events|bases|plans}/{id}.
std::optional<Answer> RecordPage(const PageRequest& p, std::string_view first, int64_t id) {
  if (auto kind = KindFromPlural(first)) return ListingRecordPage(p, *kind, id);
  if (first == "orgs") return OrgRecordPage(p, id);
  if (first == "news") return NewsRecordPage(p, id);
  if (first == "campaigns") return CampaignRecordPage(p, id);
  if (first == "events") return EventRecordPage(p, id);
  if (first == "bases") return BaseRecordPage(p, id);
  if (first == "plans") return PlanRecordPage(p, id);
  return std::nullopt;
}

std::optional<Answer> ListPage(const PageRequest& p, std::string_view path) {
  if (path == "/") return HomePage(p);
  if (path == "/news") return NewsListRecordPage(p);
  if (path == "/campaigns") return CampaignListRecordPage(p);
  if (path == "/events") return EventListRecordPage(p);
  if (path == "/partners") return PartnersRecordPage(p);
  if (path == "/bases") return BasesListRecordPage(p);
  if (path == "/plans") return PlansListRecordPage(p);
  if (path.size() > 1) {
    if (auto kind = KindFromPlural(path.substr(1))) return ListingListRecordPage(p, *kind);
  }
  return std::nullopt;
}

}  // namespace

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

http::Pool WebPagePool(const http::Request& req) {
  return req.path() == "/search" ? http::Pool::kSearch : http::Pool::kIoThread;
}

bool ServeWebPage(Context& ctx, const WebApp& app, const http::Request& req, http::Response& res) {
  using http::bhttp::verb;
  if (req.method() != verb::get && req.method() != verb::head) return false;
  const std::string& path = req.path();
  if (path == "/api" || path.rfind("/api/", 0) == 0) return false;
  if (int64_t part = SitemapPart(path); part >= 0) {
    auto xml = SitemapXml(SiteUrls(ctx), ctx.base_url, part);
    if (!xml.ok()) {
      res = http::ErrorResponse(xml.status());
      return true;
    }
    res.content_type = "application/xml; charset=utf-8";
    res.body = std::move(*xml);
    res.AddHeader("Cache-Control", "public, max-age=600");
    return true;
  }
  if (path == "/robots.txt") {
    res.content_type = "text/plain; charset=utf-8";
    res.body = "User-agent: *\nDisallow: /api/\nDisallow: /workspace\nSitemap: " + ctx.base_url +
               "/sitemap.xml\n";
    return true;
  }
  if (app.index_html.empty()) return false;
  // These pages depend on the data and on who asks: never stored as they are.
  auto page = [&res](Answer answer) {
    res.status = answer.status;
    res.content_type = "text/html; charset=utf-8";
    res.AddHeader("Cache-Control", "no-cache");
    res.AddHeader("Vary", "Cookie, Accept-Language");
    res.body = std::move(answer.html);
    return true;
  };
  if (path == "/search") {
    return page({200, InsertBeforeHeadEnd(SearchPage(ctx, app.index_html, req),
                                          app.assets.PreloadLinks("src/views/SearchView.vue"))});
  }
  const PageRequest p{ctx, app, req, PageLanguage(req), ctx.base_url};
  if (auto list = ListPage(p, path)) return page(std::move(*list));
  if (auto ids = PlanTaskPathIds(path)) return page(PlanTaskRecordPage(p, ids->first, ids->second));
  // /{first}/{id}
  if (auto slash = path.find('/', 1); slash != std::string::npos) {
    int64_t id = IdOf(std::string_view(path).substr(slash + 1));
    if (id >= 0) {
      if (auto record = RecordPage(p, std::string_view(path).substr(1, slash - 1), id)) {
        return page(std::move(*record));
      }
    }
  }
  // A file (its name has an extension) or another page of the app is the static files' job.
  const std::string_view last = std::string_view(path).substr(path.rfind('/') + 1);
  if (last.find('.') != std::string_view::npos || IsAppRoute(path)) return false;
  return page({404, p.NotFoundPage()});
}

}  // namespace kc::api
