// Registration, sign-in (bearer and cookie), CSRF, logout and throttling through the API.
#include <gtest/gtest.h>

#include "api/api_fixture.h"

namespace kc::testing {
namespace {

class AuthRoutesTest : public ApiTest {};

TEST_F(AuthRoutesTest, RegisterWithNewOrganisationMakesAnOrgAdmin) {
  Client c = Anonymous();
  auto r = c.Post("/api/v1/auth/register", {{"username", "lihua"},
                                            {"password", "secret-pass-1"},
                                            {"display_name", "李华"},
                                            {"email", "lihua@example.com"},
                                            {"org",
                                             {{"name", "江南智造有限公司"},
                                              {"type", "enterprise"},
                                              {"region", "320506"},
                                              {"credit_code", "91350100M000100Y43"}}}});
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_GT(r.json.value("id", 0), 0);
  EXPECT_EQ(r.json["username"], "lihua");
  EXPECT_EQ(r.json["role"], "org_admin");
  EXPECT_EQ(r.json["org"]["name"], "江南智造有限公司");
  EXPECT_EQ(r.body.find("password"), std::string::npos);
}

TEST_F(AuthRoutesTest, DuplicateUsernameIsAConflict) {
  RegisterUser("wang");
  auto r = Anonymous().Post("/api/v1/auth/register",
                            {{"username", "wang"}, {"password", "another-pass"}});
  EXPECT_EQ(r.status, 409);
  EXPECT_EQ(r.ErrorField(), "username");
}

TEST_F(AuthRoutesTest, BadCreditCodeNamesTheField) {
  auto r = Anonymous().Post(
      "/api/v1/auth/register",
      {{"username", "zhao"},
       {"password", "secret-pass-1"},
       {"org",
        {{"name", "某公司"}, {"type", "enterprise"}, {"credit_code", "91350100M000100Y44"}}}});
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(r.ErrorField(), "org.credit_code");
  // Nothing was created: the name is still free.
  auto again = Anonymous().Post("/api/v1/auth/register",
                                {{"username", "zhao"}, {"password", "secret-pass-1"}});
  EXPECT_EQ(again.status, 201) << again.body;
}

TEST_F(AuthRoutesTest, BearerTokenAndCookieBothAuthenticate) {
  Client c = RegisterUser("chen");
  auto me = c.Get("/api/v1/me");
  ASSERT_EQ(me.status, 200);
  EXPECT_EQ(me.json["username"], "chen");

  auto login =
      Anonymous().Post("/api/v1/auth/login", {{"username", "chen"}, {"password", "password-chen"}});
  std::string cookie = login.SetCookie("kc_session");
  ASSERT_FALSE(cookie.empty());
  EXPECT_NE(login.Header("set-cookie").find("HttpOnly"), std::string::npos);
  EXPECT_NE(login.Header("set-cookie").find("SameSite=Lax"), std::string::npos);
  Client browser = Anonymous();
  auto me2 = browser.Send("GET", "/api/v1/me", "", {{"Cookie", "kc_session=" + cookie}});
  EXPECT_EQ(me2.status, 200);
  EXPECT_EQ(me2.json["username"], "chen");
}

TEST_F(AuthRoutesTest, CookieWritesNeedTheCsrfToken) {
  Client owner = RegisterWithOrg("sun", "孙氏科技");
  auto login =
      Anonymous().Post("/api/v1/auth/login", {{"username", "sun"}, {"password", "password-sun"}});
  std::string cookie = "kc_session=" + login.SetCookie("kc_session");
  std::string csrf = login.json["csrf_token"];
  Client browser = Anonymous();
  auto body = DemandBody("无CSRF的需求").dump();
  auto denied = browser.Send("POST", "/api/v1/demands", body, {{"Cookie", cookie}});
  EXPECT_EQ(denied.status, 403);
  EXPECT_EQ(denied.ErrorCode(), "csrf_failed");
  auto wrong =
      browser.Send("POST", "/api/v1/demands", body, {{"Cookie", cookie}, {"X-CSRF-Token", "0000"}});
  EXPECT_EQ(wrong.status, 403);
  auto ok =
      browser.Send("POST", "/api/v1/demands", body, {{"Cookie", cookie}, {"X-CSRF-Token", csrf}});
  EXPECT_EQ(ok.status, 201) << ok.body;
  // Reads need no token.
  EXPECT_EQ(browser.Send("GET", "/api/v1/me", "", {{"Cookie", cookie}}).status, 200);
}

TEST_F(AuthRoutesTest, LogoutEndsTheSession) {
  Client c = RegisterUser("zhou");
  ASSERT_EQ(c.Get("/api/v1/me").status, 200);
  EXPECT_EQ(c.Post("/api/v1/auth/logout", nlohmann::json::object()).status, 204);
  EXPECT_EQ(c.Get("/api/v1/me").status, 401);
}

TEST_F(AuthRoutesTest, AnonymousMeIsUnauthorized) {
  auto r = Anonymous().Get("/api/v1/me");
  EXPECT_EQ(r.status, 401);
  EXPECT_EQ(r.ErrorCode(), "unauthorized");
  Client bad = Anonymous();
  bad.token = "not-a-token";
  EXPECT_EQ(bad.Get("/api/v1/me").status, 401);
}

TEST_F(AuthRoutesTest, RepeatedFailedLoginsAreThrottled) {
  RegisterUser("wuyi");
  Client c = Anonymous();
  for (int i = 0; i < 5; ++i) {
    auto r = c.Post("/api/v1/auth/login", {{"username", "wuyi"}, {"password", "wrong-password"}});
    EXPECT_EQ(r.status, 401);
    EXPECT_EQ(r.ErrorCode(), "bad_credentials");
  }
  auto r = c.Post("/api/v1/auth/login", {{"username", "wuyi"}, {"password", "password-wuyi"}});
  EXPECT_EQ(r.status, 429);
  EXPECT_FALSE(r.Header("retry-after").empty());
}

TEST_F(AuthRoutesTest, BootstrapAdminSignsInWithTheConfiguredPassword) {
  Client admin = Admin();
  auto me = admin.Get("/api/v1/me");
  EXPECT_EQ(me.json["role"], "admin");
  EXPECT_EQ(
      Anonymous().Post("/api/v1/auth/login", {{"username", "admin"}, {"password", "x"}}).status,
      401);
}

}  // namespace
}  // namespace kc::testing
