// The replay memory of docs/network.md §3.3 step 7: which (keyid, nonce) pairs were seen in
// the last 600 s (twice the ±300 s window of step 5, so a signature whose nonce has been
// forgotten is already out of time). Safe for concurrent use from several threads.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace kc::net {

class NonceCache {
 public:
  static constexpr int64_t kMemorySeconds = 600;

  // Holds at most `capacity` live pairs (each about 200 bytes).
  explicit NonceCache(size_t capacity = 200000);

  // True the first time (`keyid`, `nonce`) is seen within the last 600 s (a pair remembered at
  // t is forgotten from t + 600 on), and remembers it at `now`; false for a replay. Call it
  // only after the signature verified (§3.3 step 7 follows step 6), so that only peers can
  // fill the memory.
  // When `capacity` live pairs are held, it refuses (false) every new pair until some are
  // 600 s old: forgetting a live nonce would let its message be replayed, so a flood of
  // signed requests is refused rather than opened to replay.
  bool Remember(std::string_view keyid, std::string_view nonce, int64_t now);

  // The number of pairs held (live ones, and expired ones not yet dropped by Remember).
  size_t size() const;

 private:
  void ForgetOlderThan(int64_t cutoff);  // mu_ held

  const size_t capacity_;
  mutable std::mutex mu_;
  std::unordered_map<std::string, int64_t> seen_;       // pair key -> time remembered
  std::multimap<int64_t, const std::string*> by_time_;  // time -> key in seen_ (node-stable)
};

}  // namespace kc::net
