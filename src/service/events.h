// 对接会、路演与年会: organisers set up events and present demands and achievements at them;
// members and visitors register, wait for a seat when the event is full, and check in with
// their code; after the event its page counts the deals opened from its listings
// (docs/events.md; who may do what: event_policy.h).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/event.h"
#include "core/listing.h"
#include "service/actor.h"
#include "service/importer.h"
#include "service/throttle.h"
#include "store/store.h"

namespace kc {

// An event as a reader sees it.
struct EventView {
  Event event;
  std::string org_name;
  // The presented listings that are published now, in the event's order (summaries).
  std::vector<Listing> listings;
  RegistrationCounts counts;
  // Deals opened on any presented listing since the event began.
  int64_t deals_opened = 0;
};

// The fields an update changes; empty members stay as they are.
struct EventChanges {
  std::optional<EventKind> kind;
  std::optional<std::string> title;
  std::optional<std::string> description;
  std::optional<int64_t> starts_at;
  std::optional<int64_t> ends_at;
  std::optional<std::string> venue;
  std::optional<std::string> online_url;
  std::optional<int64_t> capacity;
  std::optional<std::vector<int64_t>> listing_ids;
};

// What a registrant gives. A member may leave name and email empty: the account's display
// name and address are taken.
struct Registrant {
  std::string name;
  std::string email;
  std::string organisation;
};

// Filters of an event list.
struct EventListRequest {
  std::optional<int64_t> org_id;
  std::optional<EventKind> kind;
  std::string text;       // words of the title or venue ("" lists all)
  bool upcoming = false;  // only events not yet over, soonest first
  int64_t offset = 0;
  int64_t limit = 20;
};

class Events {
 public:
  Events(Store& store, const Clock& clock, ThrottlePolicy throttle = {})
      : store_(store), clock_(clock), throttle_(throttle) {}

  // Creates a draft event organised by `event.org_id`. 401 for a visitor, 403 unless the
  // caller may organise for that organisation (404 "unknown_org" is 422 `org_id`), 422 for a bad
  // field, or "unknown_listing" when a presented listing is not a published demand or
  // achievement.
  Result<EventView> Create(const Actor& actor, Event event);
  // Changes an event's fields (organisers). 404 when the caller may not see it, 403 when it may
  // see but not manage it, 409 "event_cancelled" for a cancelled one, 422 as Create. A larger
  // capacity seats the longest waiting at once.
  Result<EventView> Update(const Actor& actor, int64_t id, const EventChanges& changes);
  // "publish" or "cancel" (core/event.h NextEventStatus), by organisers; 404/403 as Update.
  Result<EventView> Apply(const Actor& actor, int64_t id, std::string_view action);
  // The event if the caller may see it (404 otherwise).
  Result<EventView> Get(const Actor& actor, int64_t id);
  // The events the caller may see: published and cancelled ones, and the drafts of the
  // organisations it manages (all drafts for platform admins). 400 "invalid_parameter" `q`
  // when request.text is over 200 bytes (the API's list and the server-written page alike).
  Result<Page<Event>> List(const Actor& actor, const EventListRequest& request);
  // Published events not yet over, soonest first, at most `limit` (the calendar feed).
  Result<std::vector<Event>> Upcoming(int64_t limit);

  // Registers the caller (a member, or a visitor with an e-mail address) for a published event
  // that is not over: a seat while one is free, else the waiting list. Returns the registration
  // with its check-in code — the only answer a visitor ever gets that holds it. 404 when the
  // event is not visible, 409 per CheckRegistrationOpen and "already_registered", 422 per
  // ValidateRegistrant. A visitor's registrations are limited per client address (throttle.h):
  // beyond, 429 "too_many_registrations" with the seconds to wait in *retry_after.
  Result<EventRegistration> Register(const Actor& actor, int64_t id, Registrant registrant,
                                     std::string_view client = "", int64_t* retry_after = nullptr);
  // The caller's live registration for the event. 401 for a visitor; 404 when none.
  Result<EventRegistration> MyRegistration(const Actor& actor, int64_t id);
  // The registration holding `code`, for whoever holds it: a visitor, who has no account, learns
  // with it whether the waiting list has seated them and shows its QR code again
  // (docs/events.md). 404 for an unknown code or an event the caller may not see.
  Result<EventRegistration> RegistrationByCode(const Actor& actor, int64_t id,
                                               std::string_view code);
  // Cancels the registration holding `code` (whoever holds the code may: the registrant got
  // it; organisers see it). The longest waiting then takes the freed seat (a member is
  // notified). 404 for an unknown
  // code or an event the caller may not see; 409 "already_cancelled".
  Result<EventRegistration> CancelRegistration(const Actor& actor, int64_t id,
                                               std::string_view code);
  // The event's registrations with their e-mail addresses and codes, in the order they were
  // made; organisers only (401 for a visitor, 404 when the event is not visible, 403 otherwise).
  Result<Page<EventRegistration>> Registrations(const Actor& actor, int64_t id, bool with_cancelled,
                                                int64_t offset, int64_t limit);
  // Checks in the registration holding `code`; organisers only (401/404/403 as Registrations),
  // 404 for an unknown code, 409 per CheckCheckIn.
  Result<EventRegistration> CheckIn(const Actor& actor, int64_t id, std::string_view code);

  // Imports events from CSV (event_import.cc; UTF-8, UTF-16 with BOM or GB18030; columns in
  // docs/events.md): each line becomes an event of its org_id (the caller's organisation when
  // empty), published unless its status is "draft". A line the caller may not organise for, or
  // with a bad field, is reported with its line number (403/422 in its error) and the others are
  // imported. 401 for a visitor; the whole file fails (400) only without a header line or with
  // a column it does not know ("unknown_column").
  Result<ImportReport> Import(const Actor& actor, std::string_view bytes);

 private:
  // The event if the caller may see it, else 404; with `manage`, 401 for a visitor and 403 for
  // a reader who does not manage it.
  Result<Event> Load(StoreTx& tx, const Actor& actor, int64_t id, bool manage);
  Result<EventView> ViewOf(StoreTx& tx, Event event);
  // Checks the fields, that the organiser exists (422 "unknown_org") and that each presented
  // listing is a published demand or achievement.
  Status Check(StoreTx& tx, Event& event);
  // Seats the longest waiting while seats are free, notifying the members among them
  // ("event_seat", detail {"event_id"}).
  Status FillSeats(StoreTx& tx, const Event& event, const Actor& actor);

  Store& store_;
  const Clock& clock_;
  ThrottlePolicy throttle_;
};

}  // namespace kc
