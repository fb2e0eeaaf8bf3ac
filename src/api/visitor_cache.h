// 访客缓存: answers that every visitor (a caller who is not signed in) gets alike, kept between
// writes so that a popular page is not read from the store and written out again for each
// visitor (docs/architecture.md, "Caching").
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "store/counted_store.h"

namespace kc::api {

// An answer kept under `key` is given back while no write has gone through `store` since it was
// read and it is younger than `max_age` — the bound on how stale a change made elsewhere (a
// command-line import, another node on the same PostgreSQL database) can be for visitors. The
// answers kept hold at most `max_bytes` together; to keep a new one in a full cache, others are
// dropped (whichever come first in the table, not the oldest). Thread-safe.
class VisitorCache {
 public:
  using Clock = std::function<std::chrono::steady_clock::time_point()>;

  VisitorCache(const CountedStore* store, std::chrono::milliseconds max_age,
               size_t max_bytes = 64 << 20, Clock clock = std::chrono::steady_clock::now);

  // What Put needs to know when a read began: take it before reading from the store.
  struct Stamp {
    uint64_t writes = 0;
    std::chrono::steady_clock::time_point at;
  };
  Stamp Take() const;

  // The answer kept under key, when it is still current; nullopt otherwise.
  std::optional<std::string> Find(const std::string& key) const;

  // Keeps `body` under key, as read after `stamp` was taken.
  void Put(const std::string& key, const Stamp& stamp, std::string body);

 private:
  struct Entry {
    Stamp stamp;
    std::shared_ptr<const std::string> body;
  };

  const CountedStore* store_;
  std::chrono::milliseconds max_age_;
  size_t max_bytes_;
  Clock clock_;
  mutable std::mutex mu_;
  std::unordered_map<std::string, Entry> entries_;
  size_t bytes_ = 0;  // of the keys and bodies kept
};

}  // namespace kc::api
