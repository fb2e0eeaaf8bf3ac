// A test fixture with a running server and helpers for the common steps of API tests.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "api/http_client.h"
#include "api/server_process.h"

namespace kc::testing {

class ApiTest : public ::testing::Test {
 protected:
  // The server's flags; override to change them.
  virtual std::vector<std::string> ServerArgs() { return {"--no-demo"}; }

  void SetUp() override {
    server_ = std::make_unique<ServerProcess>(ServerArgs());
    ASSERT_TRUE(server_->running());
    ASSERT_NE(server_->port(), 0);
  }

  Client Anonymous() { return Client(server_->port()); }

  // The password the helpers below register `username` with: one that does not hold the name.
  static std::string PasswordOf(const std::string& username) {
    return "Pw-" + std::string(username.rbegin(), username.rend()) + "-1";
  }

  Client Admin() {
    Client c(server_->port());
    auto r = c.Login("admin", ServerProcess::kAdminPassword);
    EXPECT_EQ(r.status, 200) << r.body;
    return c;
  }

  // Registers `username` with a new organisation of `type` and signs in (an org admin), on
  // this test's server or the one listening on `port`.
  Client RegisterWithOrg(const std::string& username, const std::string& org_name,
                         const std::string& type = "enterprise", uint16_t port = 0) {
    Client c(port != 0 ? port : server_->port());
    auto r = c.Post("/api/v1/auth/register",
                    {{"username", username},
                     {"password", PasswordOf(username)},
                     {"display_name", username},
                     {"org", {{"name", org_name}, {"type", type}, {"region", "440305"}}}});
    EXPECT_EQ(r.status, 201) << r.body;
    auto l = c.Login(username, PasswordOf(username));
    EXPECT_EQ(l.status, 200) << l.body;
    return c;
  }

  // Registers a user without organisation, or asking to join `org_id` (the request is then
  // approved by the platform admin, so the user is a member), and signs in.
  Client RegisterUser(const std::string& username, int64_t org_id = 0) {
    Client c(server_->port());
    nlohmann::json body = {{"username", username}, {"password", PasswordOf(username)}};
    if (org_id) body["org_id"] = org_id;
    auto r = c.Post("/api/v1/auth/register", body);
    EXPECT_EQ(r.status, 201) << r.body;
    if (org_id) {
      auto approved = Admin().Post("/api/v1/orgs/" + std::to_string(org_id) + "/join-requests/" +
                                       std::to_string(r.json.value("id", 0)) + "/approve",
                                   nlohmann::json::object());
      EXPECT_EQ(approved.status, 200) << approved.body;
    }
    auto l = c.Login(username, PasswordOf(username));
    EXPECT_EQ(l.status, 200) << l.body;
    return c;
  }

  // Makes `username` a reviewer (through the admin) and returns them signed in.
  Client Reviewer(const std::string& username = "reviewer1") {
    Client c = RegisterUser(username);
    int64_t id = c.Get("/api/v1/me").json.value("id", 0);
    Client admin = Admin();
    auto r = admin.Patch("/api/v1/users/" + std::to_string(id), {{"role", "reviewer"}});
    EXPECT_EQ(r.status, 200) << r.body;
    return c;
  }

  static nlohmann::json DemandBody(const std::string& title) {
    return {
        {"title", title},
        {"description", "需要一种在低温环境下保持容量的锂电池电解液配方，-30℃容量保持率≥80%。"},
        {"keywords", {"锂电池", "低温电解液"}},
        {"category", "工学"},
        {"discipline", "化学工程与技术"},
        {"region", "440305"},
        {"budget", {{"min_cny", 500000}, {"max_cny", 2000000}}},
        {"cooperation_modes", {"joint_development"}},
        {"contact", {{"name", "王工"}, {"phone", "0755-12345678"}, {"email", "w@example.com"}}}};
  }

  // Creates a demand as `c`, returns its id.
  int64_t CreateDemand(Client& c, const std::string& title) {
    auto r = c.Post("/api/v1/demands", DemandBody(title));
    EXPECT_EQ(r.status, 201) << r.body;
    return r.json.value("id", 0);
  }

  // Creates, submits and approves a demand; returns its id.
  int64_t PublishedDemand(Client& owner, Client& reviewer, const std::string& title) {
    return PublishedDemandWith(owner, reviewer, DemandBody(title));
  }
  // The same for a demand of the given body (DemandBody(title) with changes).
  int64_t PublishedDemandWith(Client& owner, Client& reviewer, const nlohmann::json& body) {
    auto created = owner.Post("/api/v1/demands", body);
    EXPECT_EQ(created.status, 201) << created.body;
    const int64_t id = created.json.value("id", 0);
    std::string base = "/api/v1/demands/" + std::to_string(id);
    EXPECT_EQ(owner.Post(base + "/submit", nlohmann::json::object()).status, 200);
    EXPECT_EQ(reviewer.Post(base + "/approve", nlohmann::json::object()).status, 200);
    return id;
  }

  std::unique_ptr<ServerProcess> server_;
};

}  // namespace kc::testing
