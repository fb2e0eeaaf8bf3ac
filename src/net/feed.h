// The listing feed (docs/network.md §4): the pages a node serves of its own shared listings,
// and the reading of a partner's page, every field checked.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/listing.h"
#include "core/status.h"
#include "store/store.h"

namespace kc::net {

inline constexpr int64_t kDefaultFeedLimit = 200;
inline constexpr int64_t kMaxFeedLimit = 500;

// One change of the feed: an upsert carries the listing's public fields, a tombstone only its id.
struct FeedEntry {
  int64_t seq = 0;
  bool deleted = false;
  std::string id;  // the listing's id on its origin node
  // An upsert's listing: kind, title, body, keywords, category, discipline, region, the kind's
  // public fields, updated_at, and in origin_url / origin_org_name its page and organisation.
  Listing listing;
  std::string country;   // ISO 3166-1 alpha-2 of the organisation
  std::string language;  // "zh-CN" or "en"
};

struct FeedPage {
  std::string node_id;
  std::vector<FeedEntry> entries;
  int64_t next = 0;
  bool more = false;
};

// Whether `id` is an id as the protocol allows them (§4, §6): 1 to 64 of [A-Za-z0-9_-].
bool IsOriginId(std::string_view id);

// Whether this node offers the listing to partners: its own, published, public, not demo data,
// not opted out by itself nor (`org_shared`) by its organisation.
bool IsShared(const Listing& listing, bool org_shared);

// The page of this node's feed after change `after` (at most `limit` entries, 1..kMaxFeedLimit):
// a listing changed since is an upsert when IsShared, else a tombstone. `base_url` makes the
// listings' page URLs.
Result<FeedPage> ReadFeed(StoreTx& tx, const std::string& node_id, const std::string& base_url,
                          int64_t after, int64_t limit);

// ReadFeed in a read transaction of `store`, for the feed route.
class FeedSource {
 public:
  FeedSource(Store& store, std::string node_id, std::string base_url)
      : store_(store), node_id_(std::move(node_id)), base_url_(std::move(base_url)) {}
  Result<FeedPage> Page(int64_t after, int64_t limit);
  const std::string& node_id() const { return node_id_; }

 private:
  Store& store_;
  const std::string node_id_;
  const std::string base_url_;
};

// The page in its wire form.
std::string FeedPageJson(const FeedPage& page);

// Reads a partner's page, refusing (422 bad_feed, naming the entry) anything §4 does not allow:
// entries out of order or not after `after`, more than kMaxFeedLimit of them, unknown kinds or
// ops, ids outside [A-Za-z0-9_-]{1,64}, texts over their limits, a `next` other than the last
// seq (or `after` for an empty page), a node id other than `node_id`, and a listing URL outside
// `base_url`.
Result<FeedPage> ParseFeedPage(std::string_view body, std::string_view node_id,
                               std::string_view base_url, int64_t after);

}  // namespace kc::net
