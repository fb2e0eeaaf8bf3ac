#include "service/accounts.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

#include "service/crypto.h"
#include "service/fixture.h"

namespace kc {
namespace {

using testing::kPassword;

constexpr char kValidCreditCode[] = "91350100M000100Y43";

class AccountsTest : public testing::ServiceTest {
 protected:
  RegisterRequest Request(const std::string& username) {
    RegisterRequest r;
    r.username = username;
    r.password = "a long enough password";
    r.display_name = "新用户";
    r.email = username + "@example.com";
    return r;
  }

  // Signs in with kPassword and fails the test when it does not work.
  SignIn MustLogin(const std::string& username, const std::string& password = kPassword) {
    auto s = accounts_.Login(username, password, "10.0.0.1");
    EXPECT_TRUE(s.ok()) << s.status().code() << ": " << s.status().message();
    return s.ok() ? *s : SignIn{};
  }

  int64_t UserCount() {
    int64_t n = -1;
    EXPECT_TRUE(store()
                    .Read([&](StoreTx& tx) -> Status {
                      auto c = tx.CountUsers();
                      if (c.ok()) n = *c;
                      return c.status();
                    })
                    .ok());
    return n;
  }

  Accounts accounts_{store(), clock_};
};

TEST_F(AccountsTest, RegisterWithANewOrganisationMakesAnOrgAdmin) {
  RegisterRequest r = Request("founder");
  Org org;
  org.name = "  创新科技有限公司 ";
  org.type = OrgType::kEnterprise;
  org.region = "440305";
  org.credit_code = " 91350100m000100y43 ";
  r.org = org;
  auto user = accounts_.Register(r);
  ASSERT_TRUE(user.ok()) << user.status().message();
  EXPECT_GT(user->id, 0);
  EXPECT_EQ(user->role, Role::kMember);
  EXPECT_EQ(user->org_role, OrgRole::kAdmin);
  ASSERT_TRUE(user->org_id.has_value());
  EXPECT_EQ(user->created_at, testing::kT0);
  EXPECT_NE(user->password_hash, r.password);
  EXPECT_TRUE(VerifyPassword(r.password, user->password_hash));

  ASSERT_TRUE(store()
                  .Read([&](StoreTx& tx) -> Status {
                    auto o = tx.GetOrg(*user->org_id);
                    EXPECT_TRUE(o.ok());
                    EXPECT_EQ(o->name, "创新科技有限公司");       // trimmed
                    EXPECT_EQ(o->credit_code, kValidCreditCode);  // normalised
                    auto stored = tx.FindUserByName("founder");
                    EXPECT_TRUE(stored.ok());
                    EXPECT_EQ(stored->org_id, user->org_id);
                    return Status::Ok();
                  })
                  .ok());
  EXPECT_EQ(AuditActions("user", user->id), std::vector<std::string>{"register"});
  EXPECT_EQ(AuditActions("org", *user->org_id), std::vector<std::string>{"create"});
  // The new account signs in.
  MustLogin("founder", r.password);
}

// Naming an existing organisation only asks to join it: no rights until one of its admins
// approves (docs/api.md, "Organisations and membership").
TEST_F(AccountsTest, RegisterWithAnOrgIdOnlyRequestsToJoin) {
  Org org = AddOrg("现有机构");
  RegisterRequest r = Request("joiner");
  r.org_id = org.id;
  auto user = accounts_.Register(r);
  ASSERT_TRUE(user.ok()) << user.status().message();
  EXPECT_EQ(user->role, Role::kMember);
  EXPECT_FALSE(user->org_id.has_value());
  EXPECT_EQ(user->requested_org_id, org.id);

  RegisterRequest unknown = Request("lost");
  unknown.org_id = 999;
  auto bad = accounts_.Register(unknown);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().kind(), ErrorKind::kInvalid);
  EXPECT_EQ(bad.status().field(), "org_id");
  EXPECT_EQ(UserCount(), 1);
}

TEST_F(AccountsTest, RegisterWithoutOrganisationIsAPlainMember) {
  auto user = accounts_.Register(Request("loner"));
  ASSERT_TRUE(user.ok()) << user.status().message();
  EXPECT_EQ(user->role, Role::kMember);
  EXPECT_FALSE(user->org_id.has_value());
}

TEST_F(AccountsTest, DuplicateUsernameIsAConflict) {
  AddUser("taken", Role::kMember, std::nullopt);
  RegisterRequest r = Request("taken");
  Org org;
  org.name = "不应创建的机构";
  r.org = org;
  auto dup = accounts_.Register(r);
  ASSERT_FALSE(dup.ok());
  EXPECT_EQ(dup.status().kind(), ErrorKind::kConflict);
  EXPECT_EQ(dup.status().code(), "username_taken");
  EXPECT_EQ(dup.status().field(), "username");
  // The organisation of the failed registration was not created either.
  ASSERT_TRUE(store()
                  .Read([&](StoreTx& tx) -> Status {
                    EXPECT_FALSE(tx.FindOrgByName("不应创建的机构")->has_value());
                    return Status::Ok();
                  })
                  .ok());
}

TEST_F(AccountsTest, RegisterRejectsBadFieldsBeforeWritingAnything) {
  struct Case {
    std::string name;
    RegisterRequest request;
    std::string field;
    std::string code;
  };
  std::vector<Case> cases;
  auto add = [&](std::string name, auto edit, std::string field, std::string code) {
    RegisterRequest r = Request("valid-name");
    edit(r);
    cases.push_back({std::move(name), r, std::move(field), std::move(code)});
  };
  add(
      "weak password", [](RegisterRequest& r) { r.password = "short"; }, "password",
      "weak_password");
  add(
      "password too long", [](RegisterRequest& r) { r.password = "Q7" + std::string(127, 'p'); },
      "password", "too_long");
  add(
      "common password", [](RegisterRequest& r) { r.password = "Password123"; }, "password",
      "common_password");
  add(
      "password holding the name", [](RegisterRequest& r) { r.password = "my-VALID-NAME-pw"; },
      "password", "password_has_username");
  add(
      "eight spaces", [](RegisterRequest& r) { r.password = "        "; }, "password",
      "blank_password");
  add(
      "huge challenge answer", [](RegisterRequest& r) { r.challenge = std::string(5000, 'c'); },
      "challenge", "too_long");
  add(
      "username too short", [](RegisterRequest& r) { r.username = "ab"; }, "username",
      "invalid_username");
  add(
      "username with space", [](RegisterRequest& r) { r.username = "a b c"; }, "username",
      "invalid_username");
  add(
      "username starting with dot", [](RegisterRequest& r) { r.username = ".abc"; }, "username",
      "invalid_username");
  add(
      "no display name", [](RegisterRequest& r) { r.display_name = ""; }, "display_name",
      "required");
  add(
      "bad email", [](RegisterRequest& r) { r.email = "not-an-address"; }, "email",
      "invalid_email");
  add(
      "bad credit code",
      [](RegisterRequest& r) {
        Org o;
        o.name = "某公司";
        o.credit_code = "91350100M000100Y44";
        r.org = o;
      },
      "credit_code", "invalid_credit_code");
  add(
      "org without name",
      [](RegisterRequest& r) {
        Org o;
        o.name = " ";
        r.org = o;
      },
      "name", "required");
  add(
      "both org and org_id",
      [](RegisterRequest& r) {
        Org o;
        o.name = "某公司";
        r.org = o;
        r.org_id = 1;
      },
      "org", "conflicting_fields");
  for (const Case& c : cases) {
    auto user = accounts_.Register(c.request);
    ASSERT_FALSE(user.ok()) << c.name;
    EXPECT_EQ(user.status().kind(), ErrorKind::kInvalid) << c.name;
    EXPECT_EQ(user.status().field(), c.field) << c.name;
    EXPECT_EQ(user.status().code(), c.code) << c.name;
  }
  EXPECT_EQ(UserCount(), 0);
}

TEST_F(AccountsTest, ValidateUsernameAndPassword) {
  for (const std::string& ok :
       {std::string("abc"), std::string("a.b_c-d"), std::string("0user"), std::string(32, 'x')}) {
    EXPECT_TRUE(ValidateUsername(ok).ok()) << ok;
  }
  for (std::string bad :
       {std::string("ab"), std::string(33, 'x'), std::string("-abc"), std::string("_abc"),
        std::string("用户名"), std::string("@host"), std::string("a/b")}) {
    EXPECT_FALSE(ValidateUsername(bad).ok()) << bad;
  }
}

TEST_F(AccountsTest, LoginOpensASessionStoredOnlyAsAHash) {
  User alice = AddUser("alice", Role::kMember, std::nullopt);
  SignIn in = MustLogin("alice");
  EXPECT_EQ(in.user.id, alice.id);
  EXPECT_EQ(in.token.size(), 64u);
  EXPECT_EQ(in.csrf_token.size(), 32u);
  EXPECT_EQ(in.expires_at, testing::kT0 + Accounts::kSessionLifetime);

  ASSERT_TRUE(store()
                  .Read([&](StoreTx& tx) -> Status {
                    EXPECT_EQ(tx.GetSession(in.token).status().kind(), ErrorKind::kNotFound);
                    auto s = tx.GetSession(TokenHash(in.token));
                    EXPECT_TRUE(s.ok());
                    EXPECT_EQ(s->user_id, alice.id);
                    EXPECT_EQ(s->csrf_token, in.csrf_token);
                    return Status::Ok();
                  })
                  .ok());

  auto who = accounts_.Authenticate(in.token);
  ASSERT_TRUE(who.ok());
  EXPECT_EQ(who->user.username, "alice");
  EXPECT_EQ(who->session.csrf_token, in.csrf_token);

  // Two sign-ins give two independent sessions.
  SignIn second = MustLogin("alice");
  EXPECT_NE(second.token, in.token);
  EXPECT_TRUE(accounts_.Authenticate(second.token).ok());
}

TEST_F(AccountsTest, BadCredentialsAreUnauthorized) {
  AddUser("alice", Role::kMember, std::nullopt);
  for (auto [user, pw] : {std::pair<std::string, std::string>{"alice", "wrong password"},
                          {"nobody", kPassword},
                          {"alice", ""}}) {
    auto s = accounts_.Login(user, pw, "10.0.0.1");
    ASSERT_FALSE(s.ok()) << user;
    EXPECT_EQ(s.status().kind(), ErrorKind::kUnauthorized);
    EXPECT_EQ(s.status().code(), "bad_credentials");
  }
  EXPECT_EQ(accounts_.Authenticate("not-a-token").status().kind(), ErrorKind::kUnauthorized);
  EXPECT_EQ(accounts_.Authenticate("").status().kind(), ErrorKind::kUnauthorized);
  EXPECT_EQ(accounts_.Authenticate(std::string(200, 'a')).status().kind(),
            ErrorKind::kUnauthorized);
}

// Counts the login failures the store remembers from `client` (all names).
int64_t FailuresFrom(Store& store, const std::string& client, int64_t since = 0) {
  int64_t n = -1;
  EXPECT_TRUE(store
                  .Read([&](StoreTx& tx) -> Status {
                    auto c = tx.CountAttempts("login_failure", client, std::nullopt, since);
                    if (c.ok()) n = c->count;
                    return c.status();
                  })
                  .ok());
  return n;
}

TEST_F(AccountsTest, FailuresSlowTheNameFromThatClientWithGrowingDelays) {
  AddUser("alice", Role::kMember, std::nullopt);
  const ThrottlePolicy policy;
  for (int i = 0; i < policy.free_failures_per_name; ++i) {
    auto s = accounts_.Login("alice", "wrong password", "10.0.0.1");
    ASSERT_EQ(s.status().kind(), ErrorKind::kUnauthorized) << "attempt " << i + 1;
  }
  // Now the right password must wait, from that client only: 2 s, then 4 s, 8 s …
  int64_t retry_after = 0;
  auto throttled = accounts_.Login("alice", kPassword, "10.0.0.1", &retry_after);
  ASSERT_EQ(throttled.status().kind(), ErrorKind::kTooMany);
  EXPECT_EQ(throttled.status().code(), "too_many_attempts");
  EXPECT_EQ(retry_after, 2);
  for (int64_t delay : {2, 4, 8, 16}) {
    clock_.Advance(delay - 1);
    EXPECT_EQ(accounts_.Login("alice", "wrong", "10.0.0.1").status().kind(), ErrorKind::kTooMany);
    clock_.Advance(1);
    EXPECT_EQ(accounts_.Login("alice", "wrong", "10.0.0.1").status().kind(),
              ErrorKind::kUnauthorized)
        << "after " << delay << " s";
  }
  EXPECT_TRUE(accounts_.Login("alice", kPassword, "10.0.0.2").ok()) << "another client";
  clock_.Advance(32);
  // A success from the client forgets that client's failures for the name.
  EXPECT_TRUE(accounts_.Login("alice", kPassword, "10.0.0.1").ok());
  EXPECT_EQ(accounts_.Login("alice", "wrong", "10.0.0.1").status().kind(),
            ErrorKind::kUnauthorized);
}

TEST_F(AccountsTest, DelaysAreCappedAndNothingIsEverLocked) {
  AddUser("alice", Role::kMember, std::nullopt);
  const ThrottlePolicy policy;
  int64_t longest = 0;
  for (int i = 0; i < 40; ++i) {
    int64_t retry_after = 0;
    auto s = accounts_.Login("alice", "wrong password", "10.0.0.1", &retry_after);
    if (s.status().kind() == ErrorKind::kTooMany) {
      longest = std::max(longest, retry_after);
      clock_.Advance(retry_after);
      --i;  // a refused attempt is not a failure
      continue;
    }
    ASSERT_EQ(s.status().kind(), ErrorKind::kUnauthorized);
  }
  // Every wait ended (the loop finished), and none was longer than the cap.
  EXPECT_EQ(longest, policy.max_delay);
  EXPECT_TRUE(accounts_.Login("alice", kPassword, "10.0.0.2").ok());
}

// The attack: fifty failed sign-ins for admin from one client. The owner, from another client,
// signs in at once.
TEST_F(AccountsTest, AnAttackersFailuresNeverLockTheOwnerOut) {
  AddUser("admin", Role::kAdmin, std::nullopt);
  int failures = 0;
  while (failures < 50) {
    int64_t retry_after = 0;
    auto s =
        accounts_.Login("admin", "guess " + std::to_string(failures), "198.51.100.7", &retry_after);
    if (s.status().kind() == ErrorKind::kTooMany) {
      clock_.Advance(retry_after);  // the attacker waits as told, and goes on
      continue;
    }
    ASSERT_EQ(s.status().kind(), ErrorKind::kUnauthorized);
    ++failures;
  }
  auto owner = accounts_.Login("admin", kPassword, "203.0.113.5");
  EXPECT_TRUE(owner.ok()) << owner.status().code();
}

TEST_F(AccountsTest, MadeUpNamesFromOneClientSlowThatClientOnly) {
  AddUser("alice", Role::kMember, std::nullopt);
  const ThrottlePolicy policy;
  for (int i = 0; i < policy.free_failures_per_client; ++i) {
    auto s = accounts_.Login("ghost" + std::to_string(i), "x", "192.0.2.1");
    ASSERT_EQ(s.status().kind(), ErrorKind::kUnauthorized) << i;
  }
  int64_t retry_after = 0;
  EXPECT_EQ(accounts_.Login("alice", kPassword, "192.0.2.1", &retry_after).status().kind(),
            ErrorKind::kTooMany);
  EXPECT_EQ(retry_after, 2);
  EXPECT_TRUE(accounts_.Login("alice", kPassword, "192.0.2.2").ok());
  clock_.Advance(2);
  EXPECT_TRUE(accounts_.Login("alice", kPassword, "192.0.2.1").ok()) << "a delay, not a lock";
}

TEST_F(AccountsTest, FailuresAreForgottenAndPrunedAfterTheWindow) {
  AddUser("alice", Role::kMember, std::nullopt);
  const ThrottlePolicy policy;
  for (int i = 0; i < 3; ++i) (void)accounts_.Login("ghost", "x", "192.0.2.1");
  EXPECT_EQ(FailuresFrom(store(), "192.0.2.1"), 3);
  clock_.Advance(policy.failure_window + 1);
  // The next failure (from anywhere) prunes what is older than the window.
  (void)accounts_.Login("ghost", "x", "192.0.2.9");
  EXPECT_EQ(FailuresFrom(store(), "192.0.2.1"), 0);
  EXPECT_EQ(FailuresFrom(store(), "192.0.2.9"), 1);
}

TEST_F(AccountsTest, OverlongNamesAndPasswordsAreRefusedAndNotRemembered) {
  AddUser("alice", Role::kMember, std::nullopt);
  const std::string huge(7 << 20, 'n');
  auto name = accounts_.Login(huge, "x", "192.0.2.1");
  EXPECT_EQ(name.status().kind(), ErrorKind::kBadInput);
  EXPECT_EQ(name.status().code(), "too_long");
  EXPECT_EQ(name.status().field(), "username");
  EXPECT_LT(name.status().message().size(), 100u) << "nothing of the input is echoed";
  auto password = accounts_.Login("alice", std::string(kMaxPasswordBytes + 1, 'p'), "192.0.2.1");
  EXPECT_EQ(password.status().kind(), ErrorKind::kBadInput);
  EXPECT_EQ(password.status().field(), "password");
  EXPECT_EQ(FailuresFrom(store(), "192.0.2.1"), 0);
  // A name no account can have is remembered without its text.
  (void)accounts_.Login(std::string(60, '%'), "x", "192.0.2.1");
  ASSERT_TRUE(store()
                  .Read([&](StoreTx& tx) -> Status {
                    auto c = tx.CountAttempts("login_failure", "192.0.2.1", "", 0);
                    EXPECT_EQ(c.ok() ? c->count : -1, 1);
                    return c.status();
                  })
                  .ok());
}

// User names cannot be told apart by timing: an unknown name costs a password check too.
TEST_F(AccountsTest, UnknownAndRealNamesTakeTheSameTime) {
  AddUser("alice", Role::kMember, std::nullopt);
  using Clock = std::chrono::steady_clock;
  auto time_login = [&](const std::string& name) {
    clock_.Advance(2 * 3600);  // past any throttling
    auto start = Clock::now();
    auto s = accounts_.Login(name, "wrong password", "10.0.0.1");
    auto took = Clock::now() - start;
    EXPECT_EQ(s.status().kind(), ErrorKind::kUnauthorized);
    return std::chrono::duration<double>(took).count();
  };
  (void)time_login("warm-up");
  std::vector<double> real, unknown;
  for (int i = 0; i < 7; ++i) {
    real.push_back(time_login("alice"));
    unknown.push_back(time_login("nobody" + std::to_string(i)));
  }
  auto median = [](std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
  };
  const double ratio = median(unknown) / median(real);
  EXPECT_GT(ratio, 0.5) << "unknown " << median(unknown) << " s, real " << median(real) << " s";
  EXPECT_LT(ratio, 2.0) << "unknown " << median(unknown) << " s, real " << median(real) << " s";
}

TEST_F(AccountsTest, RegistrationsAreThrottledPerClient) {
  const ThrottlePolicy policy;
  int64_t retry_after = 0;
  for (int i = 0; i < policy.registrations_per_client; ++i) {
    RegisterRequest r = Request("flood" + std::to_string(i));
    r.client = "198.51.100.1";
    ASSERT_TRUE(accounts_.Register(r, &retry_after).ok()) << i;
    clock_.Advance(10);
  }
  RegisterRequest next = Request("flood-next");
  next.client = "198.51.100.1";
  auto refused = accounts_.Register(next, &retry_after);
  ASSERT_EQ(refused.status().kind(), ErrorKind::kTooMany);
  EXPECT_EQ(refused.status().code(), "too_many_registrations");
  // The oldest of the window leaves it 10 min after it was made.
  EXPECT_EQ(retry_after, policy.registration_window - 5 * 10);
  next.client = "198.51.100.2";
  EXPECT_TRUE(accounts_.Register(next, &retry_after).ok()) << "another client";
  clock_.Advance(policy.registration_window - 5 * 10);
  RegisterRequest later = Request("flood-later");
  later.client = "198.51.100.1";
  EXPECT_TRUE(accounts_.Register(later, &retry_after).ok());
  EXPECT_EQ(UserCount(), policy.registrations_per_client + 2);
}

TEST_F(AccountsTest, RegistrationsBeyondTheHashingPlacesAreRefusedAtOnce) {
  AccountPolicy policy;
  policy.registration_hashers = 0;  // every place taken
  Accounts busy(store(), clock_, policy);
  int64_t retry_after = 0;
  auto r = busy.Register(Request("queued"), &retry_after);
  ASSERT_EQ(r.status().kind(), ErrorKind::kUnavailable);
  EXPECT_EQ(r.status().code(), "busy");
  EXPECT_EQ(retry_after, 1);
  EXPECT_EQ(UserCount(), 0);
}

TEST_F(AccountsTest, ARegistrationCheckRunsBeforeAnythingIsStored) {
  std::vector<std::string> seen;
  accounts_.SetRegistrationCheck([&](const RegisterRequest& r) -> Status {
    seen.push_back(r.challenge);
    if (r.challenge != "42") return Invalid("challenge", "challenge_failed", "wrong answer");
    return Status::Ok();
  });
  RegisterRequest wrong = Request("robot");
  wrong.challenge = "41";
  EXPECT_EQ(accounts_.Register(wrong).status().code(), "challenge_failed");
  EXPECT_EQ(UserCount(), 0);
  RegisterRequest right = Request("human");
  right.challenge = "42";
  EXPECT_TRUE(accounts_.Register(right).ok());
  EXPECT_EQ(seen, (std::vector<std::string>{"41", "42"}));
}

TEST_F(AccountsTest, SessionsExpire) {
  AddUser("alice", Role::kMember, std::nullopt);
  SignIn in = MustLogin("alice");
  clock_.Advance(Accounts::kSessionLifetime);
  EXPECT_TRUE(accounts_.Authenticate(in.token).ok()) << "valid up to its expiry time";
  clock_.Advance(1);
  auto late = accounts_.Authenticate(in.token);
  ASSERT_FALSE(late.ok());
  EXPECT_EQ(late.status().kind(), ErrorKind::kUnauthorized);
}

TEST_F(AccountsTest, LogoutEndsOnlyThatSession) {
  AddUser("alice", Role::kMember, std::nullopt);
  SignIn one = MustLogin("alice");
  SignIn two = MustLogin("alice");
  EXPECT_TRUE(accounts_.Logout(one.token).ok());
  EXPECT_EQ(accounts_.Authenticate(one.token).status().kind(), ErrorKind::kUnauthorized);
  EXPECT_TRUE(accounts_.Authenticate(two.token).ok());
  EXPECT_TRUE(accounts_.Logout(one.token).ok()) << "logging out twice is fine";
  EXPECT_TRUE(accounts_.Logout("never-existed").ok());
}

TEST_F(AccountsTest, DisabledUsersCannotAuthenticateOrSignIn) {
  MakeWorld();
  SignIn in = MustLogin("a-member");
  auto updated = accounts_.Update(Actor::Of(admin_), a_member_.id, UserPatch{.disabled = true});
  ASSERT_TRUE(updated.ok()) << updated.status().message();
  EXPECT_TRUE(updated->disabled);
  EXPECT_EQ(accounts_.Authenticate(in.token).status().kind(), ErrorKind::kUnauthorized);
  auto login = accounts_.Login("a-member", kPassword, "10.0.0.1");
  EXPECT_EQ(login.status().kind(), ErrorKind::kUnauthorized);

  // Re-enabled, the account signs in again.
  ASSERT_TRUE(accounts_.Update(Actor::Of(admin_), a_member_.id, UserPatch{.disabled = false}).ok());
  MustLogin("a-member");
}

TEST_F(AccountsTest, DisabledUserWithALiveSessionIsRefused) {
  // Disabled directly in the store, so the session row survives: the flag alone must refuse it.
  User alice = AddUser("alice", Role::kMember, std::nullopt);
  SignIn in = MustLogin("alice");
  alice = Reload(alice);
  alice.disabled = true;
  ASSERT_TRUE(store().Write([&](StoreTx& tx) { return tx.UpdateUser(alice); }).ok());
  EXPECT_EQ(accounts_.Authenticate(in.token).status().kind(), ErrorKind::kUnauthorized);
}

TEST_F(AccountsTest, EnsureAdminWithAGivenPassword) {
  auto pw = accounts_.EnsureAdmin(std::string("keeper of the platform 1"));
  ASSERT_TRUE(pw.ok()) << pw.status().message();
  EXPECT_EQ(*pw, "") << "nothing to print when the password was given";
  SignIn in = MustLogin("admin", "keeper of the platform 1");
  EXPECT_EQ(in.user.role, Role::kAdmin);
  // The bootstrap admin belongs to the platform's own organisation.
  ASSERT_TRUE(in.user.org_id.has_value());
  ASSERT_TRUE(store()
                  .Read([&](StoreTx& tx) -> Status {
                    auto org = tx.GetOrg(*in.user.org_id);
                    EXPECT_TRUE(org.ok());
                    EXPECT_EQ(org->name, Accounts::kPlatformOrgName);
                    EXPECT_EQ(org->type, OrgType::kServiceAgency);
                    return Status::Ok();
                  })
                  .ok());
  EXPECT_EQ(AuditActions("user", in.user.id), std::vector<std::string>{"bootstrap"});

  // A second call changes nothing, whatever it is given.
  auto again = accounts_.EnsureAdmin(std::string("another password"));
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, "");
  EXPECT_EQ(UserCount(), 1);
  MustLogin("admin", "keeper of the platform 1");
}

TEST_F(AccountsTest, EnsureAdminGeneratesAPasswordWhenNoneIsGiven) {
  auto pw = accounts_.EnsureAdmin(std::nullopt);
  ASSERT_TRUE(pw.ok()) << pw.status().message();
  EXPECT_EQ(pw->size(), 16u);
  MustLogin("admin", *pw);
  auto again = accounts_.EnsureAdmin(std::nullopt);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, "") << "the password is printed once";
}

TEST_F(AccountsTest, EnsureAdminRefusesAWeakPassword) {
  for (const char* weak : {"short", "admin-pass-123", "password1"}) {
    auto pw = accounts_.EnsureAdmin(std::string(weak));
    ASSERT_FALSE(pw.ok()) << weak;
    EXPECT_EQ(pw.status().kind(), ErrorKind::kInvalid) << weak;
  }
  EXPECT_EQ(UserCount(), 0);
}

TEST_F(AccountsTest, UsersEditTheirOwnProfileOnly) {
  MakeWorld();
  Actor member = Actor::Of(a_member_);
  auto self = accounts_.Update(member, a_member_.id,
                               UserPatch{.display_name = "新名字", .email = "me@example.com"});
  ASSERT_TRUE(self.ok()) << self.status().message();
  EXPECT_EQ(self->display_name, "新名字");
  EXPECT_EQ(Reload(a_member_).email, "me@example.com");
  EXPECT_EQ(AuditActions("user", a_member_.id), std::vector<std::string>{"update"});

  auto other = accounts_.Update(member, a_admin_.id, UserPatch{.display_name = "x"});
  EXPECT_EQ(other.status().kind(), ErrorKind::kForbidden);
  // Even an org admin cannot edit a member's account.
  auto org_admin =
      accounts_.Update(Actor::Of(a_admin_), a_member_.id, UserPatch{.display_name = "x"});
  EXPECT_EQ(org_admin.status().kind(), ErrorKind::kForbidden);
  EXPECT_EQ(accounts_.Update(Actor::Visitor(), a_member_.id, UserPatch{}).status().kind(),
            ErrorKind::kUnauthorized);

  auto bad_email = accounts_.Update(member, a_member_.id, UserPatch{.email = "nope"});
  EXPECT_EQ(bad_email.status().field(), "email");
  auto empty_name = accounts_.Update(member, a_member_.id, UserPatch{.display_name = ""});
  EXPECT_EQ(empty_name.status().field(), "display_name");
  EXPECT_EQ(Reload(a_member_).display_name, "新名字");
}

TEST_F(AccountsTest, OnlyAdminsChangeRolesOrDisableAccounts) {
  MakeWorld();
  Actor member = Actor::Of(a_member_);
  EXPECT_EQ(accounts_.Update(member, a_member_.id, UserPatch{.role = "admin"}).status().kind(),
            ErrorKind::kForbidden);
  EXPECT_EQ(accounts_.Update(member, a_member_.id, UserPatch{.disabled = true}).status().kind(),
            ErrorKind::kForbidden);
  EXPECT_EQ(accounts_.Update(Actor::Of(reviewer_), a_member_.id, UserPatch{.role = "reviewer"})
                .status()
                .kind(),
            ErrorKind::kForbidden);
  EXPECT_EQ(Reload(a_member_).role, Role::kMember);

  Actor admin = Actor::Of(admin_);
  auto promoted = accounts_.Update(admin, a_member_.id, UserPatch{.role = "reviewer"});
  ASSERT_TRUE(promoted.ok()) << promoted.status().message();
  EXPECT_EQ(Reload(a_member_).role, Role::kReviewer);

  auto unknown = accounts_.Update(admin, a_member_.id, UserPatch{.role = "emperor"});
  EXPECT_EQ(unknown.status().field(), "role");
  EXPECT_EQ(unknown.status().code(), "invalid_role");
  // org_admin is not a platform role; as an organisation role it needs an organisation.
  auto org_admin_role = accounts_.Update(admin, a_member_.id, UserPatch{.role = "org_admin"});
  EXPECT_EQ(org_admin_role.status().field(), "role");
  EXPECT_EQ(org_admin_role.status().code(), "invalid_role");
  auto orgless = accounts_.Update(admin, reviewer_.id, UserPatch{.org_role = "org_admin"});
  EXPECT_EQ(orgless.status().field(), "org_role");
  auto promoted_in_org = accounts_.Update(admin, a_member_.id, UserPatch{.org_role = "org_admin"});
  ASSERT_TRUE(promoted_in_org.ok()) << promoted_in_org.status().message();
  EXPECT_EQ(Reload(a_member_).org_role, OrgRole::kAdmin);
  EXPECT_EQ(Reload(a_member_).role, Role::kReviewer) << "the platform role stays";
  EXPECT_EQ(accounts_.Update(admin, 999, UserPatch{.role = "member"}).status().kind(),
            ErrorKind::kNotFound);
}

TEST_F(AccountsTest, ChangingThePasswordNeedsTheCurrentOneAndEndsSessions) {
  MakeWorld();
  SignIn before = MustLogin("a-member");
  Actor member = Actor::Of(a_member_);
  auto missing = accounts_.Update(member, a_member_.id, UserPatch{.password = "new password 1"});
  EXPECT_EQ(missing.status().field(), "current_password");
  auto wrong = accounts_.Update(
      member, a_member_.id,
      UserPatch{.password = "new password 1", .current_password = "not my password"});
  EXPECT_EQ(wrong.status().field(), "current_password");
  auto weak = accounts_.Update(member, a_member_.id,
                               UserPatch{.password = "short", .current_password = kPassword});
  EXPECT_EQ(weak.status().field(), "password");
  auto named = accounts_.Update(
      member, a_member_.id, UserPatch{.password = "I am A-Member!", .current_password = kPassword});
  EXPECT_EQ(named.status().code(), "password_has_username");
  EXPECT_TRUE(accounts_.Authenticate(before.token).ok()) << "failed changes end nothing";

  auto changed = accounts_.Update(
      member, a_member_.id, UserPatch{.password = "new password 1", .current_password = kPassword});
  ASSERT_TRUE(changed.ok()) << changed.status().message();
  EXPECT_EQ(accounts_.Authenticate(before.token).status().kind(), ErrorKind::kUnauthorized);
  EXPECT_EQ(accounts_.Login("a-member", kPassword, "10.0.0.1").status().kind(),
            ErrorKind::kUnauthorized);
  MustLogin("a-member", "new password 1");

  // An admin resets another user's password without knowing it.
  auto named_by_admin =
      accounts_.Update(Actor::Of(admin_), b_member_.id, UserPatch{.password = "b-member 2026"});
  EXPECT_EQ(named_by_admin.status().code(), "password_has_username") << "the target's name";
  auto reset =
      accounts_.Update(Actor::Of(admin_), b_member_.id, UserPatch{.password = "reset password"});
  ASSERT_TRUE(reset.ok()) << reset.status().message();
  MustLogin("b-member", "reset password");
}

TEST_F(AccountsTest, GetAndListRespectOrganisations) {
  MakeWorld();
  EXPECT_TRUE(accounts_.Get(Actor::Of(a_member_), a_member_.id).ok());
  EXPECT_TRUE(accounts_.Get(Actor::Of(a_member_), a_admin_.id).ok()) << "same organisation";
  EXPECT_EQ(accounts_.Get(Actor::Of(a_member_), b_member_.id).status().kind(),
            ErrorKind::kNotFound);
  EXPECT_EQ(accounts_.Get(Actor::Of(a_member_), admin_.id).status().kind(), ErrorKind::kNotFound);
  EXPECT_TRUE(accounts_.Get(Actor::Of(admin_), b_member_.id).ok());
  EXPECT_EQ(accounts_.Get(Actor::Visitor(), a_member_.id).status().kind(),
            ErrorKind::kUnauthorized);

  EXPECT_EQ(accounts_.List(Actor::Of(a_admin_), UserQuery{}).status().kind(),
            ErrorKind::kForbidden);
  auto all = accounts_.List(Actor::Of(admin_), UserQuery{});
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->total, 5);
}

}  // namespace
}  // namespace kc
