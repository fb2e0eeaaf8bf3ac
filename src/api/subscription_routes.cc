// /me/subscriptions (saved searches and followed listings) and /me/notifications.
#include "api/json_io.h"
#include "api/routes.h"
#include "api/schemas.h"
#include "core/iso_time.h"

namespace kc::api {

namespace {

using http::bhttp::verb;

json SubscriptionJson(const Subscription& s) {
  json j = {{"id", s.id}, {"kind", s.kind}, {"created_at", IsoTime(s.created_at)}};
  if (s.kind == "search") j["query"] = json::parse(s.query, nullptr, false);
  if (s.kind == "listing") j["listing_id"] = s.listing_id;
  return j;
}

Result<Actor> SignedIn(Context& ctx, const http::Request& req, bool write) {
  auto actor = ctx.Authenticate(req, write);
  if (!actor.ok()) return actor.status();
  if (!actor->signed_in()) return Unauthorized();
  return actor;
}

http::Response ListSubscriptions(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, SignedIn(ctx, req, false));
  KC_ASSIGN_OR_RESPOND(subs, ctx.subscriptions->List(*actor));
  json items = json::array();
  for (const auto& s : *subs) items.push_back(SubscriptionJson(s));
  return JsonResponse(200, {{"items", items}});
}

http::Response CreateSubscription(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, SignedIn(ctx, req, true));
  KC_ASSIGN_OR_RESPOND(body, ParseObject(req));
  Status s = AllowOnly(*body, {"listing_id", "q", "type", "category", "discipline", "region"});
  std::optional<int64_t> listing_id;
  if (s.ok()) s = OptInt(*body, "listing_id", &listing_id);
  if (!s.ok()) return http::ErrorResponse(s);
  Result<Subscription> sub = Unauthorized();
  if (listing_id) {
    if (body->size() > 1) {
      return http::ErrorResponse(BadInput(
          "conflicting_fields", "follow a listing (listing_id) or save a search (q), not both"));
    }
    sub = ctx.subscriptions->Follow(*actor, *listing_id);
  } else {
    SavedSearch search;
    std::optional<std::string> type, category, discipline, region;
    s = RequireString(*body, "q", &search.q);
    if (s.ok()) s = OptString(*body, "type", &type);
    if (s.ok()) s = OptString(*body, "category", &category);
    if (s.ok()) s = OptString(*body, "discipline", &discipline);
    if (s.ok()) s = OptString(*body, "region", &region);
    if (s.ok() && type && !type->empty()) {
      search.type = KindFromName(*type);
      if (!search.type)
        s = Invalid("type", "invalid_type", "type is achievement, demand or expert");
    }
    if (!s.ok()) return http::ErrorResponse(s);
    search.category = category.value_or("");
    search.discipline = discipline.value_or("");
    search.region = region.value_or("");
    sub = ctx.subscriptions->SaveSearch(*actor, search);
  }
  if (!sub.ok()) return http::ErrorResponse(sub.status());
  return JsonResponse(201, SubscriptionJson(*sub));
}

http::Response DeleteSubscription(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, SignedIn(ctx, req, true));
  KC_ASSIGN_OR_RESPOND(id, ParseId(req.Param("id"), "id"));
  Status s = ctx.subscriptions->Delete(*actor, *id);
  if (!s.ok()) return http::ErrorResponse(s);
  http::Response r;
  r.status = 204;
  return r;
}

http::Response ListNotifications(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, SignedIn(ctx, req, false));
  KC_ASSIGN_OR_RESPOND(page, ReadPage(req));
  bool unread = req.Query("unread").value_or("") == "true";
  KC_ASSIGN_OR_RESPOND(
      notes, ctx.subscriptions->Notifications(*actor, unread, page->offset(), page->size));
  json items = json::array();
  for (const auto& n : notes->items) {
    items.push_back({{"id", n.id},
                     {"kind", n.kind},
                     {"subscription_id", n.subscription_id},
                     {"listing_id", n.listing_id},
                     {"listing_type", n.listing_kind},
                     {"title", n.title},
                     {"message", n.message},
                     {"created_at", IsoTime(n.created_at)},
                     {"read", n.read_at != 0}});
    if (n.deal_id) items.back()["deal_id"] = n.deal_id;
    if (n.call_id) items.back()["call_id"] = n.call_id;
    json detail = json::parse(n.detail, nullptr, false);
    items.back()["detail"] = detail.is_object() ? detail : json::object();
  }
  return JsonResponse(200, PageJson(items, notes->total, *page));
}

http::Response MarkRead(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, SignedIn(ctx, req, true));
  KC_ASSIGN_OR_RESPOND(id, ParseId(req.Param("id"), "id"));
  Status s = ctx.subscriptions->MarkRead(*actor, *id);
  if (!s.ok()) return http::ErrorResponse(s);
  http::Response r;
  r.status = 204;
  return r;
}

}  // namespace

void RegisterSubscriptionRoutes(http::Router& router, Context& ctx) {
  using namespace schema;
  json sub = Obj({{"id", Int()},
                  {"kind", Str()},
                  {"query", {{"type", "object"}, {"description", "a saved search's filters"}}},
                  {"listing_id", Int()},
                  {"created_at", Str()}});
  router.Add(verb::get, "/api/v1/me/subscriptions",
             Guarded([&ctx](http::Request& r) { return ListSubscriptions(ctx, r); }),
             {.summary = "My saved searches and followed listings",
              .tag = "subscriptions",
              .auth = true,
              .response = Obj({{"items", {{"type", "array"}, {"items", sub}}}})});
  router.Add(verb::post, "/api/v1/me/subscriptions",
             Guarded([&ctx](http::Request& r) { return CreateSubscription(ctx, r); }),
             {.summary = "Save a search ({q, type?, category?, discipline?, region?}) or follow "
                         "a listing ({listing_id}); new matching listings are notified",
              .tag = "subscriptions",
              .auth = true,
              .request_body = Obj({{"q", Str()},
                                   {"type", Str()},
                                   {"category", Str()},
                                   {"discipline", Str()},
                                   {"region", Str()},
                                   {"listing_id", Int()}}),
              .success_status = 201,
              .response = sub,
              .errors = {400, 409, 422}});
  router.Add(verb::delete_, "/api/v1/me/subscriptions/{id}",
             Guarded([&ctx](http::Request& r) { return DeleteSubscription(ctx, r); }),
             {.summary = "Delete a subscription",
              .tag = "subscriptions",
              .auth = true,
              .success_status = 204,
              .errors = {404}});
  json note = Obj(
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
  json query = PageQuery();
  query.push_back(QueryParam("unread", "true: only unread notifications"));
  router.Add(verb::get, "/api/v1/me/notifications",
             Guarded([&ctx](http::Request& r) { return ListNotifications(ctx, r); }),
             {.summary = "My notifications, newest first",
              .tag = "subscriptions",
              .auth = true,
              .query_params = query,
              .response = PageOf(note),
              .errors = {400}});
  router.Add(verb::post, "/api/v1/me/notifications/{id}/read",
             Guarded([&ctx](http::Request& r) { return MarkRead(ctx, r); }),
             {.summary = "Mark a notification read",
              .tag = "subscriptions",
              .auth = true,
              .success_status = 204,
              .errors = {404}});
}

}  // namespace kc::api
