// Page import (新闻页面导入): News::ImportPage. The rules of the parser: docs/news-import.md.
#include "core/utf8.h"
#include "importers/page_encoding.h"
#include "service/news.h"
#include "service/news_policy.h"

namespace kc {

namespace {

// The article a parsed page gives: its fields, as a draft in `column`.
NewsArticle ArticleOf(const ParsedNewsPage& page, std::string column) {
  NewsArticle a;
  a.title = page.title;
  a.source = page.source;
  a.author = page.author;
  a.editor = page.editor;
  a.dateline = page.dateline;
  a.published_at = page.published_at;
  a.utc_offset_minutes = page.utc_offset_minutes;
  a.paragraphs = page.paragraphs;
  a.images = page.images;
  a.column = std::move(column);
  return a;
}

}  // namespace

Result<ImportedNewsPage> News::ImportPage(const Actor& actor, NewsPageUpload upload) {
  if (!actor.signed_in()) return Unauthorized();
  if (!CanWriteNews(actor)) return Forbidden("only editors and admins import news pages");
  if (upload.content.size() > kNewsPageMaxBytes) {
    return Status::Error(ErrorKind::kTooLarge, "too_large", "a page is at most 2 MiB");
  }
  if (!IsValidUtf8(upload.content)) {  // a page sent as it is: GB2312, GBK, Big5 …
    auto decoded = DecodePageToUtf8(upload.content, upload.charset);
    if (!decoded.ok()) return decoded.status();
    upload.content = std::move(*decoded);
  }
  if (upload.content.find_first_not_of(" \t\r\n") == std::string::npos) {
    return Invalid("content", "required", "the page is empty");
  }
  ImportedNewsPage out;
  out.page = ParseNewsPage(upload.content, upload.format);
  if (upload.save) {
    auto created = Create(actor, ArticleOf(out.page, std::move(upload.column)), false);
    if (!created.ok()) return created.status();
    out.saved = std::move(*created);
  }
  return out;
}

}  // namespace kc
