// Counting open connections against a cap on all of them and a cap per client address, so that
// one client (or all of them together) cannot take every file descriptor of the process.
#pragma once

#include <cstddef>
#include <mutex>
#include <string>
#include <unordered_map>

namespace kc::http {

// Thread-safe.
class ConnectionLimits {
 public:
  // `max_total` ≥ 1; `max_per_client` 0 means no cap per address.
  ConnectionLimits(size_t max_total, size_t max_per_client);

  // Takes a place for a new connection from `address`; false (nothing taken) when either cap
  // is reached.
  bool TryOpen(const std::string& address);
  // Gives back the place of a connection from `address` that TryOpen let in.
  void Close(const std::string& address);

  size_t open() const;
  size_t max_total() const { return max_total_; }
  // The most connections open at once since the last call (then starts again from `open`).
  size_t TakePeak();

 private:
  const size_t max_total_;
  const size_t max_per_client_;
  mutable std::mutex mu_;
  size_t open_ = 0;
  size_t peak_ = 0;
  std::unordered_map<std::string, size_t> per_client_;
};

}  // namespace kc::http
