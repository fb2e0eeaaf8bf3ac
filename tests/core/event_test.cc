#include "core/event.h"

#include <gtest/gtest.h>

#include <string>

namespace kc {
namespace {

constexpr int64_t kStart = 1767225600;  // 2026-01-01T00:00:00Z

Event Good() {
  Event e;
  e.org_id = 1;
  e.title = "长三角技术对接会";
  e.starts_at = kStart;
  e.ends_at = kStart + 4 * 3600;
  e.venue = "杭州国际博览中心";
  e.capacity = 100;
  e.listing_ids = {3, 5};
  e.status = EventStatus::kPublished;
  return e;
}

void ExpectInvalid(const Event& e, const std::string& field, const std::string& code) {
  Status s = ValidateEvent(e);
  ASSERT_FALSE(s.ok()) << field;
  EXPECT_EQ(s.kind(), ErrorKind::kInvalid);
  EXPECT_EQ(s.field(), field);
  EXPECT_EQ(s.code(), code);
}

TEST(EventTest, NamesGoBothWays) {
  for (auto k : {EventKind::kMatchmaking, EventKind::kRoadshow, EventKind::kConference}) {
    EXPECT_EQ(EventKindFromName(EventKindName(k)), k);
  }
  for (auto s : {EventStatus::kDraft, EventStatus::kPublished, EventStatus::kCancelled}) {
    EXPECT_EQ(EventStatusFromName(EventStatusName(s)), s);
  }
  for (auto s : {RegistrationStatus::kConfirmed, RegistrationStatus::kWaiting,
                 RegistrationStatus::kCancelled}) {
    EXPECT_EQ(RegistrationStatusFromName(RegistrationStatusName(s)), s);
  }
  EXPECT_FALSE(EventKindFromName("Roadshow"));
  EXPECT_FALSE(EventStatusFromName(""));
  EXPECT_FALSE(RegistrationStatusFromName("waitlisted"));
}

TEST(EventTest, AcceptsAGoodEvent) {
  EXPECT_TRUE(ValidateEvent(Good()).ok());
  Event online = Good();
  online.venue.clear();
  online.online_url = "https://meeting.example.cn/j/123";
  online.capacity = 0;
  EXPECT_TRUE(ValidateEvent(online).ok());
  Event instant = Good();
  instant.ends_at = instant.starts_at;
  EXPECT_TRUE(ValidateEvent(instant).ok());
}

TEST(EventTest, RefusesEachBadField) {
  Event e = Good();
  e.title = "  ";
  ExpectInvalid(e, "title", "required");
  e = Good();
  e.title = std::string(201, 'x');
  ExpectInvalid(e, "title", "too_long");
  e = Good();
  e.description = std::string(10001, 'x');
  ExpectInvalid(e, "description", "too_long");
  e = Good();
  e.starts_at = 0;
  ExpectInvalid(e, "starts_at", "required");
  e = Good();
  e.ends_at = e.starts_at - 1;
  ExpectInvalid(e, "ends_at", "ends_before_start");
  e = Good();
  e.ends_at = e.starts_at + kEventLongest + 1;
  ExpectInvalid(e, "ends_at", "too_long");
  e = Good();
  e.venue = std::string(201, 'x');
  ExpectInvalid(e, "venue", "too_long");
  e = Good();
  e.venue.clear();
  ExpectInvalid(e, "venue", "venue_or_link_required");
  for (const char* bad : {"ftp://x.cn", "javascript:alert(1)", "https://", "https:///x",
                          "https://a b.cn", "meeting.example.cn"}) {
    e = Good();
    e.online_url = bad;
    ExpectInvalid(e, "online_url", "invalid_url");
  }
  e = Good();
  e.online_url = "https://x.cn/" + std::string(500, 'a');
  ExpectInvalid(e, "online_url", "too_long");
  e = Good();
  e.capacity = -1;
  ExpectInvalid(e, "capacity", "out_of_range");
  e.capacity = kEventCapacityMax + 1;
  ExpectInvalid(e, "capacity", "out_of_range");
  e = Good();
  e.listing_ids = {3, 3};
  ExpectInvalid(e, "listing_ids", "duplicate_listing");
  e.listing_ids = {0};
  ExpectInvalid(e, "listing_ids", "unknown_listing");
  e.listing_ids.assign(kEventListingsMax + 1, 1);
  ExpectInvalid(e, "listing_ids", "too_many");
}

TEST(EventTest, RegistrantNeedsANameAndAVisitorAnEmail) {
  EXPECT_TRUE(ValidateRegistrant("李明", "li@example.cn", "", true).ok());
  EXPECT_TRUE(ValidateRegistrant("李明", "", "甲公司", false).ok());
  EXPECT_EQ(ValidateRegistrant("李明", "", "", true).code(), "required");
  EXPECT_EQ(ValidateRegistrant("李明", "", "", true).field(), "email");
  EXPECT_EQ(ValidateRegistrant("李明", "not-mail", "", false).code(), "invalid_email");
  EXPECT_EQ(ValidateRegistrant(" ", "li@example.cn", "", true).field(), "name");
  EXPECT_EQ(ValidateRegistrant(std::string(101, 'x'), "li@example.cn", "", true).code(),
            "too_long");
  EXPECT_EQ(ValidateRegistrant("李明", "li@example.cn", std::string(201, 'x'), true).field(),
            "organisation");
}

TEST(EventTest, RegistrationOpensWhenPublishedAndClosesAtTheEnd) {
  Event e = Good();
  EXPECT_TRUE(CheckRegistrationOpen(e, kStart - 100).ok());
  EXPECT_TRUE(CheckRegistrationOpen(e, e.ends_at - 1).ok());  // late arrivals may still register
  EXPECT_EQ(CheckRegistrationOpen(e, e.ends_at).code(), "event_over");
  e.status = EventStatus::kDraft;
  EXPECT_EQ(CheckRegistrationOpen(e, kStart - 100).code(), "event_not_published");
  e.status = EventStatus::kCancelled;
  EXPECT_EQ(CheckRegistrationOpen(e, kStart - 100).code(), "event_cancelled");
  EXPECT_EQ(CheckRegistrationOpen(e, kStart - 100).kind(), ErrorKind::kConflict);
}

TEST(EventTest, SeatsThenTheWaitingList) {
  EXPECT_EQ(PlaceFor(2, 0), RegistrationStatus::kConfirmed);
  EXPECT_EQ(PlaceFor(2, 1), RegistrationStatus::kConfirmed);
  EXPECT_EQ(PlaceFor(2, 2), RegistrationStatus::kWaiting);
  EXPECT_EQ(PlaceFor(2, 5), RegistrationStatus::kWaiting);  // capacity lowered below the seated
  EXPECT_EQ(PlaceFor(0, 100000), RegistrationStatus::kConfirmed);
}

TEST(EventTest, CheckInWithinItsWindowOnceForASeat) {
  Event e = Good();
  EventRegistration r;
  r.status = RegistrationStatus::kConfirmed;
  EXPECT_TRUE(CheckCheckIn(e, r, kStart).ok());
  EXPECT_TRUE(CheckCheckIn(e, r, kStart - kCheckInMargin).ok());
  EXPECT_TRUE(CheckCheckIn(e, r, e.ends_at + kCheckInMargin).ok());
  EXPECT_EQ(CheckCheckIn(e, r, kStart - kCheckInMargin - 1).code(), "check_in_closed");
  EXPECT_EQ(CheckCheckIn(e, r, e.ends_at + kCheckInMargin + 1).code(), "check_in_closed");
  r.checked_in_at = kStart;
  EXPECT_EQ(CheckCheckIn(e, r, kStart).code(), "already_checked_in");
  r.checked_in_at = 0;
  r.status = RegistrationStatus::kWaiting;
  EXPECT_EQ(CheckCheckIn(e, r, kStart).code(), "not_confirmed");
  r.status = RegistrationStatus::kCancelled;
  EXPECT_EQ(CheckCheckIn(e, r, kStart).code(), "not_confirmed");
  r.status = RegistrationStatus::kConfirmed;
  e.status = EventStatus::kCancelled;
  EXPECT_EQ(CheckCheckIn(e, r, kStart).code(), "event_cancelled");
  e.status = EventStatus::kDraft;
  EXPECT_EQ(CheckCheckIn(e, r, kStart).code(), "event_not_published");
}

TEST(EventTest, Transitions) {
  EXPECT_EQ(*NextEventStatus(EventStatus::kDraft, "publish"), EventStatus::kPublished);
  EXPECT_EQ(*NextEventStatus(EventStatus::kDraft, "cancel"), EventStatus::kCancelled);
  EXPECT_EQ(*NextEventStatus(EventStatus::kPublished, "cancel"), EventStatus::kCancelled);
  EXPECT_EQ(NextEventStatus(EventStatus::kPublished, "publish").status().code(),
            "invalid_transition");
  EXPECT_EQ(NextEventStatus(EventStatus::kCancelled, "publish").status().code(),
            "invalid_transition");
  EXPECT_EQ(NextEventStatus(EventStatus::kCancelled, "cancel").status().code(),
            "invalid_transition");
  EXPECT_EQ(NextEventStatus(EventStatus::kDraft, "delete").status().code(), "unknown_action");
}

TEST(EventTest, CheckInCodes) {
  unsigned char bytes[kCheckInCodeLength];
  for (size_t i = 0; i < kCheckInCodeLength; ++i) bytes[i] = static_cast<unsigned char>(i * 29);
  const std::string code = CheckInCodeFrom(bytes);
  EXPECT_EQ(code.size(), kCheckInCodeLength);
  EXPECT_TRUE(IsCheckInCode(code));
  EXPECT_EQ(NormaliseCheckInCode("ab12-cd34 ef"), "AB12CD34EF");
  EXPECT_TRUE(IsCheckInCode("AB12CD34EF"));
  EXPECT_FALSE(IsCheckInCode("AB12CD34E"));    // short
  EXPECT_FALSE(IsCheckInCode("AB12CD34EI"));   // I is not in the alphabet
  EXPECT_FALSE(IsCheckInCode("ab12cd34ef"));   // not normalised
  EXPECT_FALSE(IsCheckInCode("AB12CD34EF0"));  // long
}

}  // namespace
}  // namespace kc
