#include "api/visitor_cache.h"

namespace kc::api {

VisitorCache::VisitorCache(const CountedStore* store, std::chrono::milliseconds max_age,
                           size_t max_entries, Clock clock)
    : store_(store), max_age_(max_age), max_entries_(max_entries), clock_(std::move(clock)) {}

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
  auto kept = std::make_shared<const std::string>(std::move(body));
  std::lock_guard<std::mutex> lock(mu_);
  if (entries_.size() >= max_entries_ && entries_.find(key) == entries_.end()) entries_.clear();
  entries_[key] = Entry{stamp, std::move(kept)};
}

}  // namespace kc::api
