// The labels and furniture of Chinese news pages (新闻页面的标签与页面元素), for page import
// (importers/news_page_parser.h): which words introduce the source, author, editor, reviewer,
// time and view count, and which lines are the page's buttons and footer rather than its
// article. Every word is recognised in simplified and in traditional characters (來源, 編輯,
// 發佈時間 …) and, for the English ones, in any letter case. The lists are in
// docs/news-import.md.
//
// The importers use core only (not the text module's OpenCC conversion), so traditional forms
// are folded here by a small table that covers the characters of these words; the article's
// own text is never converted.
#pragma once

#include <string>
#include <string_view>

namespace kc {

// The kinds of "label：value" pairs a news page prints around its article.
enum class PageLabel {
  kSource,  // 来源, 稿源, 信息来源, 出处, 发布单位, Source
  kAuthor,  // 作者, 记者, 撰稿, 撰文, Author
  kEditor,  // 责任编辑, 责编, 编辑, Editor — the person who edited the article
  kReviewer,  // 审核, 审校, 校对, 终审, 签发, 监制 — sign-off roles, never taken as the editor
  kTime,   // 发布时间, 发表时间, 时间, 日期, Published, Date
  kCount,  // 点击数, 浏览次数, 阅读, Views
  kContact,  // 联系人, 新闻联络人, 联系电话 — a press contact, never taken as the author
};

// Returns `text` with ASCII letters in lower case and the traditional characters of the page
// words above replaced by their simplified forms (來→来, 編→编 …). Each replacement has the
// length of what it replaces, so an offset into the result is the same offset into `text`.
std::string FoldLabelText(std::string_view text);

// The value after the first `kind` label that `line` has ("来源：华夏网 作者：周琳" → "华夏网"),
// as `line` writes it (not folded); "" when there is none or it is empty. A label counts only
// when a colon follows it (":", "：", "︰"), and, where its word is part of a longer word
// ("网站编辑："), not at all. The value ends at the next label, at page furniture ("打印本页"),
// at a separator (| 丨 【), at a closing bracket it did not open, or at a space before a digit.
std::string LabelValue(std::string_view line, PageLabel kind);

// True when `line` begins with a `kind` label and its colon, after any opening brackets and
// page furniture ("【纠错】 责任编辑：王珂", "（责编：赵一鸣）").
bool StartsWithLabel(std::string_view line, PageLabel kind);

// True when `line` begins with a label of any kind (see StartsWithLabel).
bool StartsWithAnyLabel(std::string_view line);

// True when `line` is a label and its colon and nothing else ("發布單位：" in a table cell whose
// value is in the next cell).
bool IsBareLabel(std::string_view line);

// True when `line` is page furniture and nothing else: print, close, bookmark, share, font-size,
// QR-code, correction and back-to-top buttons ("打印本页 关闭", "【打印】【关闭】",
// "字号：大 中 小", "分享到：", "扫一扫在手机打开当前页").
bool IsPageChrome(std::string_view line);

// True when `line` starts what a site prints after an article: previous and next links,
// related links, copyright and the site owner's lines ("上一篇：…", "相关链接", "版权所有",
// "Copyright …", "主办单位：…", "…ICP备…").
bool StartsPageFooter(std::string_view line);

// `line` without page furniture at its end ("…原则。 【打印】【关闭】" → "…原则。"). Furniture
// is cut only when bracketed or when it names printing or sharing, so that a sentence ending
// in an ordinary word such as 关闭 keeps it.
std::string WithoutTrailingChrome(std::string_view line);

}  // namespace kc
