#include "service/indexer.h"

#include <set>
#include <vector>

namespace kc {

Result<int64_t> Indexer::CatchUp() {
  int64_t applied = 0;
  while (!stop_ || !stop_->load()) {
    std::vector<Change> changes;
    std::vector<Listing> published;
    std::vector<int64_t> removed;
    KC_RETURN_IF_ERROR(store_.Read([&](StoreTx& tx) -> Status {
      auto batch = tx.ChangesAfter(index_.applied_seq(), kBatch);
      if (!batch.ok()) return batch.status();
      changes = std::move(*batch);
      std::set<int64_t> seen;  // a listing changed several times in a batch is read once
      for (const auto& c : changes) {
        if (c.entity != "listing" || !seen.insert(c.entity_id).second) continue;
        auto l = tx.GetListing(c.entity_id);
        if (!l.ok() && l.status().kind() != ErrorKind::kNotFound) return l.status();
        // The listing as it is now: a later change in the log gives the same answer.
        if (l.ok() && l->status == ListingStatus::kPublished) {
          published.push_back(std::move(*l));
        } else {
          removed.push_back(c.entity_id);
        }
      }
      return Status::Ok();
    }));
    if (changes.empty()) return applied;
    for (int64_t id : removed) KC_RETURN_IF_ERROR(index_.Remove(id));
    for (const auto& l : published) KC_RETURN_IF_ERROR(index_.Upsert(l));
    KC_RETURN_IF_ERROR(index_.SetAppliedSeq(changes.back().seq));
    KC_RETURN_IF_ERROR(index_.Commit());
    applied += static_cast<int64_t>(changes.size());
    if (hook_) {
      for (const auto& l : published) hook_(l);
    }
  }
  return applied;
}

Result<int64_t> Indexer::Rebuild() {
  KC_RETURN_IF_ERROR(index_.Clear());
  int64_t n = 0;
  int64_t last_seq = 0;
  // One read transaction: the pages and the last change come from one snapshot, so a listing
  // closed during the rebuild cannot shift the pages and hide another; changes after the
  // snapshot are picked up by the next CatchUp.
  KC_RETURN_IF_ERROR(store_.Read([&](StoreTx& tx) -> Status {
    auto seq = tx.LastChangeSeq();
    if (!seq.ok()) return seq.status();
    last_seq = *seq;
    ListingQuery q;
    q.statuses = {ListingStatus::kPublished};
    q.sort = ListingSort::kOldest;
    q.limit = kBatch;
    for (q.offset = 0;; q.offset += kBatch) {
      auto page = tx.ListListings(q);
      if (!page.ok()) return page.status();
      for (const auto& l : page->items) KC_RETURN_IF_ERROR(index_.Upsert(l));
      n += static_cast<int64_t>(page->items.size());
      if (static_cast<int64_t>(page->items.size()) < kBatch) break;
    }
    return Status::Ok();
  }));
  KC_RETURN_IF_ERROR(index_.SetAppliedSeq(last_seq));
  KC_RETURN_IF_ERROR(index_.Commit());
  return n;
}

}  // namespace kc
