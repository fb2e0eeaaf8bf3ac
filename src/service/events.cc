#include "service/events.h"

#include <sodium.h>

#include <algorithm>
#include <map>

#include "core/trim.h"
#include "core/utf8.h"
#include "service/audit.h"
#include "service/event_policy.h"

namespace kc {

namespace {

constexpr int kCodeAttempts = 5;

Status RequireUtf8(std::initializer_list<const std::string*> fields) {
  for (const auto* f : fields) {
    if (!IsValidUtf8(*f)) return BadInput("invalid_utf8", "not valid UTF-8");
  }
  return Status::Ok();
}

std::string NewCheckInCode() {
  unsigned char bytes[kCheckInCodeLength];
  randombytes_buf(bytes, sizeof bytes);
  return CheckInCodeFrom(bytes);
}

Result<EventRegistration> FindByCode(StoreTx& tx, int64_t event_id, std::string_view typed) {
  const std::string code = NormaliseCheckInCode(typed);
  if (!IsCheckInCode(code)) return NotFound("registration");
  return tx.events().FindRegistrationByCode(event_id, code);
}

}  // namespace

Result<Event> Events::Load(StoreTx& tx, const Actor& actor, int64_t id, bool manage) {
  if (manage && !actor.signed_in()) return Unauthorized();
  auto event = tx.events().GetEvent(id);
  if (!event.ok()) return event.status();
  if (!CanSeeEvent(actor, *event)) return NotFound("event");
  if (manage && !CanManageEvent(actor, *event)) {
    return Forbidden("only the event's organisers may do this");
  }
  return event;
}

Result<EventView> Events::ViewOf(StoreTx& tx, Event event) {
  EventView v;
  auto org = tx.GetOrg(event.org_id);
  if (!org.ok()) return org.status();
  v.org_name = org->name;
  if (!event.listing_ids.empty()) {
    ListingQuery q;
    q.ids = event.listing_ids;
    q.statuses = {ListingStatus::kPublished};
    q.summary_only = true;
    q.limit = static_cast<int64_t>(event.listing_ids.size());
    auto page = tx.ListListings(q);
    if (!page.ok()) return page.status();
    std::map<int64_t, Listing*> by_id;
    for (Listing& l : page->items) by_id[l.id] = &l;
    for (int64_t id : event.listing_ids) {
      if (auto it = by_id.find(id); it != by_id.end()) v.listings.push_back(std::move(*it->second));
    }
  }
  auto counts = tx.events().CountRegistrations(event.id);
  if (!counts.ok()) return counts.status();
  v.counts = *counts;
  auto deals = tx.events().CountDealsOnListings(event.listing_ids, event.starts_at);
  if (!deals.ok()) return deals.status();
  v.deals_opened = *deals;
  v.event = std::move(event);
  return v;
}

Status Events::Check(StoreTx& tx, Event& e) {
  KC_RETURN_IF_ERROR(RequireUtf8({&e.title, &e.description, &e.venue, &e.online_url}));
  e.title = Trim(e.title);
  e.venue = Trim(e.venue);
  e.online_url = Trim(e.online_url);
  KC_RETURN_IF_ERROR(ValidateEvent(e));
  auto org = tx.GetOrg(e.org_id);
  if (!org.ok()) {
    return org.status().kind() == ErrorKind::kNotFound
               ? Invalid("org_id", "unknown_org", "no such organisation")
               : org.status();
  }
  if (e.listing_ids.empty()) return Status::Ok();
  ListingQuery q;
  q.ids = e.listing_ids;
  q.statuses = {ListingStatus::kPublished};
  q.summary_only = true;
  q.limit = static_cast<int64_t>(e.listing_ids.size());
  auto page = tx.ListListings(q);
  if (!page.ok()) return page.status();
  const bool all_presentable =
      page->items.size() == e.listing_ids.size() &&
      std::all_of(page->items.begin(), page->items.end(), [](const Listing& l) {
        return l.kind == ListingKind::kDemand || l.kind == ListingKind::kAchievement;
      });
  if (!all_presentable) {
    return Invalid("listing_ids", "unknown_listing",
                   "a presented listing is a published demand or achievement");
  }
  return Status::Ok();
}

Status Events::FillSeats(StoreTx& tx, const Event& event, const Actor& actor) {
  auto counts = tx.events().CountRegistrations(event.id);
  if (!counts.ok()) return counts.status();
  int64_t confirmed = counts->confirmed;
  while (PlaceFor(event.capacity, confirmed) == RegistrationStatus::kConfirmed) {
    auto next = tx.events().FirstWaiting(event.id);
    if (!next.ok()) return next.status();
    if (!*next) break;
    EventRegistration g = **next;
    g.status = RegistrationStatus::kConfirmed;
    g.updated_at = clock_.Now();
    KC_RETURN_IF_ERROR(tx.events().UpdateRegistration(g));
    KC_RETURN_IF_ERROR(tx.AppendAudit(AuditOf(g.updated_at, actor.id(), "event", event.id,
                                              "promote", {{"registration_id", g.id}})));
    if (g.user_id) {  // a member learns of the seat; a visitor sees it with the code
      Notification n;
      n.user_id = *g.user_id;
      n.kind = "event_seat";
      n.title = event.title;
      n.detail = nlohmann::json{{"event_id", event.id}}.dump();
      n.created_at = g.updated_at;
      KC_RETURN_IF_ERROR(tx.InsertNotification(n).status());
    }
    ++confirmed;
  }
  return Status::Ok();
}

Result<EventView> Events::Create(const Actor& actor, Event e) {
  if (!actor.signed_in()) return Unauthorized();
  if (!CanOrganiseFor(actor, e.org_id)) {
    return Forbidden("only the organisation's admins and platform admins organise its events");
  }
  e.id = 0;
  e.status = EventStatus::kDraft;
  e.created_by = *actor.id();
  e.created_at = e.updated_at = clock_.Now();
  Result<EventView> out = Internal("not written");
  KC_RETURN_IF_ERROR(store_.Write([&](StoreTx& tx) -> Status {
    KC_RETURN_IF_ERROR(Check(tx, e));
    auto id = tx.events().InsertEvent(e);
    if (!id.ok()) return id.status();
    e.id = *id;
    KC_RETURN_IF_ERROR(tx.AppendAudit(
        AuditOf(e.created_at, actor.id(), "event", e.id, "create", {{"title", e.title}})));
    out = ViewOf(tx, e);
    return out.status();
  }));
  return out;
}

Result<EventView> Events::Update(const Actor& actor, int64_t id, const EventChanges& c) {
  Result<EventView> out = Internal("not written");
  KC_RETURN_IF_ERROR(store_.Write([&](StoreTx& tx) -> Status {
    auto event = Load(tx, actor, id, true);
    if (!event.ok()) return event.status();
    Event e = std::move(*event);
    if (e.status == EventStatus::kCancelled) {
      return Conflict("event_cancelled", "a cancelled event is not changed");
    }
    if (c.kind) e.kind = *c.kind;
    if (c.title) e.title = *c.title;
    if (c.description) e.description = *c.description;
    if (c.starts_at) e.starts_at = *c.starts_at;
    if (c.ends_at) e.ends_at = *c.ends_at;
    if (c.venue) e.venue = *c.venue;
    if (c.online_url) e.online_url = *c.online_url;
    if (c.capacity) e.capacity = *c.capacity;
    if (c.listing_ids) e.listing_ids = *c.listing_ids;
    KC_RETURN_IF_ERROR(Check(tx, e));
    e.updated_at = clock_.Now();
    KC_RETURN_IF_ERROR(tx.events().UpdateEvent(e));
    KC_RETURN_IF_ERROR(tx.AppendAudit(
        AuditOf(e.updated_at, actor.id(), "event", e.id, "update", nlohmann::json::object())));
    if (e.status == EventStatus::kPublished) KC_RETURN_IF_ERROR(FillSeats(tx, e, actor));
    out = ViewOf(tx, e);
    return out.status();
  }));
  return out;
}

Result<EventView> Events::Apply(const Actor& actor, int64_t id, std::string_view action) {
  Result<EventView> out = Internal("not written");
  KC_RETURN_IF_ERROR(store_.Write([&](StoreTx& tx) -> Status {
    auto event = Load(tx, actor, id, true);
    if (!event.ok()) return event.status();
    auto next = NextEventStatus(event->status, action);
    if (!next.ok()) return next.status();
    event->status = *next;
    event->updated_at = clock_.Now();
    KC_RETURN_IF_ERROR(tx.events().UpdateEvent(*event));
    KC_RETURN_IF_ERROR(tx.AppendAudit(AuditOf(event->updated_at, actor.id(), "event", id,
                                              std::string(action), nlohmann::json::object())));
    out = ViewOf(tx, std::move(*event));
    return out.status();
  }));
  return out;
}

Result<EventView> Events::Get(const Actor& actor, int64_t id) {
  Result<EventView> out = Internal("not read");
  KC_RETURN_IF_ERROR(store_.Read([&](StoreTx& tx) -> Status {
    auto event = Load(tx, actor, id, false);
    if (!event.ok()) return event.status();
    out = ViewOf(tx, std::move(*event));
    return out.status();
  }));
  return out;
}

Result<Page<Event>> Events::List(const Actor& actor, const EventListRequest& r) {
  if (r.text.size() > 200) return BadInput("invalid_parameter", "q is at most 200 bytes", "q");
  EventQuery q;
  q.org_id = r.org_id;
  q.kind = r.kind;
  q.text = r.text;
  if (r.upcoming) q.ending_after = clock_.Now();
  q.offset = r.offset;
  q.limit = r.limit;
  if (actor.is_admin()) {
    q.statuses.push_back(EventStatus::kDraft);
    q.all_drafts = true;
  } else if (actor.user && actor.user->org_id && CanOrganiseFor(actor, *actor.user->org_id)) {
    q.statuses.push_back(EventStatus::kDraft);
    q.drafts_of_orgs = {*actor.user->org_id};
  }
  Page<Event> out;
  KC_RETURN_IF_ERROR(store_.Read([&](StoreTx& tx) -> Status {
    auto page = tx.events().ListEvents(q);
    if (!page.ok()) return page.status();
    out = std::move(*page);
    return Status::Ok();
  }));
  return out;
}

Result<std::vector<Event>> Events::Upcoming(int64_t limit) {
  EventQuery q;
  q.statuses = {EventStatus::kPublished};
  q.ending_after = clock_.Now();
  q.limit = limit;
  std::vector<Event> out;
  KC_RETURN_IF_ERROR(store_.Read([&](StoreTx& tx) -> Status {
    auto page = tx.events().ListEvents(q);
    if (!page.ok()) return page.status();
    out = std::move(page->items);
    return Status::Ok();
  }));
  return out;
}

Result<EventRegistration> Events::Register(const Actor& actor, int64_t id, Registrant r,
                                           std::string_view client, int64_t* retry_after) {
  KC_RETURN_IF_ERROR(RequireUtf8({&r.name, &r.email, &r.organisation}));
  r.name = Trim(r.name);
  r.email = Trim(r.email);
  r.organisation = Trim(r.organisation);
  if (actor.user) {
    if (r.name.empty()) r.name = actor.user->display_name;
    if (r.email.empty()) r.email = actor.user->email;
  }
  KC_RETURN_IF_ERROR(ValidateRegistrant(r.name, r.email, r.organisation, !actor.signed_in()));
  EventRegistration g;
  g.event_id = id;
  g.user_id = actor.id();
  g.name = r.name;
  g.email = r.email;
  g.organisation = r.organisation;
  g.created_at = g.updated_at = clock_.Now();
  int64_t wait = 0;
  KC_RETURN_IF_ERROR(store_.Write([&](StoreTx& tx) -> Status {
    auto event = Load(tx, actor, id, false);
    if (!event.ok()) return event.status();
    KC_RETURN_IF_ERROR(CheckRegistrationOpen(*event, g.created_at));
    if (!actor.signed_in()) {
      // Counted in the registration's own transaction: one that fails is not counted.
      auto w = EventRegistrationWait(tx, throttle_, client, g.created_at);
      if (!w.ok()) return w.status();
      wait = *w;
      if (wait > 0) return Status::Ok();
      KC_RETURN_IF_ERROR(RecordEventRegistration(tx, throttle_, client, g.created_at));
    }
    auto counts = tx.events().CountRegistrations(id);
    if (!counts.ok()) return counts.status();
    g.status = PlaceFor(event->capacity, counts->confirmed);
    for (int attempt = 0;; ++attempt) {
      g.code = NewCheckInCode();
      auto inserted = tx.events().InsertRegistration(g);
      if (inserted.ok()) {
        g.id = *inserted;
        break;
      }
      if (inserted.status().code() != "code_taken" || attempt + 1 == kCodeAttempts) {
        return inserted.status();
      }
    }
    return tx.AppendAudit(
        AuditOf(g.created_at, actor.id(), "event", id, "register",
                {{"registration_id", g.id}, {"status", RegistrationStatusName(g.status)}}));
  }));
  if (wait > 0) {
    if (retry_after != nullptr) *retry_after = wait;
    return Status::Error(ErrorKind::kTooMany, "too_many_registrations",
                         "too many registrations from this address; try again later");
  }
  return g;
}

Result<EventRegistration> Events::MyRegistration(const Actor& actor, int64_t id) {
  if (!actor.signed_in()) return Unauthorized();
  Result<EventRegistration> out = NotFound("registration");
  KC_RETURN_IF_ERROR(store_.Read([&](StoreTx& tx) -> Status {
    auto event = Load(tx, actor, id, false);
    if (!event.ok()) return event.status();
    auto mine = tx.events().FindRegistrationOfUser(id, *actor.id());
    if (!mine.ok()) return mine.status();
    if (!*mine) return NotFound("registration");
    out = std::move(**mine);
    return Status::Ok();
  }));
  return out;
}

Result<EventRegistration> Events::RegistrationByCode(const Actor& actor, int64_t id,
                                                     std::string_view code) {
  Result<EventRegistration> out = NotFound("registration");
  KC_RETURN_IF_ERROR(store_.Read([&](StoreTx& tx) -> Status {
    auto event = Load(tx, actor, id, false);
    if (!event.ok()) return event.status();
    out = FindByCode(tx, id, code);
    return out.status();
  }));
  return out;
}

Result<EventRegistration> Events::CancelRegistration(const Actor& actor, int64_t id,
                                                     std::string_view code) {
  Result<EventRegistration> out = NotFound("registration");
  KC_RETURN_IF_ERROR(store_.Write([&](StoreTx& tx) -> Status {
    auto event = Load(tx, actor, id, false);
    if (!event.ok()) return event.status();
    auto g = FindByCode(tx, id, code);
    if (!g.ok()) return g.status();
    if (g->status == RegistrationStatus::kCancelled) {
      return Conflict("already_cancelled", "the registration was already cancelled");
    }
    const bool freed_seat = g->status == RegistrationStatus::kConfirmed;
    g->status = RegistrationStatus::kCancelled;
    g->updated_at = clock_.Now();
    KC_RETURN_IF_ERROR(tx.events().UpdateRegistration(*g));
    KC_RETURN_IF_ERROR(
        tx.AppendAudit(AuditOf(g->updated_at, actor.id(), "event", id, "cancel_registration",
                               {{"registration_id", g->id}})));
    if (freed_seat && event->status == EventStatus::kPublished) {
      KC_RETURN_IF_ERROR(FillSeats(tx, *event, actor));
    }
    out = std::move(*g);
    return Status::Ok();
  }));
  return out;
}

Result<Page<EventRegistration>> Events::Registrations(const Actor& actor, int64_t id,
                                                      bool with_cancelled, int64_t offset,
                                                      int64_t limit) {
  Page<EventRegistration> out;
  KC_RETURN_IF_ERROR(store_.Read([&](StoreTx& tx) -> Status {
    auto event = Load(tx, actor, id, true);
    if (!event.ok()) return event.status();
    if (!SeesRegistrations(actor, *event)) return Forbidden("only organisers see registrants");
    auto page = tx.events().ListRegistrations(id, with_cancelled, offset, limit);
    if (!page.ok()) return page.status();
    out = std::move(*page);
    return Status::Ok();
  }));
  return out;
}

Result<EventRegistration> Events::CheckIn(const Actor& actor, int64_t id, std::string_view code) {
  Result<EventRegistration> out = NotFound("registration");
  KC_RETURN_IF_ERROR(store_.Write([&](StoreTx& tx) -> Status {
    auto event = Load(tx, actor, id, true);
    if (!event.ok()) return event.status();
    auto g = FindByCode(tx, id, code);
    if (!g.ok()) return g.status();
    const int64_t now = clock_.Now();
    KC_RETURN_IF_ERROR(CheckCheckIn(*event, *g, now));
    g->checked_in_at = now;
    g->updated_at = now;
    KC_RETURN_IF_ERROR(tx.events().UpdateRegistration(*g));
    KC_RETURN_IF_ERROR(tx.AppendAudit(
        AuditOf(now, actor.id(), "event", id, "check_in", {{"registration_id", g->id}})));
    out = std::move(*g);
    return Status::Ok();
  }));
  return out;
}

}  // namespace kc
