// 订阅与通知: saved searches and followed listings; when a newly published listing answers a
// saved search, or matches a followed listing, its owner gets an in-app notification.
#pragma once

#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "core/clock.h"
#include "search/index.h"
#include "search/matcher.h"
#include "search/percolate.h"
#include "search/search.h"
#include "search/translate.h"
#include "service/actor.h"
#include "store/store.h"

namespace kc {

// What a saved search looks for (the filters of GET /search).
struct SavedSearch {
  std::string q;
  std::optional<ListingKind> type;
  std::string category;
  std::string discipline;
  std::string region;
};

class Subscriptions {
 public:
  // How many listings a new listing is matched against when looking for followers to notify,
  // and the least match score that counts as "a new match".
  static constexpr size_t kFollowFanOut = 20;
  static constexpr double kMinMatchScore = 0.25;
  static constexpr double kMinKeyTermShare = 0.15;  // of the new listing's key-term weight
  static constexpr size_t kMaxPerUser = 100;

  Subscriptions(Store& store, const Clock& clock, const search::SearchIndex& index,
                const search::Translator* translator, const search::Matcher& matcher)
      : store_(store), clock_(clock), index_(index), translator_(translator), matcher_(matcher) {}

  // Saves a search for the signed-in actor (at most kMaxPerUser subscriptions each).
  Result<Subscription> SaveSearch(const Actor& actor, const SavedSearch& search);
  // Follows a listing the actor may read: new listings that match it are notified.
  Result<Subscription> Follow(const Actor& actor, int64_t listing_id);
  Result<std::vector<Subscription>> List(const Actor& actor);
  Status Delete(const Actor& actor, int64_t id);

  Result<Page<Notification>> Notifications(const Actor& actor, bool unread_only, int64_t offset,
                                           int64_t limit);
  Status MarkRead(const Actor& actor, int64_t id);

  // Announces those of `listing_ids` (changed listings, a batch from Alerts, alerts.h) that
  // are published now and indexed: notifies the saved searches each answers (every saved
  // search tested against the whole batch at once, search/percolate.h) and the followers of
  // the listings each matches. A subscription is told about a listing once, however often it
  // is announced. Reads no listing and searches nothing when nobody has a subscription.
  // Returns the number of notifications created.
  Result<int> Announce(const std::vector<int64_t>& listing_ids);

 private:
  Status NoticesForSavedSearches(const std::vector<Listing>& listings,
                                 const std::vector<Subscription>& saved,
                                 std::vector<Notification>* notes);
  Status NoticesForFollowers(const std::vector<Listing>& listings,
                             const std::map<int64_t, std::vector<Subscription>>& followers,
                             std::vector<Notification>* notes);

  // A saved search prepared for percolation, and the query it was prepared from.
  struct Prepared {
    std::string query;
    search::PreparedPercolation percolation;
  };
  // A prepared saved search is prepared anew when the index's size has moved by more than
  // this share since (its term statistics drift slowly), or when its query changed.
  static constexpr double kRestatShare = 0.1;

  Store& store_;
  const Clock& clock_;
  const search::SearchIndex& index_;
  const search::Translator* translator_;
  const search::Matcher& matcher_;
  std::mutex prepared_mu_;
  std::map<int64_t, Prepared> prepared_;  // by subscription id: the saved searches of the last batch
};

}  // namespace kc
