#include "core/news.h"

#include "core/utf8.h"


#include <cstdio>
#include <set>

namespace kc {

namespace {

bool IsBlank(std::string_view s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

// The civil date of a day count since 1970-01-01 (Howard Hinnant's algorithm).
void CivilFromDays(int64_t z, int* y, int* m, int* d) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  *d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  *m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  *y = static_cast<int>(yoe + era * 400 + (*m <= 2));
}

int64_t DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

// Reads exactly `n` digits at `*pos`.
bool Digits(std::string_view s, size_t* pos, size_t n, int* out) {
  if (*pos + n > s.size()) return false;
  int v = 0;
  for (size_t i = 0; i < n; ++i) {
    char c = s[*pos + i];
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  *pos += n;
  *out = v;
  return true;
}

bool Expect(std::string_view s, size_t* pos, char c) {
  if (*pos >= s.size() || s[*pos] != c) return false;
  ++*pos;
  return true;
}

}  // namespace

int64_t EpochOfLocalTime(int year, int month, int day, int hour, int minute, int second,
                         int utc_offset_minutes) {
  return DaysFromCivil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second -
         int64_t{utc_offset_minutes} * 60;
}

std::optional<ZonedTime> ParseIsoTimeWithOffset(std::string_view s) {
  size_t p = 0;
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0;
  if (!Digits(s, &p, 4, &y) || !Expect(s, &p, '-') || !Digits(s, &p, 2, &mo) ||
      !Expect(s, &p, '-') || !Digits(s, &p, 2, &d)) {
    return std::nullopt;
  }
  if (p >= s.size() || (s[p] != 'T' && s[p] != ' ')) return std::nullopt;
  ++p;
  if (!Digits(s, &p, 2, &h) || !Expect(s, &p, ':') || !Digits(s, &p, 2, &mi)) return std::nullopt;
  if (p < s.size() && s[p] == ':' && (++p, !Digits(s, &p, 2, &sec))) return std::nullopt;
  int offset = 0;
  if (p < s.size() && s[p] == 'Z') {
    ++p;
  } else if (p < s.size() && (s[p] == '+' || s[p] == '-')) {
    int sign = s[p++] == '-' ? -1 : 1;
    int oh = 0, om = 0;
    if (!Digits(s, &p, 2, &oh) || !Expect(s, &p, ':') || !Digits(s, &p, 2, &om) || oh > 14 ||
        om > 59) {
      return std::nullopt;
    }
    offset = sign * (oh * 60 + om);
  } else {
    return std::nullopt;  // a time without a zone is ambiguous
  }
  if (p != s.size()) return std::nullopt;
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1900 || mo < 1 || mo > 12 || d < 1 || d > kDays[mo - 1] || h > 23 || mi > 59 ||
      sec > 59) {
    return std::nullopt;
  }
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  if (mo == 2 && d == 29 && !leap) return std::nullopt;
  return ZonedTime{EpochOfLocalTime(y, mo, d, h, mi, sec, offset), offset};
}

std::string_view NewsStatusName(NewsStatus status) {
  return status == NewsStatus::kPublished ? "published" : "draft";
}

std::optional<NewsStatus> NewsStatusFromName(std::string_view name) {
  if (name == "draft") return NewsStatus::kDraft;
  if (name == "published") return NewsStatus::kPublished;
  return std::nullopt;
}

Status ValidateNewsArticle(const NewsArticle& a) {
  if (IsBlank(a.title)) return Invalid("title", "required", "an article needs a title");
  if (Utf8Length(a.title) > kNewsTitleMax) {
    return Invalid("title", "too_long", "the title has more than 200 characters");
  }
  bool has_text = false;
  for (const auto& p : a.paragraphs) has_text = has_text || !IsBlank(p);
  if (!has_text)
    return Invalid("paragraphs", "required", "an article needs at least one paragraph");
  if (a.paragraphs.size() > kNewsParagraphsMax) {
    return Invalid("paragraphs", "too_many", "an article has at most 500 paragraphs");
  }
  if (a.images.size() > 100) return Invalid("images", "too_many", "at most 100 images");
  for (const auto& img : a.images) {
    if (IsBlank(img.url) && IsBlank(img.caption)) {
      return Invalid("images", "invalid_image", "an image needs a url or a caption");
    }
  }
  if (a.tags.size() > kNewsTagsMax) return Invalid("tags", "too_many", "at most 20 tags");
  std::set<std::string> seen;
  for (const auto& t : a.tags) {
    if (IsBlank(t) || Utf8Length(t) > 30) {
      return Invalid("tags", "invalid_tag", "a tag has 1 to 30 characters");
    }
    if (!seen.insert(t).second) return Invalid("tags", "duplicate_tag", "tag repeated: " + t);
  }
  for (const auto* f : {&a.source, &a.author, &a.editor, &a.dateline}) {
    if (Utf8Length(*f) > 100) {
      const char* name = f == &a.source   ? "source"
                         : f == &a.author ? "author"
                         : f == &a.editor ? "editor"
                                          : "dateline";
      return Invalid(name, "too_long", std::string(name) + " has more than 100 characters");
    }
  }
  if (a.utc_offset_minutes < -14 * 60 || a.utc_offset_minutes > 14 * 60) {
    return Invalid("utc_offset_minutes", "invalid_offset", "the offset is within ±14 hours");
  }
  return Status::Ok();
}

Status ValidateNewsColumn(const NewsColumn& c) {
  if (c.slug.empty() || c.slug.size() > 40) {
    return Invalid("slug", "invalid_slug", "a slug has 1 to 40 characters");
  }
  for (char ch : c.slug) {
    bool ok = (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-';
    if (!ok) return Invalid("slug", "invalid_slug", "a slug uses a-z, 0-9 and '-'");
  }
  if (IsBlank(c.name)) return Invalid("name", "required", "a column needs a name");
  if (Utf8Length(c.name) > 40 || Utf8Length(c.name_en) > 60) {
    return Invalid("name", "too_long", "the column's name is too long");
  }
  return Status::Ok();
}

std::string IsoTimeWithOffset(int64_t t, int offset_minutes) {
  if (t == 0) return "";
  int64_t local = t + int64_t{offset_minutes} * 60;
  int64_t days = local >= 0 ? local / 86400 : (local - 86399) / 86400;
  int64_t secs = local - days * 86400;
  int y = 0, m = 0, d = 0;
  CivilFromDays(days, &y, &m, &d);
  char buf[40];
  if (offset_minutes == 0) {
    std::snprintf(buf, sizeof(buf), "%04d-%02d-%02dT%02d:%02d:%02dZ", y, m, d,
                  static_cast<int>(secs / 3600), static_cast<int>(secs / 60 % 60),
                  static_cast<int>(secs % 60));
  } else {
    int off = offset_minutes < 0 ? -offset_minutes : offset_minutes;
    std::snprintf(buf, sizeof(buf), "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", y, m, d,
                  static_cast<int>(secs / 3600), static_cast<int>(secs / 60 % 60),
                  static_cast<int>(secs % 60), offset_minutes < 0 ? '-' : '+', off / 60, off % 60);
  }
  return buf;
}

}  // namespace kc
