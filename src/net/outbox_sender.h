// Delivers the messages queued for partners (docs/network.md §6.3): per peer in the order they
// were queued, each signed and POSTed to the peer; a message not yet delivered holds back the
// peer's later ones, so that an inquiry always arrives before its events. Failures are retried
// with growing delays; a refusal (a 4xx other than 408, 429 and 403 peer_not_active) is final
// and recorded.
#pragma once

#include <cstdint>
#include <string>

#include "core/clock.h"
#include "core/status.h"
#include "net/peer_link.h"
#include "store/store.h"

namespace kc::net {

class OutboxSender {
 public:
  // The delay after the n-th failed attempt in a row: kFirstRetry · 2^(n-1), at most kMaxRetry.
  static constexpr int64_t kFirstRetrySeconds = 5;
  static constexpr int64_t kMaxRetrySeconds = 3600;

  OutboxSender(Store& store, const Clock& clock, PeerLink& link)
      : store_(store), clock_(clock), link_(link) {}

  // Sends every message that is due, to active peers only (the others' wait). Returns the
  // messages delivered; a failure of one peer never stops another's.
  Result<int64_t> DeliverDue();

  // The retry delay after `attempts` failed attempts (1 or more), in seconds.
  static int64_t RetryDelay(int64_t attempts);

 private:
  Store& store_;
  const Clock& clock_;
  PeerLink& link_;
};

}  // namespace kc::net
