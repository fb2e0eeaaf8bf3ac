// The one clock: every use of the current time goes through a Clock, so tests can move time.
#pragma once

#include <atomic>
#include <cstdint>

namespace kc {

// Seconds since the Unix epoch. Implementations are thread-safe.
class Clock {
 public:
  virtual ~Clock() = default;
  virtual int64_t Now() const = 0;
};

// The system's real-time clock.
class SystemClock : public Clock {
 public:
  int64_t Now() const override;
};

// A clock that stands still until moved; for tests.
class ManualClock : public Clock {
 public:
  explicit ManualClock(int64_t now) : now_(now) {}
  int64_t Now() const override { return now_.load(); }
  void Advance(int64_t seconds) { now_ += seconds; }

 private:
  std::atomic<int64_t> now_;
};

}  // namespace kc
