#include "api/subscription_json.h"

#include "api/json_io.h"
#include "api/schemas.h"
#include "core/iso_time.h"

namespace kc::api {

using nlohmann::json;

json SubscriptionJson(const Subscription& s) {
  json j = {{"id", s.id}, {"kind", s.kind}, {"created_at", IsoTime(s.created_at)}};
  if (s.kind == "search") j["query"] = json::parse(s.query, nullptr, false);
  if (s.kind == "listing") j["listing_id"] = s.listing_id;
  return j;
}

json SubscriptionSchema() {
  using namespace schema;
  return Obj({{"id", Int()},
              {"kind", Str()},
              {"query", {{"type", "object"}, {"description", "a saved search's filters"}}},
              {"listing_id", Int()},
              {"created_at", Str()}});
}

json SubscriptionInputSchema() {
  using namespace schema;
  return Obj({{"q", Str()},
              {"type", Str()},
              {"category", Str()},
              {"discipline", Str()},
              {"region", Str()},
              {"listing_id", Int()}});
}

Result<SubscriptionRequest> ReadSubscriptionRequest(const json& body) {
  SubscriptionRequest r;
  KC_RETURN_IF_ERROR(
      AllowOnly(body, {"listing_id", "q", "type", "category", "discipline", "region"}));
  KC_RETURN_IF_ERROR(OptInt(body, "listing_id", &r.listing_id));
  if (r.listing_id) {
    if (body.size() > 1) {
      return BadInput("conflicting_fields",
                      "follow a listing (listing_id) or save a search (q), not both");
    }
    return r;
  }
  std::optional<std::string> type, category, discipline, region;
  KC_RETURN_IF_ERROR(RequireString(body, "q", &r.search.q));
  KC_RETURN_IF_ERROR(OptString(body, "type", &type));
  KC_RETURN_IF_ERROR(OptString(body, "category", &category));
  KC_RETURN_IF_ERROR(OptString(body, "discipline", &discipline));
  KC_RETURN_IF_ERROR(OptString(body, "region", &region));
  if (type && !type->empty()) {
    r.search.type = KindFromName(*type);
    if (!r.search.type) {
      return Invalid("type", "invalid_type",
                     "type is achievement, demand, expert, talent or talent_demand");
    }
  }
  r.search.category = category.value_or("");
  r.search.discipline = discipline.value_or("");
  r.search.region = region.value_or("");
  return r;
}

json NotificationJson(const Notification& n) {
  json j = {{"id", n.id},
            {"kind", n.kind},
            {"subscription_id", n.subscription_id},
            {"listing_id", n.listing_id},
            {"listing_type", n.listing_kind},
            {"title", n.title},
            {"message", n.message},
            {"created_at", IsoTime(n.created_at)},
            {"read", n.read_at != 0}};
  if (n.deal_id) j["deal_id"] = n.deal_id;
  if (n.call_id) j["call_id"] = n.call_id;
  json detail = json::parse(n.detail, nullptr, false);
  j["detail"] = detail.is_object() ? detail : json::object();
  return j;
}

json NotificationSchema() {
  using namespace schema;
  return Obj(
      {{"id", Int()},
       {"kind", Str()},
       {"subscription_id", Int()},
       {"listing_id", Int()},
       {"listing_type", Str()},
       {"deal_id", Int()},
       {"call_id", Int()},
       {"title", Str()},
       {"message", Str()},
       {"detail", json{{"type", "object"}, {"description", "what happened, as codes and values"}}},
       {"created_at", Str()},
       {"read", Bool()}});
}

}  // namespace kc::api
