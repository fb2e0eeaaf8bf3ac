// /events: matchmaking meetings, roadshows and the annual conference (对接会、路演与年会), their
// registrations, waiting list and check-in (docs/events.md).
#include <algorithm>
#include <string>

#include "api/event_json.h"
#include "api/import_json.h"
#include "api/json_io.h"
#include "api/routes.h"
#include "api/schemas.h"
#include "service/event_calendar.h"

namespace kc::api {

namespace {

using http::bhttp::verb;

constexpr int64_t kFeedSize = 200;  // upcoming events in the calendar feed

Result<EventListRequest> ReadListRequest(const http::Request& req, const PageParams& page) {
  EventListRequest r;
  r.offset = page.offset();
  r.limit = page.size;
  if (auto org = req.Query("org_id"); org && !org->empty()) {
    auto id = ParseId(*org, "org_id");
    if (!id.ok()) return id.status();
    r.org_id = *id;
  }
  if (auto kind = req.Query("kind"); kind && !kind->empty()) {
    r.kind = EventKindFromName(*kind);
    if (!r.kind) {
      return BadInput("invalid_parameter", "kind is matchmaking, roadshow or conference", "kind");
    }
  }
  r.text = req.Query("q").value_or("");  // bounded by Events::List
  if (auto upcoming = req.Query("upcoming"); upcoming && !upcoming->empty()) {
    if (*upcoming != "true" && *upcoming != "false") {
      return BadInput("invalid_parameter", "upcoming is true or false", "upcoming");
    }
    r.upcoming = *upcoming == "true";
  }
  return r;
}

http::Response ListEvents(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, ctx.Authenticate(req, false));
  KC_ASSIGN_OR_RESPOND(page, ReadPage(req));
  KC_ASSIGN_OR_RESPOND(request, ReadListRequest(req, *page));
  KC_ASSIGN_OR_RESPOND(events, ctx.events->List(*actor, *request));
  json items = json::array();
  for (const Event& e : events->items) items.push_back(EventJson(e));
  return JsonResponse(200, PageJson(items, events->total, *page));
}

http::Response GetEvent(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, ctx.Authenticate(req, false));
  KC_ASSIGN_OR_RESPOND(id, ParseId(req.Param("id"), "id"));
  KC_ASSIGN_OR_RESPOND(view, ctx.events->Get(*actor, *id));
  return JsonResponse(200, EventViewJson(*view));
}

http::Response CreateEvent(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, ctx.Authenticate(req, true));
  if (!actor->signed_in()) return http::ErrorResponse(Unauthorized());
  KC_ASSIGN_OR_RESPOND(body, ParseObject(req));
  KC_ASSIGN_OR_RESPOND(event, ReadEvent(*body));
  KC_ASSIGN_OR_RESPOND(created, ctx.events->Create(*actor, *event));
  return JsonResponse(201, EventViewJson(*created));
}

http::Response PatchEvent(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, ctx.Authenticate(req, true));
  if (!actor->signed_in()) return http::ErrorResponse(Unauthorized());
  KC_ASSIGN_OR_RESPOND(id, ParseId(req.Param("id"), "id"));
  KC_ASSIGN_OR_RESPOND(body, ParseObject(req));
  KC_ASSIGN_OR_RESPOND(changes, ReadEventChanges(*body));
  KC_ASSIGN_OR_RESPOND(updated, ctx.events->Update(*actor, *id, *changes));
  return JsonResponse(200, EventViewJson(*updated));
}

http::Response ApplyAction(Context& ctx, http::Request& req, std::string_view action) {
  KC_ASSIGN_OR_RESPOND(actor, ctx.Authenticate(req, true));
  if (!actor->signed_in()) return http::ErrorResponse(Unauthorized());
  KC_ASSIGN_OR_RESPOND(id, ParseId(req.Param("id"), "id"));
  KC_ASSIGN_OR_RESPOND(view, ctx.events->Apply(*actor, *id, action));
  return JsonResponse(200, EventViewJson(*view));
}

http::Response Register(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, ctx.Authenticate(req, true));
  KC_ASSIGN_OR_RESPOND(id, ParseId(req.Param("id"), "id"));
  KC_ASSIGN_OR_RESPOND(body, ParseObject(req));
  KC_ASSIGN_OR_RESPOND(registrant, ReadRegistrant(*body));
  int64_t retry_after = 0;
  auto g = ctx.events->Register(*actor, *id, *registrant, ctx.ClientAddress(req), &retry_after);
  if (!g.ok()) {
    auto refused = http::ErrorResponse(g.status());
    if (g.status().kind() == ErrorKind::kTooMany) {
      refused.AddHeader("Retry-After", std::to_string(std::max<int64_t>(1, retry_after)));
    }
    return refused;
  }
  return JsonResponse(201, RegistrationJson(*g, true));
}

http::Response MyRegistration(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, ctx.Authenticate(req, false));
  KC_ASSIGN_OR_RESPOND(id, ParseId(req.Param("id"), "id"));
  KC_ASSIGN_OR_RESPOND(g, ctx.events->MyRegistration(*actor, *id));
  return JsonResponse(200, RegistrationJson(*g, true));
}

http::Response ListRegistrations(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, ctx.Authenticate(req, false));
  KC_ASSIGN_OR_RESPOND(id, ParseId(req.Param("id"), "id"));
  KC_ASSIGN_OR_RESPOND(page, ReadPage(req));
  bool with_cancelled = false;
  if (auto all = req.Query("cancelled"); all && !all->empty()) {
    if (*all != "true" && *all != "false") {
      return http::ErrorResponse(
          BadInput("invalid_parameter", "cancelled is true or false", "cancelled"));
    }
    with_cancelled = *all == "true";
  }
  KC_ASSIGN_OR_RESPOND(registrations, ctx.events->Registrations(*actor, *id, with_cancelled,
                                                                page->offset(), page->size));
  json items = json::array();
  for (const auto& g : registrations->items) items.push_back(RegistrationJson(g));
  return JsonResponse(200, PageJson(items, registrations->total, *page));
}

// Cancelling a registration and checking in both take {"code"}.
// What a request with a check-in code does.
enum class CodeAction { kLookUp, kCancel, kCheckIn };

http::Response WithCode(Context& ctx, http::Request& req, CodeAction action) {
  KC_ASSIGN_OR_RESPOND(actor, ctx.Authenticate(req, true));
  KC_ASSIGN_OR_RESPOND(id, ParseId(req.Param("id"), "id"));
  KC_ASSIGN_OR_RESPOND(body, ParseObject(req));
  KC_ASSIGN_OR_RESPOND(code, ReadCode(*body));
  switch (action) {
    case CodeAction::kLookUp: {
      // The holder of the code sees its QR code again.
      KC_ASSIGN_OR_RESPOND(g, ctx.events->RegistrationByCode(*actor, *id, *code));
      return JsonResponse(200, RegistrationJson(*g, true));
    }
    case CodeAction::kCancel: {
      KC_ASSIGN_OR_RESPOND(g, ctx.events->CancelRegistration(*actor, *id, *code));
      return JsonResponse(200, RegistrationJson(*g));
    }
    case CodeAction::kCheckIn:
      break;
  }
  KC_ASSIGN_OR_RESPOND(g, ctx.events->CheckIn(*actor, *id, *code));
  return JsonResponse(200, RegistrationJson(*g));
}

http::Response ImportEvents(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, ctx.Authenticate(req, true));
  if (!actor->signed_in()) return http::ErrorResponse(Unauthorized());
  KC_ASSIGN_OR_RESPOND(report, ctx.events->Import(*actor, req.body()));
  return JsonResponse(200, ImportReportJson(*report));
}

http::Response Calendar(Context& ctx, const std::vector<Event>& events, const std::string& name,
                        const std::string& file) {
  http::Response r;
  r.content_type = "text/calendar; charset=utf-8";
  r.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + file + "\"");
  r.body = EventCalendar(events, CalendarInfo{ctx.base_url, name, ctx.clock.Now()});
  return r;
}

http::Response EventFile(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, ctx.Authenticate(req, false));
  KC_ASSIGN_OR_RESPOND(id, ParseId(req.Param("id"), "id"));
  KC_ASSIGN_OR_RESPOND(view, ctx.events->Get(*actor, *id));
  return Calendar(ctx, {view->event}, view->event.title, "event-" + std::to_string(*id) + ".ics");
}

http::Response UpcomingFeed(Context& ctx, http::Request&) {
  KC_ASSIGN_OR_RESPOND(events, ctx.events->Upcoming(kFeedSize));
  return Calendar(ctx, *events, "科创 · 活动 Events", "events.ics");
}

}  // namespace

void RegisterEventRoutes(http::Router& router, Context& ctx) {
  using namespace schema;
  const json view = EventViewSchema();
  const json registration = RegistrationSchema();
  json list_query = PageQuery();
  list_query.push_back(QueryParam("upcoming", "true: only events not yet over, soonest first",
                                  Enum({"true", "false"})));
  list_query.push_back(QueryParam("org_id", "only this organiser's events", Int()));
  list_query.push_back(QueryParam("q", "text in the title or venue"));
  list_query.push_back(QueryParam("kind", "matchmaking, roadshow or conference",
                                  Enum({"matchmaking", "roadshow", "conference"})));
  router.Add(
      verb::get, "/api/v1/events", Guarded([&ctx](http::Request& r) { return ListEvents(ctx, r); }),
      {.summary = "Events (对接会、路演与年会): published and cancelled ones, and the drafts "
                  "of the organisations the caller organises for",
       .tag = "events",
       .query_params = list_query,
       .response = PageOf(EventSchema()),
       .errors = {400}});
  router.Add(verb::post, "/api/v1/events",
             Guarded([&ctx](http::Request& r) { return CreateEvent(ctx, r); }),
             {.summary = "Create a draft event (platform admins, and the organising "
                         "organisation's org admins)",
              .tag = "events",
              .auth = true,
              .request_body = EventInputSchema(false),
              .success_status = 201,
              .response = view,
              .errors = {400, 401, 403, 422}});
  router.Add(
      verb::post, "/api/v1/events/import",
      Guarded([&ctx](http::Request& r) { return ImportEvents(ctx, r); }),
      {.summary = "Import events from CSV (UTF-8, UTF-16 or GB18030; columns in docs/events.md): "
                  "every good line becomes an event, every bad one is reported with its number",
       .tag = "events",
       .auth = true,
       .request_body = {{"type", "string"}, {"description", "the CSV file"}},
       .request_content_type = "text/csv",
       .response = Ref("ImportReport"),
       .errors = {400, 401, 413},
       .body_size = http::BodySize::kUpload},
      http::Pool::kBlocking);
  router.Add(verb::get, "/api/v1/events/feed.ics",
             Guarded([&ctx](http::Request& r) { return UpcomingFeed(ctx, r); }),
             {.summary = "The published events not yet over as one iCalendar feed (RFC 5545, "
                         "text/calendar), soonest first, at most 200",
              .tag = "events"});
  router.Add(verb::get, "/api/v1/events/{id}",
             Guarded([&ctx](http::Request& r) { return GetEvent(ctx, r); }),
             {.summary = "An event with its presented listings, seats and the deals opened from "
                         "its listings since it began",
              .tag = "events",
              .response = view,
              .errors = {400, 404}});
  router.Add(verb::get, "/api/v1/events/{id}/calendar.ics",
             Guarded([&ctx](http::Request& r) { return EventFile(ctx, r); }),
             {.summary = "The event as an iCalendar file (RFC 5545, text/calendar), to add it to "
                         "a calendar",
              .tag = "events",
              .errors = {400, 404}});
  router.Add(verb::patch, "/api/v1/events/{id}",
             Guarded([&ctx](http::Request& r) { return PatchEvent(ctx, r); }),
             {.summary = "Change an event (organisers); a larger capacity seats the waiting",
              .tag = "events",
              .auth = true,
              .request_body = EventInputSchema(true),
              .response = view,
              .errors = {400, 401, 403, 404, 409, 422}});
  for (const char* action : {"publish", "cancel"}) {
    const std::string a = action;
    router.Add(verb::post, "/api/v1/events/{id}/" + a,
               Guarded([&ctx, a](http::Request& r) { return ApplyAction(ctx, r, a); }),
               {.summary = a == "publish" ? "Publish a draft event (organisers)"
                                          : "Cancel an event (organisers); it stays readable",
                .tag = "events",
                .auth = true,
                .response = view,
                .errors = {400, 401, 403, 404, 409}});
  }
  router.Add(verb::post, "/api/v1/events/{id}/registrations",
             Guarded([&ctx](http::Request& r) { return Register(ctx, r); }),
             {.summary = "Register for an event: a member (name and email default to the "
                         "account's) or a visitor with name and email. A seat while one is "
                         "free, else the waiting list; the answer holds the check-in code. A "
                         "visitor's registrations are limited per client address (429 "
                         "too_many_registrations with Retry-After)",
              .tag = "events",
              .request_body = RegistrantSchema(),
              .success_status = 201,
              .response = registration,
              .errors = {400, 404, 409, 422, 429}});
  json registrations_query = PageQuery();
  registrations_query.push_back(
      QueryParam("cancelled", "true: cancelled registrations too", Enum({"true", "false"})));
  router.Add(verb::get, "/api/v1/events/{id}/registrations",
             Guarded([&ctx](http::Request& r) { return ListRegistrations(ctx, r); }),
             {.summary = "The registrations with e-mail addresses and check-in codes "
                         "(organisers only)",
              .tag = "events",
              .auth = true,
              .query_params = registrations_query,
              .response = PageOf(registration),
              .errors = {400, 401, 403, 404}});
  router.Add(verb::get, "/api/v1/events/{id}/registration",
             Guarded([&ctx](http::Request& r) { return MyRegistration(ctx, r); }),
             {.summary = "The caller's own live registration, with its check-in code",
              .tag = "events",
              .auth = true,
              .response = registration,
              .errors = {400, 401, 404}});
  router.Add(verb::post, "/api/v1/events/{id}/registrations/lookup",
             Guarded([&ctx](http::Request& r) { return WithCode(ctx, r, CodeAction::kLookUp); }),
             {.summary = "The registration holding this check-in code, with its QR code: a "
                         "visitor learns whether the waiting list has seated them",
              .tag = "events",
              .request_body = CodeSchema(),
              .response = registration,
              .errors = {400, 404, 422}});
  router.Add(verb::post, "/api/v1/events/{id}/registrations/cancel",
             Guarded([&ctx](http::Request& r) { return WithCode(ctx, r, CodeAction::kCancel); }),
             {.summary = "Cancel the registration holding this check-in code; the longest "
                         "waiting takes the seat",
              .tag = "events",
              .request_body = CodeSchema(),
              .response = registration,
              .errors = {400, 404, 409, 422}});
  router.Add(verb::post, "/api/v1/events/{id}/check-in",
             Guarded([&ctx](http::Request& r) { return WithCode(ctx, r, CodeAction::kCheckIn); }),
             {.summary = "Check in the registration holding this code (organisers), from a day "
                         "before the event until a day after it",
              .tag = "events",
              .auth = true,
              .request_body = CodeSchema(),
              .response = registration,
              .errors = {400, 401, 403, 404, 409, 422}});
}

}  // namespace kc::api
