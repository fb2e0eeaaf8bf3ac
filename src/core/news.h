// 新闻资讯: news articles, the columns (栏目) they appear in, and their validation.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace kc {

// An image of an article with its caption (图片说明) and photo credit ("孙自法 摄").
struct NewsImage {
  std::string url;  // may be empty for an imported plain-text page
  std::string caption;
  std::string credit;
};

// Where an article is in its life: editors see drafts, visitors only published articles.
enum class NewsStatus { kDraft, kPublished };
std::string_view NewsStatusName(NewsStatus status);
std::optional<NewsStatus> NewsStatusFromName(std::string_view name);

// 新闻: one article.
struct NewsArticle {
  int64_t id = 0;
  std::string title;
  std::string source;            // 来源, e.g. 中国新闻网
  std::string author;            // 记者 / 作者
  std::string editor;            // 编辑
  std::string dateline;          // 电头, e.g. 中新网北京1月18日电
  int64_t published_at = 0;      // seconds since the epoch (UTC); 0 until published
  int utc_offset_minutes = 480;  // the zone the time is shown in (+08:00 by default)
  std::vector<std::string> paragraphs;
  std::vector<NewsImage> images;
  std::string column;  // the slug of its 栏目, may be empty
  std::vector<std::string> tags;
  NewsStatus status = NewsStatus::kDraft;
  int64_t created_by = 0;
  int64_t created_at = 0;
  int64_t updated_at = 0;
};

// 栏目: a column of the news section, addressed by its slug ("notices").
struct NewsColumn {
  int64_t id = 0;
  std::string slug;
  std::string name;     // Chinese name, e.g. 通知公告
  std::string name_en;  // English name
  int position = 0;     // order in menus
};

// Limits on an article's fields.
inline constexpr size_t kNewsTitleMax = 200;
inline constexpr size_t kNewsParagraphsMax = 500;
inline constexpr size_t kNewsTagsMax = 20;

// Checks an article's fields: a title (1..kNewsTitleMax characters), at least one paragraph,
// bounded counts, tags of 1..30 characters without duplicates, an offset within ±14 hours.
// Returns 422 naming the first bad field.
Status ValidateNewsArticle(const NewsArticle& article);

// Checks a column: slug of lower-case ASCII letters, digits and '-' (1..40), a Chinese name.
Status ValidateNewsColumn(const NewsColumn& column);

// Formats a time with an offset as ISO 8601 ("2021-01-19T09:35:12+08:00"); 0 gives "".
std::string IsoTimeWithOffset(int64_t epoch_seconds, int utc_offset_minutes);

// A local time and its offset read from "2021-01-19T09:35:12+08:00" (also "…Z", a space for
// "T", and without seconds); nullopt when malformed or out of range.
struct ZonedTime {
  int64_t epoch_seconds = 0;
  int utc_offset_minutes = 0;
};
std::optional<ZonedTime> ParseIsoTimeWithOffset(std::string_view text);

// Seconds since the epoch of a civil date and time at `utc_offset_minutes`; the fields are not
// range-checked here (the callers check them).
int64_t EpochOfLocalTime(int year, int month, int day, int hour, int minute, int second,
                         int utc_offset_minutes);

}  // namespace kc
