#include "service/news_feed.h"

#include "core/iso_time.h"
#include "core/markup_escape.h"

namespace kc {

namespace {

// The first paragraphs, up to about 300 bytes.
std::string Summary(const NewsArticle& a) {
  std::string out;
  for (const auto& p : a.paragraphs) {
    if (!out.empty() && out.size() + p.size() > 300) break;
    if (!out.empty()) out += "\n";
    out += p;
  }
  return out;
}

}  // namespace

std::string AtomFeed(const std::vector<NewsArticle>& articles, const FeedInfo& info) {
  int64_t updated = info.now;
  if (!articles.empty())
    updated = std::max(articles.front().published_at, articles.front().updated_at);
  std::string x = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n";
  x += "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"zh-CN\">\n";
  x += "  <title>" + EscapeMarkup(info.title) + "</title>\n";
  x += "  <id>" + EscapeMarkup(info.base_url) + "/news</id>\n";
  x += "  <link rel=\"alternate\" type=\"text/html\" href=\"" + EscapeMarkup(info.base_url) +
       "/news\"/>\n";
  x += "  <link rel=\"self\" type=\"application/atom+xml\" href=\"" + EscapeMarkup(info.base_url) +
       "/api/v1/news/feed\"/>\n";
  x += "  <updated>" + IsoTime(updated ? updated : 1) + "</updated>\n";
  for (const auto& a : articles) {
    std::string link = info.base_url + "/news/" + std::to_string(a.id);
    x += "  <entry>\n";
    x += "    <title>" + EscapeMarkup(a.title) + "</title>\n";
    x += "    <id>" + EscapeMarkup(link) + "</id>\n";
    x += "    <link rel=\"alternate\" type=\"text/html\" href=\"" + EscapeMarkup(link) + "\"/>\n";
    x += "    <published>" + IsoTimeWithOffset(a.published_at, a.utc_offset_minutes) +
         "</published>\n";
    x += "    <updated>" + IsoTime(std::max(a.published_at, a.updated_at)) + "</updated>\n";
    std::string author = !a.author.empty() ? a.author : !a.source.empty() ? a.source : "科创";
    x += "    <author><name>" + EscapeMarkup(author) + "</name></author>\n";
    if (!a.column.empty()) x += "    <category term=\"" + EscapeMarkup(a.column) + "\"/>\n";
    for (const auto& t : a.tags) x += "    <category term=\"" + EscapeMarkup(t) + "\"/>\n";
    x += "    <summary>" + EscapeMarkup(Summary(a)) + "</summary>\n";
    x += "  </entry>\n";
  }
  x += "</feed>\n";
  return x;
}

}  // namespace kc
