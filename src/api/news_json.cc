#include "api/news_json.h"

#include <cstdio>

#include "api/json_io.h"
#include "api/schemas.h"
#include "core/iso_time.h"

namespace kc::api {

using nlohmann::json;

namespace {

std::string OffsetText(int minutes) {
  char buf[16];
  int m = minutes < 0 ? -minutes : minutes;
  std::snprintf(buf, sizeof(buf), "%c%02d:%02d", minutes < 0 ? '-' : '+', m / 60, m % 60);
  return buf;
}

json ImagesJson(const std::vector<NewsImage>& images) {
  json arr = json::array();
  for (const auto& i : images) {
    arr.push_back({{"url", i.url}, {"caption", i.caption}, {"credit", i.credit}});
  }
  return arr;
}

json ImagesSchema() {
  using namespace schema;
  return ListOf(Obj({{"url", Str()}, {"caption", Str()}, {"credit", Str()}}));
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

}  // namespace

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

json ArticleSchema() {
  using namespace schema;
  json crumb = Obj({{"label", Str()}, {"label_en", Str()}, {"path", Str()}});
  return Obj({{"id", Int()},
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
              {"images", ImagesSchema()},
              {"breadcrumbs", ListOf(crumb)},
              // Lists: the first paragraph and the first image's URL.
              {"summary", Str()},
              {"image", Str()}},
             {"id", "title", "published_at", "time_zone", "column", "tags", "status"});
}

json ArticleInputSchema(bool for_create) {
  using namespace schema;
  json input = Obj({{"title", Str()},
                    {"source", Str()},
                    {"author", Str()},
                    {"editor", Str()},
                    {"dateline", Str()},
                    {"published_at", Str()},
                    {"column", Str()},
                    {"paragraphs", StrList()},
                    {"images", ImagesSchema()},
                    {"tags", StrList()}});
  if (for_create) {
    input["properties"]["publish"] = Bool();
    input["required"] = json::array({"title", "paragraphs"});
  }
  return input;
}

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

json ColumnJson(const NewsColumn& c) {
  return {{"id", c.id},
          {"slug", c.slug},
          {"name", c.name},
          {"name_en", c.name_en},
          {"position", c.position}};
}

json ColumnSchema() {
  using namespace schema;
  return Obj(
      {{"id", Int()}, {"slug", Str()}, {"name", Str()}, {"name_en", Str()}, {"position", Int()}});
}

json ColumnInputSchema() {
  using namespace schema;
  return Obj({{"slug", Str()}, {"name", Str()}, {"name_en", Str()}, {"position", Int()}},
             json::array({"slug", "name"}));
}

json TagCountJson(const NewsTagCount& t) { return {{"tag", t.tag}, {"count", t.count}}; }

json TagCountSchema() {
  using namespace schema;
  return Obj({{"tag", Str()}, {"count", Int()}});
}

json ImportedPageJson(const ImportedNewsPage& imported) {
  const ParsedNewsPage& p = imported.page;
  json j = {{"title", p.title},
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
  if (imported.saved) j["id"] = imported.saved->id;
  return j;
}

json ImportedPageSchema() {
  using namespace schema;
  return Obj({{"title", Str()},
              {"published_at", Str()},
              {"local_time", Str()},
              {"time_zone", Str()},
              {"source", Str()},
              {"author", Str()},
              {"dateline", Str()},
              {"editor", Str()},
              {"paragraphs", StrList()},
              {"images", ImagesSchema()},
              {"breadcrumbs", StrList()},
              {"missing", StrList()},
              {"assumed", StrList()},
              {"format", Str()},
              {"id", Int()}});
}

}  // namespace kc::api
