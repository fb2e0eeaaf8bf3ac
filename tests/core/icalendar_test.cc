#include "core/icalendar.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

namespace kc {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

// The physical lines of `text`, which must end every line with CRLF.
std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  size_t at = 0;
  while (at < text.size()) {
    const size_t end = text.find("\r\n", at);
    EXPECT_NE(end, std::string::npos) << "a line without CRLF";
    if (end == std::string::npos) break;
    out.push_back(text.substr(at, end - at));
    at = end + 2;
  }
  return out;
}

// `text` unfolded: every CRLF followed by a space removed.
std::string Unfold(std::string text) {
  for (size_t at; (at = text.find("\r\n ")) != std::string::npos;) text.erase(at, 3);
  return text;
}

TEST(ICalendarTest, EscapesTextValues) {
  EXPECT_EQ(EscapeCalendarText("a,b;c\\d"), "a\\,b\\;c\\\\d");
  EXPECT_EQ(EscapeCalendarText("one\r\ntwo\nthree\rfour"), "one\\ntwo\\nthree\\nfour");
  EXPECT_EQ(EscapeCalendarText(std::string("bell\x07!")), "bell!");
  EXPECT_EQ(EscapeCalendarText("对接会：上午9点"), "对接会：上午9点");
}

TEST(ICalendarTest, FoldsAt75OctetsWithoutSplittingCharacters) {
  EXPECT_EQ(FoldCalendarLine("SUMMARY:short"), "SUMMARY:short\r\n");
  std::string ascii = "DESCRIPTION:" + std::string(200, 'x');
  std::string folded = FoldCalendarLine(ascii);
  for (const std::string& l : Lines(folded)) EXPECT_LE(l.size(), 75u);
  EXPECT_EQ(Unfold(folded), ascii + "\r\n");

  std::string chinese = "SUMMARY:";
  for (int i = 0; i < 60; ++i) chinese += "技";  // 3 octets each
  folded = FoldCalendarLine(chinese);
  const auto lines = Lines(folded);
  ASSERT_GT(lines.size(), 2u);
  for (size_t i = 0; i < lines.size(); ++i) {
    EXPECT_LE(lines[i].size(), 75u);
    if (i > 0) {
      EXPECT_EQ(lines[i][0], ' ');
    }
    // Each physical line holds whole characters: it does not start inside one (after the space).
    const unsigned char first = static_cast<unsigned char>(lines[i][i > 0 ? 1 : 0]);
    EXPECT_NE(first & 0xC0, 0x80) << i;
  }
  EXPECT_EQ(Unfold(folded), chinese + "\r\n");
}

TEST(ICalendarTest, WritesACalendar) {
  CalendarEvent e;
  e.uid = "event-7@kc.example.org";
  e.starts_at = 1778029200;  // 2026-05-06T01:00:00Z (09:00 in Shanghai)
  e.ends_at = 1778043600;
  e.modified_at = 1778000000;
  e.summary = "长三角技术对接会, 第二场; 新能源";
  e.description = "第一行\n第二行";
  e.location = "杭州国际博览中心";
  e.url = "https://kc.example.org/events/7";
  CalendarEvent gone = e;
  gone.uid = "event-8@kc.example.org";
  gone.cancelled = true;
  gone.url.clear();
  gone.description.clear();
  const std::string ics = WriteCalendar("科创 · 活动", {e, gone}, 1777000000);
  const auto lines = Lines(ics);
  ASSERT_FALSE(lines.empty());
  EXPECT_EQ(lines.front(), "BEGIN:VCALENDAR");
  EXPECT_EQ(lines.back(), "END:VCALENDAR");
  for (const std::string& l : lines) EXPECT_LE(l.size(), 75u) << l;
  const std::string text = Unfold(ics);
  EXPECT_THAT(text, HasSubstr("\r\nVERSION:2.0\r\n"));
  EXPECT_THAT(text, HasSubstr("\r\nPRODID:"));
  EXPECT_THAT(text, HasSubstr("\r\nUID:event-7@kc.example.org\r\n"));
  EXPECT_THAT(text, HasSubstr("\r\nDTSTART:20260506T010000Z\r\n"));
  EXPECT_THAT(text, HasSubstr("\r\nDTEND:20260506T050000Z\r\n"));
  EXPECT_THAT(text, HasSubstr("\r\nDTSTAMP:20260424T030640Z\r\n"));
  EXPECT_THAT(text, HasSubstr("\r\nSUMMARY:长三角技术对接会\\, 第二场\\; 新能源\r\n"));
  EXPECT_THAT(text, HasSubstr("\r\nDESCRIPTION:第一行\\n第二行\r\n"));
  EXPECT_THAT(text, HasSubstr("\r\nURL:https://kc.example.org/events/7\r\n"));
  EXPECT_THAT(text, HasSubstr("\r\nSTATUS:CONFIRMED\r\n"));
  EXPECT_THAT(text, HasSubstr("\r\nSTATUS:CANCELLED\r\n"));
  int begins = 0;
  for (const std::string& l : lines) begins += l == "BEGIN:VEVENT" ? 1 : 0;
  EXPECT_EQ(begins, 2);
  EXPECT_THAT(WriteCalendar("empty", {}, 0), Not(HasSubstr("VEVENT")));
}

TEST(ICalendarTest, AnInstantEventLastsAMinute) {
  CalendarEvent e;
  e.uid = "x";
  e.starts_at = e.ends_at = 1778029200;
  e.summary = "s";
  EXPECT_THAT(WriteCalendar("c", {e}, 0), HasSubstr("DTEND:20260506T010100Z"));
}

}  // namespace
}  // namespace kc
