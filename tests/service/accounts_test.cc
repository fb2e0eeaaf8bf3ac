#include "service/accounts.h"

#include <gtest/gtest.h>

#include <string>

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
  EXPECT_EQ(user->role, Role::kOrgAdmin);
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
      "password too long", [](RegisterRequest& r) { r.password = std::string(129, 'p'); },
      "password", "too_long");
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
  EXPECT_TRUE(ValidatePassword("12345678").ok());
  EXPECT_FALSE(ValidatePassword("1234567").ok());
  EXPECT_TRUE(ValidatePassword(std::string(128, 'p')).ok());
  EXPECT_FALSE(ValidatePassword(std::string(129, 'p')).ok());
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

TEST_F(AccountsTest, FiveFailuresThrottleTheUserUntilTheWindowPasses) {
  AddUser("alice", Role::kMember, std::nullopt);
  for (int i = 0; i < Accounts::kMaxFailures; ++i) {
    auto s = accounts_.Login("alice", "wrong password", "10.0.0.1");
    ASSERT_EQ(s.status().kind(), ErrorKind::kUnauthorized) << "attempt " << i + 1;
    clock_.Advance(10);
  }
  // Now even the right password is refused, from any address.
  auto throttled = accounts_.Login("alice", kPassword, "10.9.9.9");
  ASSERT_FALSE(throttled.ok());
  EXPECT_EQ(throttled.status().kind(), ErrorKind::kTooMany);
  EXPECT_EQ(throttled.status().code(), "too_many_attempts");

  // The window counts from each failure: 15 minutes after the first one, four remain.
  clock_.Advance(Accounts::kFailureWindow - 5 * 10 + 1);
  auto still = accounts_.Login("alice", kPassword, "10.0.0.1");
  EXPECT_TRUE(still.ok()) << "four failures in the window are below the limit";

  // A successful sign-in clears the count: four more failures do not throttle.
  for (int i = 0; i < Accounts::kMaxFailures - 1; ++i) {
    (void)accounts_.Login("alice", "wrong password", "10.0.0.2");
  }
  EXPECT_TRUE(accounts_.Login("alice", kPassword, "10.0.0.2").ok());
}

TEST_F(AccountsTest, ThrottlingEndsAfterTheWindow) {
  AddUser("alice", Role::kMember, std::nullopt);
  // Failures seeded in the store (as Login records them) to spare five password checks.
  ASSERT_TRUE(store()
                  .Write([&](StoreTx& tx) -> Status {
                    for (int i = 0; i < Accounts::kMaxFailures; ++i) {
                      KC_RETURN_IF_ERROR(tx.RecordLoginFailure("alice", clock_.Now()));
                    }
                    return Status::Ok();
                  })
                  .ok());
  EXPECT_EQ(accounts_.Login("alice", kPassword, "10.0.0.1").status().kind(), ErrorKind::kTooMany);
  clock_.Advance(Accounts::kFailureWindow - 1);
  EXPECT_EQ(accounts_.Login("alice", kPassword, "10.0.0.1").status().kind(), ErrorKind::kTooMany);
  clock_.Advance(2);
  EXPECT_TRUE(accounts_.Login("alice", kPassword, "10.0.0.1").ok());
}

TEST_F(AccountsTest, ManyFailuresFromOneAddressThrottleThatAddress) {
  AddUser("alice", Role::kMember, std::nullopt);
  // Unknown names: no password check, so this is quick.
  for (int i = 0; i < 4 * Accounts::kMaxFailures; ++i) {
    auto s = accounts_.Login("ghost" + std::to_string(i), "x", "192.0.2.1");
    ASSERT_EQ(s.status().kind(), ErrorKind::kUnauthorized);
  }
  EXPECT_EQ(accounts_.Login("alice", kPassword, "192.0.2.1").status().kind(), ErrorKind::kTooMany);
  EXPECT_TRUE(accounts_.Login("alice", kPassword, "192.0.2.2").ok());
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
  auto pw = accounts_.EnsureAdmin(std::string("admin password 1"));
  ASSERT_TRUE(pw.ok()) << pw.status().message();
  EXPECT_EQ(*pw, "") << "nothing to print when the password was given";
  SignIn in = MustLogin("admin", "admin password 1");
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
  MustLogin("admin", "admin password 1");
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
  auto pw = accounts_.EnsureAdmin(std::string("short"));
  ASSERT_FALSE(pw.ok());
  EXPECT_EQ(pw.status().kind(), ErrorKind::kInvalid);
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
  // An org admin needs an organisation.
  auto orgless = accounts_.Update(admin, reviewer_.id, UserPatch{.role = "org_admin"});
  EXPECT_EQ(orgless.status().field(), "role");
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
  EXPECT_TRUE(accounts_.Authenticate(before.token).ok()) << "failed changes end nothing";

  auto changed = accounts_.Update(
      member, a_member_.id, UserPatch{.password = "new password 1", .current_password = kPassword});
  ASSERT_TRUE(changed.ok()) << changed.status().message();
  EXPECT_EQ(accounts_.Authenticate(before.token).status().kind(), ErrorKind::kUnauthorized);
  EXPECT_EQ(accounts_.Login("a-member", kPassword, "10.0.0.1").status().kind(),
            ErrorKind::kUnauthorized);
  MustLogin("a-member", "new password 1");

  // An admin resets another user's password without knowing it.
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
