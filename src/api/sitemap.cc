#include "api/sitemap.h"

#include "core/iso_time.h"
#include "core/markup_escape.h"

namespace kc::api {

namespace {

constexpr int64_t kBatch = 500;

std::string UrlEntry(std::string_view base_url, const SitemapUrl& u) {
  std::string out = "  <url><loc>" + EscapeMarkup(std::string(base_url) + u.path) + "</loc>";
  if (u.modified) out += "<lastmod>" + IsoTime(u.modified) + "</lastmod>";
  return out + "</url>\n";
}

Status WalkListings(Context& ctx, const std::function<bool(const SitemapUrl&)>& visit,
                    bool& go_on) {
  ListingQuery q;
  q.statuses = {ListingStatus::kPublished};
  q.sort = ListingSort::kOldest;
  q.limit = kBatch;
  q.count_total = false;
  q.summary_only = true;
  while (go_on) {  // by id ranges (ListingQuery::id_from), not offsets
    auto page = ctx.listings.List(Actor::Visitor(), q);
    if (!page.ok()) return page.status();
    for (const auto& item : page->items) {
      const Listing& l = item.listing;
      if (l.remote()) continue;  // a partner's listing has its page on its own node
      if (!(go_on = visit({"/" + std::string(KindPlural(l.kind)) + "/" + std::to_string(l.id),
                           l.updated_at}))) {
        break;
      }
    }
    if (page->items.size() < static_cast<size_t>(q.limit)) break;
    q.id_from = page->items.back().listing.id + 1;
  }
  return Status::Ok();
}

Status WalkOrgs(Context& ctx, const std::function<bool(const SitemapUrl&)>& visit, bool& go_on) {
  OrgQuery q;
  q.limit = kBatch;
  while (go_on) {
    auto page = ctx.orgs.List(q);
    if (!page.ok()) return page.status();
    for (const auto& org : page->items) {
      if (!(go_on = visit({"/orgs/" + std::to_string(org.id), org.created_at}))) break;
    }
    if (page->items.size() < static_cast<size_t>(q.limit)) break;
    q.offset += q.limit;
  }
  return Status::Ok();
}

Status WalkNews(Context& ctx, const std::function<bool(const SitemapUrl&)>& visit, bool& go_on) {
  if (!ctx.news) return Status::Ok();
  NewsQuery q;
  q.status = NewsStatus::kPublished;
  q.limit = kBatch;
  while (go_on) {
    auto page = ctx.news->List(Actor::Visitor(), q);
    if (!page.ok()) return page.status();
    for (const auto& a : page->items) {
      if (!(go_on = visit({"/news/" + std::to_string(a.id), a.updated_at}))) break;
    }
    if (page->items.size() < static_cast<size_t>(q.limit)) break;
    q.offset += q.limit;
  }
  return Status::Ok();
}

Status WalkCampaigns(Context& ctx, const std::function<bool(const SitemapUrl&)>& visit,
                     bool& go_on) {
  if (!ctx.campaigns) return Status::Ok();
  CampaignQuery q;  // visitors never see drafts
  q.limit = kBatch;
  while (go_on) {
    auto page = ctx.campaigns->List(Actor::Visitor(), q);
    if (!page.ok()) return page.status();
    for (const auto& c : page->items) {
      int64_t modified = c.published_at ? c.published_at : c.created_at;
      if (!(go_on = visit({"/campaigns/" + std::to_string(c.id), modified}))) break;
    }
    if (page->items.size() < static_cast<size_t>(q.limit)) break;
    q.offset += q.limit;
  }
  return Status::Ok();
}

Status WalkEvents(Context& ctx, const std::function<bool(const SitemapUrl&)>& visit, bool& go_on) {
  if (!ctx.events) return Status::Ok();
  EventListRequest r;  // visitors never see drafts
  r.limit = kBatch;
  while (go_on) {
    auto page = ctx.events->List(Actor::Visitor(), r);
    if (!page.ok()) return page.status();
    for (const auto& e : page->items) {
      if (!(go_on = visit({"/events/" + std::to_string(e.id), e.updated_at}))) break;
    }
    if (page->items.size() < static_cast<size_t>(r.limit)) break;
    r.offset += r.limit;
  }
  return Status::Ok();
}

}  // namespace

SitemapWalk SiteUrls(Context& ctx) {
  return [&ctx](const std::function<bool(const SitemapUrl&)>& visit) -> Status {
    bool go_on = true;
    for (const char* path : {"/", "/demands", "/achievements", "/experts", "/talents",
                             "/talent-demands", "/news", "/events", "/campaigns", "/partners"}) {
      if (!(go_on = visit({path, 0}))) return Status::Ok();
    }
    KC_RETURN_IF_ERROR(WalkListings(ctx, visit, go_on));
    KC_RETURN_IF_ERROR(WalkOrgs(ctx, visit, go_on));
    KC_RETURN_IF_ERROR(WalkNews(ctx, visit, go_on));
    KC_RETURN_IF_ERROR(WalkEvents(ctx, visit, go_on));
    return WalkCampaigns(ctx, visit, go_on);
  };
}

Result<std::string> SitemapXml(const SitemapWalk& walk, std::string_view base_url, int64_t part,
                               size_t max_urls) {
  if (part < 0 || max_urls == 0) return NotFound("no such sitemap");
  const std::string head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  const std::string ns = " xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"";
  // The URLs of file `part` (1-based; part 0 reads the first file and counts the rest).
  const size_t skip = part == 0 ? 0 : static_cast<size_t>(part - 1) * max_urls;
  size_t seen = 0;
  std::string urls;
  KC_RETURN_IF_ERROR(walk([&](const SitemapUrl& u) {
    if (seen >= skip && seen < skip + max_urls) urls += UrlEntry(base_url, u);
    ++seen;
    // Part 0 counts every URL (the index names every file); another part stops one URL past
    // its end, enough to know that the URLs do not fit in one file.
    return part == 0 || seen <= skip + max_urls;
  }));
  if (part == 0 && seen <= max_urls) return head + "<urlset" + ns + ">\n" + urls + "</urlset>\n";
  if (part == 0) {
    const size_t files = (seen + max_urls - 1) / max_urls;
    std::string index = head + "<sitemapindex" + ns + ">\n";
    for (size_t i = 1; i <= files; ++i) {
      index += "  <sitemap><loc>" +
               EscapeMarkup(std::string(base_url) + "/sitemap-" + std::to_string(i) + ".xml") +
               "</loc></sitemap>\n";
    }
    return index + "</sitemapindex>\n";
  }
  // A part exists only when the URLs do not fit in one file, and only as far as they go.
  if (seen <= max_urls || seen <= skip) return NotFound("no such sitemap");
  return head + "<urlset" + ns + ">\n" + urls + "</urlset>\n";
}

}  // namespace kc::api
