#include "service/statistics.h"

#include <algorithm>
#include <map>
#include <string_view>

#include "core/shanghai_day.h"
#include "service/crypto.h"

namespace kc {

namespace {

// The meta key of the visitors' hashing key.
constexpr std::string_view kViewerKeyMeta = "match_viewer_key";

}  // namespace

void Statistics::RecordMatchView(const Actor& actor, const ViewerClient& client, int64_t listing_id,
                                 int64_t hits) {
  PendingView p;
  p.view.listing_id = listing_id;
  p.view.user_id = actor.id();
  p.view.hits = hits;
  p.view.at = clock_.Now();
  p.view.day = ShanghaiDay(p.view.at);
  if (p.view.user_id) {
    p.view.viewer = "u" + std::to_string(*p.view.user_id);
  } else {
    // Length-prefixed, so that no address and user agent run into another pair.
    p.client = std::to_string(client.address.size()) + ":" + client.address + client.user_agent;
  }
  bool full = false;
  {
    std::lock_guard<std::mutex> lock(mu_);
    pending_.push_back(std::move(p));
    full = pending_.size() >= kMaxPending;
  }
  if (full) (void)Flush();  // a failure keeps them queued for the next flush
}

Result<std::string> Statistics::ViewerKey(StoreTx& tx) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (!viewer_key_.empty()) return viewer_key_;
  }
  auto stored = tx.GetMeta(kViewerKeyMeta);
  if (!stored.ok()) return stored.status();
  std::string key = stored->value_or("");
  if (key.empty()) {
    key = RandomHex(32);
    KC_RETURN_IF_ERROR(tx.SetMeta(kViewerKeyMeta, key));
  }
  std::lock_guard<std::mutex> lock(mu_);
  viewer_key_ = key;
  return key;
}

Status Statistics::Flush() {
  std::vector<PendingView> queued;
  {
    std::lock_guard<std::mutex> lock(mu_);
    queued.swap(pending_);
  }
  if (queued.empty()) return Status::Ok();
  Status s = store_.Write([&](StoreTx& tx) -> Status {
    auto key = ViewerKey(tx);
    if (!key.ok()) return key.status();
    std::vector<MatchView> views;
    views.reserve(queued.size());
    for (const PendingView& p : queued) {
      views.push_back(p.view);
      if (views.back().viewer.empty()) {
        views.back().viewer = "a" + KeyedHash(*key, p.view.day + "|" + p.client);
      }
    }
    return tx.deals().RecordMatchViews(views);
  });
  if (!s.ok()) {
    std::lock_guard<std::mutex> lock(mu_);
    // A key read in a transaction that failed may not have been stored.
    viewer_key_.clear();
    if (pending_.size() + queued.size() <= 10 * kMaxPending) {
      pending_.insert(pending_.begin(), queued.begin(), queued.end());
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
