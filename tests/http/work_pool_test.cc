#include "http/work_pool.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <set>
#include <thread>

#include "http/signal.h"

namespace kc::http {
namespace {

using namespace std::chrono_literals;

// A gate that tasks wait at until the test opens it (or five seconds pass).
class Gate {
 public:
  void Open() { open_.Notify(); }
  void Wait() { open_.WaitFor(5s); }

 private:
  testing::Signal open_;
};

// Waits until `pool` runs `n` tasks at once.
bool RunningReaches(const WorkPool& pool, size_t n) {
  for (int i = 0; i < 500 && pool.running() != n; ++i) std::this_thread::sleep_for(10ms);
  return pool.running() == n;
}

TEST(WorkPoolTest, RunsTasksOnItsOwnThreads) {
  WorkPool pool(2, WorkPool::kUnbounded);
  EXPECT_EQ(pool.threads(), 2);
  std::mutex mu;
  std::set<std::thread::id> seen;
  std::atomic<int> done{0};
  for (int i = 0; i < 20; ++i) {
    ASSERT_TRUE(pool.TryPost([&] {
      std::lock_guard<std::mutex> lock(mu);
      seen.insert(std::this_thread::get_id());
      ++done;
    }));
  }
  pool.Stop();
  EXPECT_EQ(done.load(), 20);
  EXPECT_EQ(seen.count(std::this_thread::get_id()), 0u);
  EXPECT_LE(seen.size(), 2u);
}

TEST(WorkPoolTest, AtLeastOneThread) {
  WorkPool pool(0, 1);
  EXPECT_EQ(pool.threads(), 1);
  std::atomic<bool> ran{false};
  ASSERT_TRUE(pool.TryPost([&] { ran = true; }));
  pool.Stop();
  EXPECT_TRUE(ran);
}

TEST(WorkPoolTest, RefusesATaskWhenTheQueueIsFullAndTakesOnesAgainOnceItDrains) {
  WorkPool pool(1, 2);
  Gate gate;
  std::atomic<int> done{0};
  auto held = [&] {
    gate.Wait();
    ++done;
  };
  ASSERT_TRUE(pool.TryPost(held));  // runs, and holds the only thread
  ASSERT_TRUE(RunningReaches(pool, 1));
  EXPECT_TRUE(pool.TryPost(held));  // waits
  EXPECT_TRUE(pool.TryPost(held));  // waits
  EXPECT_EQ(pool.queued(), 2u);
  std::atomic<bool> refused_ran{false};
  EXPECT_FALSE(pool.TryPost([&] { refused_ran = true; }));
  gate.Open();
  for (int i = 0; i < 500 && done.load() < 3; ++i) std::this_thread::sleep_for(10ms);
  EXPECT_EQ(done.load(), 3);
  EXPECT_TRUE(pool.TryPost([&] { ++done; }));
  pool.Stop();
  EXPECT_EQ(done.load(), 4);
  EXPECT_FALSE(refused_ran);  // a refused task is dropped, never run
}

TEST(WorkPoolTest, WithoutAQueueATaskIsTakenOnlyByAnIdleThread) {
  WorkPool pool(2, 0);
  Gate gate;
  ASSERT_TRUE(pool.TryPost([&] { gate.Wait(); }));
  ASSERT_TRUE(pool.TryPost([&] { gate.Wait(); }));
  ASSERT_TRUE(RunningReaches(pool, 2));
  EXPECT_FALSE(pool.TryPost([] {}));
  gate.Open();
  pool.Stop();
}

TEST(WorkPoolTest, StopRunsWhatIsQueuedThenRefuses) {
  WorkPool pool(1, 10);
  Gate gate;
  std::atomic<int> done{0};
  ASSERT_TRUE(pool.TryPost([&] {
    gate.Wait();
    ++done;
  }));
  ASSERT_TRUE(RunningReaches(pool, 1));
  for (int i = 0; i < 5; ++i) ASSERT_TRUE(pool.TryPost([&] { ++done; }));
  std::thread stopper([&] { pool.Stop(); });
  std::this_thread::sleep_for(50ms);
  EXPECT_FALSE(pool.TryPost([&] { ++done; }));  // stopping: nothing new
  gate.Open();
  stopper.join();
  EXPECT_EQ(done.load(), 6);
  EXPECT_EQ(pool.queued(), 0u);
}

TEST(WorkPoolTest, StopIsSafeToCallTwice) {
  WorkPool pool(2, 1);
  pool.Stop();
  pool.Stop();
  EXPECT_FALSE(pool.TryPost([] {}));
}

}  // namespace
}  // namespace kc::http
