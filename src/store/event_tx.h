// The events part of a store transaction (对接会、路演与年会): events, the listings they present,
// and their registrations. Reached through StoreTx::events(); everything it does belongs to the
// enclosing transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/event.h"
#include "core/status.h"
#include "store/records.h"

namespace kc {

// Filters of an event list; empty members do not filter.
struct EventQuery {
  // The statuses listed. Drafts are listed only when kDraft is here, and then (unless
  // `all_drafts`) only those of `drafts_of_orgs`.
  std::vector<EventStatus> statuses = {EventStatus::kPublished, EventStatus::kCancelled};
  bool all_drafts = false;
  std::vector<int64_t> drafts_of_orgs;
  std::optional<int64_t> org_id;  // the organiser
  std::optional<EventKind> kind;
  // Only events whose title or venue holds this text, taken literally ("" lists all).
  std::string text;
  // Only events that end at or after this instant, soonest first; otherwise latest start first.
  std::optional<int64_t> ending_after;
  int64_t offset = 0;
  int64_t limit = 20;
};

// How the registrations of an event stand.
struct RegistrationCounts {
  int64_t confirmed = 0;
  int64_t waiting = 0;
  int64_t checked_in = 0;
};

// Not thread-safe; belongs to its transaction like StoreTx. Lookups of a missing row return
// NotFound.
class EventTx {
 public:
  virtual ~EventTx() = default;

  // Events, with the ids of the listings they present (stored in the same call).
  virtual Result<int64_t> InsertEvent(const Event& event) = 0;
  virtual Result<Event> GetEvent(int64_t id) = 0;
  virtual Status UpdateEvent(const Event& event) = 0;
  virtual Result<Page<Event>> ListEvents(const EventQuery& query) = 0;

  // Registrations. Insert returns Conflict "code_taken" when the check-in code is already used
  // (the caller draws another) and Conflict "already_registered" when the member or the e-mail
  // address already holds a live (not cancelled) registration for the event.
  virtual Result<int64_t> InsertRegistration(const EventRegistration& registration) = 0;
  virtual Status UpdateRegistration(const EventRegistration& registration) = 0;
  // The registration of the event with this check-in code (whatever its status).
  virtual Result<EventRegistration> FindRegistrationByCode(int64_t event_id,
                                                           std::string_view code) = 0;
  // The member's live registration for the event, or nullopt.
  virtual Result<std::optional<EventRegistration>> FindRegistrationOfUser(int64_t event_id,
                                                                          int64_t user_id) = 0;
  // The event's registrations in the order they were made (then by id); cancelled ones only
  // with `with_cancelled`.
  virtual Result<Page<EventRegistration>> ListRegistrations(int64_t event_id, bool with_cancelled,
                                                            int64_t offset, int64_t limit) = 0;
  virtual Result<RegistrationCounts> CountRegistrations(int64_t event_id) = 0;
  // The registration longest on the event's waiting list, or nullopt.
  virtual Result<std::optional<EventRegistration>> FirstWaiting(int64_t event_id) = 0;

  // How many deals were opened at or after `since` on any of `listing_ids` (as demand or as
  // achievement); 0 for no listings.
  virtual Result<int64_t> CountDealsOnListings(const std::vector<int64_t>& listing_ids,
                                               int64_t since) = 0;
};

}  // namespace kc
