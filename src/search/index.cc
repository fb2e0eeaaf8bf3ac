#include "search/index.h"

#include <charconv>
#include <filesystem>
#include <set>

#include "search/document.h"
#include "search/schema.h"
#include "text/segmenter.h"

namespace kc::search {
namespace {

constexpr size_t kMaxPooledReaders = 16;

Status XapianError(const std::string& what, const Xapian::Error& e) {
  return Internal("search index: " + what + ": " + e.get_type() + ": " + e.get_msg());
}

int64_t ParseSeq(const std::string& s) {
  int64_t v = 0;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

}  // namespace

SearchIndex::SearchIndex(std::string dir) : dir_(std::move(dir)) {}

SearchIndex::~SearchIndex() {
  std::lock_guard lock(writer_mu_);
  if (writer_) {
    try {
      writer_->close();
    } catch (const Xapian::Error&) {
    }
  }
}

Status SearchIndex::OpenWriter(int flags) {
  try {
    writer_ = std::make_unique<Xapian::WritableDatabase>(dir_, flags | Xapian::DB_BACKEND_GLASS);
    applied_seq_ = ParseSeq(writer_->get_metadata(kAppliedSeqKey));
    pending_seq_ = applied_seq_;
    // An empty index takes this version's layout (kept with its first commit).
    if (writer_->get_doccount() == 0 && writer_->get_metadata(kLayoutKey) != kLayout) {
      writer_->set_metadata(kLayoutKey, kLayout);
    }
    layout_current_ = writer_->get_metadata(kLayoutKey) == kLayout;
    return Status::Ok();
  } catch (const Xapian::DatabaseLockError& e) {
    writer_.reset();
    return Status::Error(ErrorKind::kUnavailable, "index_locked",
                         "search index " + dir_ + " is open elsewhere: " + e.get_msg());
  } catch (const Xapian::Error& e) {
    writer_.reset();
    return XapianError("open " + dir_, e);
  }
}

Status SearchIndex::EnsureWriter() {
  return writer_ ? Status::Ok() : OpenWriter(Xapian::DB_CREATE_OR_OPEN);
}

Status SearchIndex::ReopenWriter() {
  if (writer_) {
    try {
      // Closing commits what is pending if it now can: documents and applied seq together,
      // so the seq read back below matches the documents either way.
      writer_->close();
    } catch (const Xapian::Error&) {
    }
    writer_.reset();
  }
  return OpenWriter(Xapian::DB_CREATE_OR_OPEN);
}

Result<std::unique_ptr<SearchIndex>> SearchIndex::Open(const std::string& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return Internal("search index: cannot create " + dir + ": " + ec.message());
  std::unique_ptr<SearchIndex> index(new SearchIndex(dir));
  std::lock_guard lock(index->writer_mu_);
  KC_RETURN_IF_ERROR(index->OpenWriter(Xapian::DB_CREATE_OR_OPEN));
  return index;
}

Status SearchIndex::Upsert(const Listing& listing) {
  if (listing.status != ListingStatus::kPublished) return Remove(listing.id);
  // Analysis is the slow part and needs no lock.
  Result<Xapian::Document> doc = BuildDocument(listing);
  KC_RETURN_IF_ERROR(doc);
  std::lock_guard lock(writer_mu_);
  KC_RETURN_IF_ERROR(EnsureWriter());
  try {
    writer_->replace_document(static_cast<Xapian::docid>(listing.id), *doc);
    return Status::Ok();
  } catch (const Xapian::Error& e) {
    return XapianError("upsert", e);
  }
}

Status SearchIndex::Remove(int64_t id) {
  if (id <= 0 || id > static_cast<int64_t>(UINT32_MAX)) return Status::Ok();
  std::lock_guard lock(writer_mu_);
  KC_RETURN_IF_ERROR(EnsureWriter());
  try {
    writer_->delete_document(static_cast<Xapian::docid>(id));
  } catch (const Xapian::DocNotFoundError&) {
  } catch (const Xapian::Error& e) {
    return XapianError("remove", e);
  }
  return Status::Ok();
}

Status SearchIndex::SetAppliedSeq(int64_t seq) {
  std::lock_guard lock(writer_mu_);
  KC_RETURN_IF_ERROR(EnsureWriter());
  try {
    writer_->set_metadata(kAppliedSeqKey, std::to_string(seq));
    pending_seq_ = seq;
    return Status::Ok();
  } catch (const Xapian::Error& e) {
    return XapianError("set applied seq", e);
  }
}

int64_t SearchIndex::applied_seq() const {
  std::lock_guard lock(writer_mu_);
  return applied_seq_;
}

bool SearchIndex::layout_current() const {
  std::lock_guard lock(writer_mu_);
  return layout_current_;
}

Status SearchIndex::Commit() {
  std::lock_guard lock(writer_mu_);
  KC_RETURN_IF_ERROR(EnsureWriter());
  try {
    writer_->commit();
    applied_seq_ = pending_seq_;
    return Status::Ok();
  } catch (const Xapian::Error& e) {
    Status failed = XapianError("commit", e);
    if (Status reopened = ReopenWriter(); !reopened.ok()) {
      return Internal(failed.message() + "; reopening: " + reopened.message());
    }
    return failed;
  }
}

Status SearchIndex::Clear() {
  std::lock_guard lock(writer_mu_);
  if (writer_) {
    try {
      writer_->close();
    } catch (const Xapian::Error&) {
    }
  }
  writer_.reset();
  {
    // Pooled readers point at the replaced files; new ones are opened on demand.
    std::lock_guard pool_lock(pool_mu_);
    pool_.clear();
    ++generation_;
  }
  return OpenWriter(Xapian::DB_CREATE_OR_OVERWRITE);
}

Status SearchIndex::Replace(const std::function<Status(const std::string& fresh_dir)>& build) {
  namespace fs = std::filesystem;
  const std::string fresh = dir_ + ".new";
  const std::string old = dir_ + ".old";
  std::error_code ec;
  fs::remove_all(fresh, ec);
  if (Status s = build(fresh); !s.ok()) {
    fs::remove_all(fresh, ec);
    return s;
  }
  std::lock_guard lock(writer_mu_);
  if (writer_) {
    try {
      writer_->close();
    } catch (const Xapian::Error&) {
    }
  }
  writer_.reset();
  {
    std::lock_guard pool_lock(pool_mu_);
    pool_.clear();
    ++generation_;
  }
  fs::remove_all(old, ec);
  fs::rename(dir_, old, ec);
  if (!ec) fs::rename(fresh, dir_, ec);
  if (ec) {
    // Put the old index back if it was moved.
    std::error_code back;
    if (!fs::exists(dir_, back)) fs::rename(old, dir_, back);
    Status reopened = OpenWriter(Xapian::DB_CREATE_OR_OPEN);
    return Internal("search index: cannot replace " + dir_ + ": " + ec.message() +
                    (reopened.ok() ? "" : "; " + reopened.message()));
  }
  fs::remove_all(old, ec);
  return OpenWriter(Xapian::DB_CREATE_OR_OPEN);
}

Result<SearchIndex::Reader> SearchIndex::AcquireReader() const {
  std::unique_ptr<Xapian::Database> db;
  uint64_t generation = 0;
  {
    std::lock_guard lock(pool_mu_);
    generation = generation_;
    if (!pool_.empty()) {
      db = std::move(pool_.back());
      pool_.pop_back();
    }
  }
  // Opening races with commits (a revision read half-way may be discarded): retry.
  for (int attempt = 0;; ++attempt) {
    try {
      if (db) {
        db->reopen();
      } else {
        db = std::make_unique<Xapian::Database>(dir_);
      }
      break;
    } catch (const Xapian::DatabaseModifiedError& e) {
      db.reset();
      if (attempt >= 10) return XapianError("open reader", e);
    } catch (const Xapian::Error& e) {
      // e.g. the index was cleared under a pooled reader: open afresh, once.
      if (!db) return XapianError("open reader", e);
      db.reset();
    }
  }
  return Reader(db.release(), [this, generation](Xapian::Database* released) {
    std::unique_ptr<Xapian::Database> owned(released);
    std::lock_guard lock(pool_mu_);
    if (generation == generation_ && pool_.size() < kMaxPooledReaders) {
      pool_.push_back(std::move(owned));
    }
  });
}

Result<text::TermStats> SearchIndex::StatsFor(const std::vector<const text::Terms*>& terms) const {
  Result<Reader> reader = AcquireReader();
  KC_RETURN_IF_ERROR(reader);
  std::set<std::string> keys;
  for (const text::Terms* t : terms) {
    for (const std::string& w : t->words) keys.insert(text::TermKey(w));
  }
  // TermStats is built through its text form, the one way to set counts from outside.
  std::string form = "kc-termstats 1\ndocuments ";
  try {
    Xapian::Database& db = **reader;
    form.append(std::to_string(db.get_doccount())).append("\n");
    for (const std::string& key : keys) {
      if (key.find_first_of(" \t\r\n") != std::string::npos) continue;
      const bool latin = text::KindOf(key) == text::TokenKind::kLatinWord;
      const Xapian::doccount df = db.get_termfreq(Term(latin ? kStemPrefix : kWordPrefix, key));
      if (df > 0) form.append(std::to_string(df)).append(" ").append(key).append("\n");
    }
  } catch (const Xapian::Error& e) {
    return XapianError("term statistics", e);
  }
  return text::TermStats::Parse(form);
}

}  // namespace kc::search
