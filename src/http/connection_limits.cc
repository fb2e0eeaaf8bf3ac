#include "http/connection_limits.h"

#include <algorithm>

namespace kc::http {

ConnectionLimits::ConnectionLimits(size_t max_total, size_t max_per_client)
    : max_total_(std::max<size_t>(1, max_total)), max_per_client_(max_per_client) {}

bool ConnectionLimits::TryOpen(const std::string& address) {
  std::lock_guard<std::mutex> lock(mu_);
  if (open_ >= max_total_) return false;
  if (max_per_client_ > 0) {
    size_t& n = per_client_[address];
    if (n >= max_per_client_) return false;
    ++n;
  }
  ++open_;
  peak_ = std::max(peak_, open_);
  return true;
}

void ConnectionLimits::Close(const std::string& address) {
  std::lock_guard<std::mutex> lock(mu_);
  if (open_ > 0) --open_;
  if (max_per_client_ == 0) return;
  auto it = per_client_.find(address);
  if (it == per_client_.end()) return;
  if (--it->second == 0) per_client_.erase(it);
}

size_t ConnectionLimits::open() const {
  std::lock_guard<std::mutex> lock(mu_);
  return open_;
}

size_t ConnectionLimits::TakePeak() {
  std::lock_guard<std::mutex> lock(mu_);
  size_t peak = peak_;
  peak_ = open_;
  return peak;
}

}  // namespace kc::http
