#include "api/page_html.h"

#include "core/markup_escape.h"
#include "core/news.h"
#include "http/message.h"

namespace kc::api {

namespace {

constexpr int kShanghaiOffsetMinutes = 480;

// The rendered content reads on its own at 390 px: one column, long words wrap, wide tables
// scroll inside their box. Scoped to .kc-page, so the app's own pages are untouched.
constexpr const char* kStyle =
    "<style>"
    ".kc-page{box-sizing:border-box;max-width:960px;margin:0 auto;padding:12px 16px;"
    "font:16px/1.7 -apple-system,'PingFang SC','Microsoft YaHei','Noto Sans CJK SC',sans-serif;"
    "color:#1f2329;overflow-wrap:anywhere}"
    ".kc-page *{box-sizing:border-box;max-width:100%}"
    ".kc-page a{color:#c8161d}"
    ".kc-page .kc-nav{display:flex;flex-wrap:wrap;gap:4px 16px;padding-bottom:8px;"
    "margin-bottom:12px;border-bottom:2px solid #c8161d}"
    ".kc-page .kc-nav strong{margin-right:8px}"
    ".kc-page h1{font-size:22px;line-height:1.4;margin:8px 0}"
    ".kc-page h2{font-size:17px;margin:20px 0 8px}"
    ".kc-page dl{display:grid;grid-template-columns:minmax(4em,max-content) 1fr;gap:4px 12px}"
    ".kc-page dt{color:#646a73}.kc-page dd{margin:0}"
    ".kc-page .kc-meta{color:#646a73;font-size:14px}"
    ".kc-page .kc-text{white-space:pre-wrap}"
    ".kc-page img{height:auto}"
    ".kc-page .kc-scroll{overflow-x:auto}"
    ".kc-page table{border-collapse:collapse;min-width:100%}"
    ".kc-page th,.kc-page td{padding:4px 8px;border-bottom:1px solid #e4e7ed;text-align:left}"
    ".kc-page ul{padding-left:1.2em}"
    ".kc-page .kc-pages{display:flex;flex-wrap:wrap;gap:12px;margin-top:12px}"
    ".kc-page .kc-search{display:flex;gap:8px;margin:8px 0}"
    ".kc-page .kc-search input{flex:1;min-width:0;font:inherit;padding:4px 8px}"
    "</style>\n";

// Removes the first element starting with `open` up to and including `close` after it.
void EraseElement(std::string& html, std::string_view open, std::string_view close) {
  auto start = html.find(open);
  if (start == std::string::npos) return;
  auto end = html.find(close, start);
  if (end == std::string::npos) return;
  html.erase(start, end + close.size() - start);
}

std::string Navigation(const PageText& text, std::string_view lang) {
  auto t = [&](std::string_view key) { return text.Get(lang, key); };
  std::string other = lang == "en" ? "zh-CN" : "en";
  return "<nav class=\"kc-nav\" aria-label=\"" + EscapeMarkup(t("nav.main")) + "\"><strong>" +
         Link("/", t("app.name")) + "</strong>" + Link("/demands", t("nav.demands")) +
         Link("/achievements", t("nav.achievements")) + Link("/experts", t("nav.experts")) +
         Link("/news", t("nav.news")) + Link("/events", t("nav.events")) +
         Link("/campaigns", t("nav.lists")) + Link("/partners", t("nav.partners")) +
         Link("/search", t("search.label")) +
         Link("?lang=" + other, other == "en" ? "English" : "中文") + "</nav>\n";
}

}  // namespace

std::string ScriptJson(const nlohmann::json& j) {
  std::string out = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  for (size_t pos = 0; (pos = out.find('<', pos)) != std::string::npos; pos += 6) {
    out.replace(pos, 1, "\\u003c");
  }
  return out;
}

std::string ShanghaiIso(int64_t epoch_seconds) {
  return IsoTimeWithOffset(epoch_seconds, kShanghaiOffsetMinutes);
}

std::string ShanghaiTime(int64_t epoch_seconds) {
  std::string iso = ShanghaiIso(epoch_seconds);  // 2026-12-05T16:28:00+08:00
  if (iso.size() < 16) return iso;
  return iso.substr(0, 10) + " " + iso.substr(11, 5) + " (UTC+08:00)";
}

std::string ShanghaiDate(int64_t epoch_seconds) { return ShanghaiIso(epoch_seconds).substr(0, 10); }

int64_t EpochOfIsoTime(std::string_view iso) {
  if (iso.empty()) return 0;
  auto t = ParseIsoTimeWithOffset(iso);
  return t ? t->epoch_seconds : 0;
}

std::string FieldRow(std::string_view label, std::string_view value) {
  if (value.empty()) return "";
  return "<dt>" + EscapeMarkup(label) + "</dt><dd>" + EscapeMarkup(value) + "</dd>";
}

std::string Link(std::string_view href, std::string_view text) {
  return "<a href=\"" + EscapeMarkup(href) + "\">" + EscapeMarkup(text) + "</a>";
}

bool IsWebAddress(std::string_view url) {
  return url.starts_with("https://") || url.starts_with("http://");
}

std::string JsonText(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : "";
}

std::string ListAddress(std::string_view path, const ListParams& params, int64_t page) {
  std::string out(path);
  char sep = '?';
  auto add = [&](std::string_view name, std::string_view value) {
    out += sep;
    out.append(name).append("=").append(http::PercentEncode(value));
    sep = '&';
  };
  for (const auto& [name, value] : params) {
    if (!value.empty()) add(name, value);
  }
  if (page > 1) add("page", std::to_string(page));
  return out;
}

std::string SearchForm(std::string_view path, const ListParams& params, std::string_view label,
                       std::string_view button) {
  std::string h = "<form class=\"kc-search\" method=\"get\" action=\"" + EscapeMarkup(path) +
                  "\" role=\"search\">";
  std::string q;
  for (const auto& [name, value] : params) {
    if (name == "q") q = value;
    if (name == "q" || value.empty()) continue;
    h += "<input type=\"hidden\" name=\"" + EscapeMarkup(name) + "\" value=\"" +
         EscapeMarkup(value) + "\">";
  }
  h += "<input type=\"search\" name=\"q\" value=\"" + EscapeMarkup(q) + "\" aria-label=\"" +
       EscapeMarkup(label) + "\" placeholder=\"" + EscapeMarkup(label) +
       "\"> <button type=\"submit\">" + EscapeMarkup(button) + "</button></form>\n";
  return h;
}

std::string PageLinks(int64_t total, int64_t size, int64_t page, const PageText& text,
                      std::string_view lang, const std::function<std::string(int64_t)>& href_of) {
  if (size <= 0 || total <= size) return "";
  const int64_t pages = (total + size - 1) / size;
  std::string out =
      "<nav class=\"kc-pages\" aria-label=\"" + EscapeMarkup(text.Get(lang, "pager.label")) + "\">";
  if (page > 1) out += Link(href_of(page - 1), "‹ " + text.Get(lang, "pager.prev"));
  out += "<span>" + EscapeMarkup(text.Get(lang, "pager.page", {{"n", std::to_string(page)}})) +
         " / " + std::to_string(pages) + "</span>";
  if (page < pages) out += Link(href_of(page + 1), text.Get(lang, "pager.next") + " ›");
  return out + "</nav>\n";
}

std::string ComposePage(std::string_view index_html, const PageContent& content,
                        const PageText& text, std::string_view language,
                        std::string_view base_url) {
  std::string html(index_html);
  // <html lang="…">
  if (auto h = html.find("<html"); h != std::string::npos) {
    auto end = html.find('>', h);
    if (end != std::string::npos) {
      html.replace(h, end + 1 - h, "<html lang=\"" + EscapeMarkup(language) + "\">");
    }
  }
  std::string head;
  if (!content.title.empty()) {
    EraseElement(html, "<title>", "</title>");
    head += "<title>" + EscapeMarkup(content.title + " · " + text.Get(language, "app.name")) +
            "</title>\n";
  }
  if (!content.description.empty()) {
    EraseElement(html, "<meta name=\"description\"", ">");
    head += "<meta name=\"description\" content=\"" + EscapeMarkup(content.description) +
            "\">\n<meta property=\"og:title\" content=\"" + EscapeMarkup(content.title) +
            "\">\n<meta property=\"og:description\" content=\"" +
            EscapeMarkup(content.description) + "\">\n";
  }
  if (!content.path.empty()) {
    std::string url = std::string(base_url) + content.path;
    head += "<link rel=\"canonical\" href=\"" + EscapeMarkup(url) + "\">\n";
  }
  if (!content.json_ld.is_null()) {
    head += "<script type=\"application/ld+json\">" + ScriptJson(content.json_ld) + "</script>\n";
  }
  head += kStyle;
  if (auto h = html.find("</head>"); h != std::string::npos) html.insert(h, head);
  const std::string mount = "<div id=\"app\">";
  if (auto m = html.find(mount); m != std::string::npos) {
    html.insert(m + mount.size(), "<div class=\"kc-page\">" + Navigation(text, language) +
                                      "<main>" + content.body_html + "</main></div>");
  }
  return html;
}

}  // namespace kc::api
