#include "store/postgres/pool.h"

#include <algorithm>

namespace kc::pg {

Result<std::unique_ptr<pqxx::connection>> Connect(const std::string& url) {
  try {
    return std::make_unique<pqxx::connection>(url);
  } catch (const std::exception& e) {
    return Status::Error(ErrorKind::kUnavailable, "database_unavailable",
                         std::string("cannot connect to the database: ") + e.what());
  }
}

Pool::Lease::~Lease() {
  if (!pool_) return;
  if (discard_ || !conn_ || !conn_->is_open()) conn_.reset();
  pool_->Give(std::move(conn_));
}

Pool::Pool(std::string url, int size) : url_(std::move(url)), free_slots_(std::max(1, size)) {}

Result<Pool::Lease> Pool::Take() {
  std::unique_ptr<pqxx::connection> conn;
  {
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait(lock, [&] { return free_slots_ > 0; });
    --free_slots_;
    if (!idle_.empty()) {
      conn = std::move(idle_.back());
      idle_.pop_back();
    }
  }
  if (!conn) {
    auto opened = Connect(url_);
    if (!opened.ok()) {
      Give(nullptr);
      return opened.status();
    }
    conn = std::move(*opened);
  }
  return Lease(this, std::move(conn));
}

void Pool::Give(std::unique_ptr<pqxx::connection> conn) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    ++free_slots_;
    if (conn) idle_.push_back(std::move(conn));
  }
  cv_.notify_one();
}

}  // namespace kc::pg
