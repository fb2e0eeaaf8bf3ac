#include "core/event.h"

#include <algorithm>
#include <set>

#include "core/email.h"
#include "core/utf8.h"

namespace kc {

namespace {

constexpr std::string_view kCrockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

bool IsBlank(std::string_view s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

bool IsWebLink(std::string_view url) {
  const bool scheme = url.starts_with("https://") || url.starts_with("http://");
  if (!scheme) return false;
  const auto host = url.substr(url.find("//") + 2);
  if (host.empty() || host[0] == '/') return false;
  return std::none_of(url.begin(), url.end(),
                      [](char c) { return static_cast<unsigned char>(c) <= ' ' || c == 0x7f; });
}

}  // namespace

std::string_view EventKindName(EventKind k) {
  switch (k) {
    case EventKind::kRoadshow:
      return "roadshow";
    case EventKind::kConference:
      return "conference";
    case EventKind::kMatchmaking:
      break;
  }
  return "matchmaking";
}
std::optional<EventKind> EventKindFromName(std::string_view n) {
  for (auto k : {EventKind::kMatchmaking, EventKind::kRoadshow, EventKind::kConference}) {
    if (EventKindName(k) == n) return k;
  }
  return std::nullopt;
}

std::string_view EventStatusName(EventStatus s) {
  switch (s) {
    case EventStatus::kPublished:
      return "published";
    case EventStatus::kCancelled:
      return "cancelled";
    case EventStatus::kDraft:
      break;
  }
  return "draft";
}
std::optional<EventStatus> EventStatusFromName(std::string_view n) {
  for (auto s : {EventStatus::kDraft, EventStatus::kPublished, EventStatus::kCancelled}) {
    if (EventStatusName(s) == n) return s;
  }
  return std::nullopt;
}

std::string_view RegistrationStatusName(RegistrationStatus s) {
  switch (s) {
    case RegistrationStatus::kWaiting:
      return "waiting";
    case RegistrationStatus::kCancelled:
      return "cancelled";
    case RegistrationStatus::kConfirmed:
      break;
  }
  return "confirmed";
}
std::optional<RegistrationStatus> RegistrationStatusFromName(std::string_view n) {
  for (auto s : {RegistrationStatus::kConfirmed, RegistrationStatus::kWaiting,
                 RegistrationStatus::kCancelled}) {
    if (RegistrationStatusName(s) == n) return s;
  }
  return std::nullopt;
}

Status ValidateEvent(const Event& e) {
  if (IsBlank(e.title)) return Invalid("title", "required", "an event needs a title");
  if (Utf8Length(e.title) > kEventTitleMax) {
    return Invalid("title", "too_long", "at most 200 characters");
  }
  if (Utf8Length(e.description) > kEventDescriptionMax) {
    return Invalid("description", "too_long", "at most 10000 characters");
  }
  if (e.starts_at <= 0) return Invalid("starts_at", "required", "an event needs a start time");
  if (e.ends_at < e.starts_at) {
    return Invalid("ends_at", "ends_before_start", "the event ends before it starts");
  }
  if (e.ends_at - e.starts_at > kEventLongest) {
    return Invalid("ends_at", "too_long", "an event lasts at most 31 days");
  }
  if (Utf8Length(e.venue) > kEventVenueMax) {
    return Invalid("venue", "too_long", "at most 200 characters");
  }
  if (e.online_url.size() > kEventUrlMax) {
    return Invalid("online_url", "too_long", "at most 500 characters");
  }
  if (!e.online_url.empty() && !IsWebLink(e.online_url)) {
    return Invalid("online_url", "invalid_url", "an online link starts with http:// or https://");
  }
  if (IsBlank(e.venue) && e.online_url.empty()) {
    return Invalid("venue", "venue_or_link_required", "an event needs a place or an online link");
  }
  if (e.capacity < 0 || e.capacity > kEventCapacityMax) {
    return Invalid("capacity", "out_of_range", "capacity is 0 (no limit) to 100000");
  }
  if (e.listing_ids.size() > kEventListingsMax) {
    return Invalid("listing_ids", "too_many", "at most 50 listings are presented");
  }
  std::set<int64_t> seen;
  for (int64_t id : e.listing_ids) {
    if (id <= 0) return Invalid("listing_ids", "unknown_listing", "a listing id is positive");
    if (!seen.insert(id).second) {
      return Invalid("listing_ids", "duplicate_listing", "a listing is presented once");
    }
  }
  return Status::Ok();
}

Status ValidateRegistrant(std::string_view name, std::string_view email,
                          std::string_view organisation, bool visitor) {
  if (IsBlank(name)) return Invalid("name", "required", "a registration needs a name");
  if (Utf8Length(name) > 100) return Invalid("name", "too_long", "at most 100 characters");
  if (Utf8Length(organisation) > 200) {
    return Invalid("organisation", "too_long", "at most 200 characters");
  }
  if (email.empty() && visitor) {
    return Invalid("email", "required", "a visitor registers with an e-mail address");
  }
  if (!email.empty() && !IsEmailAddress(email)) {
    return Invalid("email", "invalid_email", "not an e-mail address");
  }
  return Status::Ok();
}

Status CheckRegistrationOpen(const Event& e, int64_t now) {
  if (e.status == EventStatus::kCancelled) {
    return Conflict("event_cancelled", "the event was cancelled");
  }
  if (e.status != EventStatus::kPublished) {
    return Conflict("event_not_published", "the event is not published yet");
  }
  if (now >= e.ends_at) return Conflict("event_over", "the event is over");
  return Status::Ok();
}

RegistrationStatus PlaceFor(int64_t capacity, int64_t confirmed) {
  if (capacity == 0 || confirmed < capacity) return RegistrationStatus::kConfirmed;
  return RegistrationStatus::kWaiting;
}

Status CheckCheckIn(const Event& e, const EventRegistration& r, int64_t now) {
  if (e.status == EventStatus::kCancelled) {
    return Conflict("event_cancelled", "the event was cancelled");
  }
  if (e.status != EventStatus::kPublished) {
    return Conflict("event_not_published", "the event is not published yet");
  }
  if (now < e.starts_at - kCheckInMargin || now > e.ends_at + kCheckInMargin) {
    return Conflict("check_in_closed",
                    "check-in opens a day before the event and closes a day "
                    "after it");
  }
  if (r.status != RegistrationStatus::kConfirmed) {
    return Conflict("not_confirmed", "only a confirmed registration checks in");
  }
  if (r.checked_in_at != 0) return Conflict("already_checked_in", "already checked in");
  return Status::Ok();
}

Result<EventStatus> NextEventStatus(EventStatus from, std::string_view action) {
  if (action == "publish") {
    if (from == EventStatus::kDraft) return EventStatus::kPublished;
  } else if (action == "cancel") {
    if (from != EventStatus::kCancelled) return EventStatus::kCancelled;
  } else {
    return BadInput("unknown_action", "the action is publish or cancel");
  }
  return Conflict("invalid_transition", "an event that is " + std::string(EventStatusName(from)) +
                                            " cannot " + std::string(action));
}

bool IsCheckInCode(std::string_view code) {
  if (code.size() != kCheckInCodeLength) return false;
  return std::all_of(code.begin(), code.end(),
                     [](char c) { return kCrockford.find(c) != std::string_view::npos; });
}

std::string NormaliseCheckInCode(std::string_view typed) {
  std::string out;
  for (char c : typed) {
    if (c == ' ' || c == '-') continue;
    out += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
  }
  return out;
}

std::string CheckInCodeFrom(const unsigned char* random_bytes) {
  std::string out;
  for (size_t i = 0; i < kCheckInCodeLength; ++i) out += kCrockford[random_bytes[i] % 32];
  return out;
}

}  // namespace kc
