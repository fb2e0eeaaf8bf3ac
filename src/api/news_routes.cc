// /news: articles, columns, tags, the Atom feed, and page import (新闻资讯).
#include "api/json_io.h"
#include "api/news_json.h"
#include "api/routes.h"
#include "api/schemas.h"
#include "importers/page_encoding.h"
#include "service/news_feed.h"

namespace kc::api {

namespace {

using http::bhttp::verb;

Result<std::vector<NewsColumn>> Columns(Context& ctx) { return ctx.news->Columns(); }

http::Response ListArticles(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, ctx.Authenticate(req, false));
  KC_ASSIGN_OR_RESPOND(page, ReadPage(req));
  NewsQuery q;
  q.offset = page->offset();
  q.limit = page->size;
  q.column = req.Query("column").value_or("");
  q.tag = req.Query("tag").value_or("");
  q.text = req.Query("q").value_or("");
  if (auto status = req.Query("status"); status && !status->empty()) {
    q.status = NewsStatusFromName(*status);
    if (!q.status) {
      return http::ErrorResponse(
          BadInput("invalid_parameter", "status is draft or published", "status"));
    }
  }
  KC_ASSIGN_OR_RESPOND(articles, ctx.news->List(*actor, q));
  KC_ASSIGN_OR_RESPOND(columns, Columns(ctx));
  json items = json::array();
  for (const auto& a : articles->items) items.push_back(ArticleJson(a, *columns, false));
  return JsonResponse(200, PageJson(items, articles->total, *page));
}

http::Response GetArticle(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, ctx.Authenticate(req, false));
  KC_ASSIGN_OR_RESPOND(id, ParseId(req.Param("id"), "id"));
  KC_ASSIGN_OR_RESPOND(article, ctx.news->Get(*actor, *id));
  KC_ASSIGN_OR_RESPOND(columns, Columns(ctx));
  return JsonResponse(200, ArticleJson(*article, *columns, true));
}

http::Response CreateArticle(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, ctx.Authenticate(req, true));
  if (!actor->signed_in()) return http::ErrorResponse(Unauthorized());
  KC_ASSIGN_OR_RESPOND(body, ParseObject(req));
  NewsArticle a;
  std::optional<bool> publish;
  Status s = AllowOnly(*body, {"title", "source", "author", "editor", "dateline", "published_at",
                               "column", "paragraphs", "images", "tags", "publish"});
  if (s.ok()) s = ReadArticle(*body, &a);
  if (s.ok()) s = OptBool(*body, "publish", &publish);
  if (!s.ok()) return http::ErrorResponse(s);
  KC_ASSIGN_OR_RESPOND(created, ctx.news->Create(*actor, a, publish.value_or(false)));
  KC_ASSIGN_OR_RESPOND(columns, Columns(ctx));
  return JsonResponse(201, ArticleJson(*created, *columns, true));
}

http::Response PatchArticle(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, ctx.Authenticate(req, true));
  if (!actor->signed_in()) return http::ErrorResponse(Unauthorized());
  KC_ASSIGN_OR_RESPOND(id, ParseId(req.Param("id"), "id"));
  KC_ASSIGN_OR_RESPOND(body, ParseObject(req));
  Status s = AllowOnly(*body, {"title", "source", "author", "editor", "dateline", "published_at",
                               "column", "paragraphs", "images", "tags"});
  if (!s.ok()) return http::ErrorResponse(s);
  KC_ASSIGN_OR_RESPOND(article, ctx.news->Get(*actor, *id));
  s = ReadArticle(*body, &*article);
  if (!s.ok()) return http::ErrorResponse(s);
  KC_ASSIGN_OR_RESPOND(updated, ctx.news->Update(*actor, *article));
  KC_ASSIGN_OR_RESPOND(columns, Columns(ctx));
  return JsonResponse(200, ArticleJson(*updated, *columns, true));
}

http::Response ChangeStatus(Context& ctx, http::Request& req, bool publish) {
  KC_ASSIGN_OR_RESPOND(actor, ctx.Authenticate(req, true));
  if (!actor->signed_in()) return http::ErrorResponse(Unauthorized());
  KC_ASSIGN_OR_RESPOND(id, ParseId(req.Param("id"), "id"));
  KC_ASSIGN_OR_RESPOND(article,
                       publish ? ctx.news->Publish(*actor, *id) : ctx.news->Unpublish(*actor, *id));
  KC_ASSIGN_OR_RESPOND(columns, Columns(ctx));
  return JsonResponse(200, ArticleJson(*article, *columns, true));
}

http::Response DeleteArticle(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, ctx.Authenticate(req, true));
  if (!actor->signed_in()) return http::ErrorResponse(Unauthorized());
  KC_ASSIGN_OR_RESPOND(id, ParseId(req.Param("id"), "id"));
  Status s = ctx.news->Delete(*actor, *id);
  if (!s.ok()) return http::ErrorResponse(s);
  http::Response r;
  r.status = 204;
  return r;
}

http::Response ListColumns(Context& ctx, http::Request&) {
  KC_ASSIGN_OR_RESPOND(columns, Columns(ctx));
  json items = json::array();
  for (const auto& c : *columns) items.push_back(ColumnJson(c));
  return JsonResponse(200, {{"items", items}});
}

http::Response CreateColumn(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, ctx.Authenticate(req, true));
  if (!actor->signed_in()) return http::ErrorResponse(Unauthorized());
  KC_ASSIGN_OR_RESPOND(body, ParseObject(req));
  NewsColumn c;
  std::optional<std::string> name_en;
  std::optional<int64_t> position;
  Status s = AllowOnly(*body, {"slug", "name", "name_en", "position"});
  if (s.ok()) s = RequireString(*body, "slug", &c.slug);
  if (s.ok()) s = RequireString(*body, "name", &c.name);
  if (s.ok()) s = OptString(*body, "name_en", &name_en);
  if (s.ok()) s = OptInt(*body, "position", &position);
  if (s.ok() && position && (*position < 0 || *position > 10000)) {
    s = Invalid("position", "out_of_range", "position is 0 to 10000");
  }
  if (!s.ok()) return http::ErrorResponse(s);
  c.name_en = name_en.value_or("");
  c.position = static_cast<int>(position.value_or(100));
  KC_ASSIGN_OR_RESPOND(created, ctx.news->CreateColumn(*actor, c));
  return JsonResponse(201, ColumnJson(*created));
}

http::Response ListTags(Context& ctx, http::Request&) {
  KC_ASSIGN_OR_RESPOND(tags, ctx.news->Tags(50));
  json items = json::array();
  for (const auto& t : *tags) items.push_back(TagCountJson(t));
  return JsonResponse(200, {{"items", items}});
}

http::Response Feed(Context& ctx, http::Request& req) {
  NewsQuery q;
  q.column = req.Query("column").value_or("");
  q.limit = 30;
  KC_ASSIGN_OR_RESPOND(articles, ctx.news->List(Actor::Visitor(), q));
  http::Response r;
  r.content_type = "application/atom+xml; charset=utf-8";
  r.body = AtomFeed(articles->items, FeedInfo{ctx.base_url, "科创 · 新闻资讯", ctx.clock.Now()});
  return r;
}

// The page comes as the body itself (text/html, text/plain: bytes in any charset, which the
// Content-Type may name) or inside JSON ({content, format?, save?, column?}).
http::Response Import(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, ctx.Authenticate(req, true));
  if (!actor->signed_in()) return http::ErrorResponse(Unauthorized());
  NewsPageUpload upload;
  std::string_view type = req.Header(http::bhttp::field::content_type);
  if (type.rfind("text/html", 0) == 0 || type.rfind("text/plain", 0) == 0) {
    upload.content = req.body();
    upload.format = type.rfind("text/html", 0) == 0 ? PageFormat::kHtml : PageFormat::kText;
    upload.charset = CharsetOfContentType(type);
  } else {
    KC_ASSIGN_OR_RESPOND(body, ParseObject(req));
    std::optional<std::string> fmt, column;
    std::optional<bool> save;
    Status s = AllowOnly(*body, {"content", "format", "save", "column"});
    if (s.ok()) s = RequireString(*body, "content", &upload.content);
    if (s.ok()) s = OptString(*body, "format", &fmt);
    if (s.ok()) s = OptBool(*body, "save", &save);
    if (s.ok()) s = OptString(*body, "column", &column);
    if (s.ok() && fmt && !fmt->empty() && *fmt != "auto") {
      if (*fmt == "text") {
        upload.format = PageFormat::kText;
      } else if (*fmt == "html") {
        upload.format = PageFormat::kHtml;
      } else {
        s = Invalid("format", "invalid_format", "format is text, html or auto");
      }
    }
    if (!s.ok()) return http::ErrorResponse(s);
    upload.charset = CharsetOfContentType(type);
    upload.save = save.value_or(false);
    upload.column = column.value_or("");
  }
  KC_ASSIGN_OR_RESPOND(imported, ctx.news->ImportPage(*actor, std::move(upload)));
  return JsonResponse(imported->saved ? 201 : 200, ImportedPageJson(*imported));
}

}  // namespace

void RegisterNewsRoutes(http::Router& router, Context& ctx) {
  using namespace schema;
  const json article = ArticleSchema();
  json query = PageQuery();
  query.push_back(QueryParam("column", "a column's slug"));
  query.push_back(QueryParam("tag", "a tag"));
  query.push_back(QueryParam("q", "text in the title"));
  query.push_back(QueryParam("status", "draft or published (editors; others see published)"));
  router.Add(verb::get, "/api/v1/news",
             Guarded([&ctx](http::Request& r) { return ListArticles(ctx, r); }),
             {.summary = "News articles, newest first (the headline list)",
              .tag = "news",
              .query_params = query,
              .response = PageOf(article),
              .errors = {400}});
  router.Add(verb::post, "/api/v1/news",
             Guarded([&ctx](http::Request& r) { return CreateArticle(ctx, r); }),
             {.summary = "Write an article (editors and admins); publish at once with "
                         "\"publish\": true",
              .tag = "news",
              .auth = true,
              .request_body = ArticleInputSchema(/*for_create=*/true),
              .success_status = 201,
              .response = article,
              .errors = {400, 401, 403, 422}});
  router.Add(verb::get, "/api/v1/news/{id}",
             Guarded([&ctx](http::Request& r) { return GetArticle(ctx, r); }),
             {.summary = "An article with its paragraphs, images and breadcrumbs",
              .tag = "news",
              .response = article,
              .errors = {400, 404}});
  router.Add(verb::patch, "/api/v1/news/{id}",
             Guarded([&ctx](http::Request& r) { return PatchArticle(ctx, r); }),
             {.summary = "Edit an article (editors)",
              .tag = "news",
              .auth = true,
              .request_body = ArticleInputSchema(/*for_create=*/false),
              .response = article,
              .errors = {400, 401, 403, 404, 422}});
  router.Add(verb::delete_, "/api/v1/news/{id}",
             Guarded([&ctx](http::Request& r) { return DeleteArticle(ctx, r); }),
             {.summary = "Delete an article (editors)",
              .tag = "news",
              .auth = true,
              .success_status = 204,
              .errors = {400, 401, 403, 404}});
  router.Add(verb::post, "/api/v1/news/{id}/publish",
             Guarded([&ctx](http::Request& r) { return ChangeStatus(ctx, r, true); }),
             {.summary = "Publish an article (editors); its time is now unless already set",
              .tag = "news",
              .auth = true,
              .response = article,
              .errors = {400, 401, 403, 404}});
  router.Add(verb::post, "/api/v1/news/{id}/unpublish",
             Guarded([&ctx](http::Request& r) { return ChangeStatus(ctx, r, false); }),
             {.summary = "Withdraw an article to a draft (editors)",
              .tag = "news",
              .auth = true,
              .response = article,
              .errors = {400, 401, 403, 404}});
  const json column = ColumnSchema();
  router.Add(verb::get, "/api/v1/news/columns",
             Guarded([&ctx](http::Request& r) { return ListColumns(ctx, r); }),
             {.summary = "The news columns (栏目), in menu order",
              .tag = "news",
              .response = Obj({{"items", ListOf(column)}})});
  router.Add(verb::post, "/api/v1/news/columns",
             Guarded([&ctx](http::Request& r) { return CreateColumn(ctx, r); }),
             {.summary = "Add a column (editors)",
              .tag = "news",
              .auth = true,
              .request_body = ColumnInputSchema(),
              .success_status = 201,
              .response = column,
              .errors = {400, 401, 403, 409, 422}});
  router.Add(verb::get, "/api/v1/news/tags",
             Guarded([&ctx](http::Request& r) { return ListTags(ctx, r); }),
             {.summary = "Tags of published articles, most used first",
              .tag = "news",
              .response = Obj({{"items", ListOf(TagCountSchema())}})});
  json feed_query = json::array({QueryParam("column", "only this column")});
  router.Add(verb::get, "/api/v1/news/feed",
             Guarded([&ctx](http::Request& r) { return Feed(ctx, r); }),
             {.summary = "The 30 newest articles as an Atom feed (application/atom+xml)",
              .tag = "news",
              .query_params = feed_query});
  router.Add(
      verb::post, "/api/v1/news/import",
      Guarded([&ctx](http::Request& r) { return Import(ctx, r); }),
      {.summary = "Turn a raw news page (plain text or HTML) into a clean article: title, time "
                  "with zone, source, dateline, reporter, paragraphs, image captions, editor; "
                  "fields not found are listed in \"missing\". {content, format?, save?, "
                  "column?} as JSON, or the page itself as text/plain or text/html; with "
                  "save: true it is stored as a draft (201, with its id)",
       .tag = "news",
       .auth = true,
       .request_body =
           Obj({{"content", Str()}, {"format", Str()}, {"save", Bool()}, {"column", Str()}},
               json::array({"content"})),
       .other_successes = {201},
       .response = ImportedPageSchema(),
       .errors = {400, 401, 403, 413, 422},
       .body_size = http::BodySize::kUpload});  // a whole page, pictures' markup and all
}

}  // namespace kc::api
