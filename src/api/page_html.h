// The frame of every page the server writes for readers without JavaScript (docs/pages.md):
// the app's index.html with the page's head (title, one meta description, canonical link,
// schema.org JSON-LD) and its content inside the app's mount element, which the app replaces
// when it starts. Shared by the renderers of each kind of page (listing_page.h, news_page.h,
// org_page.h, campaign_page.h).
#pragma once

#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "api/page_text.h"

namespace kc::api {

// What a renderer gives for one page.
struct PageContent {
  int status = 200;
  std::string title;        // plain text; the document's title is "TITLE · app name"
  std::string description;  // plain text; the page's only meta description ("" keeps the app's)
  std::string path;         // the canonical path ("/news/3"); "" for none
  nlohmann::json json_ld;   // schema.org JSON-LD; null for none
  std::string body_html;    // escaped HTML, shown inside the mount element below the navigation
};

// `index_html` with `content`: <html lang> set to `language`, its <title> and meta description
// replaced, the canonical link (`base_url` + path), the JSON-LD, a small stylesheet for the
// rendered content, and inside <div id="app"> the site navigation then `content.body_html`.
std::string ComposePage(std::string_view index_html, const PageContent& content,
                        const PageText& text, std::string_view language, std::string_view base_url);

// JSON for a <script> element: every '<' is written \u003c, so no text inside can open or
// close an element (the JSON stays equal).
std::string ScriptJson(const nlohmann::json& j);

// A time as a reader in China reads it: "2026-12-05 16:28 (UTC+08:00)" in Asia/Shanghai (which
// keeps +08:00 all year); "" for 0.
std::string ShanghaiTime(int64_t epoch_seconds);

// The date alone in Asia/Shanghai: "2026-12-05"; "" for 0.
std::string ShanghaiDate(int64_t epoch_seconds);

// ISO 8601 with the +08:00 offset ("2026-12-05T16:28:00+08:00"), for <time datetime> and
// JSON-LD; "" for 0.
std::string ShanghaiIso(int64_t epoch_seconds);

// Seconds since the epoch of an ISO 8601 UTC time as the API writes it ("…Z"); 0 when empty
// or malformed.
int64_t EpochOfIsoTime(std::string_view iso);

// <dt>label</dt><dd>value</dd>, both escaped; "" when `value` is empty.
std::string FieldRow(std::string_view label, std::string_view value);

// A link, escaped: <a href="href">text</a>.
std::string Link(std::string_view href, std::string_view text);

// True for an http:// or https:// address: the only outside addresses a page links to (never
// javascript: or data:).
bool IsWebAddress(std::string_view url);

// The string member `key` of `j` (an API answer a page is written from); "" when it is missing
// or not a string.
std::string JsonText(const nlohmann::json& j, const char* key);

// The query parameters a list page was asked with (?q=, ?category= …), as (name, value) in the
// order they are written; a parameter with an empty value is left out.
using ListParams = std::vector<std::pair<std::string, std::string>>;

// PATH?name=value&…&page=N, each value percent-encoded; page only after the first. Page links,
// the canonical path and the links between a list's views keep its filters this way.
std::string ListAddress(std::string_view path, const ListParams& params, int64_t page = 1);

// A search box that needs no script: a GET form to `path` whose search field q holds the q of
// `params`, with the list's other params as hidden fields (so a search keeps them) and a button
// named `button`; `label` names the field for screen readers and as its placeholder.
std::string SearchForm(std::string_view path, const ListParams& params, std::string_view label,
                       std::string_view button);

// Page links "‹ previous · page n · next ›" for a list of `total` items at `size` per page, on
// page `page` (1-based); `href_of(page)` writes a page's address. "" when one page holds all.
std::string PageLinks(int64_t total, int64_t size, int64_t page, const PageText& text,
                      std::string_view language,
                      const std::function<std::string(int64_t)>& href_of);

}  // namespace kc::api
