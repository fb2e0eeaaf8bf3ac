// A fixed set of threads that run tasks handed over by the I/O threads, from a queue that may be
// bounded: work that would stall an I/O thread (search, matching, password hashing, imports)
// runs here, and the I/O thread goes on serving its other connections meanwhile.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <limits>
#include <mutex>
#include <thread>
#include <vector>

namespace kc::http {

// Safe to use from any thread. A task that throws ends the process (tasks catch their own).
class WorkPool {
 public:
  static constexpr size_t kUnbounded = std::numeric_limits<size_t>::max();

  // Starts `threads` threads (at least one). At most `max_queued` tasks wait while every thread
  // is busy (0: a task is taken only by an idle thread); TryPost refuses beyond.
  WorkPool(int threads, size_t max_queued);
  // Stop().
  ~WorkPool();
  WorkPool(const WorkPool&) = delete;
  WorkPool& operator=(const WorkPool&) = delete;

  // Queues `task` to run on one of the pool's threads. Returns false, and drops the task
  // without running it, when max_queued tasks already wait or the pool is stopping.
  bool TryPost(std::function<void()> task);

  // Refuses new tasks, runs every task already queued (the queue drains), and joins the
  // threads. Safe to call more than once, but not from one of the pool's own tasks.
  void Stop();

  // Tasks queued and not yet taken by a thread, and tasks running, now.
  size_t queued() const;
  size_t running() const;
  int threads() const { return thread_count_; }

 private:
  void Run();

  const size_t max_queued_;
  const int thread_count_;
  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::function<void()>> queue_;
  size_t running_ = 0;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace kc::http
