// Figures for the dashboard and for service agencies' pages (技术交易品牌): what was published,
// how matches turned into deals, and what each agency brokered. Public: they hold counts only.
#pragma once

#include <mutex>
#include <optional>
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

// Thread-safe.
class Statistics {
 public:
  // Queued match views are written at once when this many are waiting.
  static constexpr size_t kMaxPending = 1000;

  Statistics(Store& store, const Clock& clock) : store_(store), clock_(clock) {}

  // Counts `hits` matches shown for `listing_id` (the funnel's first step). The view is queued in
  // memory, not written: a write transaction (an fsync) per matches request would cost more than
  // the matching itself. Flush writes the queue.
  void RecordMatchView(const Actor& actor, int64_t listing_id, int64_t hits);

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
  std::mutex mu_;
  std::vector<MatchView> pending_;
};

}  // namespace kc
