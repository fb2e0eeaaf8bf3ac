// Figures for the dashboard and for service agencies' pages (技术交易品牌): what was published,
// how matches turned into deals, and what each agency brokered. Public: they hold counts only.
#pragma once

#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "service/actor.h"
#include "store/store.h"

namespace kc {

// A service agency's record of brokered deals.
struct AgencyRecord {
  int64_t deals = 0;
  int64_t signed_deals = 0;  // signed, registered or completed
  int64_t registered = 0;
  int64_t registered_amount_cny = 0;  // the sum of registered deals' contract amounts
  std::vector<CountRow> fields;       // deals per discipline, most first
  // The median time from intent to signature over signed deals, in days; empty without any.
  std::optional<double> median_days_to_signature;
};

// The client that asked for a list of matches: what tells one visitor from another. It stays
// in memory until the next Flush; only a keyed hash of it is stored, never the address.
struct ViewerClient {
  std::string address;
  std::string user_agent;
};

// Thread-safe.
class Statistics {
 public:
  // Queued match views are written at once when this many are waiting.
  static constexpr size_t kMaxPending = 1000;

  Statistics(Store& store, const Clock& clock) : store_(store), clock_(clock) {}

  // Records that a list of `hits` matches for `listing_id` was shown (the funnel's first step).
  // A listing's list counts once per viewer and day (Asia/Shanghai): reloading it, or a crawler
  // fetching it again, counts nothing more that day. The viewer is the signed-in user, else the
  // client (its address and user agent, hashed with a key kept in the store, and the day, so
  // neither the address nor a visitor's other days can be read back). The view is queued in
  // memory, not written: a write transaction (an fsync) per matches request would cost more than
  // the matching itself. Flush writes the queue.
  void RecordMatchView(const Actor& actor, const ViewerClient& client, int64_t listing_id,
                       int64_t hits);

  // Writes the queued match views in one transaction; on failure they stay queued (up to ten
  // times kMaxPending) for the next flush.
  Status Flush();

  // The dashboard's figures, after a Flush.
  Result<PlatformStats> Platform();

  // NotFound for no such organisation.
  Result<AgencyRecord> AgencyRecordOf(int64_t org_id);

 private:
  Store& store_;
  const Clock& clock_;
  // A queued view and, for a visitor, the client it still has to be hashed from.
  struct PendingView {
    MatchView view;
    std::string client;
  };

  // The hashing key of visitors, created in the store on first use; cached once read.
  Result<std::string> ViewerKey(StoreTx& tx);

  std::mutex mu_;
  std::vector<PendingView> pending_;
  std::string viewer_key_;  // guarded by mu_
};

}  // namespace kc
