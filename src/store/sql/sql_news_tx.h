// NewsTx written once over the SQL layer, for both databases: it runs in the transaction (and
// savepoints) of the StoreTx that owns it, through that transaction's sql::Conn. An article's
// tags are written in one statement and a page's tags read in one.
#pragma once

#include "store/news_tx.h"
#include "store/sql/conn.h"

namespace kc::sql {

class SqlNewsTx : public NewsTx {
 public:
  explicit SqlNewsTx(Conn& conn) : c_(conn) {}

  Result<int64_t> InsertArticle(const NewsArticle& article) override;
  Result<NewsArticle> GetArticle(int64_t id) override;
  Status UpdateArticle(const NewsArticle& article) override;
  Status DeleteArticle(int64_t id) override;
  Result<Page<NewsArticle>> ListArticles(const NewsQuery& query) override;
  Result<std::vector<NewsTagCount>> ListTags(int64_t limit) override;

  Result<int64_t> InsertColumn(const NewsColumn& column) override;
  Result<std::vector<NewsColumn>> ListColumns() override;
  Result<NewsColumn> GetColumn(std::string_view slug) override;

 private:
  Status ReplaceTags(int64_t article_id, const std::vector<std::string>& tags);
  // Fills the tags of the articles, in one query.
  Status LoadTags(std::vector<NewsArticle>* articles);

  Conn& c_;
};

}  // namespace kc::sql
