#include "store/sqlite/sqlite_news_tx.h"

#include <map>
#include <nlohmann/json.hpp>

#include "store/json_columns.h"

namespace kc::sqlite {

namespace {

using nlohmann::json;

constexpr const char* kArticleCols =
    "id, title, source, author, editor, dateline, published_at, utc_offset_minutes, paragraphs, "
    "images, column_slug, status, created_by, created_at, updated_at";

NewsArticle ArticleFrom(const Stmt& s) {
  NewsArticle a;
  a.id = s.Int(0);
  a.title = s.Text(1);
  a.source = s.Text(2);
  a.author = s.Text(3);
  a.editor = s.Text(4);
  a.dateline = s.Text(5);
  a.published_at = s.Int(6);
  a.utc_offset_minutes = static_cast<int>(s.Int(7));
  a.paragraphs = SplitArray(s.Text(8));
  a.images = ImagesFrom(s.Text(9));
  a.column = s.Text(10);
  a.status = NewsStatusFromName(s.Text(11)).value_or(NewsStatus::kDraft);
  a.created_by = s.Int(12);
  a.created_at = s.Int(13);
  a.updated_at = s.Int(14);
  return a;
}

// Binds the article's columns from index 1 (title … updated_at, without id).
void BindArticle(Stmt& s, const NewsArticle& a) {
  s.Bind(1, a.title).Bind(2, a.source).Bind(3, a.author).Bind(4, a.editor).Bind(5, a.dateline);
  s.Bind(6, a.published_at).Bind(7, int64_t{a.utc_offset_minutes});
  s.Bind(8, JoinArray(a.paragraphs)).Bind(9, ImagesJson(a.images)).Bind(10, a.column);
  s.Bind(11, NewsStatusName(a.status)).Bind(12, a.created_by).Bind(13, a.created_at);
  s.Bind(14, a.updated_at);
}

// Escapes % and _ for a LIKE pattern with ESCAPE '\'.
std::string LikeContains(std::string_view text) {
  std::string out = "%";
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out + "%";
}

}  // namespace

Result<int64_t> SqliteNewsTx::InsertArticle(const NewsArticle& a) {
  auto s = c_.Prepare(
      "INSERT INTO news_articles (title, source, author, editor, dateline, published_at, "
      "utc_offset_minutes, paragraphs, images, column_slug, status, created_by, created_at, "
      "updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
  if (!s.ok()) return s.status();
  BindArticle(**s, a);
  KC_RETURN_IF_ERROR((*s)->Run());
  int64_t id = c_.LastInsertId();
  KC_RETURN_IF_ERROR(ReplaceTags(id, a.tags));
  return id;
}

Result<NewsArticle> SqliteNewsTx::GetArticle(int64_t id) {
  auto s = c_.Prepare(std::string("SELECT ") + kArticleCols + " FROM news_articles WHERE id = ?");
  if (!s.ok()) return s.status();
  (*s)->Bind(1, id);
  std::vector<NewsArticle> found;
  if ((*s)->Step()) found.push_back(ArticleFrom(**s));
  KC_RETURN_IF_ERROR((*s)->status());
  if (found.empty()) return NotFound("article");
  KC_RETURN_IF_ERROR(LoadTags(&found));
  return std::move(found.front());
}

Status SqliteNewsTx::UpdateArticle(const NewsArticle& a) {
  auto s = c_.Prepare(
      "UPDATE news_articles SET title=?, source=?, author=?, editor=?, dateline=?, "
      "published_at=?, utc_offset_minutes=?, paragraphs=?, images=?, column_slug=?, status=?, "
      "created_by=?, created_at=?, updated_at=? WHERE id=?");
  if (!s.ok()) return s.status();
  BindArticle(**s, a);
  (*s)->Bind(15, a.id);
  KC_RETURN_IF_ERROR((*s)->Run());
  if ((*s)->changes() == 0) return NotFound("article");
  return ReplaceTags(a.id, a.tags);
}

Status SqliteNewsTx::DeleteArticle(int64_t id) {
  {
    auto tags = c_.Prepare("DELETE FROM news_tags WHERE article_id = ?");
    if (!tags.ok()) return tags.status();
    (*tags)->Bind(1, id);
    KC_RETURN_IF_ERROR((*tags)->Run());
  }
  auto s = c_.Prepare("DELETE FROM news_articles WHERE id = ?");
  if (!s.ok()) return s.status();
  (*s)->Bind(1, id);
  KC_RETURN_IF_ERROR((*s)->Run());
  return (*s)->changes() ? Status::Ok() : NotFound("article");
}

Result<Page<NewsArticle>> SqliteNewsTx::ListArticles(const NewsQuery& q) {
  // Every filter is always present and disabled by an empty value, so one cached statement
  // serves every combination.
  const std::string where =
      " FROM news_articles a WHERE (? = '' OR a.status = ?) AND (? = '' OR a.column_slug = ?) "
      "AND (? = '' OR a.id IN (SELECT article_id FROM news_tags WHERE tag = ?)) "
      "AND (? = '' OR a.title LIKE ? ESCAPE '\\')";
  std::string status = q.status ? std::string(NewsStatusName(*q.status)) : "";
  std::string like = q.text.empty() ? "" : LikeContains(q.text);
  auto bind = [&](Stmt& s) {
    s.Bind(1, status).Bind(2, status).Bind(3, q.column).Bind(4, q.column);
    s.Bind(5, q.tag).Bind(6, q.tag).Bind(7, q.text).Bind(8, like);
  };
  Page<NewsArticle> page;
  {
    auto c = c_.Prepare("SELECT COUNT(*)" + where);
    if (!c.ok()) return c.status();
    bind(**c);
    page.total = (*c)->Step() ? (*c)->Int(0) : 0;
    KC_RETURN_IF_ERROR((*c)->status());
  }
  std::string cols = std::string("a.") + kArticleCols;
  for (size_t i = cols.find(", "); i != std::string::npos; i = cols.find(", ", i + 2)) {
    cols.replace(i, 2, ", a.");
  }
  auto s = c_.Prepare("SELECT " + cols + where +
                      " ORDER BY CASE WHEN a.published_at = 0 THEN a.updated_at ELSE "
                      "a.published_at END DESC, a.id DESC LIMIT ? OFFSET ?");
  if (!s.ok()) return s.status();
  bind(**s);
  (*s)->Bind(9, q.limit).Bind(10, q.offset);
  while ((*s)->Step()) page.items.push_back(ArticleFrom(**s));
  KC_RETURN_IF_ERROR((*s)->status());
  KC_RETURN_IF_ERROR(LoadTags(&page.items));
  return page;
}

Result<std::vector<NewsTagCount>> SqliteNewsTx::ListTags(int64_t limit) {
  auto s = c_.Prepare(
      "SELECT t.tag, COUNT(*) FROM news_tags t JOIN news_articles a ON a.id = t.article_id "
      "WHERE a.status = 'published' GROUP BY t.tag ORDER BY COUNT(*) DESC, t.tag LIMIT ?");
  if (!s.ok()) return s.status();
  (*s)->Bind(1, limit);
  std::vector<NewsTagCount> out;
  while ((*s)->Step()) out.push_back(NewsTagCount{(*s)->Text(0), (*s)->Int(1)});
  KC_RETURN_IF_ERROR((*s)->status());
  return out;
}

Result<int64_t> SqliteNewsTx::InsertColumn(const NewsColumn& col) {
  auto s = c_.Prepare("INSERT INTO news_columns (slug, name, name_en, position) VALUES (?,?,?,?)");
  if (!s.ok()) return s.status();
  (*s)->Bind(1, col.slug).Bind(2, col.name).Bind(3, col.name_en).Bind(4, int64_t{col.position});
  Status r = (*s)->Run();
  if (!r.ok() && r.kind() == ErrorKind::kConflict) {
    return Conflict("slug_taken", "a column with this slug exists", "slug");
  }
  KC_RETURN_IF_ERROR(r);
  return c_.LastInsertId();
}

Result<std::vector<NewsColumn>> SqliteNewsTx::ListColumns() {
  auto s = c_.Prepare(
      "SELECT id, slug, name, name_en, position FROM news_columns ORDER BY position, id");
  if (!s.ok()) return s.status();
  std::vector<NewsColumn> out;
  while ((*s)->Step()) {
    out.push_back(NewsColumn{(*s)->Int(0), (*s)->Text(1), (*s)->Text(2), (*s)->Text(3),
                             static_cast<int>((*s)->Int(4))});
  }
  KC_RETURN_IF_ERROR((*s)->status());
  return out;
}

Result<NewsColumn> SqliteNewsTx::GetColumn(std::string_view slug) {
  auto s = c_.Prepare("SELECT id, slug, name, name_en, position FROM news_columns WHERE slug = ?");
  if (!s.ok()) return s.status();
  (*s)->Bind(1, slug);
  if ((*s)->Step()) {
    return NewsColumn{(*s)->Int(0), (*s)->Text(1), (*s)->Text(2), (*s)->Text(3),
                      static_cast<int>((*s)->Int(4))};
  }
  KC_RETURN_IF_ERROR((*s)->status());
  return NotFound("column");
}

Status SqliteNewsTx::ReplaceTags(int64_t article_id, const std::vector<std::string>& tags) {
  auto del = c_.Prepare("DELETE FROM news_tags WHERE article_id = ?");
  if (!del.ok()) return del.status();
  (*del)->Bind(1, article_id);
  KC_RETURN_IF_ERROR((*del)->Run());
  for (size_t i = 0; i < tags.size(); ++i) {
    auto ins = c_.Prepare("INSERT INTO news_tags (article_id, tag, position) VALUES (?,?,?)");
    if (!ins.ok()) return ins.status();
    (*ins)->Bind(1, article_id).Bind(2, tags[i]).Bind(3, static_cast<int64_t>(i));
    KC_RETURN_IF_ERROR((*ins)->Run());
  }
  return Status::Ok();
}

Status SqliteNewsTx::LoadTags(std::vector<NewsArticle>* articles) {
  if (articles->empty()) return Status::Ok();
  std::map<int64_t, NewsArticle*> by_id;
  json ids = json::array();
  for (auto& a : *articles) {
    by_id[a.id] = &a;
    a.tags.clear();
    ids.push_back(a.id);
  }
  // One statement text for any number of ids (the statement cache stays small).
  auto s = c_.Prepare(
      "SELECT article_id, tag FROM news_tags WHERE article_id IN (SELECT value FROM "
      "json_each(?)) ORDER BY article_id, position");
  if (!s.ok()) return s.status();
  (*s)->Bind(1, ids.dump());
  while ((*s)->Step()) by_id[(*s)->Int(0)]->tags.push_back((*s)->Text(1));
  return (*s)->status();
}

}  // namespace kc::sqlite
