// /news: articles, columns, tags, the Atom feed, and page import (新闻资讯).
#include "api/json_io.h"
#include "api/routes.h"
#include "api/schemas.h"
#include "core/iso_time.h"
#include "core/utf8.h"
#include "importers/news_page_parser.h"
#include "importers/page_encoding.h"
#include "service/news_feed.h"
#include "service/news_policy.h"

namespace kc::api {

namespace {

using http::bhttp::verb;

constexpr size_t kImportMaxBytes = 2 * 1024 * 1024;

json ImagesJson(const std::vector<NewsImage>& images) {
  json arr = json::array();
  for (const auto& i : images) {
    arr.push_back({{"url", i.url}, {"caption", i.caption}, {"credit", i.credit}});
  }
  return arr;
}

std::string OffsetText(int minutes) {
  char buf[16];
  int m = minutes < 0 ? -minutes : minutes;
  std::snprintf(buf, sizeof(buf), "%c%02d:%02d", minutes < 0 ? '-' : '+', m / 60, m % 60);
  return buf;
}

// The breadcrumb trail of an article page: 首页 > 新闻资讯 > its column.
json BreadcrumbsJson(const NewsArticle& a, const std::vector<NewsColumn>& columns) {
  json crumbs = json::array({{{"label", "首页"}, {"label_en", "Home"}, {"path", "/"}},
                             {{"label", "新闻资讯"}, {"label_en", "News"}, {"path", "/news"}}});
  for (const auto& c : columns) {
    if (c.slug == a.column) {
      crumbs.push_back(
          {{"label", c.name}, {"label_en", c.name_en}, {"path", "/news?column=" + c.slug}});
    }
  }
  return crumbs;
}

json ArticleJson(const NewsArticle& a, const std::vector<NewsColumn>& columns, bool full) {
  json j = {{"id", a.id},
            {"title", a.title},
            {"source", a.source},
            {"author", a.author},
            {"editor", a.editor},
            {"dateline", a.dateline},
            {"published_at", IsoTimeWithOffset(a.published_at, a.utc_offset_minutes)},
            {"time_zone", OffsetText(a.utc_offset_minutes)},
            {"column", a.column},
            {"tags", a.tags},
            {"status", NewsStatusName(a.status)},
            {"created_at", IsoTime(a.created_at)},
            {"updated_at", IsoTime(a.updated_at)}};
  for (const auto& c : columns) {
    if (c.slug == a.column) j["column_name"] = {{"zh", c.name}, {"en", c.name_en}};
  }
  if (full) {
    j["paragraphs"] = a.paragraphs;
    j["images"] = ImagesJson(a.images);
    j["breadcrumbs"] = BreadcrumbsJson(a, columns);
  } else {
    j["summary"] = a.paragraphs.empty() ? "" : a.paragraphs.front();
    j["image"] = a.images.empty() || a.images.front().url.empty() ? "" : a.images.front().url;
  }
  return j;
}

json ColumnJson(const NewsColumn& c) {
  return {{"id", c.id},
          {"slug", c.slug},
          {"name", c.name},
          {"name_en", c.name_en},
          {"position", c.position}};
}

Status ReadStringList(const json& body, const char* name, std::vector<std::string>* out) {
  if (!body.contains(name) || body[name].is_null()) return Status::Ok();
  const json& v = body[name];
  if (!v.is_array()) return Invalid(name, "invalid_type", std::string(name) + " is a list");
  out->clear();
  for (const auto& e : v) {
    if (!e.is_string()) {
      return Invalid(name, "invalid_type", std::string(name) + " holds strings");
    }
    out->push_back(e.get<std::string>());
  }
  return Status::Ok();
}

Status ReadImages(const json& body, std::vector<NewsImage>* out) {
  if (!body.contains("images") || body["images"].is_null()) return Status::Ok();
  const json& v = body["images"];
  if (!v.is_array()) return Invalid("images", "invalid_type", "images is a list");
  out->clear();
  for (const auto& e : v) {
    if (!e.is_object()) {
      return Invalid("images", "invalid_type", "an image is {url, caption, credit}");
    }
    NewsImage img;
    for (auto [key, field] : {std::pair{"url", &img.url}, std::pair{"caption", &img.caption},
                              std::pair{"credit", &img.credit}}) {
      if (e.contains(key) && !e[key].is_null()) {
        if (!e[key].is_string()) {
          return Invalid("images", "invalid_type",
                         std::string("an image's ") + key + " is a string");
        }
        *field = e[key].get<std::string>();
      }
    }
    for (const auto& [key, _] : e.items()) {
      if (key != "url" && key != "caption" && key != "credit") {
        return BadInput("unknown_field", "unknown image field: " + key, "images");
      }
    }
    out->push_back(std::move(img));
  }
  return Status::Ok();
}

// Applies the fields present in `body` to `a` (create and PATCH share it).
Status ReadArticle(const json& body, NewsArticle* a) {
  std::optional<std::string> text;
  for (auto [name, field] :
       {std::pair{"title", &a->title}, std::pair{"source", &a->source},
        std::pair{"author", &a->author}, std::pair{"editor", &a->editor},
        std::pair{"dateline", &a->dateline}, std::pair{"column", &a->column}}) {
    KC_RETURN_IF_ERROR(OptString(body, name, &text));
    if (text) *field = *text;
    text.reset();
  }
  KC_RETURN_IF_ERROR(OptString(body, "published_at", &text));
  if (text) {
    if (text->empty()) {
      a->published_at = 0;
    } else {
      auto t = ParseIsoTimeWithOffset(*text);
      if (!t) {
        return Invalid("published_at", "invalid_time",
                       "published_at is an ISO 8601 time with its zone, e.g. "
                       "2021-01-19T09:35:12+08:00");
      }
      a->published_at = t->epoch_seconds;
      a->utc_offset_minutes = t->utc_offset_minutes;
    }
  }
  KC_RETURN_IF_ERROR(ReadStringList(body, "paragraphs", &a->paragraphs));
  KC_RETURN_IF_ERROR(ReadStringList(body, "tags", &a->tags));
  return ReadImages(body, &a->images);
}

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
  for (const auto& t : *tags) items.push_back({{"tag", t.tag}, {"count", t.count}});
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

json ParsedJson(const ParsedNewsPage& p) {
  return {{"title", p.title},
          {"published_at", IsoTimeWithOffset(p.published_at, p.utc_offset_minutes)},
          {"local_time", p.local_time},
          {"time_zone", p.published_at ? OffsetText(p.utc_offset_minutes) : ""},
          {"source", p.source},
          {"author", p.author},
          {"dateline", p.dateline},
          {"editor", p.editor},
          {"paragraphs", p.paragraphs},
          {"images", ImagesJson(p.images)},
          {"breadcrumbs", p.breadcrumbs},
          {"missing", p.missing},
          {"assumed", p.assumed},
          {"format", p.format == PageFormat::kHtml ? "html" : "text"}};
}

http::Response Import(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, ctx.Authenticate(req, true));
  if (!actor->signed_in()) return http::ErrorResponse(Unauthorized());
  if (!CanWriteNews(*actor)) {
    return http::ErrorResponse(Forbidden("only editors and admins import news pages"));
  }
  std::string content;
  PageFormat format = PageFormat::kAuto;
  std::optional<bool> save;
  std::optional<std::string> column;
  std::string_view type = req.Header(http::bhttp::field::content_type);
  if (type.rfind("text/html", 0) == 0) {
    content = req.body();
    format = PageFormat::kHtml;
  } else if (type.rfind("text/plain", 0) == 0) {
    content = req.body();
    format = PageFormat::kText;
  } else {
    KC_ASSIGN_OR_RESPOND(body, ParseObject(req));
    std::optional<std::string> fmt;
    Status s = AllowOnly(*body, {"content", "format", "save", "column"});
    if (s.ok()) s = RequireString(*body, "content", &content);
    if (s.ok()) s = OptString(*body, "format", &fmt);
    if (s.ok()) s = OptBool(*body, "save", &save);
    if (s.ok()) s = OptString(*body, "column", &column);
    if (s.ok() && fmt && !fmt->empty() && *fmt != "auto") {
      if (*fmt == "text") {
        format = PageFormat::kText;
      } else if (*fmt == "html") {
        format = PageFormat::kHtml;
      } else {
        s = Invalid("format", "invalid_format", "format is text, html or auto");
      }
    }
    if (!s.ok()) return http::ErrorResponse(s);
  }
  if (content.size() > kImportMaxBytes) {
    return http::ErrorResponse(
        Status::Error(ErrorKind::kTooLarge, "too_large", "a page is at most 2 MiB"));
  }
  if (!IsValidUtf8(content)) {  // a page sent as it is: GB2312, GBK, Big5 … (docs/news-import.md)
    auto decoded = DecodePageToUtf8(content, CharsetOfContentType(type));
    if (!decoded.ok()) return http::ErrorResponse(decoded.status());
    content = std::move(*decoded);
  }
  if (content.find_first_not_of(" \t\r\n") == std::string::npos) {
    return http::ErrorResponse(Invalid("content", "required", "the page is empty"));
  }
  ParsedNewsPage parsed = ParseNewsPage(content, format);
  json out = ParsedJson(parsed);
  if (save.value_or(false)) {
    NewsArticle a;
    a.title = parsed.title;
    a.source = parsed.source;
    a.author = parsed.author;
    a.editor = parsed.editor;
    a.dateline = parsed.dateline;
    a.published_at = parsed.published_at;
    a.utc_offset_minutes = parsed.utc_offset_minutes;
    a.paragraphs = parsed.paragraphs;
    a.images = parsed.images;
    a.column = column.value_or("");
    KC_ASSIGN_OR_RESPOND(created, ctx.news->Create(*actor, a, false));
    out["id"] = created->id;
    return JsonResponse(201, out);
  }
  return JsonResponse(200, out);
}

}  // namespace

void RegisterNewsRoutes(http::Router& router, Context& ctx) {
  using namespace schema;
  json image = Obj({{"url", Str()}, {"caption", Str()}, {"credit", Str()}});
  json images = {{"type", "array"}, {"items", image}};
  json crumb = Obj({{"label", Str()}, {"label_en", Str()}, {"path", Str()}});
  json article = Obj({{"id", Int()},
                      {"title", Str()},
                      {"source", Str()},
                      {"author", Str()},
                      {"editor", Str()},
                      {"dateline", Str()},
                      {"published_at", Str()},
                      {"time_zone", Str()},
                      {"column", Str()},
                      {"tags", StrList()},
                      {"status", Enum({"draft", "published"})},
                      {"created_at", Time()},
                      {"updated_at", Time()},
                      {"column_name", Obj({{"zh", Str()}, {"en", Str()}}, {"zh", "en"})},
                      // GET /news/{id} and writes: the whole text.
                      {"paragraphs", StrList()},
                      {"images", images},
                      {"breadcrumbs", ListOf(crumb)},
                      // Lists: the first paragraph and the first image's URL.
                      {"summary", Str()},
                      {"image", Str()}},
                     {"id", "title", "published_at", "time_zone", "column", "tags", "status"});
  json input = Obj({{"title", Str()},
                    {"source", Str()},
                    {"author", Str()},
                    {"editor", Str()},
                    {"dateline", Str()},
                    {"published_at", Str()},
                    {"column", Str()},
                    {"paragraphs", StrList()},
                    {"images", images},
                    {"tags", StrList()}});
  json create = input;
  create["properties"]["publish"] = Bool();
  create["required"] = json::array({"title", "paragraphs"});
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
              .request_body = create,
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
              .request_body = input,
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
  json column = Obj(
      {{"id", Int()}, {"slug", Str()}, {"name", Str()}, {"name_en", Str()}, {"position", Int()}});
  router.Add(verb::get, "/api/v1/news/columns",
             Guarded([&ctx](http::Request& r) { return ListColumns(ctx, r); }),
             {.summary = "The news columns (栏目), in menu order",
              .tag = "news",
              .response = Obj({{"items", {{"type", "array"}, {"items", column}}}})});
  router.Add(verb::post, "/api/v1/news/columns",
             Guarded([&ctx](http::Request& r) { return CreateColumn(ctx, r); }),
             {.summary = "Add a column (editors)",
              .tag = "news",
              .auth = true,
              .request_body =
                  Obj({{"slug", Str()}, {"name", Str()}, {"name_en", Str()}, {"position", Int()}},
                      json::array({"slug", "name"})),
              .success_status = 201,
              .response = column,
              .errors = {400, 401, 403, 409, 422}});
  router.Add(
      verb::get, "/api/v1/news/tags",
      Guarded([&ctx](http::Request& r) { return ListTags(ctx, r); }),
      {.summary = "Tags of published articles, most used first",
       .tag = "news",
       .response = Obj(
           {{"items", {{"type", "array"}, {"items", Obj({{"tag", Str()}, {"count", Int()}})}}}})});
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
       .response = Obj({{"title", Str()},
                        {"published_at", Str()},
                        {"local_time", Str()},
                        {"time_zone", Str()},
                        {"source", Str()},
                        {"author", Str()},
                        {"dateline", Str()},
                        {"editor", Str()},
                        {"paragraphs", StrList()},
                        {"images", images},
                        {"breadcrumbs", StrList()},
                        {"missing", StrList()},
                        {"assumed", StrList()},
                        {"format", Str()},
                        {"id", Int()}}),
       .errors = {400, 401, 403, 413, 422},
       .body_size = http::BodySize::kUpload});  // a whole page, pictures' markup and all
}

}  // namespace kc::api
