#include "search/bulk_build.h"

#include <algorithm>
#include <filesystem>

#include "search/document.h"
#include "search/index.h"

namespace kc::search {
namespace {

Status XapianError(const std::string& what, const Xapian::Error& e) {
  return Internal("bulk index build: " + what + ": " + e.get_type() + ": " + e.get_msg());
}

}  // namespace

BulkIndexBuilder::BulkIndexBuilder(std::string work_dir, std::vector<int64_t> bounds,
                                   size_t commit_every)
    : work_dir_(std::move(work_dir)),
      bounds_(std::move(bounds)),
      commit_every_(std::max<size_t>(commit_every, 1)) {}

Result<std::unique_ptr<BulkIndexBuilder>> BulkIndexBuilder::Create(const std::string& work_dir,
                                                                   std::vector<int64_t> bounds,
                                                                   size_t commit_every) {
  if (bounds.size() < 2) return BadInput("bad_bounds", "at least two bounds", "bounds");
  for (size_t k = 1; k < bounds.size(); ++k) {
    if (bounds[k] <= bounds[k - 1]) {
      return BadInput("bad_bounds", "bounds must be strictly ascending", "bounds");
    }
  }
  std::error_code ec;
  std::filesystem::remove_all(work_dir, ec);
  std::filesystem::create_directories(work_dir, ec);
  if (ec) return Internal("bulk index build: cannot create " + work_dir + ": " + ec.message());
  std::unique_ptr<BulkIndexBuilder> b(
      new BulkIndexBuilder(work_dir, std::move(bounds), commit_every));
  try {
    for (size_t k = 0; k + 1 < b->bounds_.size(); ++k) {
      auto shard = std::make_unique<Shard>();
      // A shard is temporary: no fsync; Finish's compaction writes the durable database.
      shard->db = std::make_unique<Xapian::WritableDatabase>(
          work_dir + "/shard" + std::to_string(k),
          Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_BACKEND_GLASS | Xapian::DB_NO_SYNC);
      b->shards_.push_back(std::move(shard));
    }
  } catch (const Xapian::Error& e) {
    return XapianError("create shard", e);
  }
  return b;
}

BulkIndexBuilder::~BulkIndexBuilder() {
  shards_.clear();  // closes the databases before their files go
  std::error_code ec;
  std::filesystem::remove_all(work_dir_, ec);
}

size_t BulkIndexBuilder::ShardOf(int64_t id) const {
  if (id < bounds_.front() || id >= bounds_.back()) return shards();
  return static_cast<size_t>(std::upper_bound(bounds_.begin(), bounds_.end(), id) -
                             bounds_.begin()) -
         1;
}

Status BulkIndexBuilder::Add(const Listing& listing) {
  const size_t k = ShardOf(listing.id);
  if (k >= shards()) {
    return BadInput("bad_id", "listing " + std::to_string(listing.id) + " is outside the shards",
                    "id");
  }
  if (listing.status != ListingStatus::kPublished) return Status::Ok();
  Result<Xapian::Document> doc = BuildDocument(listing);
  KC_RETURN_IF_ERROR(doc);
  Shard& shard = *shards_[k];
  std::lock_guard lock(shard.mu);
  try {
    shard.db->replace_document(static_cast<Xapian::docid>(listing.id), *doc);
    ++shard.added;
    if (++shard.pending >= commit_every_) {
      shard.db->commit();
      shard.pending = 0;
    }
  } catch (const Xapian::Error& e) {
    return XapianError("add", e);
  }
  return Status::Ok();
}

uint64_t BulkIndexBuilder::documents() const {
  uint64_t n = 0;
  for (const auto& s : shards_) {
    std::lock_guard lock(s->mu);
    n += s->added;
  }
  return n;
}

Status BulkIndexBuilder::Finish(const std::string& out, int64_t applied_seq) {
  try {
    Xapian::Database all;
    for (size_t k = 0; k < shards_.size(); ++k) {
      Shard& s = *shards_[k];
      std::lock_guard lock(s.mu);
      s.db->commit();
      const bool empty = s.db->get_doccount() == 0;
      s.db->close();
      // An empty shard has no document ids to keep and nothing to merge.
      if (!empty) all.add_database(Xapian::Database(work_dir_ + "/shard" + std::to_string(k)));
    }
    std::error_code ec;
    std::filesystem::create_directories(out, ec);
    if (ec) return Internal("bulk index build: cannot create " + out + ": " + ec.message());
    if (all.size() > 0) {
      all.compact(out, Xapian::DBCOMPACT_NO_RENUMBER | Xapian::DBCOMPACT_MULTIPASS |
                           Xapian::Compactor::STANDARD);
    }
    all.close();
    // The compacted database (or a new empty one) records how far the change log is applied.
    Xapian::WritableDatabase db(out, Xapian::DB_CREATE_OR_OPEN | Xapian::DB_BACKEND_GLASS);
    db.set_metadata(kAppliedSeqKey, std::to_string(applied_seq));
    db.set_metadata(kLayoutKey, kLayout);
    db.commit();
    db.close();
  } catch (const Xapian::Error& e) {
    return XapianError("compact into " + out, e);
  }
  shards_.clear();
  std::error_code ec;
  std::filesystem::remove_all(work_dir_, ec);
  return Status::Ok();
}

std::vector<int64_t> EvenBounds(const std::vector<int64_t>& sorted_ids, size_t shards) {
  if (sorted_ids.empty()) return {1, 2};
  shards = std::max<size_t>(shards, 1);
  std::vector<int64_t> bounds{sorted_ids.front()};
  for (size_t k = 1; k < shards; ++k) {
    const int64_t b = sorted_ids[sorted_ids.size() * k / shards];
    if (b > bounds.back()) bounds.push_back(b);
  }
  bounds.push_back(sorted_ids.back() + 1);
  return bounds;
}

}  // namespace kc::search
