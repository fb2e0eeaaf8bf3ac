// 对接会、路演与年会: events at which demands and achievements are presented — matchmaking
// meetings, roadshows, the annual conference — with registration, a waiting list and check-in
// (docs/events.md). The rules here are pure; service/events.h applies them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace kc {

// What kind of event: 对接会, 路演, 年会.
enum class EventKind { kMatchmaking, kRoadshow, kConference };
std::string_view EventKindName(EventKind kind);  // "matchmaking", "roadshow", "conference"
std::optional<EventKind> EventKindFromName(std::string_view name);

// Where an event is in its life: a draft is its organisers' alone; a published event takes
// registrations until it ends; a cancelled one stays readable and takes none.
enum class EventStatus { kDraft, kPublished, kCancelled };
std::string_view EventStatusName(EventStatus status);  // "draft", "published", "cancelled"
std::optional<EventStatus> EventStatusFromName(std::string_view name);

// 活动: one event, organised by one organisation.
struct Event {
  int64_t id = 0;
  int64_t org_id = 0;  // the organiser (主办单位)
  EventKind kind = EventKind::kMatchmaking;
  std::string title;
  std::string description;
  int64_t starts_at = 0;             // seconds since the epoch, UTC
  int64_t ends_at = 0;               // not before starts_at
  std::string venue;                 // the place, or empty for an online-only event
  std::string online_url;            // http(s) link of an online event, or empty
  int64_t capacity = 0;              // seats; 0 for no limit
  std::vector<int64_t> listing_ids;  // the demands and achievements presented, in order
  EventStatus status = EventStatus::kDraft;
  bool demo = false;
  int64_t created_by = 0;
  int64_t created_at = 0;
  int64_t updated_at = 0;
};

// A registration's place: a seat, the waiting list (候补), or given up.
enum class RegistrationStatus { kConfirmed, kWaiting, kCancelled };
std::string_view RegistrationStatusName(RegistrationStatus status);  // "confirmed", "waiting",
                                                                     // "cancelled"
std::optional<RegistrationStatus> RegistrationStatusFromName(std::string_view name);

// 报名: one person registered for an event, a member (user_id) or a visitor (email).
struct EventRegistration {
  int64_t id = 0;
  int64_t event_id = 0;
  std::optional<int64_t> user_id;  // empty for a visitor
  std::string name;
  std::string email;         // required of a visitor; a member's may be empty
  std::string organisation;  // as the registrant writes it
  RegistrationStatus status = RegistrationStatus::kConfirmed;
  std::string code;        // the check-in code (签到码), kCheckInCodeLength characters
  int64_t created_at = 0;  // the waiting list's order
  int64_t updated_at = 0;
  int64_t checked_in_at = 0;  // 0 until checked in
};

// Limits on an event's fields.
inline constexpr size_t kEventTitleMax = 200;
inline constexpr size_t kEventDescriptionMax = 10000;
inline constexpr size_t kEventVenueMax = 200;
inline constexpr size_t kEventUrlMax = 500;
inline constexpr size_t kEventListingsMax = 50;
inline constexpr int64_t kEventCapacityMax = 100000;
inline constexpr int64_t kEventLongest = 31 * 24 * 3600;  // an event lasts at most 31 days
inline constexpr size_t kCheckInCodeLength = 10;

// Checks an event's fields: a title (1..kEventTitleMax characters), bounded description, venue
// and link; a start, an end not before it and at most kEventLongest after; a venue or an online
// link (http:// or https://, no spaces); a capacity of 0..kEventCapacityMax; at most
// kEventListingsMax presented listings, each positive and none twice. 422 naming the first bad
// field.
Status ValidateEvent(const Event& event);

// Checks what a registrant gives: a name (1..100 characters), an organisation of at most 200
// characters, and an e-mail address — required when `visitor`, checked when given. 422.
Status ValidateRegistrant(std::string_view name, std::string_view email,
                          std::string_view organisation, bool visitor);

// Whether the event takes registrations at `now`: 409 "event_cancelled", "event_not_published"
// (a draft) or "event_over" (at or after its end); otherwise Ok.
Status CheckRegistrationOpen(const Event& event, int64_t now);

// Where a new registration goes when `confirmed` seats are taken: a seat while one is free (always
// with capacity 0), else the waiting list.
RegistrationStatus PlaceFor(int64_t capacity, int64_t confirmed);

// How far check-in opens before the start, and stays open after the end.
inline constexpr int64_t kCheckInMargin = 24 * 3600;
// Whether `registration` may be checked in at `now`: 409 "event_cancelled" or
// "event_not_published", "check_in_closed" outside [starts_at − kCheckInMargin, ends_at +
// kCheckInMargin], "not_confirmed" for a waiting or cancelled registration, and
// "already_checked_in"; otherwise Ok.
Status CheckCheckIn(const Event& event, const EventRegistration& registration, int64_t now);

// The status an event moves to by `action` ("publish": draft → published; "cancel": draft or
// published → cancelled); 409 "invalid_transition" otherwise, 400 "unknown_action".
Result<EventStatus> NextEventStatus(EventStatus from, std::string_view action);

// True for a well-formed check-in code: kCheckInCodeLength characters of the Crockford base-32
// alphabet (0-9, A-Z without I, L, O, U). Codes are compared after upper-casing.
bool IsCheckInCode(std::string_view code);
// The code written as it is stored: upper case, without spaces or '-' a person may type.
std::string NormaliseCheckInCode(std::string_view typed);
// A check-in code from kCheckInCodeLength random bytes (each taken modulo 32).
std::string CheckInCodeFrom(const unsigned char* random_bytes);

}  // namespace kc
