// /sitemap.xml (sitemaps.org protocol 0.9): every public page a search engine should find —
// the list pages, published listings, organisations, published news articles and the ranked
// lists and awards past their set-up. One <urlset> while the URLs fit in one file; past
// kSitemapMaxUrls (the protocol's limit) /sitemap.xml is a <sitemapindex> naming
// /sitemap-1.xml, /sitemap-2.xml, … each holding the next kSitemapMaxUrls URLs.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "api/context.h"
#include "core/status.h"

namespace kc::api {

inline constexpr size_t kSitemapMaxUrls = 50000;

struct SitemapUrl {
  std::string path;      // "/news/3"
  int64_t modified = 0;  // seconds since the epoch; 0: unknown (no <lastmod>)
};

// Walks every URL of the sitemap in one fixed order, calling `visit` for each until it returns
// false; an error of the store stops the walk.
using SitemapWalk = std::function<Status(const std::function<bool(const SitemapUrl&)>& visit)>;

// The public pages of the platform, in the order: list pages, listings (by id), organisations,
// news articles, campaigns.
SitemapWalk SiteUrls(Context& ctx);

// The XML of /sitemap.xml (`part` 0) or /sitemap-PART.xml (`part` ≥ 1), with `max_urls` URLs a
// file. Part 0 is the index when the URLs do not fit in one file. NotFound for a part past the
// last one (or any part ≥ 1 while one file holds every URL).
Result<std::string> SitemapXml(const SitemapWalk& walk, std::string_view base_url, int64_t part,
                               size_t max_urls = kSitemapMaxUrls);

}  // namespace kc::api
