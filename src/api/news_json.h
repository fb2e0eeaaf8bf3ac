// JSON of the news (新闻资讯): articles, columns, tags and imported pages. Each writer stands
// beside the OpenAPI schema of what it writes, and the routes document their responses with
// those schemas, so the two change together; the response check (docs/api.md, "The document is
// checked") and tests/api/news_json_test.cc compare them.
#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "core/news.h"
#include "core/status.h"
#include "service/news.h"

namespace kc::api {

// An article. `full` (GET /news/{id} and every write) carries its paragraphs, images and
// breadcrumbs; a list item (`full` false) carries instead its first paragraph as "summary" and
// its first image's URL as "image". `columns` name the article's column ("column_name", left
// out when the column is not among them). The time is written in the article's own zone.
nlohmann::json ArticleJson(const NewsArticle& article, const std::vector<NewsColumn>& columns,
                           bool full);
// The schema of ArticleJson, both forms.
nlohmann::json ArticleSchema();

// What writing an article takes: every field optional (PATCH /news/{id}), or title and
// paragraphs required and "publish" besides (POST /news).
nlohmann::json ArticleInputSchema(bool for_create);
// Applies the editable fields present in `body` to `article` (create and PATCH): strings, an
// ISO 8601 published_at with its zone ("" clears it), lists of paragraphs, tags and images
// ({url, caption, credit}). 422 naming the field for a wrong type or a bad time, 400
// "unknown_field" for an unknown image field. Other fields of `body` are not looked at.
Status ReadArticle(const nlohmann::json& body, NewsArticle* article);

// A column (栏目).
nlohmann::json ColumnJson(const NewsColumn& column);
nlohmann::json ColumnSchema();
// What adding a column takes (slug and name required).
nlohmann::json ColumnInputSchema();

// A tag with the number of published articles carrying it.
nlohmann::json TagCountJson(const NewsTagCount& tag);
nlohmann::json TagCountSchema();

// What page import found in a news page (docs/news-import.md, "What comes back"), with the
// stored draft's "id" when it was saved. The time is in the page's zone; "" (and "time_zone"
// "") when the page has none.
nlohmann::json ImportedPageJson(const ImportedNewsPage& imported);
nlohmann::json ImportedPageSchema();

}  // namespace kc::api
