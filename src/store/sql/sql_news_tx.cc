#include "store/sql/sql_news_tx.h"

#include <map>

#include "store/json_columns.h"

namespace kc::sql {

namespace {

constexpr const char* kArticleCols =
    "id, title, source, author, editor, dateline, published_at, utc_offset_minutes, paragraphs, "
    "images, column_slug, status, created_by, created_at, updated_at";
constexpr const char* kColumnCols = "id, slug, name, name_en, position";

// The article at columns `c0` … `c0` + 14 of `r`, in kArticleCols order.
NewsArticle ArticleFrom(const Row& r, int c0 = 0) {
  NewsArticle a;
  a.id = r.Int(c0);
  a.title = r.Text(c0 + 1);
  a.source = r.Text(c0 + 2);
  a.author = r.Text(c0 + 3);
  a.editor = r.Text(c0 + 4);
  a.dateline = r.Text(c0 + 5);
  a.published_at = r.Int(c0 + 6);
  a.utc_offset_minutes = static_cast<int>(r.Int(c0 + 7));
  a.paragraphs = SplitArray(r.Text(c0 + 8));
  a.images = ImagesFrom(r.Text(c0 + 9));
  a.column = r.Text(c0 + 10);
  a.status = NewsStatusFromName(r.Text(c0 + 11)).value_or(NewsStatus::kDraft);
  a.created_by = r.Int(c0 + 12);
  a.created_at = r.Int(c0 + 13);
  a.updated_at = r.Int(c0 + 14);
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

// Runs a statement that has no rows, or whose rows do not matter, with `bind` giving its values.
template <typename F>
Status Run(Conn& c, const std::string& sql, F bind) {
  auto s = c.Prepare(sql);
  if (!s.ok()) return s.status();
  bind(**s);
  return (*s)->Run();
}

}  // namespace

Result<int64_t> SqlNewsTx::InsertArticle(const NewsArticle& a) {
  auto s = c_.Prepare(
      "INSERT INTO news_articles (title, source, author, editor, dateline, published_at, "
      "utc_offset_minutes, paragraphs, images, column_slug, status, created_by, created_at, "
      "updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id");
  if (!s.ok()) return s.status();
  BindArticle(**s, a);
  if (!(*s)->Step()) return (*s)->status().ok() ? Internal("no id returned") : (*s)->status();
  const int64_t id = (*s)->Int(0);
  s->reset();
  KC_RETURN_IF_ERROR(ReplaceTags(id, a.tags));
  return id;
}

Result<NewsArticle> SqlNewsTx::GetArticle(int64_t id) {
  auto s = c_.Prepare(std::string("SELECT ") + kArticleCols + " FROM news_articles WHERE id = ?");
  if (!s.ok()) return s.status();
  (*s)->Bind(id);
  std::vector<NewsArticle> found;
  if ((*s)->Step()) found.push_back(ArticleFrom(**s));
  KC_RETURN_IF_ERROR((*s)->status());
  if (found.empty()) return NotFound("article");
  KC_RETURN_IF_ERROR(LoadTags(&found));
  return std::move(found.front());
}

Status SqlNewsTx::UpdateArticle(const NewsArticle& a) {
  auto s = c_.Prepare(
      "UPDATE news_articles SET title=?, source=?, author=?, editor=?, dateline=?, "
      "published_at=?, utc_offset_minutes=?, paragraphs=?, images=?, column_slug=?, status=?, "
      "created_by=?, created_at=?, updated_at=? WHERE id=?");
  if (!s.ok()) return s.status();
  BindArticle(**s, a);
  (*s)->Bind(a.id);
  KC_RETURN_IF_ERROR((*s)->Run());
  if ((*s)->changes() == 0) return NotFound("article");
  return ReplaceTags(a.id, a.tags);
}

Status SqlNewsTx::DeleteArticle(int64_t id) {
  KC_RETURN_IF_ERROR(
      Run(c_, "DELETE FROM news_tags WHERE article_id = ?", [&](Stmt& s) { s.Bind(id); }));
  auto s = c_.Prepare("DELETE FROM news_articles WHERE id = ?");
  if (!s.ok()) return s.status();
  (*s)->Bind(id);
  KC_RETURN_IF_ERROR((*s)->Run());
  return (*s)->changes() ? Status::Ok() : NotFound("article");
}

Result<Page<NewsArticle>> SqlNewsTx::ListArticles(const NewsQuery& q) {
  // Every filter is always present and disabled by an empty value, so one prepared statement
  // serves every combination; the total and the page come in one round trip.
  const std::string where =
      " FROM news_articles a WHERE (? = '' OR a.status = ?) AND (? = '' OR a.column_slug = ?) "
      "AND (? = '' OR a.id IN (SELECT article_id FROM news_tags WHERE tag = ?)) "
      "AND (? = '' OR a.title LIKE ? ESCAPE '\\')";
  const char* order =
      " ORDER BY CASE WHEN {}published_at = 0 THEN {}updated_at ELSE {}published_at END DESC, "
      "{}id DESC";
  auto ordered = [&](const std::string& table) {
    std::string out = order;
    for (size_t i = out.find("{}"); i != std::string::npos; i = out.find("{}", i)) {
      out.replace(i, 2, table);
    }
    return out;
  };
  std::string cols = std::string("a.") + kArticleCols;
  for (size_t i = cols.find(", "); i != std::string::npos; i = cols.find(", ", i + 2)) {
    cols.replace(i, 2, ", a.");
  }
  auto s = c_.Prepare("SELECT (SELECT COUNT(*)" + where + "), pg.* FROM (SELECT 1) one LEFT JOIN " +
                      "(SELECT " + cols + where + ordered("a.") + " LIMIT ? OFFSET ?) pg ON 1 = 1" +
                      ordered("pg."));
  if (!s.ok()) return s.status();
  const std::string status = q.status ? std::string(NewsStatusName(*q.status)) : "";
  const std::string like = q.text.empty() ? "" : "%" + LikeEscape(q.text) + "%";
  for (int i = 0; i < 2; ++i) {
    (*s)->Bind(status).Bind(status).Bind(q.column).Bind(q.column);
    (*s)->Bind(q.tag).Bind(q.tag).Bind(q.text).Bind(like);
  }
  (*s)->Bind(q.limit).Bind(q.offset);
  Page<NewsArticle> page;
  while ((*s)->Step()) {
    page.total = (*s)->Int(0);
    if ((*s)->IsNull(1)) continue;  // an empty page: only the total came back
    page.items.push_back(ArticleFrom(**s, 1));
  }
  KC_RETURN_IF_ERROR((*s)->status());
  s->reset();
  KC_RETURN_IF_ERROR(LoadTags(&page.items));
  return page;
}

Result<std::vector<NewsTagCount>> SqlNewsTx::ListTags(int64_t limit) {
  auto s = c_.Prepare(
      "SELECT t.tag, COUNT(*) FROM news_tags t JOIN news_articles a ON a.id = t.article_id "
      "WHERE a.status = 'published' GROUP BY t.tag ORDER BY COUNT(*) DESC, t.tag" +
      std::string(c_.dialect().ByteOrder()) + " LIMIT ?");
  if (!s.ok()) return s.status();
  (*s)->Bind(limit);
  std::vector<NewsTagCount> out;
  while ((*s)->Step()) out.push_back(NewsTagCount{(*s)->Text(0), (*s)->Int(1)});
  KC_RETURN_IF_ERROR((*s)->status());
  return out;
}

Result<int64_t> SqlNewsTx::InsertColumn(const NewsColumn& col) {
  // DO NOTHING rather than a failed statement, which would end a PostgreSQL transaction.
  auto s = c_.Prepare(
      "INSERT INTO news_columns (slug, name, name_en, position) VALUES (?,?,?,?) "
      "ON CONFLICT DO NOTHING RETURNING id");
  if (!s.ok()) return s.status();
  (*s)->Bind(col.slug).Bind(col.name).Bind(col.name_en).Bind(int64_t{col.position});
  if ((*s)->Step()) return (*s)->Int(0);
  KC_RETURN_IF_ERROR((*s)->status());
  return Conflict("slug_taken", "a column with this slug exists", "slug");
}

Result<std::vector<NewsColumn>> SqlNewsTx::ListColumns() {
  auto s =
      c_.Prepare(std::string("SELECT ") + kColumnCols + " FROM news_columns ORDER BY position, id");
  if (!s.ok()) return s.status();
  std::vector<NewsColumn> out;
  while ((*s)->Step()) out.push_back(ColumnFrom(**s));
  KC_RETURN_IF_ERROR((*s)->status());
  return out;
}

Result<NewsColumn> SqlNewsTx::GetColumn(std::string_view slug) {
  auto s = c_.Prepare(std::string("SELECT ") + kColumnCols + " FROM news_columns WHERE slug = ?");
  if (!s.ok()) return s.status();
  (*s)->Bind(slug);
  if ((*s)->Step()) return ColumnFrom(**s);
  KC_RETURN_IF_ERROR((*s)->status());
  return NotFound("column");
}

Status SqlNewsTx::ReplaceTags(int64_t article_id, const std::vector<std::string>& tags) {
  KC_RETURN_IF_ERROR(
      Run(c_, "DELETE FROM news_tags WHERE article_id = ?", [&](Stmt& s) { s.Bind(article_id); }));
  if (tags.empty()) return Status::Ok();
  // Every tag in one statement, its position from its place in the list.
  return Run(c_,
             "INSERT INTO news_tags (article_id, tag, position) SELECT CAST(? AS BIGINT), "
             "e.value, e.position FROM " +
                 c_.dialect().TextRows() + " AS e",
             [&](Stmt& s) { s.Bind(article_id).Bind(c_.dialect().TextList(tags)); });
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
  auto s = c_.Prepare("SELECT article_id, tag FROM news_tags WHERE " +
                      c_.dialect().InIds("article_id") + " ORDER BY article_id, position");
  if (!s.ok()) return s.status();
  (*s)->Bind(c_.dialect().IdList(ids));
  while ((*s)->Step()) by_id[(*s)->Int(0)]->tags.push_back((*s)->Text(1));
  return (*s)->status();
}

}  // namespace kc::sql
