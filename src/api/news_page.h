// News (新闻资讯) pages as the server writes them for readers without JavaScript and for
// search engines (docs/pages.md).
#pragma once

#include <cstdint>
#include <vector>

#include "api/page_html.h"
#include "core/news.h"

namespace kc::api {

// A published article's page: breadcrumbs, title, time (Asia/Shanghai, zone named), source,
// author, paragraphs with the dateline, captioned images, editor and tags; NewsArticle JSON-LD
// (headline, datePublished with its offset, author, publisher, image). `columns` name the
// article's column.
PageContent NewsArticlePage(const NewsArticle& article, const std::vector<NewsColumn>& columns,
                            const PageText& text, std::string_view language,
                            std::string_view base_url);

// A page of the headline list as found with `filters` (column, tag), each a link to its
// article, with page links that keep them.
PageContent NewsListPage(const std::vector<NewsArticle>& articles, int64_t total, int64_t page,
                         int64_t size, const PageText& text, std::string_view language,
                         const ListParams& filters = {});

}  // namespace kc::api
