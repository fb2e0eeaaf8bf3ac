// Page import (新闻页面导入): turns a raw news page — its text as copied from a browser, or its
// HTML — into a clean article. Pure: no I/O, no clock. docs/news-import.md gives every rule.
//
// What it recognises, in the shape of Chinese news sites (labels in simplified or traditional
// characters, importers/page_labels.h):
// - the breadcrumb line ("您的位置:首页 >新闻资讯 >"), and before it the site's navigation and
//   headline lists, which are dropped;
// - the title (the <h1> nearest before the time line, else the line before the time line, else
//   the <title> without the site's name);
// - the publication time ("2021-01-19 09:35:12", "2021年01月19日 09:35", a labelled one such as
//   "发布时间：…" first) and its zone: an explicit "+08:00", "UTC+8", "GMT+0800" or "北京时间";
//   otherwise China Standard Time (+08:00) is assumed and "time_zone" is listed in `assumed`;
// - the source, author and editor labels ("来源：", "作者：", "责任编辑：", "责编：", "編輯：",
//   "Editor:" …), in the header and after the text; reviewers ("审核：", "校对：") are never
//   the editor;
// - the dateline ("中新网北京1月18日电", "本报讯") and reporter ("(记者 孙自法)", or a byline
//   such as "（…記者林雅婷／台中報導）") at the start of the first paragraph, taken out of it;
// - image captions: lines a page repeats ("X摄X摄" or twice in a row), lines ending in a photo
//   credit ("… 孙自法 摄"), <figcaption> and captions by class, "图为…" under a picture,
//   <img alt>; each caption once; a picture story's caption is also its text;
// - page furniture (打印本页 关闭, 【打印】【关闭】, 分享到, 字号 大 中 小, 扫一扫, …) and the
// footer
//   (上一篇/下一篇, 相关链接, 版权所有, …), which are dropped;
// - the end mark "(完)", removed from the last paragraph.
// A field that is not found stays empty and is listed in `missing`; nothing is invented.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/news.h"

namespace kc {

enum class PageFormat { kAuto, kText, kHtml };

struct ParsedNewsPage {
  std::string title;
  int64_t published_at = 0;  // seconds since the epoch (UTC); 0 when not found
  int utc_offset_minutes = 480;
  std::string local_time;  // the time as the page wrote it, e.g. "2021-01-19 09:35:12"
  std::string source;
  std::string author;  // the reporter(s) of the dateline, else the page's 作者
  std::string dateline;
  std::string editor;
  std::vector<std::string> paragraphs;
  std::vector<NewsImage> images;
  std::vector<std::string> breadcrumbs;   // e.g. {"首页", "新闻资讯"}
  std::vector<std::string> missing;       // of: title, published_at, source, author, dateline,
                                          // editor, paragraphs, images
  std::vector<std::string> assumed;       // e.g. "time_zone"
  PageFormat format = PageFormat::kText;  // what the input was read as
};

// Parses `content` (UTF-8). kAuto reads it as HTML when it starts with '<' or contains one of
// <html, <body, <p, <div; as text otherwise.
ParsedNewsPage ParseNewsPage(std::string_view content, PageFormat format = PageFormat::kAuto);

}  // namespace kc
