#include "api/event_json.h"

#include <gtest/gtest.h>

#include "api/schema_check.h"

namespace kc::api {
namespace {

using nlohmann::json;

EventView Sample() {
  EventView v;
  v.event.id = 3;
  v.event.org_id = 2;
  v.event.kind = EventKind::kRoadshow;
  v.event.title = "路演";
  v.event.starts_at = 1778029200;
  v.event.ends_at = 1778043600;
  v.event.venue = "杭州";
  v.event.capacity = 10;
  v.event.listing_ids = {5};
  v.event.status = EventStatus::kPublished;
  v.org_name = "甲公司";
  Listing l;
  l.id = 5;
  l.kind = ListingKind::kAchievement;
  l.title = "成果";
  v.listings = {l};
  v.counts = {12, 3, 1};
  v.deals_opened = 2;
  return v;
}

TEST(EventJsonTest, EventsAndRegistrationsValidateAgainstTheirSchemas) {
  const EventView v = Sample();
  json j = EventViewJson(v);
  EXPECT_EQ(j["starts_at"], "2026-05-06T01:00:00Z");
  EXPECT_EQ(j["seats_left"], 0);  // never negative when the capacity was lowered
  EXPECT_EQ(j["registrations"]["waiting"], 3);
  EXPECT_EQ(j["listings"][0]["kind"], "achievement");
  EventView unlimited = v;
  unlimited.event.capacity = 0;
  EXPECT_TRUE(EventViewJson(unlimited)["seats_left"].is_null());
  testing::ExpectValid(EventViewSchema(),
                       {j, EventViewJson(unlimited), EventViewJson(EventView{})});
  testing::ExpectValid(EventSchema(), {EventJson(v.event), EventJson(Event{})});

  EventRegistration g;
  g.id = 1;
  g.event_id = 3;
  g.name = "访客";
  g.email = "v@example.cn";
  g.code = "AB12CD34EF";
  g.status = RegistrationStatus::kWaiting;
  json plain = RegistrationJson(g);
  EXPECT_TRUE(plain["user_id"].is_null());
  EXPECT_EQ(plain["checked_in_at"], "");
  EXPECT_FALSE(plain.contains("qr_svg"));
  json with_qr = RegistrationJson(g, true);
  EXPECT_EQ(with_qr["qr_svg"].get<std::string>().rfind("<svg", 0), 0u);
  g.user_id = 9;
  testing::ExpectValid(RegistrationSchema(), {plain, with_qr, RegistrationJson(g)});
}

TEST(EventJsonTest, ReadsAnEventWithZonedTimes) {
  auto e = ReadEvent({{"org_id", 2},
                      {"kind", "conference"},
                      {"title", "年会"},
                      {"starts_at", "2026-05-06T09:00:00+08:00"},
                      {"ends_at", "2026-05-06T17:00:00+08:00"},
                      {"venue", "北京"},
                      {"capacity", 300},
                      {"listing_ids", {4, 5}}});
  ASSERT_TRUE(e.ok()) << e.status().message();
  EXPECT_EQ(e->starts_at, 1778029200);
  EXPECT_EQ(e->ends_at - e->starts_at, 8 * 3600);
  EXPECT_EQ(e->kind, EventKind::kConference);
  EXPECT_EQ(e->listing_ids, (std::vector<int64_t>{4, 5}));
  const json good = {{"org_id", 2},
                     {"kind", "conference"},
                     {"title", "年会"},
                     {"starts_at", "2026-05-06T09:00:00+08:00"},
                     {"ends_at", "2026-05-06T17:00:00+08:00"}};
  auto with = [&](const char* k, json v) {
    json b = good;
    b[k] = std::move(v);
    return ReadEvent(b).status();
  };
  auto without = [&](const char* k) {
    json b = good;
    b.erase(k);
    return ReadEvent(b).status();
  };
  EXPECT_EQ(with("kind", "party").field(), "kind");
  EXPECT_EQ(with("starts_at", "2026-05-06 09:00").code(), "invalid_time");
  EXPECT_EQ(with("starts_at", 5).code(), "invalid_type");
  EXPECT_EQ(with("listing_ids", "4,5").code(), "invalid_type");
  EXPECT_EQ(with("listing_ids", json::array({"4"})).field(), "listing_ids");
  EXPECT_EQ(with("colour", "red").code(), "unknown_field");
  for (const char* k : {"org_id", "kind", "title", "starts_at", "ends_at"}) {
    EXPECT_EQ(without(k).field(), k);
  }
}

TEST(EventJsonTest, ReadsChangesRegistrantsAndCodes) {
  auto c = ReadEventChanges({{"capacity", 5}, {"title", "新名"}});
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->capacity, 5);
  EXPECT_FALSE(c->starts_at.has_value());
  EXPECT_EQ(ReadEventChanges({{"org_id", 3}}).status().code(), "unknown_field");
  auto r = ReadRegistrant({{"name", "访客"}, {"email", "v@example.cn"}});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->email, "v@example.cn");
  EXPECT_EQ(ReadRegistrant({{"phone", "1"}}).status().code(), "unknown_field");
  EXPECT_EQ(ReadRegistrant({{"name", 5}}).status().field(), "name");
  EXPECT_EQ(*ReadCode({{"code", "AB12CD34EF"}}), "AB12CD34EF");
  EXPECT_EQ(ReadCode(json::object()).status().code(), "required");
}

}  // namespace
}  // namespace kc::api
