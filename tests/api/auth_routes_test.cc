// Registration, sign-in (bearer and cookie), CSRF, logout and throttling through the API.
#include <gtest/gtest.h>

#include <filesystem>
#include <pqxx/pqxx>

#include "api/api_fixture.h"
#include "store/test_postgres.h"

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
  EXPECT_EQ(r.json["role"], "member");  // the platform role
  EXPECT_EQ(r.json["org_role"], "org_admin");
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

  auto login = Anonymous().Post("/api/v1/auth/login",
                                {{"username", "chen"}, {"password", PasswordOf("chen")}});
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
  auto login = Anonymous().Post("/api/v1/auth/login",
                                {{"username", "sun"}, {"password", PasswordOf("sun")}});
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
  auto r = c.Post("/api/v1/auth/login", {{"username", "wuyi"}, {"password", PasswordOf("wuyi")}});
  EXPECT_EQ(r.status, 429);
  EXPECT_EQ(r.ErrorCode(), "too_many_attempts");
  // The first delay is two seconds, not a lock.
  const int wait = std::stoi(r.Header("retry-after").empty() ? "0" : r.Header("retry-after"));
  EXPECT_GE(wait, 1);
  EXPECT_LE(wait, 2);
}

// Sign-in with JSON only: a text/plain or form body (what another site's form can send) is 415.
TEST_F(AuthRoutesTest, LoginAndRegistrationTakeJsonOnly) {
  RegisterUser("json1");
  const std::string body =
      nlohmann::json({{"username", "json1"}, {"password", PasswordOf("json1")}}).dump();
  Client c = Anonymous();
  for (const char* type :
       {"text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", ""}) {
    auto r = c.Send("POST", "/api/v1/auth/login", body, {}, type);
    EXPECT_EQ(r.status, 415) << type;
    EXPECT_EQ(r.ErrorCode(), "unsupported_media_type") << type;
    EXPECT_TRUE(r.SetCookie("kc_session").empty());
    auto reg =
        c.Send("POST", "/api/v1/auth/register",
               nlohmann::json({{"username", "csrfreg"}, {"password", "Tea-Garden-4471"}}).dump(),
               {}, type);
    EXPECT_EQ(reg.status, 415) << type;
  }
  EXPECT_EQ(
      c.Send("POST", "/api/v1/auth/login", body, {}, "Application/JSON; charset=utf-8").status,
      200);
}

// The passwords of the attack review are refused at registration, with a reason per kind.
TEST_F(AuthRoutesTest, WeakPasswordsAreRefusedAtRegistration) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"password", "common_password"},
      {"12345678", "common_password"},
      {"        ", "blank_password"},
      {"weakling", "password_has_username"},
      {"WEAKLING-2026", "password_has_username"},
      {"short", "weak_password"}};
  for (const auto& [password, code] : cases) {
    auto r = Anonymous().Post("/api/v1/auth/register",
                              {{"username", "weakling"}, {"password", password}});
    EXPECT_EQ(r.status, 422) << password;
    EXPECT_EQ(r.ErrorCode(), code) << password;
    EXPECT_EQ(r.ErrorField(), "password") << password;
  }
  EXPECT_EQ(Anonymous()
                .Post("/api/v1/auth/register",
                      {{"username", "weakling"}, {"password", "Tea-Garden-4471"}})
                .status,
            201);
}

// Behind a reverse proxy on this machine (docs/operations.md): X-Forwarded-For names the client.
class ProxiedAuthTest : public ApiTest {
 protected:
  std::vector<std::string> ServerArgs() override {
    return {"--no-demo", "--trusted-proxy",
            "127.0.0.1", "--trusted-proxy",
            "::1",       "--registrations-per-client",
            "5"};
  }

  static HttpResult LoginFrom(Client& c, const std::string& client, const std::string& name,
                              const std::string& password) {
    return c.Send("POST", "/api/v1/auth/login",
                  nlohmann::json({{"username", name}, {"password", password}}).dump(),
                  {{"X-Forwarded-For", client}});
  }
};

// The attack of the review: fifty failed sign-ins for admin from one client; the owner signs in
// from another at once.
TEST_F(ProxiedAuthTest, FiftyFailuresForAdminFromOneClientDoNotLockTheOwnerOut) {
  Client attacker = Anonymous();
  int refused = 0;
  for (int i = 0; i < 50; ++i) {
    auto r = LoginFrom(attacker, "203.0.113.66", "admin", "guess-" + std::to_string(i));
    ASSERT_TRUE(r.status == 401 || r.status == 429) << r.status << " " << r.body;
    if (r.status == 429) {
      ++refused;
      EXPECT_FALSE(r.Header("retry-after").empty());
    }
  }
  EXPECT_GE(refused, 40) << "the attacker is slowed down after five failures";
  Client owner = Anonymous();
  auto r = LoginFrom(owner, "198.51.100.20", "admin", ServerProcess::kAdminPassword);
  EXPECT_EQ(r.status, 200) << r.body;
}

TEST_F(ProxiedAuthTest, TwoForwardedClientsAreThrottledSeparately) {
  RegisterUser("shared");
  Client c = Anonymous();
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(LoginFrom(c, "203.0.113.1", "shared", "wrong-password").status, 401);
  }
  auto a = LoginFrom(c, "203.0.113.1", "shared", PasswordOf("shared"));
  EXPECT_EQ(a.status, 429);
  EXPECT_FALSE(a.Header("retry-after").empty());
  // A header the client wrote itself, before the proxy's, does not choose the address.
  EXPECT_EQ(LoginFrom(c, "203.0.113.2, 203.0.113.1", "shared", PasswordOf("shared")).status, 429);
  // The same name from another forwarded client: its own count, still at zero.
  EXPECT_EQ(LoginFrom(c, "203.0.113.2", "shared", "wrong-password").status, 401);
  EXPECT_EQ(LoginFrom(c, "203.0.113.2", "shared", PasswordOf("shared")).status, 200);
}

TEST_F(ProxiedAuthTest, RegistrationIsThrottledPerForwardedClient) {
  for (int i = 0; i < 5; ++i) {
    auto r = Anonymous().Send(
        "POST", "/api/v1/auth/register",
        nlohmann::json({{"username", "reg" + std::to_string(i)}, {"password", "Tea-Garden-4471"}})
            .dump(),
        {{"X-Forwarded-For", "203.0.113.9"}});
    ASSERT_EQ(r.status, 201) << r.body;
  }
  auto refused = Anonymous().Send(
      "POST", "/api/v1/auth/register",
      nlohmann::json({{"username", "reg5"}, {"password", "Tea-Garden-4471"}}).dump(),
      {{"X-Forwarded-For", "203.0.113.9"}});
  EXPECT_EQ(refused.status, 429);
  EXPECT_EQ(refused.ErrorCode(), "too_many_registrations");
  const std::string retry = refused.Header("retry-after");
  ASSERT_FALSE(retry.empty());
  EXPECT_GT(std::stoi(retry), 500);
  EXPECT_LE(std::stoi(retry), 600);
  auto other = Anonymous().Send(
      "POST", "/api/v1/auth/register",
      nlohmann::json({{"username", "reg5"}, {"password", "Tea-Garden-4471"}}).dump(),
      {{"X-Forwarded-For", "203.0.113.10"}});
  EXPECT_EQ(other.status, 201) << other.body;
}

// Without --trusted-proxy the header is the client's own words: ignored.
TEST_F(AuthRoutesTest, ForwardedForFromAnUntrustedPeerIsIgnored) {
  RegisterUser("direct");
  Client c = Anonymous();
  for (int i = 0; i < 5; ++i) {
    auto r = c.Send("POST", "/api/v1/auth/login",
                    nlohmann::json({{"username", "direct"}, {"password", "wrong-password"}}).dump(),
                    {{"X-Forwarded-For", "203.0.113." + std::to_string(i + 1)}});
    EXPECT_EQ(r.status, 401);
  }
  auto r =
      c.Send("POST", "/api/v1/auth/login",
             nlohmann::json({{"username", "direct"}, {"password", PasswordOf("direct")}}).dump(),
             {{"X-Forwarded-For", "198.51.100.99"}});
  EXPECT_EQ(r.status, 429) << "a new X-Forwarded-For does not escape the throttle";
}

// The bytes the database takes: the SQLite files, or the sign-in table in PostgreSQL.
int64_t StoredBytes(const ServerProcess& server) {
  if (!server.DbUrl().empty()) {
    pqxx::connection c(server.DbUrl());
    pqxx::nontransaction tx(c);
    return tx.exec1("SELECT pg_total_relation_size('throttle_attempts')")[0].as<int64_t>();
  }
  int64_t total = 0;
  for (const char* name : {"kechuang.db", "kechuang.db-wal"}) {
    std::error_code ec;
    auto size = std::filesystem::file_size(server.data_dir() + "/" + name, ec);
    if (!ec) total += static_cast<int64_t>(size);
  }
  return total;
}

// The disk fill of the review: 20 sign-ins with 7 MiB names grew the database by 294 MB.
TEST_F(AuthRoutesTest, HugeLoginNamesAreRefusedWithoutBeingStored) {
  Client c = Anonymous();
  // One ordinary failure first, so that the table exists in its working size.
  EXPECT_EQ(c.Post("/api/v1/auth/login", {{"username", "nobody"}, {"password", "x"}}).status, 401);
  const int64_t before = StoredBytes(*server_);
  // As long a name as an anonymous body may carry (a longer body is refused from its header
  // with 413 before it is read: tests/api/exhaustion_test.cc).
  const std::string huge(60 << 10, 'n');
  for (int i = 0; i < 20; ++i) {
    auto r = c.Post("/api/v1/auth/login", {{"username", huge}, {"password", "x"}});
    ASSERT_EQ(r.status, 400) << r.body.substr(0, 200);
    EXPECT_EQ(r.ErrorCode(), "too_long");
    EXPECT_EQ(r.ErrorField(), "username");
    EXPECT_LT(r.body.size(), 300u) << "nothing of the name is echoed";
  }
  const int64_t after = StoredBytes(*server_);
  EXPECT_LT(after - before, 16 * 1024) << before << " → " << after;
  // The refused sign-ins were not counted: this client is not slowed down.
  RegisterUser("afterhuge");
  EXPECT_EQ(c.Post("/api/v1/auth/login",
                   {{"username", "afterhuge"}, {"password", PasswordOf("afterhuge")}})
                .status,
            200);
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
