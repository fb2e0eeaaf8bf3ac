// Accounts (用户): registration, sign-in with throttling, sessions, the bootstrap admin and
// user administration.
#pragma once

#include <atomic>
#include <functional>
#include <optional>
#include <string>

#include "core/clock.h"
#include "core/org.h"
#include "service/actor.h"
#include "service/password_policy.h"
#include "service/throttle.h"
#include "store/store.h"

namespace kc {

struct RegisterRequest {
  std::string username;
  std::string password;
  std::string display_name;
  std::string email;
  std::optional<int64_t> org_id;  // ask to join an existing organisation (its admins approve)
  std::optional<Org> org;         // or create one and become its org admin
  std::string client;             // the client's address, for throttling
  std::string challenge;          // the client's answer for a RegistrationCheck (captcha, …)
};

// A check every registration must pass before anything is hashed or stored: the place to plug
// in a captcha or a proof of work (docs/api.md "Registration checks"). It sees the request (the
// client's `challenge` answer included) and returns an error status to refuse it, e.g.
// Invalid("challenge", "challenge_failed", …). Must be safe to call from several threads.
using RegistrationCheck = std::function<Status(const RegisterRequest&)>;

// Limits of Accounts besides the throttle's.
struct AccountPolicy {
  ThrottlePolicy throttle;
  // Registrations that may hash a password at once; more at the same moment are refused with
  // 503 "busy" at once rather than queued, so that a flood of registrations never holds the
  // threads that sign-ins need (password hashing takes ~0.1 s and 64 MiB each).
  int registration_hashers = 1;
};

// The longest user name a sign-in may carry: longer ones are refused (400) without being
// looked up, hashed or remembered.
inline constexpr size_t kMaxLoginNameBytes = 64;

// A new session: the token is shown to the client once and never stored.
struct SignIn {
  User user;
  std::string token;
  std::string csrf_token;
  int64_t expires_at = 0;
};

// A checked session.
struct Authenticated {
  User user;
  Session session;
};

// What a user or an admin may change about an account; empty members stay as they are.
struct UserPatch {
  std::optional<std::string> display_name, email, password, current_password;
  std::optional<std::string> role;      // admin only: the platform role
  std::optional<bool> disabled;         // admin only
  std::optional<std::string> org_role;  // admin only: "member" or "org_admin" in the user's org
};

class Accounts {
 public:
  // The organisation the bootstrap admin belongs to; admins' listings and imports go to it.
  static constexpr const char* kPlatformOrgName = "平台运营方 (Platform operator)";

  static constexpr int64_t kSessionLifetime = 30 * 24 * 3600;

  Accounts(Store& store, const Clock& clock, AccountPolicy policy = {})
      : store_(store), clock_(clock), policy_(policy) {}

  // Plugs in a check for every registration (none by default). Call before serving.
  void SetRegistrationCheck(RegistrationCheck check) { registration_check_ = std::move(check); }

  // Creates an account (and its organisation when `org` is given, or a request to join `org_id`
  // that the organisation's admins decide: see Orgs::DecideJoinRequest). Slow: hashes the
  // password. Every field is bounded before anything is hashed or stored. Refused with 429
  // "too_many_registrations" (and `*retry_after` set to the seconds to wait) when the client
  // registered too often (throttle.h), and with 503 "busy" (`*retry_after` 1) when other
  // registrations are hashing.
  Result<User> Register(const RegisterRequest& request, int64_t* retry_after = nullptr);

  // Checks the password and opens a session. A user name longer than kMaxLoginNameBytes or a
  // password longer than kMaxPasswordBytes is 400 "too_long" and not remembered. A wrong
  // password and an unknown or disabled user take the same time (a password is checked either
  // way) and give the same 401 "bad_credentials". While the throttle makes (`username`,
  // `client`) or `client` wait, the answer is 429 "too_many_attempts" with `*retry_after` set.
  Result<SignIn> Login(const std::string& username, const std::string& password,
                       const std::string& client, int64_t* retry_after = nullptr);

  // Ends the session of `token`; succeeds when it is already gone.
  Status Logout(const std::string& token);

  // The user behind a session token; 401 when unknown, expired or the user is disabled.
  Result<Authenticated> Authenticate(const std::string& token);

  // Creates the user `admin` (in a new platform organisation) when it does not exist: with
  // `password` when given, otherwise with a generated one. Returns the password when it generated
  // one, "" otherwise.
  Result<std::string> EnsureAdmin(const std::optional<std::string>& password);

  Result<User> Get(const Actor& actor, int64_t id);
  Result<Page<User>> List(const Actor& actor, const UserQuery& query);  // admin only
  Result<User> Update(const Actor& actor, int64_t id, const UserPatch& patch);

 private:
  Store& store_;
  const Clock& clock_;
  const AccountPolicy policy_;
  RegistrationCheck registration_check_;
  std::atomic<int> registrations_hashing_{0};
};

// Checks a user name: 3–32 characters of [A-Za-z0-9._-], starting with a letter or digit.
Status ValidateUsername(std::string_view username);

}  // namespace kc
