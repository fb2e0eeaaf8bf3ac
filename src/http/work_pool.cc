#include "http/work_pool.h"

#include <algorithm>

namespace kc::http {

WorkPool::WorkPool(int threads, size_t max_queued)
    : max_queued_(max_queued), thread_count_(std::max(1, threads)) {
  threads_.reserve(static_cast<size_t>(thread_count_));
  for (int i = 0; i < thread_count_; ++i) threads_.emplace_back([this] { Run(); });
}

WorkPool::~WorkPool() { Stop(); }

bool WorkPool::TryPost(std::function<void()> task) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    // The queue's tasks beyond the idle threads are the ones that wait.
    const size_t idle = static_cast<size_t>(thread_count_) - running_;
    if (stopping_ || (queue_.size() >= idle && queue_.size() - idle >= max_queued_)) return false;
    queue_.push_back(std::move(task));
  }
  cv_.notify_one();
  return true;
}

void WorkPool::Stop() {
  std::vector<std::thread> threads;
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
    threads.swap(threads_);  // joined by the first caller only
  }
  cv_.notify_all();
  for (auto& t : threads) t.join();
}

size_t WorkPool::queued() const {
  std::lock_guard<std::mutex> lock(mu_);
  return queue_.size();
}

size_t WorkPool::running() const {
  std::lock_guard<std::mutex> lock(mu_);
  return running_;
}

// Takes tasks until the pool stops and its queue is empty: what was queued before Stop runs.
void WorkPool::Run() {
  std::unique_lock<std::mutex> lock(mu_);
  for (;;) {
    cv_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
    if (queue_.empty()) return;  // stopping, and nothing left
    std::function<void()> task = std::move(queue_.front());
    queue_.pop_front();
    ++running_;
    lock.unlock();
    task();
    task = nullptr;  // what the task holds goes before the next one waits
    lock.lock();
    --running_;
  }
}

}  // namespace kc::http
