// /me/subscriptions (saved searches and followed listings) and /me/notifications.
#include "api/json_io.h"
#include "api/routes.h"
#include "api/schemas.h"
#include "api/subscription_json.h"

namespace kc::api {

namespace {

using http::bhttp::verb;

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
  KC_ASSIGN_OR_RESPOND(r, ReadSubscriptionRequest(*body));
  Result<Subscription> sub = r->listing_id ? ctx.subscriptions->Follow(*actor, *r->listing_id)
                                           : ctx.subscriptions->SaveSearch(*actor, r->search);
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
  for (const auto& n : notes->items) items.push_back(NotificationJson(n));
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
  const json sub = SubscriptionSchema();
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
              .request_body = SubscriptionInputSchema(),
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
  json query = PageQuery();
  query.push_back(QueryParam("unread", "true: only unread notifications"));
  router.Add(verb::get, "/api/v1/me/notifications",
             Guarded([&ctx](http::Request& r) { return ListNotifications(ctx, r); }),
             {.summary = "My notifications, newest first",
              .tag = "subscriptions",
              .auth = true,
              .query_params = query,
              .response = PageOf(NotificationSchema()),
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
