// 新闻资讯: editors write, publish and withdraw articles; visitors read published ones.
// Editors are users with the role `editor`, and admins (the rules: news_policy.h).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/news.h"
#include "importers/news_page_parser.h"
#include "service/actor.h"
#include "store/store.h"

namespace kc {

// The largest news page ImportPage takes (bytes as sent).
inline constexpr size_t kNewsPageMaxBytes = 2 * 1024 * 1024;

// A raw news page an editor imports (新闻页面导入, docs/news-import.md).
struct NewsPageUpload {
  std::string content;  // the page as sent: UTF-8, or GB2312, GBK, Big5 … (decoded on import)
  std::string charset;  // the charset the request named ("" when none)
  PageFormat format = PageFormat::kAuto;
  bool save = false;   // store the article as a draft
  std::string column;  // the draft's column (a slug; may be empty)
};

// What ImportPage found, and the draft it stored when asked to.
struct ImportedNewsPage {
  ParsedNewsPage page;
  std::optional<NewsArticle> saved;
};

class News {
 public:
  News(Store& store, const Clock& clock) : store_(store), clock_(clock) {}

  // Creates an article as a draft, or published at once when `publish` (its publication time
  // is kept when set, else now). Editors only (403); 422 for a bad field or unknown column.
  Result<NewsArticle> Create(const Actor& actor, NewsArticle article, bool publish);
  // Replaces the editable fields of article `article.id` (title, source, author, editor,
  // dateline, time and offset, paragraphs, images, column, tags); keeps status and authorship.
  Result<NewsArticle> Update(const Actor& actor, NewsArticle article);
  // Publishes (publication time now unless already set) or withdraws to a draft.
  Result<NewsArticle> Publish(const Actor& actor, int64_t id);
  Result<NewsArticle> Unpublish(const Actor& actor, int64_t id);
  Status Delete(const Actor& actor, int64_t id);

  // An article: drafts are visible to editors only (404 to everyone else).
  Result<NewsArticle> Get(const Actor& actor, int64_t id);
  // Articles, newest first. Visitors and non-editors see published articles only, whatever
  // `query.status` says.
  Result<Page<NewsArticle>> List(const Actor& actor, NewsQuery query);
  // The published tags, most used first.
  Result<std::vector<NewsTagCount>> Tags(int64_t limit);

  Result<std::vector<NewsColumn>> Columns();
  Result<NewsColumn> Column(std::string_view slug);
  // Adds a column (editors only); 409 when the slug is taken.
  Result<NewsColumn> CreateColumn(const Actor& actor, NewsColumn column);

  // Page import (news_import.cc): turns a raw news page into an article's fields
  // (ParseNewsPage) and, with `upload.save`, stores them as a draft in `upload.column` (as
  // Create). Content that is not UTF-8 is decoded by its charset (DecodePageToUtf8). Editors
  // only (401 for a visitor, 403); 413 "too_large" above kNewsPageMaxBytes; 400 "bad_encoding"
  // when no known charset decodes it; 422 "required" (field content) for a blank page; when
  // saving, 422 for what the article fails (a page without text has no paragraphs).
  Result<ImportedNewsPage> ImportPage(const Actor& actor, NewsPageUpload upload);

 private:
  Status CheckArticle(StoreTx& tx, NewsArticle& article);
  Result<NewsArticle> SetStatus(const Actor& actor, int64_t id, NewsStatus status);

  Store& store_;
  const Clock& clock_;
};

}  // namespace kc
