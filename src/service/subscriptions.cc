#include "service/subscriptions.h"

#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

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

Result<int> Subscriptions::Announce(const std::vector<int64_t>& listing_ids) {
  if (listing_ids.empty()) return 0;
  std::vector<Subscription> saved;
  std::map<int64_t, std::vector<Subscription>> followers;  // by followed listing
  std::vector<Listing> listings;
  KC_RETURN_IF_ERROR(store_.Read([&](StoreTx& tx) -> Status {
    auto s = tx.SubscriptionsOfKind("search", 0);
    if (!s.ok()) return s.status();
    saved = std::move(*s);
    auto f = tx.SubscriptionsOfKind("listing", 0);
    if (!f.ok()) return f.status();
    for (Subscription& sub : *f) followers[sub.listing_id].push_back(std::move(sub));
    if (saved.empty() && followers.empty()) return Status::Ok();  // nobody listens
    // The listings as they are now (as the indexer read them): those published are announced.
    for (int64_t id : std::set<int64_t>(listing_ids.begin(), listing_ids.end())) {
      auto l = tx.GetListing(id);
      if (!l.ok() && l.status().kind() != ErrorKind::kNotFound) return l.status();
      if (l.ok() && l->status == ListingStatus::kPublished) listings.push_back(std::move(*l));
    }
    return Status::Ok();
  }));
  if (listings.empty()) return 0;
  std::vector<Notification> notes;
  KC_RETURN_IF_ERROR(NoticesForSavedSearches(listings, saved, &notes));
  KC_RETURN_IF_ERROR(NoticesForFollowers(listings, followers, &notes));
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

Status Subscriptions::NoticesForSavedSearches(const std::vector<Listing>& listings,
                                              const std::vector<Subscription>& saved,
                                              std::vector<Notification>* notes) {
  if (saved.empty()) return Status::Ok();
  std::map<int64_t, const Listing*> by_id;
  for (const Listing& l : listings) by_id[l.id] = &l;
  std::vector<int64_t> ids;
  for (const auto& [id, l] : by_id) ids.push_back(id);
  auto batch = search::PercolationBatch::Create(index_, ids);
  if (!batch.ok()) return batch.status();
  const auto docs = static_cast<double>((*batch)->index_size());
  std::lock_guard<std::mutex> lock(prepared_mu_);
  std::map<int64_t, Prepared> prepared;  // those of this batch, kept for the next
  for (const auto& s : saved) {
    search::SearchRequest request = RequestOf(s.query);
    request.member = true;  // a saved search belongs to a signed-in user
    auto found = prepared_.find(s.id);
    if (found != prepared_.end() && found->second.query == s.query &&
        std::abs(docs - static_cast<double>(found->second.percolation.doc_count())) <=
            kRestatShare * docs) {
      prepared.emplace(s.id, found->second);
    } else {
      auto p = search::PreparedPercolation::Prepare(index_, translator_, request);
      if (!p.ok()) return p.status();
      prepared.emplace(s.id, Prepared{s.query, std::move(*p)});
    }
    auto hits = (*batch)->Matches(prepared.at(s.id).percolation);
    if (!hits.ok()) return hits.status();
    for (int64_t id : *hits) {
      const Listing& l = *by_id.at(id);
      notes->push_back(Notification{0, s.user_id, "saved_search", s.id, l.id, l.title, request.q,
                                    clock_.Now(), 0});
    }
  }
  prepared_.swap(prepared);
  return Status::Ok();
}

Status Subscriptions::NoticesForFollowers(
    const std::vector<Listing>& listings,
    const std::map<int64_t, std::vector<Subscription>>& followers,
    std::vector<Notification>* notes) {
  if (followers.empty()) return Status::Ok();
  // Only listings of a kind some followed listing could match are matched at all.
  std::set<ListingKind> followed_kinds;
  KC_RETURN_IF_ERROR(store_.Read([&](StoreTx& tx) -> Status {
    for (const auto& [id, subs] : followers) {
      auto l = tx.GetListing(id);
      if (l.ok()) followed_kinds.insert(l->kind);
    }
    return Status::Ok();
  }));
  for (const Listing& listing : listings) {
    // The listings the new one would be a match for: demands for a new achievement or
    // expert, achievements for a new demand, talent and talent demands for each other.
    const ListingKind target = DefaultMatchTarget(listing.kind);
    if (followed_kinds.count(target) == 0) continue;
    search::MatchRequest request;
    request.target = target;
    request.limit = kFollowFanOut;
    request.now = clock_.Now();
    request.member = true;  // followers are signed-in users
    auto matches = matcher_.Match(listing, request);
    if (!matches.ok()) return matches.status();
    for (const auto& hit : matches->hits) {
      auto f = followers.find(hit.id);
      if (f == followers.end() || !IsRealMatch(hit)) continue;
      for (const auto& sub : f->second) {
        notes->push_back(Notification{0, sub.user_id, "new_match", sub.id, listing.id,
                                      listing.title, hit.title, clock_.Now(), 0});
      }
    }
  }
  return Status::Ok();
}

}  // namespace kc
