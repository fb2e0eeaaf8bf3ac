#include "net/nonce_cache.h"

namespace kc::net {
namespace {

// One unambiguous key per pair whatever bytes keyid holds.
std::string PairKey(std::string_view keyid, std::string_view nonce) {
  std::string key = std::to_string(keyid.size());
  key += ':';
  key += keyid;
  key += nonce;
  return key;
}

}  // namespace

NonceCache::NonceCache(size_t capacity) : capacity_(capacity) {}

void NonceCache::ForgetOlderThan(int64_t cutoff) {
  while (!by_time_.empty() && by_time_.begin()->first <= cutoff) {
    seen_.erase(*by_time_.begin()->second);
    by_time_.erase(by_time_.begin());
  }
}

bool NonceCache::Remember(std::string_view keyid, std::string_view nonce, int64_t now) {
  std::string key = PairKey(keyid, nonce);
  std::lock_guard<std::mutex> lock(mu_);
  ForgetOlderThan(now - kMemorySeconds);
  // What is left is live (or stamped ahead of a clock that went back: kept, to be safe).
  if (seen_.count(key) != 0) return false;
  if (seen_.size() >= capacity_) return false;
  auto [it, inserted] = seen_.emplace(std::move(key), now);
  by_time_.emplace(now, &it->first);
  return inserted;
}

size_t NonceCache::size() const {
  std::lock_guard<std::mutex> lock(mu_);
  return seen_.size();
}

}  // namespace kc::net
