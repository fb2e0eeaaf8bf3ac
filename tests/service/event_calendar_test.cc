#include "service/event_calendar.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace kc {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

std::string Unfold(std::string text) {
  for (size_t at; (at = text.find("\r\n ")) != std::string::npos;) text.erase(at, 3);
  return text;
}

Event Sample() {
  Event e;
  e.id = 17;
  e.title = "新能源路演";
  e.description = "储能专场";
  e.starts_at = 1778029200;  // 2026-05-06T01:00:00Z
  e.ends_at = 1778043600;
  e.updated_at = 1778000000;
  e.venue = "杭州国际博览中心";
  e.status = EventStatus::kPublished;
  return e;
}

TEST(EventCalendarTest, OneVeventPerEventWithItsLinkAndUid) {
  Event online = Sample();
  online.id = 18;
  online.venue.clear();
  online.online_url = "https://meet.example.cn/j/1";
  online.status = EventStatus::kCancelled;
  const std::string ics = Unfold(EventCalendar(
      {Sample(), online}, {"https://kc.example.org:8443", "科创 · 活动", 1777000000}));
  EXPECT_THAT(ics, HasSubstr("\r\nUID:event-17@kc.example.org:8443\r\n"));
  EXPECT_THAT(ics, HasSubstr("\r\nURL:https://kc.example.org:8443/events/17\r\n"));
  EXPECT_THAT(ics, HasSubstr("\r\nLOCATION:杭州国际博览中心\r\n"));
  EXPECT_THAT(ics, HasSubstr("\r\nDESCRIPTION:储能专场\r\n"));
  EXPECT_THAT(ics, HasSubstr("\r\nLOCATION:https://meet.example.cn/j/1\r\n"));
  EXPECT_THAT(ics, HasSubstr("\r\nDESCRIPTION:储能专场\\n\\nhttps://meet.example.cn/j/1\r\n"));
  EXPECT_THAT(ics, HasSubstr("\r\nSTATUS:CANCELLED\r\n"));
  EXPECT_THAT(ics, HasSubstr("\r\nX-WR-CALNAME:科创 · 活动\r\n"));
  EXPECT_THAT(ics, HasSubstr("\r\nLAST-MODIFIED:"));
}

TEST(EventCalendarTest, AnEmptyFeedIsAValidCalendar) {
  const std::string ics = EventCalendar({}, {"http://127.0.0.1:8080", "c", 0});
  EXPECT_THAT(ics, HasSubstr("BEGIN:VCALENDAR\r\n"));
  EXPECT_THAT(ics, HasSubstr("END:VCALENDAR\r\n"));
  EXPECT_THAT(ics, Not(HasSubstr("VEVENT")));
}

}  // namespace
}  // namespace kc
