// JSON of subscriptions and notifications (/me/subscriptions, /me/notifications): saved
// searches, followed listings and what the platform tells a user. Each writer stands beside the
// OpenAPI schema of what it writes, and the routes document their requests and responses with
// these schemas, so the two change together; the response check (docs/api.md, "The document
// is checked") and tests/api/subscription_json_test.cc compare them.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>

#include "core/status.h"
#include "service/subscriptions.h"

namespace kc::api {

// A saved search (with its "query" filters) or a followed listing (with its "listing_id").
nlohmann::json SubscriptionJson(const Subscription& subscription);
nlohmann::json SubscriptionSchema();

// What subscribing asks: to follow a listing ({listing_id}), or else to save a search ({q,
// type?, category?, discipline?, region?}).
struct SubscriptionRequest {
  std::optional<int64_t> listing_id;  // follow this listing; `search` is then empty
  SavedSearch search;
};
nlohmann::json SubscriptionInputSchema();
// 400 "conflicting_fields" when the body both follows a listing and names a search; 422 naming
// the field for a missing q, a wrong type or an unknown listing type.
Result<SubscriptionRequest> ReadSubscriptionRequest(const nlohmann::json& body);

// A notification, with what happened as codes and values ("detail", an object) and the deal or
// call it concerns when there is one.
nlohmann::json NotificationJson(const Notification& notification);
nlohmann::json NotificationSchema();

}  // namespace kc::api
