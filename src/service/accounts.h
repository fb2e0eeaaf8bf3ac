// Accounts (用户): registration, sign-in with throttling, sessions, the bootstrap admin and
// user administration.
#pragma once

#include <optional>
#include <string>

#include "core/clock.h"
#include "core/org.h"
#include "service/actor.h"
#include "store/store.h"

namespace kc {

struct RegisterRequest {
  std::string username;
  std::string password;
  std::string display_name;
  std::string email;
  std::optional<int64_t> org_id;  // ask to join an existing organisation (its admins approve)
  std::optional<Org> org;         // or create one and become its org admin
};

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
  std::optional<std::string> role;  // admin only
  std::optional<bool> disabled;     // admin only
};

class Accounts {
 public:
  // The organisation the bootstrap admin belongs to; admins' listings and imports go to it.
  static constexpr const char* kPlatformOrgName = "平台运营方 (Platform operator)";

  // Failed sign-ins allowed per user name (and, ×4, per client address) within the window.
  static constexpr int kMaxFailures = 5;
  static constexpr int64_t kFailureWindow = 15 * 60;
  static constexpr int64_t kSessionLifetime = 30 * 24 * 3600;

  Accounts(Store& store, const Clock& clock) : store_(store), clock_(clock) {}

  // Creates an account (and its organisation when `org` is given, or a request to join `org_id`
  // that the organisation's admins decide: see Orgs::DecideJoinRequest). Slow: hashes the
  // password.
  Result<User> Register(const RegisterRequest& request);

  // Checks the password and opens a session. After kMaxFailures failures within
  // kFailureWindow the user name (or address) is refused with 429 until the window passes.
  Result<SignIn> Login(const std::string& username, const std::string& password,
                       const std::string& remote);

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
};

// Checks a user name: 3–32 characters of [A-Za-z0-9._-], starting with a letter or digit.
Status ValidateUsername(std::string_view username);
// Checks a password: 8–128 bytes.
Status ValidatePassword(std::string_view password);

}  // namespace kc
