#include "service/news.h"

#include <nlohmann/json.hpp>

#include "core/trim.h"
#include "core/utf8.h"
#include "service/audit.h"
#include "service/news_policy.h"

namespace kc {

namespace {

Status RequireEditor(const Actor& actor) {
  if (!actor.signed_in()) return Unauthorized();
  if (!CanWriteNews(actor)) return Forbidden("only editors and admins write news");
  return Status::Ok();
}

// Trims every text field and drops blank paragraphs, so what is stored is what is shown.
void Tidy(NewsArticle& a) {
  for (auto* f : {&a.title, &a.source, &a.author, &a.editor, &a.dateline, &a.column}) {
    *f = Trim(*f);
  }
  std::vector<std::string> paragraphs;
  for (auto& p : a.paragraphs) {
    std::string t = Trim(p);
    if (!t.empty()) paragraphs.push_back(std::move(t));
  }
  a.paragraphs = std::move(paragraphs);
  for (auto& t : a.tags) t = Trim(t);
  for (auto& i : a.images) {
    i.url = Trim(i.url);
    i.caption = Trim(i.caption);
    i.credit = Trim(i.credit);
  }
}

bool AllUtf8(const NewsArticle& a) {
  for (const auto* f : {&a.title, &a.source, &a.author, &a.editor, &a.dateline, &a.column}) {
    if (!IsValidUtf8(*f)) return false;
  }
  for (const auto& p : a.paragraphs) {
    if (!IsValidUtf8(p)) return false;
  }
  for (const auto& t : a.tags) {
    if (!IsValidUtf8(t)) return false;
  }
  for (const auto& i : a.images) {
    if (!IsValidUtf8(i.url) || !IsValidUtf8(i.caption) || !IsValidUtf8(i.credit)) return false;
  }
  return true;
}

}  // namespace

Status News::CheckArticle(StoreTx& tx, NewsArticle& a) {
  if (!AllUtf8(a)) return BadInput("invalid_utf8", "the article is not valid UTF-8");
  Tidy(a);
  KC_RETURN_IF_ERROR(ValidateNewsArticle(a));
  for (const auto& i : a.images) {
    if (!i.url.empty() && i.url.rfind("https://", 0) != 0 && i.url.rfind("http://", 0) != 0 &&
        i.url.rfind("/", 0) != 0) {
      return Invalid("images", "invalid_url", "an image url is http(s):// or a path from /");
    }
  }
  if (!a.column.empty()) {
    auto col = tx.news().GetColumn(a.column);
    if (!col.ok()) {
      if (col.status().kind() == ErrorKind::kNotFound) {
        return Invalid("column", "unknown_column", "no column with slug " + a.column);
      }
      return col.status();
    }
  }
  return Status::Ok();
}

Result<NewsArticle> News::Create(const Actor& actor, NewsArticle a, bool publish) {
  KC_RETURN_IF_ERROR(RequireEditor(actor));
  int64_t now = clock_.Now();
  a.id = 0;
  a.created_by = *actor.id();
  a.created_at = a.updated_at = now;
  a.status = publish ? NewsStatus::kPublished : NewsStatus::kDraft;
  if (publish && a.published_at == 0) a.published_at = now;
  Status s = store_.Write([&](StoreTx& tx) {
    KC_RETURN_IF_ERROR(CheckArticle(tx, a));
    auto id = tx.news().InsertArticle(a);
    if (!id.ok()) return id.status();
    a.id = *id;
    return tx.AppendAudit(AuditOf(now, actor.id(), "news", a.id, publish ? "publish" : "create",
                                  {{"title", a.title}}));
  });
  if (!s.ok()) return s;
  return a;
}

Result<NewsArticle> News::Update(const Actor& actor, NewsArticle a) {
  KC_RETURN_IF_ERROR(RequireEditor(actor));
  int64_t now = clock_.Now();
  Status s = store_.Write([&](StoreTx& tx) {
    auto old = tx.news().GetArticle(a.id);
    if (!old.ok()) return old.status();
    a.status = old->status;
    a.created_by = old->created_by;
    a.created_at = old->created_at;
    a.updated_at = now;
    if (a.status == NewsStatus::kPublished && a.published_at == 0) {
      a.published_at = old->published_at;
    }
    KC_RETURN_IF_ERROR(CheckArticle(tx, a));
    KC_RETURN_IF_ERROR(tx.news().UpdateArticle(a));
    return tx.AppendAudit(AuditOf(now, actor.id(), "news", a.id, "update", {{"title", a.title}}));
  });
  if (!s.ok()) return s;
  return a;
}

Result<NewsArticle> News::SetStatus(const Actor& actor, int64_t id, NewsStatus status) {
  KC_RETURN_IF_ERROR(RequireEditor(actor));
  int64_t now = clock_.Now();
  NewsArticle a;
  Status s = store_.Write([&](StoreTx& tx) {
    auto got = tx.news().GetArticle(id);
    if (!got.ok()) return got.status();
    a = std::move(*got);
    if (a.status == status) return Status::Ok();  // publishing twice changes nothing
    a.status = status;
    if (status == NewsStatus::kPublished && a.published_at == 0) a.published_at = now;
    a.updated_at = now;
    KC_RETURN_IF_ERROR(tx.news().UpdateArticle(a));
    return tx.AppendAudit(AuditOf(now, actor.id(), "news", id,
                                  status == NewsStatus::kPublished ? "publish" : "unpublish", {}));
  });
  if (!s.ok()) return s;
  return a;
}

Result<NewsArticle> News::Publish(const Actor& actor, int64_t id) {
  return SetStatus(actor, id, NewsStatus::kPublished);
}

Result<NewsArticle> News::Unpublish(const Actor& actor, int64_t id) {
  return SetStatus(actor, id, NewsStatus::kDraft);
}

Status News::Delete(const Actor& actor, int64_t id) {
  KC_RETURN_IF_ERROR(RequireEditor(actor));
  return store_.Write([&](StoreTx& tx) {
    KC_RETURN_IF_ERROR(tx.news().DeleteArticle(id));
    return tx.AppendAudit(AuditOf(clock_.Now(), actor.id(), "news", id, "delete", {}));
  });
}

Result<NewsArticle> News::Get(const Actor& actor, int64_t id) {
  NewsArticle a;
  KC_RETURN_IF_ERROR(store_.Read([&](StoreTx& tx) {
    auto got = tx.news().GetArticle(id);
    if (!got.ok()) return got.status();
    a = std::move(*got);
    return Status::Ok();
  }));
  if (!CanReadArticle(actor, a)) return NotFound("article");
  return a;
}

Result<Page<NewsArticle>> News::List(const Actor& actor, NewsQuery q) {
  if (!SeesDraftNews(actor)) q.status = NewsStatus::kPublished;
  Page<NewsArticle> page;
  KC_RETURN_IF_ERROR(store_.Read([&](StoreTx& tx) {
    auto got = tx.news().ListArticles(q);
    if (!got.ok()) return got.status();
    page = std::move(*got);
    return Status::Ok();
  }));
  return page;
}

Result<std::vector<NewsTagCount>> News::Tags(int64_t limit) {
  std::vector<NewsTagCount> tags;
  KC_RETURN_IF_ERROR(store_.Read([&](StoreTx& tx) {
    auto got = tx.news().ListTags(limit);
    if (!got.ok()) return got.status();
    tags = std::move(*got);
    return Status::Ok();
  }));
  return tags;
}

Result<std::vector<NewsColumn>> News::Columns() {
  std::vector<NewsColumn> cols;
  KC_RETURN_IF_ERROR(store_.Read([&](StoreTx& tx) {
    auto got = tx.news().ListColumns();
    if (!got.ok()) return got.status();
    cols = std::move(*got);
    return Status::Ok();
  }));
  return cols;
}

Result<NewsColumn> News::Column(std::string_view slug) {
  NewsColumn col;
  KC_RETURN_IF_ERROR(store_.Read([&](StoreTx& tx) {
    auto got = tx.news().GetColumn(slug);
    if (!got.ok()) return got.status();
    col = std::move(*got);
    return Status::Ok();
  }));
  return col;
}

Result<NewsColumn> News::CreateColumn(const Actor& actor, NewsColumn col) {
  KC_RETURN_IF_ERROR(RequireEditor(actor));
  if (!IsValidUtf8(col.name) || !IsValidUtf8(col.name_en)) {
    return BadInput("invalid_utf8", "the column is not valid UTF-8");
  }
  col.name = Trim(col.name);
  col.name_en = Trim(col.name_en);
  KC_RETURN_IF_ERROR(ValidateNewsColumn(col));
  Status s = store_.Write([&](StoreTx& tx) {
    auto id = tx.news().InsertColumn(col);
    if (!id.ok()) return id.status();
    col.id = *id;
    return tx.AppendAudit(
        AuditOf(clock_.Now(), actor.id(), "news_column", col.id, "create", {{"slug", col.slug}}));
  });
  if (!s.ok()) return s;
  return col;
}

}  // namespace kc
