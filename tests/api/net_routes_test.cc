// GET /.well-known/kechuang-node against the real binary (docs/network.md §1.1).
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/stat.h>

#include <chrono>
#include <filesystem>
#include <functional>
#include <thread>

#include "api/api_fixture.h"
#include "net/http_signature.h"
#include "net/node_document.h"
#include "net/node_key.h"

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

// Without --net-allow-internal, a partner URL that leads to this machine or its private network
// is refused before anything is fetched: an admin's typo or another node's document cannot make
// the node probe its own network.
TEST_F(NetRoutesTest, APartnerUrlIntoThePrivateNetworkIsRefused) {
  Client admin = Admin();
  for (const std::string& url : {"http://127.0.0.1:" + std::to_string(server_->port()),
                                std::string("http://169.254.169.254"), std::string("http://10.0.0.7:8080")}) {
    auto r = admin.Post("/api/v1/net/peers", {{"base_url", url}, {"fingerprint", std::string(64, 'a')}});
    EXPECT_EQ(r.status, 422) << url << " " << r.body;
    EXPECT_EQ(r.ErrorCode(), "internal_address") << url;
  }
  EXPECT_EQ(admin.Get("/api/v1/net/peers").json["items"].size(), 0u);
}

// The partner directory between two real servers on loopback: this one (A) adds B by the URL
// and fingerprint B's admin would give, fetched over HTTP.
class PartnerDirectoryTest : public ApiTest {
 protected:
  // Both nodes are on loopback, which a node reaches only when allowed to.
  std::vector<std::string> ServerArgs() override { return {"--no-demo", "--net-allow-internal"}; }

  void SetUp() override {
    ApiTest::SetUp();
    b_ = std::make_unique<ServerProcess>(std::vector<std::string>{"--no-demo", "--net-allow-internal", "--node-name",
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

  Client BAdmin() {
    Client c(b_->port());
    auto r = c.Login("admin", ServerProcess::kAdminPassword);
    EXPECT_EQ(r.status, 200) << r.body;
    return c;
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

  // This node asked: only B's admin makes it active (§2 step 3).
  auto early = admin.Patch("/api/v1/net/peers/" + std::to_string(id), {{"status", "active"}});
  EXPECT_EQ(early.status, 409);
  EXPECT_EQ(early.json["error"]["code"], "awaiting_acceptance");
  Client b_admin = BAdmin();
  auto incoming = b_admin.Get("/api/v1/net/peers?status=requested");
  ASSERT_EQ(incoming.json["items"].size(), 1u) << incoming.body;
  EXPECT_EQ(incoming.json["items"][0]["incoming"], true);
  const int64_t a_on_b = incoming.json["items"][0]["id"];
  auto accepted =
      b_admin.Patch("/api/v1/net/peers/" + std::to_string(a_on_b), {{"status", "active"}});
  ASSERT_EQ(accepted.status, 200) << accepted.body;
  auto active = admin.Get("/api/v1/net/peers/" + std::to_string(id));
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

  auto ftp = admin.Post("/api/v1/net/peers", {{"base_url", "ftp://kc.example.org"},
                                              {"fingerprint", b_doc_.fingerprint}});
  EXPECT_EQ(ftp.status, 422) << ftp.body;
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


// Two real nodes that pull each other's feeds every second (docs/network.md §2–§4): this one
// (A) publishes, B finds A's listings in its search.
class NetworkSyncTest : public ApiTest {
 protected:
  std::vector<std::string> ServerArgs() override {
    return {"--no-demo", "--node-name", "上海节点", "--net-sync-interval", "1",
            "--net-allow-internal"};
  }

  void SetUp() override {
    ApiTest::SetUp();
    b_ = std::make_unique<ServerProcess>(std::vector<std::string>{
        "--no-demo", "--node-name", "Tokyo TLO", "--node-country", "JP", "--net-sync-interval",
        "1", "--net-allow-internal"});
    ASSERT_TRUE(b_->running());
    a_url_ = "http://127.0.0.1:" + std::to_string(server_->port());
    a_doc_ = Document(server_->port());
    b_doc_ = Document(b_->port());
  }

  static net::NodeDocument Document(uint16_t port) {
    auto doc = net::ParseNodeDocument(Client(port).Get("/.well-known/kechuang-node").body);
    EXPECT_TRUE(doc.ok());
    return doc.ok() ? *doc : net::NodeDocument{};
  }

  Client BAdmin() {
    Client c(b_->port());
    auto r = c.Login("admin", ServerProcess::kAdminPassword);
    EXPECT_EQ(r.status, 200) << r.body;
    return c;
  }

  // B adds A, A's admin accepts: both records active. Returns A's id on B.
  int64_t Peer() {
    Client b_admin = BAdmin();
    auto added = b_admin.Post("/api/v1/net/peers",
                              {{"base_url", a_url_}, {"fingerprint", a_doc_.fingerprint}});
    EXPECT_EQ(added.status, 201) << added.body;
    Client a_admin = Admin();
    auto incoming = a_admin.Get("/api/v1/net/peers?status=requested");
    EXPECT_EQ(incoming.json["items"].size(), 1u) << incoming.body;
    if (incoming.json["items"].empty()) return 0;
    const std::string b_on_a =
        "/api/v1/net/peers/" + std::to_string(incoming.json["items"][0]["id"].get<int64_t>());
    auto accepted = a_admin.Patch(b_on_a, {{"status", "active"}});
    EXPECT_EQ(accepted.status, 200) << accepted.body;
    return added.json.value("id", int64_t{0});
  }

  // A published achievement of an organisation on A; its id.
  int64_t Publish(Client& owner, const nlohmann::json& fields) {
    auto made = owner.Post("/api/v1/achievements", fields);
    EXPECT_EQ(made.status, 201) << made.body;
    const std::string path = "/api/v1/achievements/" + std::to_string(made.json["id"].get<int64_t>());
    EXPECT_EQ(owner.Post(path + "/submit", nlohmann::json::object()).status, 200);
    auto approved = Admin().Post(path + "/approve", nlohmann::json::object());
    EXPECT_EQ(approved.status, 200) << approved.body;
    return made.json["id"];
  }

  // B's search hits for `q`.
  nlohmann::json SearchB(const std::string& q) {
    return Client(b_->port()).Get("/api/v1/search?q=" + q).json["hits"];
  }

  // Waits up to 20 s (the sync runs every second) for `done`.
  static bool Eventually(const std::function<bool()>& done) {
    for (int i = 0; i < 200; ++i) {
      if (done()) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return done();
  }

  std::unique_ptr<ServerProcess> b_;
  std::string a_url_;
  net::NodeDocument a_doc_, b_doc_;
};

TEST_F(NetworkSyncTest, APublishedListingIsSearchableOnThePartnerAndFollowsEditsAndClosing) {
  ASSERT_NE(Peer(), 0);
  Client owner = RegisterWithOrg("guangdian", "上海光电研究院", "institute");
  const int64_t id = Publish(owner, {{"title", "钙钛矿太阳能电池封装技术"},
                                     {"abstract", "柔性封装，湿热测试一千小时效率保持95%。"},
                                     {"keywords", {"钙钛矿", "封装"}},
                                     {"maturity", 6}});
  // Not shared: opted out by its owner, or members-only. Neither ever reaches B.
  Publish(owner, {{"title", "钙钛矿内部工艺"}, {"abstract", "不共享。"}, {"shared", false}});
  Publish(owner, {{"title", "钙钛矿会员资料"}, {"abstract", "仅会员。"}, {"visibility", "members"}});

  ASSERT_TRUE(Eventually([&] { return SearchB("钙钛矿").size() == 1; })) << SearchB("钙钛矿");
  auto hit = SearchB("钙钛矿")[0];
  EXPECT_EQ(hit["title"], "钙钛矿太阳能电池封装技术");
  EXPECT_EQ(hit["origin"]["node_name"], "上海节点");  // which node it comes from
  auto copy = Client(b_->port()).Get("/api/v1/achievements/" + std::to_string(hit["id"].get<int64_t>()));
  ASSERT_EQ(copy.status, 200);
  EXPECT_EQ(copy.json["origin"]["id"], std::to_string(id));
  EXPECT_EQ(copy.json["origin"]["url"], a_url_ + "/achievements/" + std::to_string(id));
  EXPECT_EQ(copy.json["origin"]["org_name"], "上海光电研究院");
  EXPECT_EQ(copy.json["org"]["name"], "上海节点");
  EXPECT_EQ(copy.json["maturity"], 6);
  // A copy is read-only on B, even for B's platform admin.
  const std::string copy_path = "/api/v1/achievements/" + std::to_string(hit["id"].get<int64_t>());
  EXPECT_EQ(BAdmin().Patch(copy_path, {{"title", "改写"}}).status, 403);

  // Its owner opts it out: it leaves B; opting in again brings it back (no review needed).
  const std::string own_path = "/api/v1/achievements/" + std::to_string(id);
  auto opted_out = owner.Patch(own_path, {{"shared", false}});
  ASSERT_EQ(opted_out.status, 200) << opted_out.body;
  EXPECT_EQ(opted_out.json["status"], "published");
  EXPECT_EQ(opted_out.json["shared"], false);
  ASSERT_TRUE(Eventually([&] { return SearchB("钙钛矿").empty(); })) << SearchB("钙钛矿");
  ASSERT_EQ(owner.Patch(own_path, {{"shared", true}}).status, 200);
  ASSERT_TRUE(Eventually([&] { return SearchB("钙钛矿").size() == 1; }));
  // So does its organisation, for all its listings at once.
  const std::string org_path =
      "/api/v1/orgs/" + std::to_string(owner.Get("/api/v1/me").json["org_id"].get<int64_t>());
  ASSERT_EQ(owner.Patch(org_path, {{"shared_to_network", false}}).status, 200);
  ASSERT_TRUE(Eventually([&] { return SearchB("钙钛矿").empty(); })) << SearchB("钙钛矿");
  ASSERT_EQ(owner.Patch(org_path, {{"shared_to_network", true}}).status, 200);
  ASSERT_TRUE(Eventually([&] { return SearchB("钙钛矿").size() == 1; }));

  // An edit follows once approved (an owner's edit is reviewed again).
  auto edited = owner.Patch(own_path, {{"title", "钙钛矿电池柔性封装技术"}});
  ASSERT_EQ(edited.status, 200) << edited.body;
  if (edited.json["status"] == "pending") {
    ASSERT_EQ(Admin().Post(own_path + "/approve", nlohmann::json::object()).status, 200);
  }
  ASSERT_TRUE(Eventually([&] {
    auto hits = SearchB("钙钛矿");
    return hits.size() == 1 && hits[0]["title"] == "钙钛矿电池柔性封装技术";
  })) << SearchB("钙钛矿");
  // Closing follows.
  ASSERT_EQ(owner.Post("/api/v1/achievements/" + std::to_string(id) + "/close",
                       nlohmann::json::object())
                .status,
            200);
  ASSERT_TRUE(Eventually([&] { return SearchB("钙钛矿").empty(); })) << SearchB("钙钛矿");
}

TEST_F(NetworkSyncTest, ASuspendedPartnersListingsLeaveSearchAndComeBackOnResume) {
  const int64_t a_on_b = Peer();
  ASSERT_NE(a_on_b, 0);
  Client owner = RegisterWithOrg("guangdian", "上海光电研究院", "institute");
  Publish(owner, {{"title", "石墨烯导热膜"}, {"abstract", "高导热石墨烯膜的连续制备。"}});
  ASSERT_TRUE(Eventually([&] { return SearchB("石墨烯").size() == 1; }));

  Client b_admin = BAdmin();
  const std::string path = "/api/v1/net/peers/" + std::to_string(a_on_b);
  ASSERT_EQ(b_admin.Patch(path, {{"status", "suspended"}}).status, 200);
  // At once, not after a sync: the copies are closed with the move.
  ASSERT_TRUE(Eventually([&] { return SearchB("石墨烯").empty(); }));
  ASSERT_EQ(b_admin.Patch(path, {{"status", "active"}}).status, 200);
  ASSERT_TRUE(Eventually([&] { return SearchB("石墨烯").size() == 1; }));
  auto peer = b_admin.Get(path);
  EXPECT_GT(peer.json["feed_cursor"].get<int64_t>(), 0);
  EXPECT_EQ(peer.json["sync_error"], "");
}

// As an attacker on the feed: requests without a signature, with a flipped byte, replayed, by
// an unknown key, with a known key id but another key, and by a removed partner are refused.
TEST_F(NetworkSyncTest, TheFeedServesOnlyActivePartnersByValidFreshSignatures) {
  ASSERT_NE(Peer(), 0);
  // B's key, read from B's data directory: the test speaks as B.
  auto b_key = net::NodeKey::LoadOrCreate(b_->data_dir());
  ASSERT_TRUE(b_key.ok());
  const std::string target = "/api/v1/net/feed?after=0&limit=10";
  auto sign = [&](const net::NodeKey& key, const std::string& path) {
    auto s = net::SignRequest(key, "GET", a_url_ + path, "", std::time(nullptr), net::NewNonce());
    return std::map<std::string, std::string>{{"Content-Digest", s.content_digest},
                                              {"Date", s.date},
                                              {"Signature-Input", s.signature_input},
                                              {"Signature", s.signature}};
  };
  Client a(server_->port());
  auto unsigned_get = a.Get(target);
  EXPECT_EQ(unsigned_get.status, 401);
  EXPECT_EQ(unsigned_get.ErrorCode(), "signature_missing");

  auto headers = sign(*b_key, target);
  auto ok = a.Send("GET", target, "", headers);
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(ok.json["node_id"], a_doc_.node_id);
  // The answer is signed by A for this request.
  net::SignatureHeaders got{ok.Header("content-digest"), ok.Header("date"),
                            ok.Header("signature-input"), ok.Header("signature")};
  std::array<uint8_t, net::NodeKey::kPublicKeyBytes> a_key{};
  ASSERT_TRUE(net::DecodePublicKey(a_doc_.public_key, &a_key));
  auto a_key_of = [&](std::string_view) { return std::optional(a_key); };
  EXPECT_TRUE(net::VerifyResponse(200, ok.body, got, "GET", a_url_ + target, a_key_of,
                                  std::time(nullptr))
                  .ok());
  EXPECT_FALSE(net::VerifyResponse(200, ok.body, got, "GET", a_url_ + "/api/v1/net/feed",
                                   a_key_of, std::time(nullptr))
                   .ok());

  auto replayed = a.Send("GET", target, "", headers);
  EXPECT_EQ(replayed.status, 401);
  EXPECT_EQ(replayed.ErrorCode(), "replayed");

  auto fresh = sign(*b_key, target);
  auto flipped = a.Send("GET", "/api/v1/net/feed?after=1&limit=10", "", fresh);
  EXPECT_EQ(flipped.status, 401);
  EXPECT_EQ(flipped.ErrorCode(), "signature_invalid");

  const std::string stranger_dir = ::testing::TempDir() + "/stranger-key";
  std::filesystem::remove_all(stranger_dir);
  std::filesystem::create_directories(stranger_dir);
  auto stranger = net::NodeKey::LoadOrCreate(stranger_dir);
  ASSERT_TRUE(stranger.ok());
  auto unknown = a.Send("GET", target, "", sign(*stranger, target));
  EXPECT_EQ(unknown.status, 401);
  EXPECT_EQ(unknown.ErrorCode(), "unknown_key");
  // B's key id, the stranger's signature.
  auto forged = sign(*stranger, target);
  const std::string stranger_id = stranger->NodeId();
  std::string& input = forged["Signature-Input"];
  input.replace(input.find(stranger_id), stranger_id.size(), b_key->NodeId());
  auto wrong_key = a.Send("GET", target, "", forged);
  EXPECT_EQ(wrong_key.status, 401);
  EXPECT_EQ(wrong_key.ErrorCode(), "signature_invalid");

  // A removes B: B's valid signatures no longer open the feed.
  Client a_admin = Admin();
  auto peers = a_admin.Get("/api/v1/net/peers");
  ASSERT_EQ(peers.json["items"].size(), 1u);
  ASSERT_EQ(a_admin
                .Patch("/api/v1/net/peers/" +
                           std::to_string(peers.json["items"][0]["id"].get<int64_t>()),
                       {{"status", "removed"}})
                .status,
            200);
  auto removed = a.Send("GET", target, "", sign(*b_key, target));
  EXPECT_EQ(removed.status, 403);
  EXPECT_EQ(removed.ErrorCode(), "peer_not_active");
  std::filesystem::remove_all(stranger_dir);
}

// A node killed in the middle of a pull resumes from its cursor: every listing once, none
// lost; a node that was down while its partner changed catches up when it returns.
TEST_F(NetworkSyncTest, AKilledNodeResumesWithoutLossOrDuplicatesAndCatchesUpAfterDowntime) {
  ASSERT_NE(Peer(), 0);
  auto import = [&](int from, int count) {
    std::string body;
    for (int i = from; i < from + count; ++i) {
      body += nlohmann::json{{"title", "批量成果" + std::to_string(i)},
                             {"abstract", "用于同步测试的成果摘要，编号" + std::to_string(i) + "。"},
                             {"keywords", {"同步测试"}}}
                  .dump() +
              "\n";
    }
    auto r = Admin().Send("POST", "/api/v1/import/achievements", body, {},
                          "application/x-ndjson");
    EXPECT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(r.json["created"], count);
  };
  auto total_on_b = [&] {
    auto r = Client(b_->port()).Get("/api/v1/achievements?size=1");
    return r.status == 200 ? r.json["total"].get<int64_t>() : int64_t{-1};
  };
  import(0, 1200);
  ASSERT_TRUE(Eventually([&] { return total_on_b() > 0; }));
  b_->Stop(SIGKILL);
  b_->Restart();
  ASSERT_TRUE(b_->running());
  ASSERT_TRUE(Eventually([&] { return total_on_b() == 1200; })) << total_on_b();

  // B is away while A publishes more and closes one; back, it has A's set exactly.
  b_->Stop();
  import(1200, 300);
  auto first = Anonymous().Get("/api/v1/achievements?sort=oldest&size=1");
  ASSERT_EQ(first.status, 200);
  Client a_admin = Admin();
  ASSERT_EQ(a_admin
                .Post("/api/v1/achievements/" +
                          std::to_string(first.json["items"][0]["id"].get<int64_t>()) + "/close",
                      nlohmann::json::object())
                .status,
            200);
  b_->Restart();
  ASSERT_TRUE(Eventually([&] { return total_on_b() == 1499; })) << total_on_b();
  // And it stays so: a copy is never made twice (one row per origin listing).
  std::this_thread::sleep_for(std::chrono::seconds(2));
  EXPECT_EQ(total_on_b(), 1499);
}

// Three nodes. In a chain A–B–C, A's listing reaches B but never C (no node relays what it
// received); once C peers with A too (a star around A), it does.
TEST_F(NetworkSyncTest, ListingsAreNeverRelayedInAChainButReachEveryDirectPartner) {
  ASSERT_NE(Peer(), 0);  // A–B
  ServerProcess c({"--no-demo", "--node-name", "Seoul Hub", "--node-country", "KR",
                   "--net-sync-interval", "1", "--net-allow-internal"});
  ASSERT_TRUE(c.running());
  auto admin_of = [](uint16_t port) {
    Client cl(port);
    EXPECT_EQ(cl.Login("admin", ServerProcess::kAdminPassword).status, 200);
    return cl;
  };
  // `asker` adds `accepter`, whose admin accepts.
  auto link = [&](uint16_t asker, uint16_t accepter) {
    auto doc = Document(accepter);
    auto added = admin_of(asker).Post(
        "/api/v1/net/peers", {{"base_url", "http://127.0.0.1:" + std::to_string(accepter)},
                              {"fingerprint", doc.fingerprint}});
    ASSERT_EQ(added.status, 201) << added.body;
    Client acc = admin_of(accepter);
    auto incoming = acc.Get("/api/v1/net/peers?status=requested");
    ASSERT_EQ(incoming.json["items"].size(), 1u) << incoming.body;
    auto ok = acc.Patch(
        "/api/v1/net/peers/" + std::to_string(incoming.json["items"][0]["id"].get<int64_t>()),
        {{"status", "active"}});
    ASSERT_EQ(ok.status, 200) << ok.body;
  };
  link(c.port(), b_->port());  // B–C
  Client owner = RegisterWithOrg("guangdian", "上海光电研究院", "institute");
  Publish(owner, {{"title", "量子点显示材料"}, {"abstract", "高色域量子点膜。"}});
  auto on = [](uint16_t port) {
    return Client(port).Get("/api/v1/search?q=量子点").json["hits"].size();
  };
  ASSERT_TRUE(Eventually([&] { return on(b_->port()) == 1; }));
  // Three sync rounds of C later, C still has nothing: B does not pass A's listing on.
  std::this_thread::sleep_for(std::chrono::seconds(3));
  EXPECT_EQ(on(c.port()), 0u);
  link(c.port(), server_->port());  // A–C
  ASSERT_TRUE(Eventually([&] { return on(c.port()) == 1; }));
  auto hit = Client(c.port()).Get("/api/v1/search?q=量子点").json["hits"][0];
  EXPECT_EQ(hit["origin"]["node_name"], "上海节点");
}

// §6: a member on B inquires about A's achievement. It reaches A as a deal at the intent stage
// with B's organisation; replies, stage moves and a binding step travel both ways.
TEST_F(NetworkSyncTest, AnInquiryOnAPartnersListingBecomesADealThereAndBothSidesFollow) {
  ASSERT_NE(Peer(), 0);
  Client owner = RegisterWithOrg("guangdian", "上海光电研究院", "institute");
  const int64_t id = Publish(owner, {{"title", "钙钛矿太阳能电池封装技术"},
                                     {"abstract", "柔性封装，湿热测试一千小时效率保持95%。"}});
  ASSERT_TRUE(Eventually([&] { return SearchB("钙钛矿").size() == 1; }));
  const int64_t copy_id = SearchB("钙钛矿")[0]["id"];
  Client buyer = RegisterWithOrg("sato", "Nagoya Motors", "enterprise", b_->port());
  auto opened =
      buyer.Post("/api/v1/deals", {{"achievement_id", copy_id}, {"note", "Can you license it?"}});
  ASSERT_EQ(opened.status, 201) << opened.body;
  EXPECT_EQ(opened.json["network"]["node_name"], "上海节点");
  const std::string b_deal = "/api/v1/deals/" + std::to_string(opened.json["id"].get<int64_t>());

  nlohmann::json a_deals;
  ASSERT_TRUE(Eventually([&] {
    a_deals = owner.Get("/api/v1/deals").json;
    return a_deals["total"] == 1;
  })) << a_deals;
  const auto a_view = a_deals["items"][0];
  EXPECT_EQ(a_view["stage"], "intent");
  EXPECT_EQ(a_view["achievement_id"], id);
  EXPECT_EQ(a_view["buyer"]["name"], "Nagoya Motors");
  EXPECT_EQ(a_view["network"]["node_name"], "Tokyo TLO");
  EXPECT_EQ(a_view["network"]["inquiry"], opened.json["network"]["inquiry"]);
  const std::string a_deal = "/api/v1/deals/" + std::to_string(a_view["id"].get<int64_t>());
  EXPECT_TRUE(Eventually([&] { return buyer.Get(b_deal).json["network"]["pending"] == 0; }));

  // A replies and moves on; both reach B, the reply under its author's name.
  ASSERT_EQ(owner.Post(a_deal + "/messages", {{"text", "Yes, under a licence."}}).status, 201);
  ASSERT_EQ(owner.Post(a_deal + "/stage", {{"stage", "negotiating"}}).status, 200);
  ASSERT_TRUE(Eventually([&] { return buyer.Get(b_deal).json["stage"] == "negotiating"; }));
  auto messages = buyer.Get(b_deal + "/messages").json["items"];
  ASSERT_EQ(messages.size(), 1u) << messages;
  EXPECT_EQ(messages[0]["text"], "Yes, under a licence.");
  EXPECT_EQ(messages[0]["author_name"], "guangdian (上海节点)");
  // B's message reaches A.
  ASSERT_EQ(buyer.Post(b_deal + "/messages", {{"text", "What royalty rate?"}}).status, 201);
  ASSERT_TRUE(Eventually([&] { return owner.Get(a_deal + "/messages").json["items"].size() == 2; }));
  EXPECT_EQ(owner.Get(a_deal + "/messages").json["items"][1]["author_name"],
            "sato (Nagoya Motors)");

  // A binding step: B proposes signing, A sees the proposal and confirms; both are signed.
  auto proposed = buyer.Post(b_deal + "/stage", {{"stage", "signed"}});
  ASSERT_EQ(proposed.status, 202) << proposed.body;
  EXPECT_EQ(proposed.json["stage"], "negotiating");
  ASSERT_TRUE(Eventually([&] { return !owner.Get(a_deal).json["pending"].is_null(); }));
  EXPECT_EQ(owner.Get(a_deal).json["pending"]["stage"], "signed");
  auto confirmed = owner.Post(a_deal + "/stage", {{"stage", "signed"}});
  ASSERT_EQ(confirmed.status, 200) << confirmed.body;
  EXPECT_EQ(confirmed.json["stage"], "signed");
  ASSERT_TRUE(Eventually([&] { return buyer.Get(b_deal).json["stage"] == "signed"; }));
  // Both sides keep the history, and each has the one deal.
  EXPECT_GE(owner.Get(a_deal).json["history"].size(), 5u);
  EXPECT_GE(buyer.Get(b_deal).json["history"].size(), 5u);
  EXPECT_EQ(owner.Get("/api/v1/deals").json["total"], 1);
  EXPECT_EQ(buyer.Get("/api/v1/deals").json["total"], 1);
  EXPECT_EQ(buyer.Get(b_deal).json["network"]["failed"], 0);
}

// Messages wait while the partner has suspended this node and go out, once, when it resumes.
TEST_F(NetworkSyncTest, AnInquiryWaitsWhileThePartnerHasSuspendedThisNodeAndArrivesOnce) {
  ASSERT_NE(Peer(), 0);
  Client owner = RegisterWithOrg("guangdian", "上海光电研究院", "institute");
  Publish(owner, {{"title", "石墨烯导热膜"}, {"abstract", "高导热石墨烯膜的连续制备。"}});
  ASSERT_TRUE(Eventually([&] { return SearchB("石墨烯").size() == 1; }));
  const int64_t copy_id = SearchB("石墨烯")[0]["id"];

  Client a_admin = Admin();
  const std::string b_on_a = "/api/v1/net/peers/" +
      std::to_string(a_admin.Get("/api/v1/net/peers").json["items"][0]["id"].get<int64_t>());
  ASSERT_EQ(a_admin.Patch(b_on_a, {{"status", "suspended"}}).status, 200);
  Client buyer = RegisterWithOrg("sato", "Nagoya Motors", "enterprise", b_->port());
  auto opened = buyer.Post("/api/v1/deals", {{"achievement_id", copy_id}});
  ASSERT_EQ(opened.status, 201) << opened.body;
  const std::string b_deal = "/api/v1/deals/" + std::to_string(opened.json["id"].get<int64_t>());
  ASSERT_TRUE(Eventually([&] {
    return buyer.Get(b_deal).json["network"]["last_error"].get<std::string>().find(
               "peer_not_active") != std::string::npos;
  })) << buyer.Get(b_deal).body;
  EXPECT_EQ(buyer.Get(b_deal).json["network"]["pending"], 1);
  EXPECT_EQ(owner.Get("/api/v1/deals").json["total"], 0);

  ASSERT_EQ(a_admin.Patch(b_on_a, {{"status", "active"}}).status, 200);
  ASSERT_TRUE(Eventually([&] { return owner.Get("/api/v1/deals").json["total"] == 1; }));
  ASSERT_TRUE(Eventually([&] { return buyer.Get(b_deal).json["network"]["pending"] == 0; }));
  std::this_thread::sleep_for(std::chrono::seconds(2));
  EXPECT_EQ(owner.Get("/api/v1/deals").json["total"], 1);
}

// As an attacker speaking §6 to A: a retried inquiry or event is taken once; an inquiry about a
// listing A does not share, an event on another's inquiry, a malformed body, an unknown key and
// a removed partner are refused.
TEST_F(NetworkSyncTest, InquiriesAreTakenOnceAndOnlyFromActivePartnersAboutSharedListings) {
  ASSERT_NE(Peer(), 0);
  Client owner = RegisterWithOrg("guangdian", "上海光电研究院", "institute");
  const int64_t shared = Publish(owner, {{"title", "石墨烯导热膜"}, {"abstract", "连续制备。"}});
  const int64_t hidden =
      Publish(owner, {{"title", "内部工艺"}, {"abstract", "不共享。"}, {"shared", false}});
  auto b_key = net::NodeKey::LoadOrCreate(b_->data_dir());
  ASSERT_TRUE(b_key.ok());
  auto post = [&](const net::NodeKey& key, const std::string& path, const nlohmann::json& body) {
    const std::string text = body.dump();
    auto s = net::SignRequest(key, "POST", a_url_ + path, text, std::time(nullptr),
                              net::NewNonce());
    return Client(server_->port())
        .Send("POST", path, text,
              {{"Content-Digest", s.content_digest},
               {"Date", s.date},
               {"Signature-Input", s.signature_input},
               {"Signature", s.signature}},
              "application/json");
  };
  auto inquiry = [](const std::string& id, int64_t listing) {
    return nlohmann::json{
        {"inquiry",
         {{"id", id},
          {"listing_id", std::to_string(listing)},
          {"title", "石墨烯导热膜"},
          {"text", "Interested."},
          {"author", "Sato"},
          {"org", {{"id", "7"}, {"name", "Osaka Labs"}, {"type", "enterprise"}, {"country", "JP"}}}}}};
  };
  auto first = post(*b_key, "/api/v1/net/inquiries", inquiry("iq-one", shared));
  ASSERT_EQ(first.status, 201) << first.body;
  auto retried = post(*b_key, "/api/v1/net/inquiries", inquiry("iq-one", shared));
  EXPECT_EQ(retried.status, 200) << retried.body;
  EXPECT_EQ(retried.json["inquiry"]["deal_id"], first.json["inquiry"]["deal_id"]);
  ASSERT_EQ(owner.Get("/api/v1/deals").json["total"], 1);
  const std::string a_deal = "/api/v1/deals/" + first.json["inquiry"]["deal_id"].get<std::string>();
  EXPECT_EQ(owner.Get(a_deal).json["buyer"]["name"], "Osaka Labs");

  auto not_shared = post(*b_key, "/api/v1/net/inquiries", inquiry("iq-two", hidden));
  EXPECT_EQ(not_shared.status, 404);
  EXPECT_EQ(not_shared.ErrorCode(), "unknown_listing");
  auto bad = inquiry("iq-three", shared);
  bad["inquiry"]["org"].erase("name");
  auto malformed = post(*b_key, "/api/v1/net/inquiries", bad);
  EXPECT_EQ(malformed.status, 400);
  EXPECT_EQ(malformed.ErrorCode(), "bad_message");

  // An event, sent twice, is applied once.
  const nlohmann::json event = {
      {"event", {{"id", "ev-1"}, {"inquiry", "iq-one"}, {"type", "message"}, {"text", "Hello"}}}};
  auto applied = post(*b_key, "/api/v1/net/inquiry-events", event);
  ASSERT_EQ(applied.status, 200) << applied.body;
  EXPECT_EQ(applied.json["event"]["applied"], true);
  auto again = post(*b_key, "/api/v1/net/inquiry-events", event);
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(again.json["event"]["applied"], false);
  EXPECT_EQ(owner.Get(a_deal + "/messages").json["items"].size(), 1u);
  // A stage move the deal's machine forbids is refused as it would be for a local party.
  auto skipped = post(*b_key, "/api/v1/net/inquiry-events",
                      {{"event", {{"id", "ev-2"}, {"inquiry", "iq-one"}, {"type", "stage"},
                                  {"stage", "completed"}}}});
  EXPECT_EQ(skipped.status, 409) << skipped.body;
  // An inquiry B never made, as far as A knows (another node's, or none).
  auto foreign = post(*b_key, "/api/v1/net/inquiry-events",
                      {{"event", {{"id", "ev-3"}, {"inquiry", "iq-other"}, {"type", "message"},
                                  {"text", "x"}}}});
  EXPECT_EQ(foreign.status, 404);
  EXPECT_EQ(foreign.ErrorCode(), "unknown_inquiry");

  const std::string stranger_dir = ::testing::TempDir() + "/stranger-inquiry-key";
  std::filesystem::remove_all(stranger_dir);
  std::filesystem::create_directories(stranger_dir);
  auto stranger = net::NodeKey::LoadOrCreate(stranger_dir);
  ASSERT_TRUE(stranger.ok());
  auto unknown = post(*stranger, "/api/v1/net/inquiries", inquiry("iq-four", shared));
  EXPECT_EQ(unknown.status, 401);
  EXPECT_EQ(unknown.ErrorCode(), "unknown_key");
  std::filesystem::remove_all(stranger_dir);

  Client a_admin = Admin();
  ASSERT_EQ(a_admin
                .Patch("/api/v1/net/peers/" +
                           std::to_string(
                               a_admin.Get("/api/v1/net/peers").json["items"][0]["id"].get<int64_t>()),
                       {{"status", "removed"}})
                .status,
            200);
  auto removed = post(*b_key, "/api/v1/net/inquiries", inquiry("iq-five", shared));
  EXPECT_EQ(removed.status, 403);
  EXPECT_EQ(removed.ErrorCode(), "peer_not_active");
  EXPECT_EQ(owner.Get("/api/v1/deals").json["total"], 1);
}

}  // namespace
}  // namespace kc::testing
