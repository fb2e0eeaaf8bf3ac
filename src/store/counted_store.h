// A Store that counts the writes made through it, so that something read from the store can be
// kept until the next write (api/visitor_cache.h; docs/architecture.md, "Caching").
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>

#include "store/store.h"

namespace kc {

// Forwards every call to the store it wraps. writes() moves after every Write and ImportTables
// returns, committed or not: a value read after taking writes() was current when it was read,
// and nothing written through this store has changed it while writes() still gives the same
// number. Writes by other processes or nodes sharing the database are not counted.
class CountedStore : public Store {
 public:
  explicit CountedStore(std::unique_ptr<Store> inner) : inner_(std::move(inner)) {}

  uint64_t writes() const { return writes_.load(std::memory_order_acquire); }

  Status Read(const std::function<Status(StoreTx&)>& fn) override { return inner_->Read(fn); }
  Status Write(const std::function<Status(StoreTx&)>& fn) override;
  int SchemaVersion() const override { return inner_->SchemaVersion(); }
  Status ExportTables(const std::function<Status(const TableRows&)>& sink) override {
    return inner_->ExportTables(sink);
  }
  Status ImportTables(const std::vector<TableRows>& tables) override;
  bool WaitForChanges(std::chrono::milliseconds timeout) override {
    return inner_->WaitForChanges(timeout);
  }
  bool LeadsBackgroundJobs() override { return inner_->LeadsBackgroundJobs(); }

 private:
  std::unique_ptr<Store> inner_;
  std::atomic<uint64_t> writes_{0};
};

}  // namespace kc
