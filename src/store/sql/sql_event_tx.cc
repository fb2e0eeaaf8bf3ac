#include "store/sql/sql_event_tx.h"

#include <map>

#include "store/sql/dialect.h"
#include "store/sql/statements.h"

namespace kc::sql {

namespace {

constexpr const char* kEventCols =
    "e.id, e.org_id, e.kind, e.title, e.description, e.starts_at, e.ends_at, e.venue, "
    "e.online_url, e.capacity, e.status, e.demo, e.created_by, e.created_at, e.updated_at";
constexpr const char* kRegistrationCols =
    "id, event_id, user_id, name, email, organisation, status, code, created_at, updated_at, "
    "checked_in_at";

// The event in kEventCols order (without its listings).
Event EventFrom(const Row& r) {
  Event e;
  e.id = r.Int(0);
  e.org_id = r.Int(1);
  e.kind = EventKindFromName(r.Text(2)).value_or(EventKind::kMatchmaking);
  e.title = r.Text(3);
  e.description = r.Text(4);
  e.starts_at = r.Int(5);
  e.ends_at = r.Int(6);
  e.venue = r.Text(7);
  e.online_url = r.Text(8);
  e.capacity = r.Int(9);
  e.status = EventStatusFromName(r.Text(10)).value_or(EventStatus::kDraft);
  e.demo = r.Int(11) != 0;
  e.created_by = r.Int(12);
  e.created_at = r.Int(13);
  e.updated_at = r.Int(14);
  return e;
}

// Binds the event's columns after id, in kEventCols order.
void BindEvent(Stmt& s, const Event& e) {
  s.Bind(e.org_id).Bind(EventKindName(e.kind)).Bind(e.title).Bind(e.description);
  s.Bind(e.starts_at).Bind(e.ends_at).Bind(e.venue).Bind(e.online_url).Bind(e.capacity);
  s.Bind(EventStatusName(e.status)).Bind(int64_t{e.demo ? 1 : 0}).Bind(e.created_by);
  s.Bind(e.created_at).Bind(e.updated_at);
}

EventRegistration RegistrationFrom(const Row& r) {
  EventRegistration g;
  g.id = r.Int(0);
  g.event_id = r.Int(1);
  if (!r.IsNull(2)) g.user_id = r.Int(2);
  g.name = r.Text(3);
  g.email = r.Text(4);
  g.organisation = r.Text(5);
  g.status = RegistrationStatusFromName(r.Text(6)).value_or(RegistrationStatus::kCancelled);
  g.code = r.Text(7);
  g.created_at = r.Int(8);
  g.updated_at = r.Int(9);
  g.checked_in_at = r.Int(10);
  return g;
}

void BindRegistration(Stmt& s, const EventRegistration& g) {
  s.Bind(g.event_id)
      .Bind(g.user_id)
      .Bind(g.name)
      .Bind(g.email)
      .Bind(g.organisation)
      .Bind(RegistrationStatusName(g.status));
  s.Bind(g.code).Bind(g.created_at).Bind(g.updated_at).Bind(g.checked_in_at);
}

std::string RegistrationSelect(std::string_view where) {
  return std::string("SELECT ") + kRegistrationCols + " FROM event_registrations WHERE " +
         std::string(where);
}

}  // namespace

Result<int64_t> SqlEventTx::InsertEvent(const Event& e) {
  auto id = Scalar(c_,
                   "INSERT INTO events (org_id, kind, title, description, starts_at, ends_at, "
                   "venue, online_url, capacity, status, demo, created_by, created_at, "
                   "updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id",
                   [&](Stmt& s) { BindEvent(s, e); });
  if (!id.ok()) return id.status();
  KC_RETURN_IF_ERROR(ReplaceListings(*id, e.listing_ids));
  return *id;
}

Result<Event> SqlEventTx::GetEvent(int64_t id) {
  auto found =
      All(c_, EventFrom, std::string("SELECT ") + kEventCols + " FROM events e WHERE e.id = ?", id);
  if (!found.ok()) return found.status();
  if (found->empty()) return NotFound("event");
  KC_RETURN_IF_ERROR(LoadListings(&*found));
  return std::move(found->front());
}

Status SqlEventTx::UpdateEvent(const Event& e) {
  KC_RETURN_IF_ERROR(Touch(
      c_, "event",
      "UPDATE events SET org_id=?, kind=?, title=?, description=?, starts_at=?, ends_at=?, "
      "venue=?, online_url=?, capacity=?, status=?, demo=?, created_by=?, created_at=?, "
      "updated_at=? WHERE id=?",
      [&](Stmt& s) { BindEvent(s, e); }, e.id));
  return ReplaceListings(e.id, e.listing_ids);
}

Result<Page<Event>> SqlEventTx::ListEvents(const EventQuery& q) {
  const Dialect& d = c_.dialect();
  std::vector<std::string> open;
  bool drafts = false;
  for (EventStatus s : q.statuses) {
    if (s == EventStatus::kDraft) {
      drafts = true;
    } else {
      open.emplace_back(EventStatusName(s));
    }
  }
  Where w;
  const std::string listed = "(" + d.InTexts("e.status");
  if (!drafts) {
    w.And(listed + ")", d.TextList(open));
  } else if (q.all_drafts) {
    w.And(listed + " OR e.status = 'draft')", d.TextList(open));
  } else {
    w.And(listed + " OR (e.status = 'draft' AND " + d.InIds("e.org_id") + "))", d.TextList(open),
          d.IdList(q.drafts_of_orgs));
  }
  if (q.org_id) w.And("e.org_id = ?", *q.org_id);
  if (q.kind) w.And("e.kind = ?", EventKindName(*q.kind));
  if (!q.text.empty()) {
    const std::string like = "%" + LikeEscape(q.text) + "%";
    w.And("(e.title LIKE ? ESCAPE '\\' OR e.venue LIKE ? ESCAPE '\\')", like, like);
  }
  if (q.ending_after) w.And("e.ends_at >= ?", *q.ending_after);
  const std::string order =
      q.ending_after ? " ORDER BY e.starts_at, e.id" : " ORDER BY e.starts_at DESC, e.id DESC";
  const std::string from = " FROM events e" + w.sql();
  auto page = ReadPage(c_, EventFrom, "SELECT COUNT(*)" + from, w,
                       kEventCols + from + order + " LIMIT ? OFFSET ?", w, q.limit, q.offset);
  if (!page.ok()) return page.status();
  KC_RETURN_IF_ERROR(LoadListings(&page->items));
  return page;
}

Result<int64_t> SqlEventTx::InsertRegistration(const EventRegistration& g) {
  auto live = Scalar(c_,
                     "SELECT COUNT(*) FROM event_registrations WHERE event_id = ? AND status <> "
                     "'cancelled' AND ((? <> 0 AND user_id = ?) OR (? <> '' AND email = ?))",
                     g.event_id, g.user_id.value_or(0), g.user_id.value_or(0), g.email, g.email);
  if (!live.ok()) return live.status();
  if (*live > 0) {
    return Conflict("already_registered", "already registered for this event");
  }
  return InsertUnique(c_, Conflict("code_taken", "the check-in code is taken", "code"),
                      "INSERT INTO event_registrations (event_id, user_id, name, email, "
                      "organisation, status, code, created_at, updated_at, checked_in_at) "
                      "VALUES (?,?,?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING RETURNING id",
                      [&](Stmt& s) { BindRegistration(s, g); });
}

Status SqlEventTx::UpdateRegistration(const EventRegistration& g) {
  return Touch(
      c_, "registration",
      "UPDATE event_registrations SET event_id=?, user_id=?, name=?, email=?, "
      "organisation=?, status=?, code=?, created_at=?, updated_at=?, checked_in_at=? "
      "WHERE id=?",
      [&](Stmt& s) { BindRegistration(s, g); }, g.id);
}

Result<EventRegistration> SqlEventTx::FindRegistrationByCode(int64_t event_id,
                                                             std::string_view code) {
  return One(c_, RegistrationFrom, "registration", RegistrationSelect("event_id = ? AND code = ?"),
             event_id, code);
}

Result<std::optional<EventRegistration>> SqlEventTx::FindRegistrationOfUser(int64_t event_id,
                                                                            int64_t user_id) {
  return First(c_, RegistrationFrom,
               RegistrationSelect("event_id = ? AND user_id = ? AND status <> 'cancelled'"),
               event_id, user_id);
}

Result<Page<EventRegistration>> SqlEventTx::ListRegistrations(int64_t event_id, bool with_cancelled,
                                                              int64_t offset, int64_t limit) {
  const std::string where =
      " FROM event_registrations WHERE event_id = ? AND (? = 1 OR status <> 'cancelled')";
  auto filters = [&](Stmt& s) { s.Bind(event_id).Bind(int64_t{with_cancelled ? 1 : 0}); };
  return ReadPage(c_, RegistrationFrom, "SELECT COUNT(*)" + where, filters,
                  kRegistrationCols + where + " ORDER BY created_at, id LIMIT ? OFFSET ?", filters,
                  limit, offset);
}

Result<RegistrationCounts> SqlEventTx::CountRegistrations(int64_t event_id) {
  auto counts = One(
      c_,
      [](const Row& r) {
        return RegistrationCounts{r.Int(0), r.Int(1), r.Int(2)};
      },
      "registrations",
      "SELECT COALESCE(SUM(CASE WHEN status = 'confirmed' THEN 1 ELSE 0 END), 0), "
      "COALESCE(SUM(CASE WHEN status = 'waiting' THEN 1 ELSE 0 END), 0), "
      "COALESCE(SUM(CASE WHEN status = 'confirmed' AND checked_in_at <> 0 THEN 1 ELSE 0 END), 0) "
      "FROM event_registrations WHERE event_id = ?",
      event_id);
  return counts;
}

Result<std::optional<EventRegistration>> SqlEventTx::FirstWaiting(int64_t event_id) {
  return First(c_, RegistrationFrom,
               RegistrationSelect("event_id = ? AND status = 'waiting' ORDER BY created_at, id "
                                  "LIMIT 1"),
               event_id);
}

Result<int64_t> SqlEventTx::CountDealsOnListings(const std::vector<int64_t>& listing_ids,
                                                 int64_t since) {
  if (listing_ids.empty()) return int64_t{0};
  const Dialect& d = c_.dialect();
  const std::string ids = d.IdList(listing_ids);
  return Scalar(c_,
                "SELECT COUNT(*) FROM deals WHERE created_at >= ? AND (" + d.InIds("demand_id") +
                    " OR " + d.InIds("achievement_id") + ")",
                since, ids, ids);
}

Status SqlEventTx::ReplaceListings(int64_t event_id, const std::vector<int64_t>& listing_ids) {
  KC_RETURN_IF_ERROR(Exec(c_, "DELETE FROM event_listings WHERE event_id = ?", event_id));
  if (listing_ids.empty()) return Status::Ok();
  std::vector<std::string> texts;
  for (int64_t id : listing_ids) texts.push_back(std::to_string(id));
  return Exec(c_,
              "INSERT INTO event_listings (event_id, listing_id, position) SELECT CAST(? AS "
              "BIGINT), CAST(e.value AS BIGINT), e.position FROM " +
                  c_.dialect().TextRows() + " AS e",
              event_id, c_.dialect().TextList(texts));
}

Status SqlEventTx::LoadListings(std::vector<Event>* events) {
  if (events->empty()) return Status::Ok();
  std::map<int64_t, Event*> by_id;
  std::vector<int64_t> ids;
  for (auto& e : *events) {
    by_id[e.id] = &e;
    e.listing_ids.clear();
    ids.push_back(e.id);
  }
  auto rows = All(
      c_, [](const Row& r) { return std::pair(r.Int(0), r.Int(1)); },
      "SELECT event_id, listing_id FROM event_listings WHERE " + c_.dialect().InIds("event_id") +
          " ORDER BY event_id, position",
      c_.dialect().IdList(ids));
  if (!rows.ok()) return rows.status();
  for (auto& [event, listing] : *rows) by_id[event]->listing_ids.push_back(listing);
  return Status::Ok();
}

}  // namespace kc::sql
