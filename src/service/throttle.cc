#include "service/throttle.h"

#include <algorithm>

namespace kc {

namespace {

constexpr std::string_view kLoginFailure = "login_failure";
constexpr std::string_view kRegister = "register";
constexpr std::string_view kEventRegister = "event_register";

// The seconds left of a delay of `delay` that began at `since`.
int64_t Remaining(int64_t since, int64_t delay, int64_t now) {
  return delay > 0 ? std::max<int64_t>(0, since + delay - now) : 0;
}

Status Prune(StoreTx& tx, const ThrottlePolicy& policy, int64_t now) {
  const int64_t keep = std::max(policy.failure_window, policy.registration_window);
  return tx.PruneAttempts(now - keep).status();
}

}  // namespace

int64_t BackoffDelay(int64_t failures, int free, int64_t cap) {
  if (failures < free) return 0;
  const int64_t doublings = failures - free + 1;
  if (doublings >= 62) return cap;
  return std::min<int64_t>(cap, int64_t{1} << doublings);
}

Result<int64_t> LoginWait(StoreTx& tx, const ThrottlePolicy& policy, std::string_view username,
                          std::string_view client, int64_t now) {
  const int64_t since = now - policy.failure_window;
  auto by_name = tx.CountAttempts(kLoginFailure, client, username, since);
  if (!by_name.ok()) return by_name.status();
  auto by_client = tx.CountAttempts(kLoginFailure, client, std::nullopt, since);
  if (!by_client.ok()) return by_client.status();
  const int64_t name_delay =
      BackoffDelay(by_name->count, policy.free_failures_per_name, policy.max_delay);
  const int64_t client_delay =
      BackoffDelay(by_client->count, policy.free_failures_per_client, policy.max_delay);
  return std::max(Remaining(by_name->last_at, name_delay, now),
                  Remaining(by_client->last_at, client_delay, now));
}

Status RecordLoginFailure(StoreTx& tx, const ThrottlePolicy& policy, std::string_view username,
                          std::string_view client, int64_t now) {
  KC_RETURN_IF_ERROR(Prune(tx, policy, now));
  return tx.RecordAttempt(
      Attempt{std::string(kLoginFailure), std::string(client), std::string(username), now});
}

Status ClearLoginFailures(StoreTx& tx, std::string_view username, std::string_view client) {
  return tx.ClearAttempts(kLoginFailure, client, username);
}

namespace {

// Seconds until `client` may make another attempt of `action`, at most `limit` per `window`.
Result<int64_t> WindowWait(StoreTx& tx, std::string_view action, int limit, int64_t window,
                           std::string_view client, int64_t now) {
  if (limit <= 0) return int64_t{0};
  auto recent = tx.CountAttempts(action, client, std::nullopt, now - window + 1);
  if (!recent.ok()) return recent.status();
  if (recent->count < limit) return int64_t{0};
  // A place frees when the oldest attempt of the window leaves it.
  return std::max<int64_t>(1, recent->first_at + window - now);
}

}  // namespace

Result<int64_t> RegistrationWait(StoreTx& tx, const ThrottlePolicy& policy, std::string_view client,
                                 int64_t now) {
  return WindowWait(tx, kRegister, policy.registrations_per_client, policy.registration_window,
                    client, now);
}

Result<int64_t> EventRegistrationWait(StoreTx& tx, const ThrottlePolicy& policy,
                                      std::string_view client, int64_t now) {
  return WindowWait(tx, kEventRegister, policy.event_registrations_per_client,
                    policy.registration_window, client, now);
}

Status RecordEventRegistration(StoreTx& tx, const ThrottlePolicy& policy, std::string_view client,
                               int64_t now) {
  KC_RETURN_IF_ERROR(Prune(tx, policy, now));
  return tx.RecordAttempt(Attempt{std::string(kEventRegister), std::string(client), "", now});
}

Status RecordRegistration(StoreTx& tx, const ThrottlePolicy& policy, std::string_view client,
                          int64_t now) {
  KC_RETURN_IF_ERROR(Prune(tx, policy, now));
  return tx.RecordAttempt(Attempt{std::string(kRegister), std::string(client), "", now});
}

}  // namespace kc
