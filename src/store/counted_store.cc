#include "store/counted_store.h"

namespace kc {

// The count moves after the write has returned: a reader that took the count before the write
// committed sees it move, whichever snapshot its read got.
Status CountedStore::Write(const std::function<Status(StoreTx&)>& fn) {
  Status s = inner_->Write(fn);
  writes_.fetch_add(1, std::memory_order_acq_rel);
  return s;
}

Status CountedStore::ImportTables(const std::vector<TableRows>& tables) {
  Status s = inner_->ImportTables(tables);
  writes_.fetch_add(1, std::memory_order_acq_rel);
  return s;
}

}  // namespace kc
