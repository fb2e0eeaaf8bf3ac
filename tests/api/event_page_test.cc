// An event's server-written page and the event list.
#include "api/event_page.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace kc::api {
namespace {

using nlohmann::json;
using ::testing::HasSubstr;
using ::testing::Not;

EventView View() {
  EventView v;
  v.event.id = 7;
  v.event.org_id = 3;
  v.event.kind = EventKind::kRoadshow;
  v.event.title = "新能源<路演>";
  v.event.description = "第一段<script>alert(1)</script>\n第二段";
  v.event.starts_at = 1778029200;  // 2026-05-06T09:00:00+08:00
  v.event.ends_at = 1778043600;    // 13:00
  v.event.venue = "杭州";
  v.event.online_url = "https://meet.example.cn/1";
  v.event.capacity = 100;
  v.event.status = EventStatus::kPublished;
  v.org_name = "甲公司";
  Listing l;
  l.id = 11;
  l.kind = ListingKind::kAchievement;
  l.title = "储能成果";
  v.listings = {l};
  v.counts = {40, 0, 0};
  v.deals_opened = 4;
  return v;
}

TEST(EventPageTest, EventJsonLdTimesPlaceAndEscapedText) {
  PageText text;
  PageContent page = EventPage(View(), text, "zh-CN", "http://example.org", 1778000000);
  json ld = json::parse(ScriptJson(page.json_ld));
  EXPECT_EQ(ld["@type"], "Event");
  EXPECT_EQ(ld["startDate"], "2026-05-06T09:00:00+08:00");
  EXPECT_EQ(ld["endDate"], "2026-05-06T13:00:00+08:00");
  EXPECT_EQ(ld["eventStatus"], "https://schema.org/EventScheduled");
  EXPECT_EQ(ld["eventAttendanceMode"], "https://schema.org/MixedEventAttendanceMode");
  EXPECT_EQ(ld["location"].size(), 2u);
  EXPECT_EQ(ld["organizer"]["url"], "http://example.org/orgs/3");
  EXPECT_EQ(ld["maximumAttendeeCapacity"], 100);
  EXPECT_EQ(page.path, "/events/7");
  EXPECT_THAT(page.body_html, HasSubstr("新能源&lt;路演&gt;"));
  EXPECT_THAT(page.body_html, Not(HasSubstr("<script>")));
  EXPECT_THAT(page.body_html, HasSubstr("2026-05-06 09:00 – 13:00 (UTC+08:00)"));
  EXPECT_THAT(page.body_html, HasSubstr("href=\"/achievements/11\""));
  EXPECT_THAT(page.body_html, HasSubstr("href=\"/api/v1/events/7/calendar.ics\""));
  EXPECT_THAT(page.body_html, HasSubstr("href=\"https://meet.example.cn/1\""));
  // Before the end the deals are not counted on the page; after it they are.
  EXPECT_THAT(page.body_html, Not(HasSubstr("events.dealsOpened")));
  PageContent after = EventPage(View(), text, "zh-CN", "http://example.org", 1778043600);
  EXPECT_THAT(after.body_html, HasSubstr("events.dealsOpened"));
}

TEST(EventPageTest, CancelledOnlineOnlyAndAnUnsafeLink) {
  EventView v = View();
  v.event.status = EventStatus::kCancelled;
  v.event.venue.clear();
  v.event.capacity = 0;
  PageText text;
  json ld = EventPage(v, text, "en", "http://example.org", 0).json_ld;
  EXPECT_EQ(ld["eventStatus"], "https://schema.org/EventCancelled");
  EXPECT_EQ(ld["eventAttendanceMode"], "https://schema.org/OnlineEventAttendanceMode");
  EXPECT_EQ(ld["location"]["@type"], "VirtualLocation");
  EXPECT_FALSE(ld.contains("maximumAttendeeCapacity"));
  v.event.online_url = "javascript:alert(1)";
  v.event.venue = "会场";
  const std::string html = EventPage(v, text, "en", "http://example.org", 0).body_html;
  EXPECT_THAT(html, Not(HasSubstr("href=\"javascript:")));
  EXPECT_THAT(html, HasSubstr("events.cancelledNotice"));
}

TEST(EventListPageTest, LinksEachEventAndTheOtherList) {
  PageText text;
  Event e = View().event;
  PageContent page = EventListPage({e}, 41, 2, 20, true, "", text, "zh-CN");
  EXPECT_EQ(page.path, "/events?page=2");
  EXPECT_THAT(page.body_html, HasSubstr("href=\"/events/7\""));
  EXPECT_THAT(page.body_html, HasSubstr("href=\"/events?past=1\""));
  EXPECT_THAT(page.body_html, HasSubstr("href=\"/api/v1/events/feed.ics\""));
  EXPECT_THAT(page.body_html, HasSubstr("/events?page=3"));
  PageContent past = EventListPage({}, 0, 1, 20, false, "", text, "en");
  EXPECT_EQ(past.path, "/events?past=1");
  EXPECT_THAT(past.body_html, HasSubstr("events.empty"));
}

TEST(EventListPageTest, ASearchIsKeptByTheBoxThePageLinksAndTheOtherList) {
  PageText text;
  Event e = View().event;
  PageContent page = EventListPage({e}, 41, 2, 20, false, "路演 & 对接", text, "zh-CN");
  const std::string q = "%E8%B7%AF%E6%BC%94%20%26%20%E5%AF%B9%E6%8E%A5";
  EXPECT_EQ(page.path, "/events?past=1&q=" + q + "&page=2");
  // The page links (escaped as markup) and the link to the upcoming events keep the words.
  EXPECT_THAT(page.body_html, HasSubstr("href=\"/events?past=1&amp;q=" + q + "&amp;page=3\""));
  EXPECT_THAT(page.body_html, HasSubstr("href=\"/events?q=" + q + "\""));
  // The search box needs no script: a GET form with the words and the list it searches.
  EXPECT_THAT(page.body_html,
              HasSubstr("<form class=\"kc-search\" method=\"get\" action=\"/events\""));
  EXPECT_THAT(page.body_html, HasSubstr("<input type=\"hidden\" name=\"past\" value=\"1\">"));
  EXPECT_THAT(page.body_html, HasSubstr("name=\"q\" value=\"路演 &amp; 对接\""));
}

}  // namespace
}  // namespace kc::api
