#include "api/news_page.h"

#include "core/markup_escape.h"
#include "core/utf8.h"
#include "service/listing_validation.h"

namespace kc::api {

namespace {

using nlohmann::json;

// The article's time as it gives it (its own offset) with the offset named, e.g.
// "2021-01-19 09:35 (UTC+08:00)".
std::string ArticleTime(const NewsArticle& a) {
  std::string iso = IsoTimeWithOffset(a.published_at, a.utc_offset_minutes);
  if (iso.size() < 19) return iso;
  std::string zone = iso.substr(19);
  return iso.substr(0, 10) + " " + iso.substr(11, 5) + " (UTC" + (zone == "Z" ? "+00:00" : zone) +
         ")";
}

// A URL a page may link as an image: absolute http(s) or a path on this site.
bool LinkableUrl(const std::string& url) {
  return url.rfind("https://", 0) == 0 || url.rfind("http://", 0) == 0 ||
         (url.size() > 1 && url[0] == '/' && url[1] != '/');
}

std::string Absolute(const std::string& url, std::string_view base_url) {
  return url[0] == '/' ? std::string(base_url) + url : url;
}

}  // namespace

PageContent NewsArticlePage(const NewsArticle& a, const std::vector<NewsColumn>& columns,
                            const PageText& text, std::string_view lang,
                            std::string_view base_url) {
  auto t = [&](std::string_view key) { return text.Get(lang, key); };
  PageContent page;
  page.title = a.title;
  page.path = "/news/" + std::to_string(a.id);
  page.description = Utf8Prefix(a.paragraphs.empty() ? a.title : a.paragraphs.front(), 160);

  json images = json::array();
  for (const auto& img : a.images) {
    if (LinkableUrl(img.url)) images.push_back(Absolute(img.url, base_url));
  }
  json author = a.author.empty() ? json{{"@type", "Organization"},
                                        {"name", a.source.empty() ? t("app.name") : a.source}}
                                 : json{{"@type", "Person"}, {"name", a.author}};
  // The publisher is the news source an article was taken from, else this platform.
  json publisher = {{"@type", "Organization"},
                    {"name", a.source.empty() ? t("app.name") : a.source}};
  if (a.source.empty()) publisher["url"] = std::string(base_url) + "/";
  page.json_ld = {{"@context", "https://schema.org"},
                  {"@type", "NewsArticle"},
                  {"headline", Utf8Prefix(a.title, 110)},
                  {"datePublished", IsoTimeWithOffset(a.published_at, a.utc_offset_minutes)},
                  {"dateModified", IsoTimeWithOffset(a.updated_at, a.utc_offset_minutes)},
                  {"author", author},
                  {"publisher", publisher},
                  {"description", page.description},
                  {"mainEntityOfPage", std::string(base_url) + page.path},
                  {"inLanguage", "zh-CN"}};
  if (!images.empty()) page.json_ld["image"] = images;
  if (!a.tags.empty()) page.json_ld["keywords"] = a.tags;

  std::string h =
      "<p class=\"kc-meta\">" + Link("/", t("nav.home")) + " › " + Link("/news", t("news.title"));
  for (const auto& c : columns) {
    if (c.slug == a.column) {
      h += " › " +
           Link("/news?column=" + c.slug, lang == "en" && !c.name_en.empty() ? c.name_en : c.name);
    }
  }
  h += "</p>\n<article><h1>" + EscapeMarkup(a.title) + "</h1>\n<p class=\"kc-meta\">";
  if (a.published_at) {
    h += EscapeMarkup(t("news.publishedAt")) + "：<time datetime=\"" +
         EscapeMarkup(IsoTimeWithOffset(a.published_at, a.utc_offset_minutes)) + "\">" +
         EscapeMarkup(ArticleTime(a)) + "</time> ";
  }
  if (!a.source.empty()) h += EscapeMarkup(t("news.source") + "：" + a.source) + " ";
  if (!a.author.empty()) h += EscapeMarkup(t("news.author") + "：" + a.author);
  h += "</p>\n";
  for (size_t i = 0; i < a.paragraphs.size(); ++i) {
    h += "<p>";
    if (i == 0 && !a.dateline.empty()) h += "<strong>" + EscapeMarkup(a.dateline) + "</strong> ";
    h += EscapeMarkup(a.paragraphs[i]) + "</p>\n";
  }
  for (const auto& img : a.images) {
    h += "<figure>";
    if (LinkableUrl(img.url)) {
      h += "<img src=\"" + EscapeMarkup(img.url) + "\" alt=\"" + EscapeMarkup(img.caption) +
           "\" loading=\"lazy\">";
    }
    h += "<figcaption>" + EscapeMarkup(img.caption) +
         (img.credit.empty() ? "" : " " + EscapeMarkup(img.credit) + " 摄") +
         "</figcaption></figure>\n";
  }
  if (!a.editor.empty())
    h += "<p class=\"kc-meta\">【" + EscapeMarkup(t("news.editor") + "：" + a.editor) + "】</p>\n";
  if (!a.tags.empty()) {
    h += "<p>" + EscapeMarkup(t("news.tags")) + "：";
    for (const auto& tag : a.tags) h += Link(ListAddress("/news", {{"tag", tag}}), tag) + " ";
    h += "</p>\n";
  }
  h += "</article>\n";
  page.body_html = std::move(h);
  return page;
}

PageContent NewsListPage(const std::vector<NewsArticle>& articles, int64_t total, int64_t page_no,
                         int64_t size, const PageText& text, std::string_view lang,
                         const ListParams& filters) {
  auto t = [&](std::string_view key) { return text.Get(lang, key); };
  PageContent page;
  page.title = t("news.title");
  page.path = ListAddress("/news", filters, page_no);
  std::string h = "<h1>" + EscapeMarkup(page.title) + "</h1>\n";
  if (articles.empty()) {
    h += "<p>" + EscapeMarkup(t("news.empty")) + "</p>\n";
  } else {
    h += "<ul>\n";
    for (const auto& a : articles) {
      h += "<li>" + Link("/news/" + std::to_string(a.id), a.title) + " <span class=\"kc-meta\">" +
           EscapeMarkup(a.source) + " " + EscapeMarkup(ShanghaiDate(a.published_at)) +
           "</span></li>\n";
    }
    h += "</ul>\n";
  }
  h += PageLinks(total, size, page_no, text, lang,
                 [&](int64_t p) { return ListAddress("/news", filters, p); });
  page.body_html = std::move(h);
  return page;
}

}  // namespace kc::api
