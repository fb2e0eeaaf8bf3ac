#include "store/sql/sql_news_tx.h"

#include <map>

#include "store/json_columns.h"
#include "store/sql/statements.h"

namespace kc::sql {

namespace {

constexpr const char* kArticleCols =
    "id, title, source, author, editor, dateline, published_at, utc_offset_minutes, paragraphs, "
    "images, column_slug, status, created_by, created_at, updated_at";
constexpr const char* kColumnCols = "id, slug, name, name_en, position";

// The article in kArticleCols order.
NewsArticle ArticleFrom(const Row& r) {
  NewsArticle a;
  a.id = r.Int(0);
  a.title = r.Text(1);
  a.source = r.Text(2);
  a.author = r.Text(3);
  a.editor = r.Text(4);
  a.dateline = r.Text(5);
  a.published_at = r.Int(6);
  a.utc_offset_minutes = static_cast<int>(r.Int(7));
  a.paragraphs = SplitArray(r.Text(8));
  a.images = ImagesFrom(r.Text(9));
  a.column = r.Text(10);
  a.status = NewsStatusFromName(r.Text(11)).value_or(NewsStatus::kDraft);
  a.created_by = r.Int(12);
  a.created_at = r.Int(13);
  a.updated_at = r.Int(14);
  return a;
}

// Binds the article's columns after id, in kArticleCols order.
void BindArticle(Stmt& s, const NewsArticle& a) {
  s.Bind(a.title).Bind(a.source).Bind(a.author).Bind(a.editor).Bind(a.dateline);
  s.Bind(a.published_at).Bind(int64_t{a.utc_offset_minutes});
  s.Bind(JoinArray(a.paragraphs)).Bind(ImagesJson(a.images)).Bind(a.column);
  s.Bind(NewsStatusName(a.status)).Bind(a.created_by).Bind(a.created_at).Bind(a.updated_at);
}

NewsColumn ColumnFrom(const Row& r) {
  return NewsColumn{r.Int(0), r.Text(1), r.Text(2), r.Text(3), static_cast<int>(r.Int(4))};
}

}  // namespace

Result<int64_t> SqlNewsTx::InsertArticle(const NewsArticle& a) {
  auto id = Scalar(c_,
                   "INSERT INTO news_articles (title, source, author, editor, dateline, "
                   "published_at, utc_offset_minutes, paragraphs, images, column_slug, status, "
                   "created_by, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?) "
                   "RETURNING id",
                   [&](Stmt& s) { BindArticle(s, a); });
  if (!id.ok()) return id.status();
  KC_RETURN_IF_ERROR(ReplaceTags(*id, a.tags));
  return *id;
}

Result<NewsArticle> SqlNewsTx::GetArticle(int64_t id) {
  auto found = All(c_, ArticleFrom,
                   std::string("SELECT ") + kArticleCols + " FROM news_articles WHERE id = ?", id);
  if (!found.ok()) return found.status();
  if (found->empty()) return NotFound("article");
  KC_RETURN_IF_ERROR(LoadTags(&*found));
  return std::move(found->front());
}

Status SqlNewsTx::UpdateArticle(const NewsArticle& a) {
  KC_RETURN_IF_ERROR(Touch(
      c_, "article",
      "UPDATE news_articles SET title=?, source=?, author=?, editor=?, dateline=?, "
      "published_at=?, utc_offset_minutes=?, paragraphs=?, images=?, column_slug=?, "
      "status=?, created_by=?, created_at=?, updated_at=? WHERE id=?",
      [&](Stmt& s) { BindArticle(s, a); }, a.id));
  return ReplaceTags(a.id, a.tags);
}

Status SqlNewsTx::DeleteArticle(int64_t id) {
  KC_RETURN_IF_ERROR(Exec(c_, "DELETE FROM news_tags WHERE article_id = ?", id));
  return Touch(c_, "article", "DELETE FROM news_articles WHERE id = ?", id);
}

Result<Page<NewsArticle>> SqlNewsTx::ListArticles(const NewsQuery& q) {
  // Every filter is always present and disabled by an empty value, so one prepared statement
  // serves every combination; the total and the page come in one round trip.
  const std::string where =
      " FROM news_articles a WHERE (? = '' OR a.status = ?) AND (? = '' OR a.column_slug = ?) "
      "AND (? = '' OR a.id IN (SELECT article_id FROM news_tags WHERE tag = ?)) "
      "AND (? = '' OR a.title LIKE ? ESCAPE '\\')";
  const char* order =
      " ORDER BY CASE WHEN a.published_at = 0 THEN a.updated_at ELSE a.published_at END DESC, "
      "a.id DESC";
  const std::string status = q.status ? std::string(NewsStatusName(*q.status)) : "";
  const std::string like = q.text.empty() ? "" : "%" + LikeEscape(q.text) + "%";
  auto filters = [&](Stmt& s) {
    s.Bind(status).Bind(status).Bind(q.column).Bind(q.column);
    s.Bind(q.tag).Bind(q.tag).Bind(q.text).Bind(like);
  };
  auto page =
      ReadPage(c_, ArticleFrom, "SELECT COUNT(*)" + where, filters,
               kArticleCols + where + order + " LIMIT ? OFFSET ?", filters, q.limit, q.offset);
  if (!page.ok()) return page.status();
  KC_RETURN_IF_ERROR(LoadTags(&page->items));
  return page;
}

Result<std::vector<NewsTagCount>> SqlNewsTx::ListTags(int64_t limit) {
  return All(
      c_,
      [](const Row& r) {
        return NewsTagCount{r.Text(0), r.Int(1)};
      },
      "SELECT t.tag, COUNT(*) FROM news_tags t JOIN news_articles a ON a.id = t.article_id "
      "WHERE a.status = 'published' GROUP BY t.tag ORDER BY COUNT(*) DESC, t.tag" +
          std::string(c_.dialect().ByteOrder()) + " LIMIT ?",
      limit);
}

Result<int64_t> SqlNewsTx::InsertColumn(const NewsColumn& col) {
  return InsertUnique(c_, Conflict("slug_taken", "a column with this slug exists", "slug"),
                      "INSERT INTO news_columns (slug, name, name_en, position) VALUES (?,?,?,?) "
                      "ON CONFLICT DO NOTHING RETURNING id",
                      col.slug, col.name, col.name_en, col.position);
}

Result<std::vector<NewsColumn>> SqlNewsTx::ListColumns() {
  return All(c_, ColumnFrom,
             std::string("SELECT ") + kColumnCols + " FROM news_columns ORDER BY position, id");
}

Result<NewsColumn> SqlNewsTx::GetColumn(std::string_view slug) {
  return One(c_, ColumnFrom, "column",
             std::string("SELECT ") + kColumnCols + " FROM news_columns WHERE slug = ?", slug);
}

Status SqlNewsTx::ReplaceTags(int64_t article_id, const std::vector<std::string>& tags) {
  KC_RETURN_IF_ERROR(Exec(c_, "DELETE FROM news_tags WHERE article_id = ?", article_id));
  if (tags.empty()) return Status::Ok();
  // Every tag in one statement, its position from its place in the list.
  return Exec(c_,
              "INSERT INTO news_tags (article_id, tag, position) SELECT CAST(? AS BIGINT), "
              "e.value, e.position FROM " +
                  c_.dialect().TextRows() + " AS e",
              article_id, c_.dialect().TextList(tags));
}

Status SqlNewsTx::LoadTags(std::vector<NewsArticle>* articles) {
  if (articles->empty()) return Status::Ok();
  std::map<int64_t, NewsArticle*> by_id;
  std::vector<int64_t> ids;
  for (auto& a : *articles) {
    by_id[a.id] = &a;
    a.tags.clear();
    ids.push_back(a.id);
  }
  auto tags = All(
      c_, [](const Row& r) { return std::pair(r.Int(0), r.Text(1)); },
      "SELECT article_id, tag FROM news_tags WHERE " + c_.dialect().InIds("article_id") +
          " ORDER BY article_id, position",
      c_.dialect().IdList(ids));
  if (!tags.ok()) return tags.status();
  for (auto& [id, tag] : *tags) by_id[id]->tags.push_back(std::move(tag));
  return Status::Ok();
}

}  // namespace kc::sql
