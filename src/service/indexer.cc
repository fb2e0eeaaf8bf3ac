#include "service/indexer.h"

#include <algorithm>
#include <atomic>
#include <functional>
#include <optional>
#include <set>
#include <thread>
#include <vector>

#include "search/bulk_build.h"

namespace kc {

const char* IndexHealth::state() const {
  if (failing) return "failing";
  return lag() > kLagThreshold ? "behind" : "ok";
}

Result<int64_t> Indexer::CatchUp() {
  Result<int64_t> applied = CatchUpBatches();
  std::lock_guard lock(failure_mu_);
  failing_ = !applied.ok();
  failure_ = applied.ok() ? "" : applied.status().message();
  return applied;
}

Result<IndexHealth> Indexer::Health() const {
  IndexHealth h;
  KC_RETURN_IF_ERROR(store_.Read([&](StoreTx& tx) -> Status {
    auto seq = tx.LastChangeSeq();
    if (!seq.ok()) return seq.status();
    h.latest_seq = *seq;
    return Status::Ok();
  }));
  h.applied_seq = index_.applied_seq();
  std::lock_guard lock(failure_mu_);
  h.failing = failing_;
  h.error = failure_;
  return h;
}

Status Indexer::Collect(StoreTx& tx, std::vector<Change> changes, Batch* out) {
  out->changes = std::move(changes);
  std::set<int64_t> seen;  // a listing changed several times in a batch is read once
  for (const auto& c : out->changes) {
    if (c.entity != "listing" || !seen.insert(c.entity_id).second) continue;
    auto l = tx.GetListing(c.entity_id);
    if (!l.ok() && l.status().kind() != ErrorKind::kNotFound) return l.status();
    // The listing as it is now: a later change in the log gives the same answer, so changes
    // may be applied more than once and in any order.
    if (l.ok() && l->status == ListingStatus::kPublished) {
      out->published.push_back(std::move(*l));
    } else {
      out->removed.push_back(c.entity_id);
    }
  }
  return Status::Ok();
}

Status Indexer::Apply(const Batch& batch) {
  for (int64_t id : batch.removed) KC_RETURN_IF_ERROR(index_.Remove(id));
  for (const auto& l : batch.published) KC_RETURN_IF_ERROR(index_.Upsert(l));
  return Status::Ok();
}

Result<int64_t> Indexer::CatchUpBatches() {
  int64_t applied = 0;
  while (!stop_ || !stop_->load()) {
    Batch backlog;  // the next changes after the applied sequence
    Batch fresh;    // the newest changes, when a backlog is behind them
    KC_RETURN_IF_ERROR(store_.Read([&](StoreTx& tx) -> Status {
      auto batch = tx.ChangesAfter(index_.applied_seq(), kBatch);
      if (!batch.ok()) return batch.status();
      if (static_cast<int64_t>(batch->size()) == kBatch) {
        auto last = tx.LastChangeSeq();
        if (!last.ok()) return last.status();
        const int64_t from = std::max({fresh_seq_, batch->back().seq, *last - kFreshBatch});
        if (*last > from) {
          auto newest = tx.ChangesAfter(from, kFreshBatch);
          if (!newest.ok()) return newest.status();
          KC_RETURN_IF_ERROR(Collect(tx, std::move(*newest), &fresh));
        }
      }
      return Collect(tx, std::move(*batch), &backlog);
    }));
    if (backlog.changes.empty()) return applied;
    KC_RETURN_IF_ERROR(Apply(fresh));
    KC_RETURN_IF_ERROR(Apply(backlog));
    KC_RETURN_IF_ERROR(index_.SetAppliedSeq(backlog.changes.back().seq));
    // Only a durable commit advances applied_seq(); a failed one leaves it where it was.
    KC_RETURN_IF_ERROR(index_.Commit());
    if (!fresh.changes.empty()) fresh_seq_ = fresh.changes.back().seq;
    applied += static_cast<int64_t>(backlog.changes.size());
    if (hook_) {
      for (const auto& l : backlog.published) hook_(l);
    }
  }
  return applied;
}

Result<int64_t> Indexer::Rebuild(size_t threads) {
  if (threads == 0) threads = std::clamp<size_t>(std::thread::hardware_concurrency(), 1, 8);
  // The ids to index and the last change, from one snapshot. Each shard's thread then reads
  // in a snapshot of its own, possibly later: a listing published or closed in between is
  // indexed as it is then, and its change (after last_seq) is applied again by the next
  // CatchUp, which reads listings as they are now; a listing with an id beyond the last
  // bound is left to it as well.
  std::vector<int64_t> ids;
  int64_t last_seq = 0;
  // Calls fn for each published listing with an id in [from, to), in id order, a page at a
  // time (keyset paging: each page costs the same however far into the table it is).
  auto each_published = [](StoreTx& tx, int64_t from, std::optional<int64_t> to, bool summary,
                           const std::function<Status(const Listing&)>& fn) -> Status {
    ListingQuery q;
    q.statuses = {ListingStatus::kPublished};
    q.sort = ListingSort::kOldest;
    q.limit = kBatch;
    q.count_total = false;
    q.summary_only = summary;
    q.id_from = from;
    q.id_to = to;
    while (true) {
      auto page = tx.ListListings(q);
      if (!page.ok()) return page.status();
      for (const auto& l : page->items) KC_RETURN_IF_ERROR(fn(l));
      if (static_cast<int64_t>(page->items.size()) < kBatch) return Status::Ok();
      q.id_from = page->items.back().id + 1;
    }
  };
  KC_RETURN_IF_ERROR(store_.Read([&](StoreTx& tx) -> Status {
    auto seq = tx.LastChangeSeq();
    if (!seq.ok()) return seq.status();
    last_seq = *seq;
    return each_published(tx, 0, std::nullopt, /*summary=*/true, [&](const Listing& l) {
      ids.push_back(l.id);
      return Status::Ok();
    });
  }));
  std::sort(ids.begin(), ids.end());
  const std::vector<int64_t> bounds = search::EvenBounds(ids, threads);
  std::atomic<int64_t> indexed{0};
  KC_RETURN_IF_ERROR(index_.Replace([&](const std::string& fresh) -> Status {
    auto builder = search::BulkIndexBuilder::Create(fresh + ".shards", bounds);
    KC_RETURN_IF_ERROR(builder);
    search::BulkIndexBuilder& b = **builder;
    std::vector<Status> results(b.shards(), Status::Ok());
    std::vector<std::thread> workers;
    for (size_t k = 0; k < b.shards(); ++k) {
      workers.emplace_back([&, k] {
        // Each thread reads only its shard's id range.
        results[k] = store_.Read([&](StoreTx& tx) {
          return each_published(tx, bounds[k], bounds[k + 1], /*summary=*/false,
                                [&](const Listing& l) {
                                  ++indexed;
                                  return b.Add(l);
                                });
        });
      });
    }
    for (std::thread& t : workers) t.join();
    for (const Status& s : results) KC_RETURN_IF_ERROR(s);
    return b.Finish(fresh, last_seq);
  }));
  return indexed.load();
}

}  // namespace kc
