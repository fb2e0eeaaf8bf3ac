// The news as an Atom feed (RFC 4287), for feed readers.
#pragma once

#include <string>
#include <vector>

#include "core/news.h"

namespace kc {

struct FeedInfo {
  std::string base_url;  // "https://example.org", no trailing slash; links are built on it
  std::string title;     // the feed's title
  int64_t now = 0;       // <updated> when there is no article
};

// An Atom document of `articles` (published ones, newest first), each entry linking to
// base_url + "/news/{id}" with its title, author, publication time, column and tags as
// categories, and the first paragraphs as its summary. Text is XML-escaped.
std::string AtomFeed(const std::vector<NewsArticle>& articles, const FeedInfo& info);

}  // namespace kc
