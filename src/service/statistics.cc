#include "service/statistics.h"

#include <algorithm>
#include <map>

namespace kc {

void Statistics::RecordMatchView(const Actor& actor, int64_t listing_id, int64_t hits) {
  bool full = false;
  {
    std::lock_guard<std::mutex> lock(mu_);
    pending_.push_back({listing_id, actor.id(), hits, clock_.Now()});
    full = pending_.size() >= kMaxPending;
  }
  if (full) (void)Flush();  // a failure keeps them queued for the next flush
}

Status Statistics::Flush() {
  std::vector<MatchView> views;
  {
    std::lock_guard<std::mutex> lock(mu_);
    views.swap(pending_);
  }
  if (views.empty()) return Status::Ok();
  Status s = store_.Write([&](StoreTx& tx) { return tx.deals().RecordMatchViews(views); });
  if (!s.ok()) {
    std::lock_guard<std::mutex> lock(mu_);
    if (pending_.size() + views.size() <= 10 * kMaxPending) {
      pending_.insert(pending_.begin(), views.begin(), views.end());
    }
  }
  return s;
}

Result<PlatformStats> Statistics::Platform() {
  KC_RETURN_IF_ERROR(Flush());
  Result<PlatformStats> out = PlatformStats{};
  KC_RETURN_IF_ERROR(store_.Read([&](StoreTx& tx) {
    out = tx.deals().Stats();
    return out.status();
  }));
  return out;
}

Result<AgencyRecord> Statistics::AgencyRecordOf(int64_t org_id) {
  AgencyRecord r;
  std::vector<BrokeredDeal> deals;
  KC_RETURN_IF_ERROR(store_.Read([&](StoreTx& tx) -> Status {
    KC_RETURN_IF_ERROR(tx.GetOrg(org_id));
    auto got = tx.deals().BrokeredDeals(org_id);
    if (!got.ok()) return got.status();
    deals = std::move(*got);
    return Status::Ok();
  }));
  std::map<std::string, int64_t> fields;
  std::vector<double> days;
  for (const BrokeredDeal& b : deals) {
    ++r.deals;
    if (b.deal.signed_at > 0) {
      ++r.signed_deals;
      days.push_back(static_cast<double>(b.deal.signed_at - b.deal.created_at) / 86400.0);
    }
    if (b.deal.registered_at > 0) {
      ++r.registered;
      r.registered_amount_cny += b.amount_cny;
    }
    if (!b.discipline.empty()) ++fields[b.discipline];
  }
  for (const auto& [key, n] : fields) r.fields.push_back({key, n});
  std::stable_sort(r.fields.begin(), r.fields.end(),
                   [](const CountRow& a, const CountRow& b) { return a.n > b.n; });
  if (!days.empty()) {
    std::sort(days.begin(), days.end());
    const size_t mid = days.size() / 2;
    r.median_days_to_signature = days.size() % 2 ? days[mid] : (days[mid - 1] + days[mid]) / 2;
  }
  return r;
}

}  // namespace kc
