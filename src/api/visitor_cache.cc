#include "api/visitor_cache.h"

namespace kc::api {

VisitorCache::VisitorCache(const CountedStore* store, std::chrono::milliseconds max_age,
                           size_t max_bytes, Clock clock)
    : store_(store), max_age_(max_age), max_bytes_(max_bytes), clock_(std::move(clock)) {}

VisitorCache::Stamp VisitorCache::Take() const { return {store_->writes(), clock_()}; }

std::optional<std::string> VisitorCache::Find(const std::string& key) const {
  const Stamp now = Take();
  std::shared_ptr<const std::string> body;
  {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = entries_.find(key);
    if (it == entries_.end()) return std::nullopt;
    const Stamp& kept = it->second.stamp;
    if (kept.writes != now.writes || now.at - kept.at > max_age_) return std::nullopt;
    body = it->second.body;
  }
  return *body;
}

void VisitorCache::Put(const std::string& key, const Stamp& stamp, std::string body) {
  const size_t size = key.size() + body.size();
  if (size > max_bytes_) return;
  auto kept = std::make_shared<const std::string>(std::move(body));
  std::lock_guard<std::mutex> lock(mu_);
  if (auto it = entries_.find(key); it != entries_.end()) {
    bytes_ -= it->first.size() + it->second.body->size();
    entries_.erase(it);
  }
  while (bytes_ + size > max_bytes_ && !entries_.empty()) {
    auto first = entries_.begin();
    bytes_ -= first->first.size() + first->second.body->size();
    entries_.erase(first);
  }
  entries_.emplace(key, Entry{stamp, std::move(kept)});
  bytes_ += size;
}

}  // namespace kc::api
