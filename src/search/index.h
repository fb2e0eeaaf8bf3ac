// 检索索引: the one Xapian database of published listings (DESIGN §6), kept in step with the
// store by an indexer and rebuildable from it at any time.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/listing.h"
#include "core/status.h"
#include "text/keyterms.h"

namespace kc::search {

// A Xapian database directory of listings; schema.h gives its terms and slots.
//
// Thread safety: one writer, many readers. Upsert, Remove, SetAppliedSeq, Commit and Clear
// take an internal writer lock, so they may be called from several threads, but changes are
// meant to come from one indexer. Readers (AcquireReader, and so every search) never take
// that lock: each gets a Xapian::Database of its own from a pool, brought to the latest
// committed revision when it is handed out, so a search sees exactly the last Commit and
// never a half-applied batch. A process holds the directory alone: a second Open of the same
// directory (in this or another process) fails while the first is open.
class SearchIndex {
 public:
  // A read-only database at the last committed revision, lent to one thread; it goes back to
  // the pool when the Reader is destroyed. Must not outlive its SearchIndex.
  using Reader = std::unique_ptr<Xapian::Database, std::function<void(Xapian::Database*)>>;

  // Opens the index in `dir`, creating the directory and an empty index if missing. Fails
  // with kUnavailable ("index_locked") when another writer holds it, kInternal when the
  // database cannot be opened (corrupt: the caller rebuilds with Clear and a reindex).
  static Result<std::unique_ptr<SearchIndex>> Open(const std::string& dir);

  // Commits pending changes (Xapian's behaviour on close); a crash discards them instead.
  ~SearchIndex();
  SearchIndex(const SearchIndex&) = delete;
  SearchIndex& operator=(const SearchIndex&) = delete;

  // Adds the listing or replaces the document of the same id; a listing whose status is not
  // published is removed instead, so an indexer may pass every changed listing as it is.
  // Visible to readers after the next Commit. Fails with kInvalid for an id outside
  // 1 .. 2^32 − 1, kInternal when Xapian fails.
  Status Upsert(const Listing& listing);

  // Removes the listing's document; removing an id that is not indexed is not an error.
  Status Remove(int64_t id);

  // Records that changes up to `seq` of the store's change log are applied. Written in the
  // same Xapian commit as the documents, so after a crash the index never claims changes it
  // does not hold. Takes effect at the next successful Commit.
  Status SetAppliedSeq(int64_t seq);

  // The applied sequence of the last durable commit (the value read at Open, or given to
  // SetAppliedSeq before a Commit that succeeded); 0 for a new or cleared index. A failed
  // Commit leaves it unchanged, so the changes after it are applied again.
  int64_t applied_seq() const;

  // False when the index holds documents written in another layout than kLayout (by an
  // earlier version: say, members-only text indexed as public text); Replace with a rebuilt
  // index makes it current. A new or cleared index is current.
  bool layout_current() const;

  // Makes all changes since the last Commit durable and visible to readers, atomically. When
  // it fails (a full disk, a read-only file system, an I/O error) the writer is closed and
  // reopened at the last durable revision, and applied_seq() is read back from it, so the
  // indexer applies the changes after it again; when reopening fails too, the next call that
  // writes retries it. Readers keep answering from the last committed revision meanwhile.
  Status Commit();

  // Discards every document and the applied seq, durably and at once (for a rebuild).
  Status Clear();

  // Replaces the whole index by the database that `build` writes into the directory it is
  // given (a fresh sibling of dir(); see BulkIndexBuilder::Finish). Until build returns,
  // readers and the writer keep the current index; then, under the writer lock, the new
  // database takes the directory's place, applied_seq() becomes the one it records, and every
  // reader acquired afterwards sees it. Pending changes of the old index are discarded. When
  // build fails the current index is kept and its status returned; kInternal when the swap
  // fails.
  Status Replace(const std::function<Status(const std::string& fresh_dir)>& build);

  // A reader at the last committed revision. Fails with kInternal when the database cannot be
  // opened. Thread-safe.
  Result<Reader> AcquireReader() const;

  // Corpus statistics for key-term weighting (text/keyterms.h) of the given terms, read from
  // the committed index: documents() is the number of listings, DocumentFrequency(key) the
  // number of listings with that key in title, keywords or body. Only the keys of `terms`
  // are filled in. Kept by Xapian with the documents, so always in step with them.
  Result<text::TermStats> StatsFor(const std::vector<const text::Terms*>& terms) const;

  const std::string& dir() const { return dir_; }

 private:
  explicit SearchIndex(std::string dir);
  Status OpenWriter(int flags);
  // Reopens the writer when a failed commit closed it. Call with writer_mu_ held.
  Status EnsureWriter();
  // Drops the writer with its pending changes and opens it again. Call with writer_mu_ held.
  Status ReopenWriter();

  const std::string dir_;
  mutable std::mutex writer_mu_;
  std::unique_ptr<Xapian::WritableDatabase> writer_;
  int64_t applied_seq_ = 0;  // committed
  int64_t pending_seq_ = 0;  // given to SetAppliedSeq, committed with the next Commit
  bool layout_current_ = true;

  mutable std::mutex pool_mu_;
  mutable std::vector<std::unique_ptr<Xapian::Database>> pool_;
  // Raised when the database files are replaced (Clear, Replace): readers lent out before
  // are not pooled again.
  mutable uint64_t generation_ = 0;
};

// The key under which the applied change-log sequence is kept in Xapian's metadata.
inline constexpr const char* kAppliedSeqKey = "kc:applied_seq";
// The key of the index's layout (schema.h) and this version's: raised when documents are
// built differently enough that an index must be rebuilt. 2: members-only text under M.
// 3: the facets together in kFacetsSlot.
inline constexpr const char* kLayoutKey = "kc:layout";
inline constexpr const char* kLayout = "3";

}  // namespace kc::search
