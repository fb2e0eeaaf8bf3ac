// The store as it runs: OpenSqliteStore / OpenPostgresStore, Store::Read, GetListing and
// ListListings, that is SqlStore and SqlTx over the SQL layer.
#include <stdexcept>

#include "store/postgres/postgres_store.h"
#include "store/sqlite/sqlite_store.h"
#include "variant.h"

namespace kc::bench {

namespace {

class StoreReads : public Variant {
 public:
  explicit StoreReads(const Target& t) {
    auto s = t.postgres ? OpenPostgresStore(t.db, 1) : OpenSqliteStore(t.db, 1);
    if (!s.ok()) throw std::runtime_error(s.status().message());
    store_ = std::move(*s);
  }

  int64_t PointRead(int64_t id) override {
    int64_t sum = 0;
    Status s = store_->Read([&](StoreTx& tx) -> Status {
      auto l = tx.GetListing(id);
      if (!l.ok()) return l.status();
      sum = Checksum(l->id, l->title, l->body, l->updated_at) + l->budget.max_cny.value_or(0) % 7;
      return Status::Ok();
    });
    if (!s.ok()) throw std::runtime_error(s.message());
    return sum;
  }

  int64_t ListPage() override {
    ListingQuery q;
    q.kind = ListingKind::kDemand;
    q.statuses = {ListingStatus::kPublished};
    q.limit = 20;
    q.summary_only = true;
    int64_t sum = 0;
    Status s = store_->Read([&](StoreTx& tx) -> Status {
      auto page = tx.ListListings(q);
      if (!page.ok()) return page.status();
      sum = page->total;
      for (const auto& l : page->items) sum += Checksum(l.id, l.title, l.body, l.updated_at);
      return Status::Ok();
    });
    if (!s.ok()) throw std::runtime_error(s.message());
    return sum;
  }

 private:
  std::unique_ptr<Store> store_;
};

}  // namespace

std::unique_ptr<Variant> StoreVariant(const Target& target) {
  return std::make_unique<StoreReads>(target);
}

}  // namespace kc::bench
