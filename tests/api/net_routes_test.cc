// GET /.well-known/kechuang-node against the real binary (docs/network.md §1.1).
#include <gtest/gtest.h>
#include <sys/stat.h>

#include "api/api_fixture.h"
#include "net/node_document.h"

namespace kc::testing {
namespace {

class NetRoutesTest : public ApiTest {
 protected:
  std::vector<std::string> ServerArgs() override {
    return {"--no-demo", "--node-name", "科创中国·测试节点", "--node-country", "DE",
            "--base-url", "https://kc.example.org"};
  }
};

TEST_F(NetRoutesTest, TheNodeDocumentDescribesThisNodeAndPassesAPeersChecks) {
  auto r = Anonymous().Get("/.well-known/kechuang-node");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_NE(r.Header("content-type").find("application/json"), std::string::npos);
  EXPECT_EQ(r.Header("cache-control"), "public, max-age=300");
  // What a partner does with it: every derived field is checked against the key.
  auto doc = net::ParseNodeDocument(r.body);
  ASSERT_TRUE(doc.ok()) << doc.status().message() << "\n" << r.body;
  EXPECT_EQ(doc->name, "科创中国·测试节点");
  EXPECT_EQ(doc->country, "DE");
  EXPECT_EQ(doc->base_url, "https://kc.example.org");
  EXPECT_EQ(doc->languages, (std::vector<std::string>{"zh-CN", "en"}));
}

// The key is made once, kept private in the data directory, and the node keeps its id across
// restarts.
TEST_F(NetRoutesTest, TheNodeKeepsItsPrivateKeyAndIdAcrossARestart) {
  auto before = net::ParseNodeDocument(Anonymous().Get("/.well-known/kechuang-node").body);
  ASSERT_TRUE(before.ok());
  struct stat st {};
  ASSERT_EQ(::stat((server_->data_dir() + "/node.key").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600);

  server_->Stop();
  server_->Restart();
  auto after = net::ParseNodeDocument(Anonymous().Get("/.well-known/kechuang-node").body);
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(after->node_id, before->node_id);
  EXPECT_EQ(after->public_key, before->public_key);
}

// The partner directory between two real servers on loopback: this one (A) adds B by the URL
// and fingerprint B's admin would give, fetched over HTTP.
class PartnerDirectoryTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    b_ = std::make_unique<ServerProcess>(std::vector<std::string>{"--no-demo", "--node-name",
                                                                  "Tokyo TLO", "--node-country",
                                                                  "JP"});
    ASSERT_TRUE(b_->running());
    b_url_ = "http://127.0.0.1:" + std::to_string(b_->port());
    auto doc = net::ParseNodeDocument(Client(b_->port()).Get("/.well-known/kechuang-node").body);
    ASSERT_TRUE(doc.ok());
    b_doc_ = *doc;
  }

  // The fingerprint as B's admin reads it out: grouped by four.
  std::string Grouped() const {
    std::string out;
    for (size_t i = 0; i < b_doc_.fingerprint.size(); ++i) {
      if (i && i % 4 == 0) out += ' ';
      out += b_doc_.fingerprint[i];
    }
    return out;
  }

  std::unique_ptr<ServerProcess> b_;
  std::string b_url_;
  net::NodeDocument b_doc_;
};

TEST_F(PartnerDirectoryTest, AnAdminAddsAPartnerThatBecomesPublicOnceActive) {
  Client admin = Admin();
  auto added = admin.Post("/api/v1/net/peers", {{"base_url", b_url_ + "/"},
                                                {"fingerprint", Grouped()},
                                                {"frameworks", {"rcep", "china_japan_korea"}}});
  ASSERT_EQ(added.status, 201) << added.body;
  EXPECT_EQ(added.json["node_id"], b_doc_.node_id);
  EXPECT_EQ(added.json["name"], "Tokyo TLO");
  EXPECT_EQ(added.json["country"], "JP");
  EXPECT_EQ(added.json["status"], "requested");
  EXPECT_EQ(added.json["base_url"], b_url_);
  const int64_t id = added.json["id"];

  EXPECT_EQ(Anonymous().Get("/api/v1/partners").json["items"].size(), 0u);
  auto again = admin.Post("/api/v1/net/peers", {{"base_url", b_url_}, {"fingerprint", Grouped()}});
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(again.json["error"]["code"], "peer_exists");

  auto active = admin.Patch("/api/v1/net/peers/" + std::to_string(id), {{"status", "active"}});
  ASSERT_EQ(active.status, 200) << active.body;
  EXPECT_EQ(active.json["status"], "active");
  auto partners = Anonymous().Get("/api/v1/partners");
  ASSERT_EQ(partners.status, 200);
  ASSERT_EQ(partners.json["items"].size(), 1u);
  EXPECT_EQ(partners.json["items"][0]["name"], "Tokyo TLO");
  EXPECT_FALSE(partners.json["items"][0].contains("status"));

  auto listed = admin.Get("/api/v1/net/peers?status=active");
  ASSERT_EQ(listed.status, 200);
  EXPECT_EQ(listed.json["items"].size(), 1u);
  EXPECT_EQ(admin.Get("/api/v1/net/peers?status=requested").json["items"].size(), 0u);
  EXPECT_EQ(admin.Get("/api/v1/net/peers?status=gone").status, 400);

  // removed is final.
  ASSERT_EQ(admin.Patch("/api/v1/net/peers/" + std::to_string(id), {{"status", "removed"}}).status,
            200);
  auto back = admin.Patch("/api/v1/net/peers/" + std::to_string(id), {{"status", "active"}});
  EXPECT_EQ(back.status, 409);
  EXPECT_EQ(back.json["error"]["code"], "invalid_transition");
  EXPECT_EQ(Anonymous().Get("/api/v1/partners").json["items"].size(), 0u);
}

// A URL that leads to another key, a node that does not answer, a scheme not fetched, and bad
// bodies: each refused with its own error, nothing stored.
TEST_F(PartnerDirectoryTest, AWrongKeyAnUnreachableNodeAndBadInputAreRefused) {
  Client admin = Admin();
  auto own = net::ParseNodeDocument(Anonymous().Get("/.well-known/kechuang-node").body);
  ASSERT_TRUE(own.ok());
  auto wrong = admin.Post("/api/v1/net/peers",
                          {{"base_url", b_url_}, {"fingerprint", own->fingerprint}});
  EXPECT_EQ(wrong.status, 409);
  EXPECT_EQ(wrong.json["error"]["code"], "fingerprint_mismatch");

  const uint16_t closed = b_->port();
  b_->Stop();
  auto down = admin.Post("/api/v1/net/peers",
                         {{"base_url", "http://127.0.0.1:" + std::to_string(closed)},
                          {"fingerprint", b_doc_.fingerprint}});
  EXPECT_EQ(down.status, 503) << down.body;
  EXPECT_EQ(down.json["error"]["code"], "peer_unreachable");

  auto https = admin.Post("/api/v1/net/peers", {{"base_url", "https://kc.example.org"},
                                                {"fingerprint", b_doc_.fingerprint}});
  EXPECT_EQ(https.status, 422);
  EXPECT_EQ(admin.Post("/api/v1/net/peers", {{"base_url", b_url_}}).status, 422);
  EXPECT_EQ(admin.Post("/api/v1/net/peers", {{"base_url", b_url_},
                                             {"fingerprint", b_doc_.fingerprint},
                                             {"owner", "me"}})
                .status,
            400);
  EXPECT_EQ(admin.Post("/api/v1/net/peers", {{"base_url", b_url_},
                                             {"fingerprint", b_doc_.fingerprint},
                                             {"frameworks", "rcep"}})
                .status,
            422);
  EXPECT_EQ(admin.Get("/api/v1/net/peers").json["items"].size(), 0u);
}

// As an attacker: an organisation's admin, a user and a visitor can neither read nor change
// the directory, whatever the id.
TEST_F(PartnerDirectoryTest, NobodyButThePlatformAdminReachesTheDirectory) {
  Client admin = Admin();
  auto added = admin.Post("/api/v1/net/peers", {{"base_url", b_url_},
                                                {"fingerprint", b_doc_.fingerprint}});
  ASSERT_EQ(added.status, 201) << added.body;
  const std::string path = "/api/v1/net/peers/" + std::to_string(added.json["id"].get<int64_t>());

  Client org_admin = RegisterWithOrg("orgboss", "某科技公司");
  Client user = RegisterUser("loner");
  for (Client* c : {&org_admin, &user}) {
    EXPECT_EQ(c->Get("/api/v1/net/peers").status, 403);
    EXPECT_EQ(c->Get(path).status, 403);
    EXPECT_EQ(c->Patch(path, {{"status", "active"}}).status, 403);
    EXPECT_EQ(c->Post("/api/v1/net/peers", {{"base_url", b_url_},
                                            {"fingerprint", b_doc_.fingerprint}})
                  .status,
              403);
  }
  Client visitor = Anonymous();
  EXPECT_EQ(visitor.Get("/api/v1/net/peers").status, 401);
  EXPECT_EQ(visitor.Get(path).status, 401);
  EXPECT_EQ(admin.Get(path).json["status"], "requested");  // unchanged
  EXPECT_EQ(admin.Patch(path, {{"status", "paused"}}).status, 422);
  EXPECT_EQ(admin.Patch(path, {{"country", "Japan"}}).status, 422);
  EXPECT_EQ(admin.Get("/api/v1/net/peers/99999").status, 404);
}

}  // namespace
}  // namespace kc::testing
