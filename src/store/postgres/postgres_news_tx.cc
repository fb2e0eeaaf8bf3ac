#include "store/postgres/postgres_news_tx.h"

#include <map>

#include "store/json_columns.h"

namespace kc::pg {

namespace {

constexpr const char* kArticleCols =
    "id, title, source, author, editor, dateline, published_at, utc_offset_minutes, paragraphs, "
    "images, column_slug, status, created_by, created_at, updated_at";
// The same columns after id.
constexpr const char* kArticleValueCols =
    "title, source, author, editor, dateline, published_at, utc_offset_minutes, paragraphs, "
    "images, column_slug, status, created_by, created_at, updated_at";

NewsArticle ArticleFrom(const pqxx::row& r) {
  NewsArticle a;
  a.id = Int(r[0]);
  a.title = Text(r[1]);
  a.source = Text(r[2]);
  a.author = Text(r[3]);
  a.editor = Text(r[4]);
  a.dateline = Text(r[5]);
  a.published_at = Int(r[6]);
  a.utc_offset_minutes = static_cast<int>(Int(r[7]));
  a.paragraphs = SplitArray(Text(r[8]));
  a.images = ImagesFrom(Text(r[9]));
  a.column = Text(r[10]);
  a.status = NewsStatusFromName(Text(r[11])).value_or(NewsStatus::kDraft);
  a.created_by = Int(r[12]);
  a.created_at = Int(r[13]);
  a.updated_at = Int(r[14]);
  return a;
}

// The placeholders of every article column after id, in kArticleValueCols order.
std::string ArticleValues(Params& p, const NewsArticle& a) {
  return p.Ref(a.title) + "," + p.Ref(a.source) + "," + p.Ref(a.author) + "," + p.Ref(a.editor) +
         "," + p.Ref(a.dateline) + "," + p.Ref(a.published_at) + "," +
         p.Ref(int64_t{a.utc_offset_minutes}) + "," + p.Ref(JoinArray(a.paragraphs)) + "," +
         p.Ref(ImagesJson(a.images)) + "," + p.Ref(a.column) + "," +
         p.Ref(NewsStatusName(a.status)) + "," + p.Ref(a.created_by) + "," + p.Ref(a.created_at) +
         "," + p.Ref(a.updated_at);
}

NewsColumn ColumnFrom(const pqxx::row& r) {
  return NewsColumn{Int(r[0]), Text(r[1]), Text(r[2]), Text(r[3]), static_cast<int>(Int(r[4]))};
}

}  // namespace

Result<int64_t> PostgresNewsTx::InsertArticle(const NewsArticle& a) {
  Params p;
  auto id = Scalar(t_,
                   std::string("INSERT INTO news_articles (") + kArticleValueCols + ") VALUES (" +
                       ArticleValues(p, a) + ") RETURNING id",
                   p);
  if (!id.ok()) return id.status();
  KC_RETURN_IF_ERROR(ReplaceTags(*id, a.tags));
  return *id;
}

Result<NewsArticle> PostgresNewsTx::GetArticle(int64_t id) {
  Params p;
  auto r = t_.Run(
      std::string("SELECT ") + kArticleCols + " FROM news_articles WHERE id = " + p.Ref(id), p);
  if (!r.ok()) return r.status();
  if (r->empty()) return NotFound("article");
  std::vector<NewsArticle> found = {ArticleFrom((*r)[0])};
  KC_RETURN_IF_ERROR(LoadTags(&found));
  return std::move(found.front());
}

Status PostgresNewsTx::UpdateArticle(const NewsArticle& a) {
  Params p;
  KC_RETURN_IF_ERROR(Touch(t_,
                           std::string("UPDATE news_articles SET (") + kArticleValueCols + ") = (" +
                               ArticleValues(p, a) + ") WHERE id = " + p.Ref(a.id),
                           p, "article"));
  return ReplaceTags(a.id, a.tags);
}

Status PostgresNewsTx::DeleteArticle(int64_t id) {
  // The tags go with the article (ON DELETE CASCADE).
  Params p;
  return Touch(t_, "DELETE FROM news_articles WHERE id = " + p.Ref(id), p, "article");
}

Result<Page<NewsArticle>> PostgresNewsTx::ListArticles(const NewsQuery& q) {
  Params p;
  Where w(p);
  if (q.status) w.Add("a.status = " + p.Ref(NewsStatusName(*q.status)));
  if (!q.column.empty()) w.Add("a.column_slug = " + p.Ref(q.column));
  if (!q.tag.empty()) {
    w.Add("a.id IN (SELECT article_id FROM news_tags WHERE tag = " + p.Ref(q.tag) + ")");
  }
  if (!q.text.empty()) w.Add("a.title LIKE " + p.Ref("%" + LikeEscape(q.text) + "%"));
  // The total and the page in one round trip.
  auto r = t_.Run("SELECT (SELECT COUNT(*) FROM news_articles a" + w.sql() +
                      "), pg.* FROM (SELECT 1) one LEFT JOIN (SELECT " + kArticleCols +
                      " FROM news_articles a" + w.sql() +
                      " ORDER BY CASE WHEN a.published_at = 0 THEN a.updated_at ELSE "
                      "a.published_at END DESC, a.id DESC LIMIT " +
                      p.Ref(q.limit) + " OFFSET " + p.Ref(q.offset) + ") pg ON true",
                  p);
  if (!r.ok()) return r.status();
  Page<NewsArticle> page;
  for (const auto& row : *r) {
    page.total = Int(row[0]);
    if (row[1].is_null()) continue;  // an empty page: only the total came back
    page.items.push_back(ArticleFrom(pqxx::row(row.slice(1, row.size()))));
  }
  KC_RETURN_IF_ERROR(LoadTags(&page.items));
  return page;
}

Result<std::vector<NewsTagCount>> PostgresNewsTx::ListTags(int64_t limit) {
  Params p;
  auto r = t_.Run(
      "SELECT t.tag, COUNT(*) FROM news_tags t JOIN news_articles a ON a.id = t.article_id "
      "WHERE a.status = 'published' GROUP BY t.tag ORDER BY COUNT(*) DESC, t.tag COLLATE \"C\" "
      "LIMIT " +
          p.Ref(limit),
      p);
  if (!r.ok()) return r.status();
  std::vector<NewsTagCount> out;
  for (const auto& row : *r) out.push_back(NewsTagCount{Text(row[0]), Int(row[1])});
  return out;
}

Result<int64_t> PostgresNewsTx::InsertColumn(const NewsColumn& col) {
  Params p;
  return InsertUnique(t_,
                      "INSERT INTO news_columns (slug, name, name_en, position) VALUES (" +
                          p.Ref(col.slug) + "," + p.Ref(col.name) + "," + p.Ref(col.name_en) + "," +
                          p.Ref(int64_t{col.position}) + ") ON CONFLICT DO NOTHING RETURNING id",
                      p, Conflict("slug_taken", "a column with this slug exists", "slug"));
}

Result<std::vector<NewsColumn>> PostgresNewsTx::ListColumns() {
  auto r =
      t_.Run("SELECT id, slug, name, name_en, position FROM news_columns ORDER BY position, id");
  if (!r.ok()) return r.status();
  std::vector<NewsColumn> out;
  for (const auto& row : *r) out.push_back(ColumnFrom(row));
  return out;
}

Result<NewsColumn> PostgresNewsTx::GetColumn(std::string_view slug) {
  Params p;
  auto r = t_.Run(
      "SELECT id, slug, name, name_en, position FROM news_columns WHERE slug = " + p.Ref(slug), p);
  if (!r.ok()) return r.status();
  if (r->empty()) return NotFound("column");
  return ColumnFrom((*r)[0]);
}

Status PostgresNewsTx::ReplaceTags(int64_t article_id, const std::vector<std::string>& tags) {
  Params p;
  std::string id = p.Ref(article_id);
  KC_RETURN_IF_ERROR(Exec(t_, "DELETE FROM news_tags WHERE article_id = " + id, p));
  if (tags.empty()) return Status::Ok();
  // Every tag in one statement, its position from its place in the list.
  return Exec(t_,
              "INSERT INTO news_tags (article_id, tag, position) SELECT " + id +
                  "::bigint, t.tag, t.n - 1 FROM unnest(" + p.RefTexts(tags) +
                  ") WITH ORDINALITY AS t (tag, n)",
              p);
}

Status PostgresNewsTx::LoadTags(std::vector<NewsArticle>* articles) {
  if (articles->empty()) return Status::Ok();
  std::map<int64_t, NewsArticle*> by_id;
  std::vector<int64_t> ids;
  for (auto& a : *articles) {
    by_id[a.id] = &a;
    a.tags.clear();
    ids.push_back(a.id);
  }
  Params p;
  auto r = t_.Run("SELECT article_id, tag FROM news_tags WHERE article_id = ANY(" + p.RefIds(ids) +
                      ") ORDER BY article_id, position",
                  p);
  if (!r.ok()) return r.status();
  for (const auto& row : *r) by_id[Int(row[0])]->tags.push_back(Text(row[1]));
  return Status::Ok();
}

}  // namespace kc::pg
