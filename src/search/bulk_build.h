// 并行建索引: builds a whole index from many listings on several threads. Xapian has one
// writer per database, and its in-memory inverter is most of an upsert's cost, so one
// database shared by threads is written serially. Instead each shard — a contiguous range of
// listing ids — is a database of its own, written in parallel with the others, and Finish
// merges the shards into one with Xapian's compaction, keeping the ids (document id = listing
// id, as in index.h).
#pragma once

#include <xapian.h>

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/listing.h"
#include "core/status.h"

namespace kc::search {

class BulkIndexBuilder {
 public:
  // Shard k holds the ids in [bounds[k], bounds[k + 1]); bounds strictly ascending, at least
  // two. The shards are written under work_dir (created, and removed by Finish or the
  // destructor). commit_every: documents per shard between commits (Xapian holds the
  // uncommitted ones in memory: a small batch keeps its posting map within the CPU's caches,
  // and at 1M documents 1,000 built 1.6× faster than 10,000, bench/scale/README.md). Fails with
  // kBadInput for bad bounds, kInternal when a shard cannot be created.
  static Result<std::unique_ptr<BulkIndexBuilder>> Create(const std::string& work_dir,
                                                          std::vector<int64_t> bounds,
                                                          size_t commit_every = 1000);
  ~BulkIndexBuilder();
  BulkIndexBuilder(const BulkIndexBuilder&) = delete;
  BulkIndexBuilder& operator=(const BulkIndexBuilder&) = delete;

  size_t shards() const { return shards_.size(); }
  // The shard of an id, or shards() when the id is outside the bounds.
  size_t ShardOf(int64_t id) const;

  // Adds a listing to its shard; a listing that is not published is skipped (as
  // SearchIndex::Upsert would remove it). Thread-safe: analysis runs without a lock, and
  // calls for different shards write in parallel; calls for one shard take turns. Fails
  // with kBadInput for an id outside the bounds, kInternal when Xapian fails.
  Status Add(const Listing& listing);

  // Commits every shard and compacts them into a new database at `out` (which must not
  // exist or be empty), with `applied_seq` recorded under kAppliedSeqKey as SearchIndex
  // reads it. Removes the shards. Call once, after every Add has returned.
  Status Finish(const std::string& out, int64_t applied_seq);

  // Documents added so far.
  uint64_t documents() const;

 private:
  struct Shard {
    std::mutex mu;
    std::unique_ptr<Xapian::WritableDatabase> db;
    uint64_t pending = 0;
    uint64_t added = 0;
  };
  BulkIndexBuilder(std::string work_dir, std::vector<int64_t> bounds, size_t commit_every);

  const std::string work_dir_;
  const std::vector<int64_t> bounds_;
  const size_t commit_every_;
  std::vector<std::unique_ptr<Shard>> shards_;
};

// The bounds that split the sorted ids into `shards` ranges of about equal size, for
// BulkIndexBuilder::Create: the first is ids.front(), the last one more than ids.back()
// (or 1 and 2 for no ids); fewer ranges when there are fewer distinct ids than shards.
std::vector<int64_t> EvenBounds(const std::vector<int64_t>& sorted_ids, size_t shards);

}  // namespace kc::search
