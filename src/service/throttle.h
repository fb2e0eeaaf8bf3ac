// 限速: how often a client may fail to sign in, and register (docs/api.md "Throttling").
//
// Failed sign-ins slow down the pair (user name, client address) that failed: after
// `free_failures_per_name` failures each further attempt waits twice as long as the one before
// (2, 4, 8 … seconds, at most `max_delay`), counted from the latest failure. An attacker's
// failures from one client therefore never keep the owner out from another client. A client that
// fails with many names (made-up ones included) is slowed down the same way after
// `free_failures_per_client` failures, whichever names it tries next. Nothing is ever locked:
// the delay only grows, and everything older than `failure_window` is forgotten (and pruned).
//
// Registrations are limited to `registrations_per_client` per `registration_window` and client;
// visitors' registrations for events to `event_registrations_per_client` per window and client,
// so that a script cannot fill an event's seats with made-up addresses (docs/events.md).
//
// The functions run inside the caller's transaction.
#pragma once

#include <cstdint>
#include <string_view>

#include "store/store.h"

namespace kc {

struct ThrottlePolicy {
  int free_failures_per_name = 5;     // per (user name, client) before delays begin
  int free_failures_per_client = 20;  // per client, whatever the names
  int64_t max_delay = 15 * 60;        // seconds; the delays double up to this
  int64_t failure_window = 60 * 60;   // failures older than this are forgotten
  int registrations_per_client = 5;   // per registration_window; 0: no limit
  int64_t registration_window = 10 * 60;
  int event_registrations_per_client = 20;  // visitors', per registration_window; 0: no limit
};

// The seconds to wait after `failures` failures of which `free` are allowed without delay:
// 0 below `free`, then 2, 4, 8 … up to `cap`.
int64_t BackoffDelay(int64_t failures, int free, int64_t cap);

// Seconds until `username` may next try to sign in from `client` (0: now).
Result<int64_t> LoginWait(StoreTx& tx, const ThrottlePolicy& policy, std::string_view username,
                          std::string_view client, int64_t now);
// Remembers a failed sign-in, and forgets attempts older than the policy's windows.
Status RecordLoginFailure(StoreTx& tx, const ThrottlePolicy& policy, std::string_view username,
                          std::string_view client, int64_t now);
// Forgets the failures of `username` from `client` (after it signed in there). The client's
// failures with other names stay.
Status ClearLoginFailures(StoreTx& tx, std::string_view username, std::string_view client);

// Seconds until `client` may register again (0: now).
Result<int64_t> RegistrationWait(StoreTx& tx, const ThrottlePolicy& policy, std::string_view client,
                                 int64_t now);
// Remembers a registration attempt, and forgets attempts older than the policy's windows.
Status RecordRegistration(StoreTx& tx, const ThrottlePolicy& policy, std::string_view client,
                          int64_t now);

// Seconds until `client` may register a visitor for an event again (0: now).
Result<int64_t> EventRegistrationWait(StoreTx& tx, const ThrottlePolicy& policy,
                                      std::string_view client, int64_t now);
// Remembers a visitor's registration for an event, and forgets attempts older than the windows.
Status RecordEventRegistration(StoreTx& tx, const ThrottlePolicy& policy, std::string_view client,
                               int64_t now);

}  // namespace kc
