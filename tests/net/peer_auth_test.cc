// The receiving side of docs/network.md §3.3 on a real store: real node keys, requests signed
// as a partner signs them, and the refusals of §5 as an attacker would meet them.
#include "net/peer_auth.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "service/fixture.h"

namespace kc::net {
namespace {

constexpr char kOwnBase[] = "http://own.test";
constexpr char kFeed[] = "/api/v1/net/feed?after=0&limit=200";

class PeerAuthTest : public testing::ServiceTest {
 protected:
  void SetUp() override {
    tokyo_ = MakeKey("tokyo");
    seoul_ = MakeKey("seoul");
    busan_ = MakeKey("busan");
    gone_ = MakeKey("gone");
    stranger_ = MakeKey("stranger");
    tokyo_id_ = AddPeer(tokyo_, "Tokyo", PeerStatus::kActive);
    AddPeer(seoul_, "Seoul", PeerStatus::kSuspended);
    AddPeer(busan_, "Busan", PeerStatus::kRequested);
    AddPeer(gone_, "Gone", PeerStatus::kRemoved);
    auth_ = std::make_unique<PeerAuth>(store(), clock_, kOwnBase);
  }
  void TearDown() override { std::filesystem::remove_all(keys_); }

  NodeKey MakeKey(const std::string& name) {
    const auto dir = keys_ / name;
    std::filesystem::create_directories(dir);
    auto key = NodeKey::LoadOrCreate(dir.string());
    EXPECT_TRUE(key.ok()) << key.status().message();
    return *key;
  }

  int64_t AddPeer(const NodeKey& key, const std::string& name, PeerStatus status) {
    Peer p;
    p.node_id = key.NodeId();
    p.name = name;
    p.base_url = "http://" + name + ".test";
    p.public_key = key.PublicKeyBase64();
    p.fingerprint = key.Fingerprint();
    p.country = "JP";
    p.status = status;
    int64_t id = 0;
    Status s = store().Write([&](StoreTx& tx) -> Status {
      auto r = tx.net().InsertPeer(p);
      if (!r.ok()) return r.status();
      id = *r;
      return Status::Ok();
    });
    EXPECT_TRUE(s.ok()) << s.message();
    return id;
  }

  // A request `key` signed for this node's `base` + `path`, as the partner sends it.
  ReceivedRequest Signed(const NodeKey& key, const std::string& method = "GET",
                         const std::string& path = kFeed, const std::string& body = "",
                         const std::string& base = kOwnBase) {
    ReceivedRequest r;
    r.method = method;
    r.path_and_query = path;
    r.body = body;
    r.headers = SignRequest(key, method, base + path, body, clock_.Now(), NewNonce());
    return r;
  }

  static std::string Replace(std::string s, const std::string& from, const std::string& to) {
    const size_t at = s.find(from);
    EXPECT_NE(at, std::string::npos) << from << " not in " << s;
    if (at != std::string::npos) s.replace(at, from.size(), to);
    return s;
  }

  std::filesystem::path keys_ = std::filesystem::temp_directory_path() /
                                ("kc-peer-auth-" + std::to_string(::getpid()) + "-" +
                                 ::testing::UnitTest::GetInstance()->current_test_info()->name());
  NodeKey tokyo_, seoul_, busan_, gone_, stranger_;
  int64_t tokyo_id_ = 0;
  std::unique_ptr<PeerAuth> auth_;
};

TEST_F(PeerAuthTest, AnActivePeersSignedRequestIsAuthenticated) {
  auto peer = auth_->Authenticate(Signed(tokyo_), /*need_active=*/true);
  ASSERT_TRUE(peer.ok()) << peer.status().code() << ": " << peer.status().message();
  EXPECT_EQ(peer->id, tokyo_id_);
  EXPECT_EQ(peer->node_id, tokyo_.NodeId());
  EXPECT_EQ(peer->status, PeerStatus::kActive);

  const std::string body = R"({"node":{"name":"東京"}})";
  auto post = auth_->Authenticate(Signed(tokyo_, "POST", "/api/v1/net/peer-accept", body), true);
  ASSERT_TRUE(post.ok()) << post.status().code() << ": " << post.status().message();
  EXPECT_EQ(post->id, tokyo_id_);
}

TEST_F(PeerAuthTest, AKeyThatIsNoPeersIsUnknown) {
  for (bool need_active : {true, false}) {
    auto r = auth_->Authenticate(Signed(stranger_), need_active);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().code(), "unknown_key");
    EXPECT_EQ(r.status().kind(), ErrorKind::kUnauthorized);
  }
}

// §5: peer_not_active (403) covers a removed peer; without need_active the caller gets the
// record, status removed, and decides (the header's contract).
TEST_F(PeerAuthTest, ARemovedPeerIsNotActive) {
  auto refused = auth_->Authenticate(Signed(gone_), /*need_active=*/true);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().code(), "peer_not_active");
  EXPECT_EQ(refused.status().kind(), ErrorKind::kForbidden);
  auto known = auth_->Authenticate(Signed(gone_), /*need_active=*/false);
  ASSERT_TRUE(known.ok()) << known.status().code();
  EXPECT_EQ(known->status, PeerStatus::kRemoved);
}

TEST_F(PeerAuthTest, ASuspendedOrRequestedPeerIsNotActiveButIsStillWhoItIs) {
  for (const NodeKey* key : {&seoul_, &busan_}) {
    auto refused = auth_->Authenticate(Signed(*key), /*need_active=*/true);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.status().code(), "peer_not_active") << key->NodeId();
    EXPECT_EQ(refused.status().kind(), ErrorKind::kForbidden);

    auto known = auth_->Authenticate(Signed(*key), /*need_active=*/false);
    ASSERT_TRUE(known.ok()) << known.status().code();
    EXPECT_EQ(known->node_id, key->NodeId());
  }
}

TEST_F(PeerAuthTest, ARequestSeenBeforeIsAReplay) {
  const ReceivedRequest r = Signed(tokyo_);
  ASSERT_TRUE(auth_->Authenticate(r, true).ok());
  clock_.Advance(10);
  auto again = auth_->Authenticate(r, true);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.status().code(), "replayed");
  EXPECT_EQ(again.status().kind(), ErrorKind::kUnauthorized);
  // Also when the replay is for a route that does not need an active peer.
  EXPECT_EQ(auth_->Authenticate(r, false).status().code(), "replayed");

  // A nonce is remembered per key: another peer may use the same one.
  const std::string nonce = NewNonce();
  ReceivedRequest a, b;
  for (auto [req, key] : {std::pair{&a, &tokyo_}, std::pair{&b, &seoul_}}) {
    req->method = "GET";
    req->path_and_query = kFeed;
    req->headers = SignRequest(*key, "GET", std::string(kOwnBase) + kFeed, "", clock_.Now(), nonce);
  }
  EXPECT_TRUE(auth_->Authenticate(a, true).ok());
  EXPECT_TRUE(auth_->Authenticate(b, false).ok());
}

// §3.3 step 7 follows step 6: a forged request cannot burn a partner's nonce.
// Several app nodes on one database: a request one of them took is a replay at the others.
TEST_F(PeerAuthTest, ARequestTakenByAnotherAppNodeOnTheSameDatabaseIsAReplay) {
  PeerAuth other_node(store(), clock_, kOwnBase);
  const ReceivedRequest request = Signed(tokyo_);
  ASSERT_TRUE(auth_->Authenticate(request, true).ok());
  auto replayed = other_node.Authenticate(request, true);
  ASSERT_FALSE(replayed.ok());
  EXPECT_EQ(replayed.status().code(), "replayed");
  EXPECT_EQ(replayed.status().kind(), ErrorKind::kUnauthorized);
  // Out of the time window the shared memory forgets it (and the signature is stale anyway).
  clock_.Advance(NonceCache::kMemorySeconds + 1);
  Status forgot = store().Write([&](StoreTx& tx) -> Status {
    auto n = tx.net().ForgetNonces(clock_.Now());
    if (!n.ok()) return n.status();
    EXPECT_EQ(*n, 1);
    return Status::Ok();
  });
  EXPECT_TRUE(forgot.ok());
  EXPECT_TRUE(other_node.Authenticate(Signed(tokyo_), true).ok());
}

TEST_F(PeerAuthTest, ARefusedRequestDoesNotUseUpItsNonce) {
  const ReceivedRequest good = Signed(tokyo_, "POST", "/api/v1/net/peer-accept", "{}");
  ReceivedRequest forged = good;
  forged.body = "{ }";
  EXPECT_EQ(auth_->Authenticate(forged, true).status().code(), "digest_mismatch");
  EXPECT_TRUE(auth_->Authenticate(good, true).ok());
}

TEST_F(PeerAuthTest, AFlippedBodyByteIsADigestMismatch) {
  const std::string body = R"({"node":{"name":"Tokyo"}})";
  ReceivedRequest r = Signed(tokyo_, "POST", "/api/v1/net/peer-accept", body);
  r.body[10] ^= 0x01;
  auto got = auth_->Authenticate(r, true);
  ASSERT_FALSE(got.ok());
  EXPECT_EQ(got.status().code(), "digest_mismatch");
  EXPECT_EQ(got.status().kind(), ErrorKind::kUnauthorized);
}

TEST_F(PeerAuthTest, ASignatureByAnotherKeyUnderAPeersKeyIdIsInvalid) {
  // The stranger signs, and claims to be Tokyo.
  ReceivedRequest r = Signed(stranger_);
  r.headers.signature_input =
      Replace(r.headers.signature_input, stranger_.NodeId(), tokyo_.NodeId());
  auto got = auth_->Authenticate(r, true);
  ASSERT_FALSE(got.ok());
  EXPECT_EQ(got.status().code(), "signature_invalid");
  EXPECT_EQ(got.status().kind(), ErrorKind::kUnauthorized);
  // A genuine Tokyo request with the stranger's signature bytes fails the same way.
  ReceivedRequest mixed = Signed(tokyo_);
  mixed.headers.signature = Signed(stranger_).headers.signature;
  EXPECT_EQ(auth_->Authenticate(mixed, true).status().code(), "signature_invalid");
}

TEST_F(PeerAuthTest, TheTargetUriIsRebuiltFromThisNodesBaseUrl) {
  // Signed for another node (a request captured there and replayed here).
  auto elsewhere =
      auth_->Authenticate(Signed(tokyo_, "GET", kFeed, "", "http://other-node.test"), true);
  EXPECT_EQ(elsewhere.status().code(), "signature_invalid");
  // Signed for this node but another query or path.
  ReceivedRequest r = Signed(tokyo_);
  r.path_and_query = "/api/v1/net/feed?after=500&limit=200";
  EXPECT_EQ(auth_->Authenticate(r, true).status().code(), "signature_invalid");
  ReceivedRequest post = Signed(tokyo_, "POST", "/api/v1/net/peer-accept", "{}");
  post.path_and_query = "/api/v1/net/peer-requests";
  EXPECT_EQ(auth_->Authenticate(post, true).status().code(), "signature_invalid");
  ReceivedRequest method = Signed(tokyo_, "POST", kFeed, "{}");
  method.method = "GET";
  EXPECT_EQ(auth_->Authenticate(method, true).status().code(), "signature_invalid");
  // A receiver configured with the base URL the partner used accepts the same request.
  PeerAuth other(store(), clock_, "http://other-node.test");
  EXPECT_TRUE(
      other.Authenticate(Signed(tokyo_, "GET", kFeed, "", "http://other-node.test"), true).ok());
}

TEST_F(PeerAuthTest, MissingOrStaleSignaturesAreRefused) {
  ReceivedRequest bare;
  bare.method = "GET";
  bare.path_and_query = kFeed;
  auto missing = auth_->Authenticate(bare, true);
  EXPECT_EQ(missing.status().code(), "signature_missing");
  EXPECT_EQ(missing.status().kind(), ErrorKind::kUnauthorized);

  const ReceivedRequest old = Signed(tokyo_);
  clock_.Advance(301);
  EXPECT_EQ(auth_->Authenticate(old, true).status().code(), "signature_expired");
}

TEST_F(PeerAuthTest, AuthenticateKeyAcceptsOnlyTheKeysOwnNodeId) {
  // A node not in the directory asks to peer: the key comes in the body.
  const std::string body = R"({"node":{}})";
  auto ok = auth_->AuthenticateKey(Signed(stranger_, "POST", "/api/v1/net/peer-requests", body),
                                   stranger_.public_key());
  ASSERT_TRUE(ok.ok()) << ok.status().code() << ": " << ok.status().message();
  EXPECT_EQ(ok->keyid, stranger_.NodeId());

  // Signed by Tokyo, but the body names the stranger's key.
  auto other = auth_->AuthenticateKey(Signed(tokyo_, "POST", "/api/v1/net/peer-requests", body),
                                      stranger_.public_key());
  EXPECT_EQ(other.status().code(), "unknown_key");
  // Signed by Tokyo claiming the stranger's node id.
  ReceivedRequest claimed = Signed(tokyo_, "POST", "/api/v1/net/peer-requests", body);
  claimed.headers.signature_input =
      Replace(claimed.headers.signature_input, tokyo_.NodeId(), stranger_.NodeId());
  EXPECT_EQ(auth_->AuthenticateKey(claimed, stranger_.public_key()).status().code(),
            "signature_invalid");

  // The replay memory is shared with Authenticate.
  const ReceivedRequest once = Signed(stranger_, "POST", "/api/v1/net/peer-requests", body);
  EXPECT_TRUE(auth_->AuthenticateKey(once, stranger_.public_key()).ok());
  EXPECT_EQ(auth_->AuthenticateKey(once, stranger_.public_key()).status().code(), "replayed");
}

// §5 rate_limited: one key's budget per minute; other keys and the next minute are unaffected,
// and a request refused for the budget does not use up its nonce.
TEST_F(PeerAuthTest, MoreThanTheBudgetPerMinuteIsRateLimited) {
  for (int i = 0; i < PeerAuth::kRequestsPerMinute; ++i) {
    auto r = auth_->Authenticate(Signed(tokyo_), true);
    ASSERT_TRUE(r.ok()) << i << ": " << r.status().code();
  }
  const ReceivedRequest over = Signed(tokyo_);
  auto limited = auth_->Authenticate(over, true);
  ASSERT_FALSE(limited.ok());
  EXPECT_EQ(limited.status().code(), "rate_limited");
  EXPECT_EQ(limited.status().kind(), ErrorKind::kTooMany);
  EXPECT_TRUE(auth_->Authenticate(Signed(seoul_), false).ok()) << "another key has its own";
  // A forged request under Tokyo's key id is refused for its signature, not counted first.
  ReceivedRequest forged = Signed(stranger_);
  forged.headers.signature_input =
      Replace(forged.headers.signature_input, stranger_.NodeId(), tokyo_.NodeId());
  EXPECT_EQ(auth_->Authenticate(forged, true).status().code(), "signature_invalid");

  clock_.Advance(60);
  // Still within the signature's 300 s: the refused request may come again, and is served.
  auto later = auth_->Authenticate(over, true);
  EXPECT_TRUE(later.ok()) << later.status().code();
}

}  // namespace
}  // namespace kc::net
