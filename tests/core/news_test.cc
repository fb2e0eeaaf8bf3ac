#include "core/news.h"

#include <gtest/gtest.h>

namespace kc {
namespace {

NewsArticle Valid() {
  NewsArticle a;
  a.title = "“科创中国”年度工作会议召开";
  a.paragraphs = {"会议总结了一年的工作。"};
  a.tags = {"科创中国", "年度会议"};
  return a;
}

TEST(NewsArticleTest, AValidArticlePasses) { EXPECT_TRUE(ValidateNewsArticle(Valid()).ok()); }

TEST(NewsArticleTest, EachBadFieldIsNamed) {
  struct Case {
    const char* name;
    void (*spoil)(NewsArticle&);
    const char* field;
  };
  const Case cases[] = {
      {"blank title", [](NewsArticle& a) { a.title = "  "; }, "title"},
      {"long title", [](NewsArticle& a) { a.title = std::string(201, 'x'); }, "title"},
      {"no paragraph", [](NewsArticle& a) { a.paragraphs = {" "}; }, "paragraphs"},
      {"duplicate tag",
       [](NewsArticle& a) {
         a.tags = {"a", "a"};
       },
       "tags"},
      {"empty tag", [](NewsArticle& a) { a.tags = {""}; }, "tags"},
      {"image without url or caption", [](NewsArticle& a) { a.images = {NewsImage{}}; }, "images"},
      {"offset beyond 14 hours", [](NewsArticle& a) { a.utc_offset_minutes = 15 * 60; },
       "utc_offset_minutes"},
      {"long source", [](NewsArticle& a) { a.source = std::string(101, 's'); }, "source"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    NewsArticle a = Valid();
    c.spoil(a);
    Status s = ValidateNewsArticle(a);
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.kind(), ErrorKind::kInvalid);
    EXPECT_EQ(s.field(), c.field);
  }
}

TEST(NewsArticleTest, TitleLengthCountsCharactersNotBytes) {
  NewsArticle a = Valid();
  a.title.clear();
  for (int i = 0; i < 200; ++i) a.title += "新";  // 600 bytes, 200 characters
  EXPECT_TRUE(ValidateNewsArticle(a).ok());
}

TEST(NewsColumnTest, SlugAndName) {
  EXPECT_TRUE(ValidateNewsColumn(NewsColumn{0, "notices-2", "通知公告", "Notices", 1}).ok());
  EXPECT_EQ(ValidateNewsColumn(NewsColumn{0, "Notices", "通知", "", 0}).field(), "slug");
  EXPECT_EQ(ValidateNewsColumn(NewsColumn{0, "", "通知", "", 0}).field(), "slug");
  EXPECT_EQ(ValidateNewsColumn(NewsColumn{0, "a b", "通知", "", 0}).field(), "slug");
  EXPECT_EQ(ValidateNewsColumn(NewsColumn{0, "ok", " ", "", 0}).field(), "name");
}

TEST(NewsStatusTest, NamesRoundTrip) {
  for (NewsStatus s : {NewsStatus::kDraft, NewsStatus::kPublished}) {
    EXPECT_EQ(NewsStatusFromName(NewsStatusName(s)), s);
  }
  EXPECT_EQ(NewsStatusFromName("deleted"), std::nullopt);
}

TEST(ZonedTimeTest, FormatsWithTheOffset) {
  // 2021-01-19T01:35:12Z is 09:35:12 in Beijing.
  EXPECT_EQ(IsoTimeWithOffset(1611020112, 480), "2021-01-19T09:35:12+08:00");
  EXPECT_EQ(IsoTimeWithOffset(1611020112, 0), "2021-01-19T01:35:12Z");
  EXPECT_EQ(IsoTimeWithOffset(1611020112, -330), "2021-01-18T20:05:12-05:30");
  EXPECT_EQ(IsoTimeWithOffset(0, 480), "");
}

TEST(ZonedTimeTest, ParsesWhatItFormats) {
  auto t = ParseIsoTimeWithOffset("2021-01-19T09:35:12+08:00");
  ASSERT_TRUE(t.has_value());
  EXPECT_EQ(t->epoch_seconds, 1611020112);
  EXPECT_EQ(t->utc_offset_minutes, 480);
  auto z = ParseIsoTimeWithOffset("2021-01-19T01:35:12Z");
  ASSERT_TRUE(z.has_value());
  EXPECT_EQ(z->epoch_seconds, 1611020112);
  EXPECT_EQ(z->utc_offset_minutes, 0);
  auto no_seconds = ParseIsoTimeWithOffset("2021-01-19 09:35-05:00");
  ASSERT_TRUE(no_seconds.has_value());
  EXPECT_EQ(no_seconds->epoch_seconds, 1611020112 - 12 + 13 * 3600);
  EXPECT_EQ(EpochOfLocalTime(2021, 1, 19, 9, 35, 12, 480), 1611020112);
}

TEST(ZonedTimeTest, RejectsMalformedOrZonelessTimes) {
  for (const char* bad : {"", "2021-01-19", "2021-01-19T09:35:12", "2021-13-01T00:00:00Z",
                          "2021-02-29T00:00Z", "2021-01-19T24:00:00Z", "2021-01-19T09:35:12+15:00",
                          "2021-01-19T09:35:12+08:00x", "21-01-19T09:35Z"}) {
    SCOPED_TRACE(bad);
    EXPECT_FALSE(ParseIsoTimeWithOffset(bad).has_value());
  }
  EXPECT_TRUE(ParseIsoTimeWithOffset("2024-02-29T00:00Z").has_value());
}

}  // namespace
}  // namespace kc
