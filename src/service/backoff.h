// Retry delays for a background job that fails: each failure in a row doubles the wait, up to
// a cap; a success starts again from the first delay.
#pragma once

#include <algorithm>
#include <chrono>

namespace kc {

class Backoff {
 public:
  using Duration = std::chrono::milliseconds;

  Backoff(Duration first, Duration cap) : first_(first), cap_(cap) {}

  // Records a failure and returns how long to wait before the next attempt: first, then twice
  // as long after each further failure in a row, never more than cap.
  Duration Failed() {
    ++failures_;
    next_ = failures_ == 1 ? first_ : std::min(next_ * 2, cap_);
    return next_;
  }

  // Records a success: the next failure waits `first` again.
  void Succeeded() { failures_ = 0; }

  // Failures in a row since the last success.
  int failures() const { return failures_; }

 private:
  const Duration first_;
  const Duration cap_;
  Duration next_{0};
  int failures_ = 0;
};

}  // namespace kc
