#include "api/user_json.h"

#include <gtest/gtest.h>

#include "api/schema_check.h"

namespace kc::api {
namespace {

using nlohmann::json;

User Member() {
  User u;
  u.id = 5;
  u.username = "lihua";
  u.display_name = "李华";
  u.email = "lihua@example.org";
  u.password_hash = "$argon2id$secret";
  u.requested_org_id = 3;
  return u;
}

User AdminUser() {
  User u;
  u.id = 1;
  u.username = "admin";
  u.role = Role::kAdmin;
  return u;
}

TEST(UserJsonTest, TheEmailAndTheJoinRequestAreShownOnlyToThoseWhoMaySeeThem) {
  const User u = Member();
  json self = UserJson(u, Actor::Of(u));
  EXPECT_EQ(self["email"], "lihua@example.org");
  EXPECT_EQ(self["disabled"], false);
  EXPECT_EQ(self["requested_org_id"], 3);
  EXPECT_TRUE(self["org_id"].is_null());
  EXPECT_TRUE(self["org_role"].is_null()) << "no role without an organisation";
  User other = Member();
  other.id = 6;
  json seen = UserJson(u, Actor::Of(other));
  EXPECT_FALSE(seen.contains("email"));
  EXPECT_FALSE(seen.contains("disabled"));
  EXPECT_FALSE(seen.contains("requested_org_id"));
  EXPECT_TRUE(UserJson(u, Actor::Of(AdminUser())).contains("email"));
  for (const json& j : {self, seen}) {
    EXPECT_FALSE(j.dump().find("argon2id") != std::string::npos) << "never the password hash";
  }
  testing::ExpectValid(UserSchema(), {self, seen, UserJson(AdminUser(), Actor::Visitor())});
}

TEST(UserJsonTest, AccountsWithTheirOrganisationAndSessionsValidateAgainstTheirSchemas) {
  User u = Member();
  u.org_id = 3;
  u.org_role = OrgRole::kAdmin;
  u.requested_org_id.reset();
  Org org;
  org.id = 3;
  org.name = "江南智造有限公司";
  org.region = "320506";
  json with_org = UserWithOrgJson(u, Actor::Of(u), org);
  EXPECT_EQ(with_org["org"]["name"], "江南智造有限公司");
  EXPECT_EQ(with_org["org_role"], "org_admin");
  EXPECT_FALSE(UserWithOrgJson(u, Actor::Of(u), std::nullopt).contains("org"));
  testing::ExpectValid(UserWithOrgSchema(),
                       {with_org, UserWithOrgJson(u, Actor::Of(u), std::nullopt)});
  json in = SignInJson(SignIn{u, "token", "csrf", 1767225600});
  EXPECT_EQ(in["user"]["email"], "lihua@example.org") << "the user sees their own e-mail";
  testing::ExpectValid(SignInSchema(), {in});
}

TEST(UserJsonTest, ReadsThePatchOfAnAccount) {
  auto p = ReadUserPatch({{"display_name", "李华华"}, {"disabled", true}});
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->display_name, "李华华");
  EXPECT_EQ(p->disabled, true);
  EXPECT_FALSE(p->email.has_value());
  EXPECT_EQ(ReadUserPatch({{"password_hash", "x"}}).status().code(), "unknown_field");
  EXPECT_EQ(ReadUserPatch({{"disabled", "yes"}}).status().field(), "disabled");
}

}  // namespace
}  // namespace kc::api
