#include "service/subscriptions.h"

#include <nlohmann/json.hpp>

#include "search/percolate.h"
#include "service/subscription_policy.h"

namespace kc {

namespace {

nlohmann::json QueryJson(const SavedSearch& s) {
  nlohmann::json j = {
      {"q", s.q}, {"category", s.category}, {"discipline", s.discipline}, {"region", s.region}};
  if (s.type) j["type"] = KindName(*s.type);
  return j;
}

search::SearchRequest RequestOf(const std::string& query_json) {
  search::SearchRequest r;
  auto j = nlohmann::json::parse(query_json, nullptr, false);
  if (!j.is_object()) return r;
  r.q = j.value("q", "");
  r.category = j.value("category", "");
  r.discipline = j.value("discipline", "");
  r.region = j.value("region", "");
  if (j.contains("type") && j["type"].is_string())
    r.kind = KindFromName(j["type"].get<std::string>());
  return r;
}

// The matcher's text score is relative to the best candidate, so the top hit always looks
// good; a notice needs absolute evidence too: shared key terms carrying enough weight.
bool IsRealMatch(const search::MatchHit& hit) {
  if (hit.score < Subscriptions::kMinMatchScore || hit.explanation.shared_terms.empty()) {
    return false;
  }
  for (const auto& c : hit.explanation.components) {
    if (c.name == "key_terms") return c.value >= Subscriptions::kMinKeyTermShare;
  }
  return false;
}

}  // namespace

Result<Subscription> Subscriptions::SaveSearch(const Actor& actor, const SavedSearch& search) {
  if (!CanSubscribe(actor)) return Unauthorized();
  if (search.q.find_first_not_of(" \t\r\n") == std::string::npos) {
    return Invalid("q", "required", "a saved search needs words to look for");
  }
  if (search.q.size() > 1000) return Invalid("q", "too_long", "q is too long");
  Subscription s;
  s.user_id = actor.user->id;
  s.kind = "search";
  s.query = QueryJson(search).dump();
  s.created_at = clock_.Now();
  KC_RETURN_IF_ERROR(store_.Write([&](StoreTx& tx) -> Status {
    auto existing = tx.ListSubscriptions(s.user_id);
    if (!existing.ok()) return existing.status();
    if (existing->size() >= kMaxPerUser) {
      return Conflict("too_many_subscriptions", "delete a subscription before adding another");
    }
    auto id = tx.InsertSubscription(s);
    if (!id.ok()) return id.status();
    s.id = *id;
    return Status::Ok();
  }));
  return s;
}

Result<Subscription> Subscriptions::Follow(const Actor& actor, int64_t listing_id) {
  if (!CanSubscribe(actor)) return Unauthorized();
  Subscription s;
  s.user_id = actor.user->id;
  s.kind = "listing";
  s.listing_id = listing_id;
  s.created_at = clock_.Now();
  KC_RETURN_IF_ERROR(store_.Write([&](StoreTx& tx) -> Status {
    auto l = tx.GetListing(listing_id);
    if (!l.ok() || !CanFollow(actor, *l)) {
      return Invalid("listing_id", "unknown_listing", "no listing with this id");
    }
    auto existing = tx.ListSubscriptions(s.user_id);
    if (!existing.ok()) return existing.status();
    for (const auto& e : *existing) {
      if (e.kind == "listing" && e.listing_id == listing_id) {
        s = e;  // following twice is following once
        return Status::Ok();
      }
    }
    if (existing->size() >= kMaxPerUser) {
      return Conflict("too_many_subscriptions", "delete a subscription before adding another");
    }
    auto id = tx.InsertSubscription(s);
    if (!id.ok()) return id.status();
    s.id = *id;
    return Status::Ok();
  }));
  return s;
}

Result<std::vector<Subscription>> Subscriptions::List(const Actor& actor) {
  if (!CanSubscribe(actor)) return Unauthorized();
  Result<std::vector<Subscription>> out = std::vector<Subscription>{};
  KC_RETURN_IF_ERROR(store_.Read([&](StoreTx& tx) {
    out = tx.ListSubscriptions(actor.user->id);
    return out.status();
  }));
  return out;
}

Status Subscriptions::Delete(const Actor& actor, int64_t id) {
  if (!CanSubscribe(actor)) return Unauthorized();
  return store_.Write([&](StoreTx& tx) { return tx.DeleteSubscription(id, actor.user->id); });
}

Result<Page<Notification>> Subscriptions::Notifications(const Actor& actor, bool unread_only,
                                                        int64_t offset, int64_t limit) {
  if (!CanSubscribe(actor)) return Unauthorized();
  Result<Page<Notification>> out = Page<Notification>{};
  KC_RETURN_IF_ERROR(store_.Read([&](StoreTx& tx) {
    out = tx.ListNotifications(actor.user->id, unread_only, offset, limit);
    return out.status();
  }));
  return out;
}

Status Subscriptions::MarkRead(const Actor& actor, int64_t id) {
  if (!CanSubscribe(actor)) return Unauthorized();
  return store_.Write(
      [&](StoreTx& tx) { return tx.MarkNotificationRead(id, actor.user->id, clock_.Now()); });
}

Result<int> Subscriptions::OnPublished(const Listing& listing) {
  auto searches = NotifySavedSearches(listing);
  if (!searches.ok()) return searches.status();
  auto follows = NotifyFollowers(listing);
  if (!follows.ok()) return follows.status();
  return *searches + *follows;
}

Result<int> Subscriptions::NotifySavedSearches(const Listing& listing) {
  std::vector<Subscription> saved;
  KC_RETURN_IF_ERROR(store_.Read([&](StoreTx& tx) -> Status {
    auto s = tx.SubscriptionsOfKind("search", 0);
    if (!s.ok()) return s.status();
    saved = std::move(*s);
    return Status::Ok();
  }));
  std::vector<Notification> notes;
  for (const auto& s : saved) {
    search::SearchRequest request = RequestOf(s.query);
    request.member = true;  // a saved search belongs to a signed-in user
    auto hit = search::ListingMatches(index_, translator_, request, listing.id);
    if (!hit.ok()) return hit.status();
    if (!*hit) continue;
    notes.push_back(Notification{0, s.user_id, "saved_search", s.id, listing.id, listing.title,
                                 request.q, clock_.Now(), 0});
  }
  int created = 0;
  if (notes.empty()) return created;
  KC_RETURN_IF_ERROR(store_.Write([&](StoreTx& tx) -> Status {
    for (const auto& n : notes) {
      auto ok = tx.InsertNotification(n);
      if (!ok.ok()) return ok.status();
      created += *ok ? 1 : 0;
    }
    return Status::Ok();
  }));
  return created;
}

Result<int> Subscriptions::NotifyFollowers(const Listing& listing) {
  // The listings the new one would be a match for: demands for a new achievement or expert,
  // achievements for a new demand.
  ListingKind target =
      listing.kind == ListingKind::kDemand ? ListingKind::kAchievement : ListingKind::kDemand;
  search::MatchRequest request;
  request.target = target;
  request.limit = kFollowFanOut;
  request.now = clock_.Now();
  request.member = true;  // followers are signed-in users
  auto matches = matcher_.Match(listing, request);
  if (!matches.ok()) return matches.status();
  const std::vector<search::MatchHit>& hits = matches->hits;
  int created = 0;
  KC_RETURN_IF_ERROR(store_.Write([&](StoreTx& tx) -> Status {
    for (const auto& hit : hits) {
      if (!IsRealMatch(hit)) continue;
      auto followers = tx.SubscriptionsOfKind("listing", hit.id);
      if (!followers.ok()) return followers.status();
      for (const auto& f : *followers) {
        Notification n{
            0, f.user_id, "new_match", f.id, listing.id, listing.title, hit.title, clock_.Now(), 0};
        auto ok = tx.InsertNotification(n);
        if (!ok.ok()) return ok.status();
        created += *ok ? 1 : 0;
      }
    }
    return Status::Ok();
  }));
  return created;
}

}  // namespace kc
