// JSON of events (对接会、路演与年会) and their registrations, read from and written to JSON. Each
// writer stands beside the OpenAPI schema of what it writes, and the routes document their
// requests and responses with these schemas, so the two change together; the response check
// (docs/api.md, "The document is checked") and tests/api/event_json_test.cc compare them.
#pragma once

#include <nlohmann/json.hpp>

#include "core/event.h"
#include "core/status.h"
#include "service/events.h"

namespace kc::api {

// An event as lists show it (all of it is public once published). Times are ISO 8601 UTC.
nlohmann::json EventJson(const Event& event);
nlohmann::json EventSchema();
// An event with its organiser's name, its presented listings, its registration counts, the
// seats left (null without a limit) and the deals opened from its listings since it began.
nlohmann::json EventViewJson(const EventView& view);
nlohmann::json EventViewSchema();
// What creating an event takes (org_id, kind, title, starts_at, ends_at required), and updating
// one (every field optional).
nlohmann::json EventInputSchema(bool for_patch);
// A new event from `body`; 400/422 naming the field otherwise. Times are ISO 8601 with a zone
// ("2026-05-06T09:00:00+08:00" or "…Z").
Result<Event> ReadEvent(const nlohmann::json& body);
Result<EventChanges> ReadEventChanges(const nlohmann::json& body);

// A registration as its registrant and the organisers see it, with its check-in code; with
// `with_qr` (the registrant's own answers) also the code as a QR code, an SVG image in
// "qr_svg".
nlohmann::json RegistrationJson(const EventRegistration& registration, bool with_qr = false);
nlohmann::json RegistrationSchema();
// What registering takes: name, email (a visitor's is required), organisation.
nlohmann::json RegistrantSchema();
Result<Registrant> ReadRegistrant(const nlohmann::json& body);
// A body {"code": "…"} (cancelling a registration, checking in).
nlohmann::json CodeSchema();
Result<std::string> ReadCode(const nlohmann::json& body);

}  // namespace kc::api
