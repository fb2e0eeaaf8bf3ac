// The news part of a store transaction (新闻资讯): articles, their tags, and columns. Reached
// through StoreTx::news(); everything it does belongs to the enclosing transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/news.h"
#include "core/status.h"
#include "store/records.h"

namespace kc {

// Filters of an article list; empty members do not filter. Newest publication first (drafts,
// which have no publication time, by last update).
struct NewsQuery {
  std::optional<NewsStatus> status;
  std::string column;  // slug
  std::string tag;
  std::string text;  // substring of the title
  int64_t offset = 0;
  int64_t limit = 20;
};

// A tag with the number of published articles that carry it.
struct NewsTagCount {
  std::string tag;
  int64_t count = 0;
};

// Not thread-safe; belongs to its transaction like StoreTx. Lookups of a missing row return
// NotFound; a column slug already taken returns Conflict naming "slug".
class NewsTx {
 public:
  virtual ~NewsTx() = default;

  // Articles, with their tags (stored in the same call).
  virtual Result<int64_t> InsertArticle(const NewsArticle& article) = 0;
  virtual Result<NewsArticle> GetArticle(int64_t id) = 0;
  virtual Status UpdateArticle(const NewsArticle& article) = 0;
  virtual Status DeleteArticle(int64_t id) = 0;
  virtual Result<Page<NewsArticle>> ListArticles(const NewsQuery& query) = 0;
  // The tags of published articles, most used first (then by name), at most `limit`.
  virtual Result<std::vector<NewsTagCount>> ListTags(int64_t limit) = 0;

  // Columns, ordered by position then id.
  virtual Result<int64_t> InsertColumn(const NewsColumn& column) = 0;
  virtual Result<std::vector<NewsColumn>> ListColumns() = 0;
  virtual Result<NewsColumn> GetColumn(std::string_view slug) = 0;
};

}  // namespace kc
