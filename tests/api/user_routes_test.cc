// Accounts through the API: who sees and edits which account.
#include <gtest/gtest.h>

#include "api/api_fixture.h"

namespace kc::testing {
namespace {

class UserRoutesTest : public ApiTest {};

TEST_F(UserRoutesTest, OnlyAdminsListAndChangeRoles) {
  Client alice = RegisterUser("alice");
  int64_t alice_id = alice.Get("/api/v1/me").json["id"];
  std::string path = "/api/v1/users/" + std::to_string(alice_id);
  EXPECT_EQ(alice.Get("/api/v1/users").status, 403);
  EXPECT_EQ(alice.Patch(path, {{"role", "admin"}}).status, 403);
  Client admin = Admin();
  auto list = admin.Get("/api/v1/users?q=ali");
  ASSERT_EQ(list.status, 200);
  EXPECT_EQ(list.json["total"], 1);
  EXPECT_EQ(admin.Patch(path, {{"role", "reviewer"}}).json["role"], "reviewer");
  EXPECT_EQ(admin.Patch(path, {{"role", "king"}}).status, 422);
}

TEST_F(UserRoutesTest, UsersEditThemselvesAndSeeNoStrangers) {
  Client bob = RegisterUser("bobby");
  Client carol = RegisterUser("carol");
  int64_t bob_id = bob.Get("/api/v1/me").json["id"];
  std::string path = "/api/v1/users/" + std::to_string(bob_id);
  EXPECT_EQ(carol.Get(path).status, 404);
  EXPECT_EQ(carol.Patch(path, {{"display_name", "x"}}).status, 403);
  auto r = bob.Patch(path, {{"display_name", "鲍勃"}, {"email", "bob@example.com"}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json["display_name"], "鲍勃");
  EXPECT_EQ(bob.Patch(path, {{"email", "not-an-email"}}).status, 422);
  // A password change needs the current password, and ends the old sessions.
  EXPECT_EQ(bob.Patch(path, {{"password", "new-password-1"}}).status, 422);
  EXPECT_EQ(
      bob.Patch(path, {{"password", "new-password-1"}, {"current_password", PasswordOf("bobby")}})
          .status,
      200);
  EXPECT_EQ(bob.Get("/api/v1/me").status, 401);
  Client again(server_->port());
  EXPECT_EQ(again.Login("bobby", "new-password-1").status, 200);
}

TEST_F(UserRoutesTest, FellowMembersSeeAnAccountButNotItsEmail) {
  Client boss = RegisterWithOrg("mailboss", "邮箱研究院", "institute");
  int64_t org = boss.Get("/api/v1/me").json["org_id"];
  int64_t boss_id = boss.Get("/api/v1/me").json["id"];
  ASSERT_EQ(boss.Patch("/api/v1/users/" + std::to_string(boss_id), {{"email", "boss@example.com"}})
                .status,
            200);
  Client erin = RegisterUser("erin", org);
  std::string path = "/api/v1/users/" + std::to_string(boss_id);
  auto seen = erin.Get(path);
  ASSERT_EQ(seen.status, 200) << seen.body;
  EXPECT_FALSE(seen.json.contains("email")) << "an e-mail is its user's and the admins'";
  EXPECT_FALSE(seen.json.contains("disabled"));
  EXPECT_EQ(boss.Get(path).json["email"], "boss@example.com");
  EXPECT_EQ(Admin().Get(path).json["email"], "boss@example.com");
}

TEST_F(UserRoutesTest, DisabledUsersCannotSignIn) {
  Client dave = RegisterUser("dave");
  int64_t id = dave.Get("/api/v1/me").json["id"];
  Client admin = Admin();
  EXPECT_EQ(admin.Patch("/api/v1/users/" + std::to_string(id), {{"disabled", true}}).status, 200);
  EXPECT_EQ(dave.Get("/api/v1/me").status, 401);
  Client again(server_->port());
  EXPECT_EQ(again.Login("dave", PasswordOf("dave")).status, 401);
}

}  // namespace
}  // namespace kc::testing
