#include "api/event_json.h"

#include <algorithm>

#include "api/json_io.h"
#include "api/schemas.h"
#include "core/iso_time.h"
#include "core/news.h"
#include "service/qr_code.h"

namespace kc::api {

using nlohmann::json;

namespace {

json KindSchema() { return schema::Enum({"matchmaking", "roadshow", "conference"}); }

// An ISO 8601 time with its zone, into seconds since the epoch.
Status ReadTime(const json& body, const char* name, std::optional<int64_t>* out) {
  std::optional<std::string> text;
  KC_RETURN_IF_ERROR(OptString(body, name, &text));
  if (!text) return Status::Ok();
  auto t = ParseIsoTimeWithOffset(*text);
  if (!t) {
    return Invalid(
        name, "invalid_time",
        std::string(name) + " is an ISO 8601 time with its zone, e.g. 2026-05-06T09:00:00+08:00");
  }
  *out = t->epoch_seconds;
  return Status::Ok();
}

Status ReadIds(const json& body, const char* name, std::optional<std::vector<int64_t>>* out) {
  if (!body.contains(name) || body[name].is_null()) return Status::Ok();
  const json& v = body[name];
  if (!v.is_array()) return Invalid(name, "invalid_type", std::string(name) + " is a list of ids");
  std::vector<int64_t> ids;
  for (const json& id : v) {
    if (!id.is_number_integer()) {
      return Invalid(name, "invalid_type", std::string(name) + " is a list of ids");
    }
    ids.push_back(id.get<int64_t>());
  }
  *out = std::move(ids);
  return Status::Ok();
}

// The fields both create and update read.
Status ReadChanges(const json& body, EventChanges* c) {
  std::optional<std::string> kind;
  KC_RETURN_IF_ERROR(OptString(body, "kind", &kind));
  if (kind) {
    c->kind = EventKindFromName(*kind);
    if (!c->kind) {
      return Invalid("kind", "invalid_kind", "kind is matchmaking, roadshow or conference");
    }
  }
  KC_RETURN_IF_ERROR(OptString(body, "title", &c->title));
  KC_RETURN_IF_ERROR(OptString(body, "description", &c->description));
  KC_RETURN_IF_ERROR(OptString(body, "venue", &c->venue));
  KC_RETURN_IF_ERROR(OptString(body, "online_url", &c->online_url));
  KC_RETURN_IF_ERROR(OptInt(body, "capacity", &c->capacity));
  KC_RETURN_IF_ERROR(ReadTime(body, "starts_at", &c->starts_at));
  KC_RETURN_IF_ERROR(ReadTime(body, "ends_at", &c->ends_at));
  return ReadIds(body, "listing_ids", &c->listing_ids);
}

constexpr std::initializer_list<const char*> kChangeFields = {
    "kind",     "title",     "description", "venue",      "online_url",
    "capacity", "starts_at", "ends_at",     "listing_ids"};

}  // namespace

json EventJson(const Event& e) {
  return {{"id", e.id},
          {"org_id", e.org_id},
          {"kind", EventKindName(e.kind)},
          {"title", e.title},
          {"description", e.description},
          {"starts_at", IsoTime(e.starts_at)},
          {"ends_at", IsoTime(e.ends_at)},
          {"venue", e.venue},
          {"online_url", e.online_url},
          {"capacity", e.capacity},
          {"listing_ids", e.listing_ids},
          {"status", EventStatusName(e.status)},
          {"demo", e.demo},
          {"created_at", IsoTime(e.created_at)},
          {"updated_at", IsoTime(e.updated_at)}};
}

json EventSchema() {
  using namespace schema;
  return Obj({{"id", Int()},
              {"org_id", Int()},
              {"kind", KindSchema()},
              {"title", Str()},
              {"description", Str()},
              {"starts_at", Time()},
              {"ends_at", Time()},
              {"venue", Str()},
              {"online_url", Str()},
              {"capacity", {{"type", "integer"}, {"description", "seats; 0 for no limit"}}},
              {"listing_ids", ListOf(Int())},
              {"status", Enum({"draft", "published", "cancelled"})},
              {"demo", Bool()},
              {"created_at", Time()},
              {"updated_at", Time()}},
             {"id", "org_id", "kind", "title", "starts_at", "ends_at", "status"});
}

json EventViewJson(const EventView& v) {
  json j = EventJson(v.event);
  j["org_name"] = v.org_name;
  json listings = json::array();
  for (const Listing& l : v.listings) {
    listings.push_back({{"id", l.id}, {"kind", KindName(l.kind)}, {"title", l.title}});
  }
  j["listings"] = listings;
  j["registrations"] = {{"confirmed", v.counts.confirmed},
                        {"waiting", v.counts.waiting},
                        {"checked_in", v.counts.checked_in}};
  j["seats_left"] = v.event.capacity == 0
                        ? json(nullptr)
                        : json(std::max<int64_t>(0, v.event.capacity - v.counts.confirmed));
  j["deals_opened"] = v.deals_opened;
  return j;
}

json EventViewSchema() {
  using namespace schema;
  json s = EventSchema();
  s["properties"]["org_name"] = Str();
  s["properties"]["listings"] =
      ListOf(Obj({{"id", Int()}, {"kind", Enum({"demand", "achievement"})}, {"title", Str()}},
                 {"id", "kind", "title"}));
  s["properties"]["registrations"] =
      Obj({{"confirmed", Int()}, {"waiting", Int()}, {"checked_in", Int()}},
          {"confirmed", "waiting", "checked_in"});
  s["properties"]["seats_left"] = Nullable(Int());
  s["properties"]["deals_opened"] = {
      {"type", "integer"},
      {"description", "deals opened on the presented listings since the event began"}};
  return s;
}

json EventInputSchema(bool for_patch) {
  using namespace schema;
  json props = {{"kind", KindSchema()},
                {"title", Str()},
                {"description", Str()},
                {"starts_at", {{"type", "string"}, {"description", "ISO 8601 with a zone"}}},
                {"ends_at", {{"type", "string"}, {"description", "ISO 8601 with a zone"}}},
                {"venue", Str()},
                {"online_url", Str()},
                {"capacity", Int()},
                {"listing_ids", ListOf(Int())}};
  if (for_patch) return Obj(props);
  props["org_id"] = Int();
  return Obj(props, {"org_id", "kind", "title", "starts_at", "ends_at"});
}

Result<Event> ReadEvent(const json& body) {
  KC_RETURN_IF_ERROR(
      AllowOnly(body, {"org_id", "kind", "title", "description", "venue", "online_url", "capacity",
                       "starts_at", "ends_at", "listing_ids"}));
  std::optional<int64_t> org_id;
  KC_RETURN_IF_ERROR(OptInt(body, "org_id", &org_id));
  if (!org_id) return Invalid("org_id", "required", "org_id is required");
  std::string title;
  KC_RETURN_IF_ERROR(RequireString(body, "title", &title));
  EventChanges c;
  KC_RETURN_IF_ERROR(ReadChanges(body, &c));
  if (!c.kind) return Invalid("kind", "required", "kind is required");
  if (!c.starts_at) return Invalid("starts_at", "required", "starts_at is required");
  if (!c.ends_at) return Invalid("ends_at", "required", "ends_at is required");
  Event e;
  e.org_id = *org_id;
  e.kind = *c.kind;
  e.title = title;
  e.description = c.description.value_or("");
  e.starts_at = *c.starts_at;
  e.ends_at = *c.ends_at;
  e.venue = c.venue.value_or("");
  e.online_url = c.online_url.value_or("");
  e.capacity = c.capacity.value_or(0);
  e.listing_ids = c.listing_ids.value_or(std::vector<int64_t>{});
  return e;
}

Result<EventChanges> ReadEventChanges(const json& body) {
  KC_RETURN_IF_ERROR(AllowOnly(body, kChangeFields));
  EventChanges c;
  KC_RETURN_IF_ERROR(ReadChanges(body, &c));
  return c;
}

json RegistrationJson(const EventRegistration& g, bool with_qr) {
  json j = {{"id", g.id},
            {"event_id", g.event_id},
            {"user_id", g.user_id ? json(*g.user_id) : json(nullptr)},
            {"name", g.name},
            {"email", g.email},
            {"organisation", g.organisation},
            {"status", RegistrationStatusName(g.status)},
            {"code", g.code},
            {"created_at", IsoTime(g.created_at)},
            {"checked_in_at", IsoTime(g.checked_in_at)}};
  if (with_qr) {
    if (auto svg = QrSvg(g.code); svg.ok()) j["qr_svg"] = *svg;
  }
  return j;
}

json RegistrationSchema() {
  using namespace schema;
  return Obj({{"id", Int()},
              {"event_id", Int()},
              {"user_id", Nullable(Int())},
              {"name", Str()},
              {"email", Str()},
              {"organisation", Str()},
              {"status", Enum({"confirmed", "waiting", "cancelled"})},
              {"code", {{"type", "string"}, {"description", "the check-in code (签到码)"}}},
              {"created_at", Time()},
              {"checked_in_at", Time()},
              {"qr_svg",
               {{"type", "string"},
                {"description",
                 "the code as a QR code (SVG), in the registrant's "
                 "own answers"}}}},
             {"id", "event_id", "status", "code"});
}

json RegistrantSchema() {
  using namespace schema;
  return Obj({{"name", Str()}, {"email", Str()}, {"organisation", Str()}});
}

Result<Registrant> ReadRegistrant(const json& body) {
  KC_RETURN_IF_ERROR(AllowOnly(body, {"name", "email", "organisation"}));
  std::optional<std::string> name, email, organisation;
  KC_RETURN_IF_ERROR(OptString(body, "name", &name));
  KC_RETURN_IF_ERROR(OptString(body, "email", &email));
  KC_RETURN_IF_ERROR(OptString(body, "organisation", &organisation));
  return Registrant{name.value_or(""), email.value_or(""), organisation.value_or("")};
}

json CodeSchema() {
  using namespace schema;
  return Obj({{"code", Str()}}, {"code"});
}

Result<std::string> ReadCode(const json& body) {
  KC_RETURN_IF_ERROR(AllowOnly(body, {"code"}));
  std::string code;
  KC_RETURN_IF_ERROR(RequireString(body, "code", &code));
  return code;
}

}  // namespace kc::api
