// The partner directory's rules on a real store. The node documents come from real keys; the
// network is replaced by a table of URL → document here (the real fetch between two running
// servers is tested in tests/api/net_routes_test.cc).
#include "net/peers.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <map>

#include "net/node_document.h"
#include "net/node_key.h"
#include "service/fixture.h"

namespace kc::net {
namespace {

class PeersTest : public testing::ServiceTest {
 protected:
  void SetUp() override {
    MakeWorld();
    own_ = MakeNode("own", "http://own.test", "CN");
    tokyo_ = MakeNode("tokyo", "http://tokyo.test", "JP");
    documents_["http://own.test"] = NodeDocumentJson(own_);
    documents_["http://tokyo.test"] = NodeDocumentJson(tokyo_);
    peers_ = std::make_unique<Peers>(store(), clock_, own_.node_id,
                                     [this](const std::string& url) -> Result<std::string> {
                                       auto it = documents_.find(url);
                                       if (it == documents_.end()) {
                                         return Status::Error(ErrorKind::kUnavailable,
                                                              "peer_unreachable", "no answer");
                                       }
                                       return it->second;
                                     });
  }
  void TearDown() override { std::filesystem::remove_all(keys_); }

  NodeDocument MakeNode(const std::string& name, const std::string& url,
                        const std::string& country) {
    const auto dir = keys_ / name;
    std::filesystem::create_directories(dir);
    auto key = NodeKey::LoadOrCreate(dir.string());
    EXPECT_TRUE(key.ok());
    return DescribeNode(*key, name, url, {"en"}, country);
  }

  // The fingerprint as an admin might type it: grouped by four, upper case.
  static std::string Typed(const std::string& fingerprint) {
    std::string out;
    for (size_t i = 0; i < fingerprint.size(); ++i) {
      if (i && i % 4 == 0) out += ' ';
      out += static_cast<char>(std::toupper(static_cast<unsigned char>(fingerprint[i])));
    }
    return out;
  }

  std::filesystem::path keys_ = std::filesystem::temp_directory_path() /
                                ("kc-peers-" + std::to_string(::getpid()) + "-" +
                                 ::testing::UnitTest::GetInstance()->current_test_info()->name());
  NodeDocument own_, tokyo_;
  std::map<std::string, std::string> documents_;
  std::unique_ptr<Peers> peers_;
};

TEST_F(PeersTest, AnAdminAddsAPartnerByUrlAndFingerprint) {
  auto added = peers_->Add(Actor::Of(admin_), "http://tokyo.test/", Typed(tokyo_.fingerprint),
                           {"rcep", "china_japan_korea"});
  ASSERT_TRUE(added.ok()) << added.status().message();
  EXPECT_EQ(added->node_id, tokyo_.node_id);
  EXPECT_EQ(added->status, PeerStatus::kRequested);
  EXPECT_FALSE(added->incoming);
  EXPECT_EQ(added->country, "JP");
  EXPECT_EQ(added->public_key, tokyo_.public_key);
  EXPECT_EQ(added->frameworks, (std::vector<std::string>{"rcep", "china_japan_korea"}));

  auto again = peers_->Add(Actor::Of(admin_), "http://tokyo.test", tokyo_.fingerprint, {});
  EXPECT_EQ(again.status().code(), "peer_exists");
  auto listed = peers_->List(Actor::Of(admin_), std::nullopt);
  ASSERT_TRUE(listed.ok());
  EXPECT_EQ(listed->size(), 1u);
}

// The fingerprint is the only defence against a URL that leads elsewhere.
TEST_F(PeersTest, ANodeWhoseKeyIsNotTheGivenFingerprintIsRefused) {
  auto added = peers_->Add(Actor::Of(admin_), "http://tokyo.test", own_.fingerprint, {});
  ASSERT_FALSE(added.ok());
  EXPECT_EQ(added.status().code(), "fingerprint_mismatch");
  EXPECT_EQ(added.status().kind(), ErrorKind::kConflict);
  EXPECT_EQ(peers_->Add(Actor::Of(admin_), "http://tokyo.test", "abc", {}).status().code(),
            "invalid_fingerprint");
  EXPECT_TRUE(peers_->List(Actor::Of(admin_), std::nullopt)->empty());
}

TEST_F(PeersTest, BadDocumentsUnreachableNodesAndThisNodeItselfAreRefused) {
  documents_["http://broken.test"] = R"({"protocol":"kechuang-net"})";
  auto broken = peers_->Add(Actor::Of(admin_), "http://broken.test", tokyo_.fingerprint, {});
  EXPECT_EQ(broken.status().kind(), ErrorKind::kInvalid);
  EXPECT_EQ(broken.status().field(), "base_url");
  auto gone = peers_->Add(Actor::Of(admin_), "http://gone.test", tokyo_.fingerprint, {});
  EXPECT_EQ(gone.status().code(), "peer_unreachable");
  auto self = peers_->Add(Actor::Of(admin_), "http://own.test", own_.fingerprint, {});
  EXPECT_EQ(self.status().code(), "own_node");
  auto frameworks =
      peers_->Add(Actor::Of(admin_), "http://tokyo.test", tokyo_.fingerprint, {"nato"});
  EXPECT_EQ(frameworks.status().code(), "invalid_framework");
}

// As an attacker: nobody but a platform admin touches the directory, an organisation's admin
// included; the public list shows only active partners.
TEST_F(PeersTest, OnlyPlatformAdminsManageAndThePublicSeesOnlyActivePartners) {
  for (const User* u : {&a_admin_, &a_member_, &reviewer_}) {
    EXPECT_EQ(peers_->Add(Actor::Of(*u), "http://tokyo.test", tokyo_.fingerprint, {})
                  .status()
                  .kind(),
              ErrorKind::kForbidden)
        << u->username;
    EXPECT_EQ(peers_->List(Actor::Of(*u), std::nullopt).status().kind(), ErrorKind::kForbidden);
  }
  EXPECT_EQ(peers_->Add(Actor::Visitor(), "http://tokyo.test", tokyo_.fingerprint, {})
                .status()
                .kind(),
            ErrorKind::kUnauthorized);

  auto added = peers_->Add(Actor::Of(admin_), "http://tokyo.test", tokyo_.fingerprint, {});
  ASSERT_TRUE(added.ok());
  EXPECT_EQ(peers_->Change(Actor::Of(a_admin_), added->id, {.status = PeerStatus::kActive})
                .status()
                .kind(),
            ErrorKind::kForbidden);
  EXPECT_TRUE(peers_->ListPartners()->empty());  // requested is not a partner yet

  // This node asked: the partner's acceptance (§2 step 3), not this node's admin, makes it
  // active.
  EXPECT_EQ(peers_->Change(Actor::Of(admin_), added->id, {.status = PeerStatus::kActive})
                .status()
                .code(),
            "awaiting_acceptance");
  auto active = peers_->Accepted(*added);
  ASSERT_TRUE(active.ok()) << active.status().message();
  EXPECT_EQ(active->status, PeerStatus::kActive);
  EXPECT_TRUE(peers_->Accepted(*added).ok());  // twice changes nothing
  ASSERT_EQ(peers_->ListPartners()->size(), 1u);
  EXPECT_EQ(peers_->ListPartners()->front().node_id, tokyo_.node_id);
}

TEST_F(PeersTest, StatusMovesFollowTheRulesAndAreAudited) {
  // Tokyo asked (§2 step 2): an incoming request, which this node's admin accepts.
  auto p = peers_->Receive(tokyo_);
  ASSERT_TRUE(p.ok()) << p.status().message();
  EXPECT_TRUE(p->incoming);
  EXPECT_EQ(p->status, PeerStatus::kRequested);
  auto again = peers_->Receive(tokyo_);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->id, p->id);
  EXPECT_EQ(peers_->Receive(own_).status().code(), "own_node");
  EXPECT_EQ(peers_->Accepted(*p).status().code(), "invalid_transition");  // this node never asked
  EXPECT_EQ(peers_->Change(Actor::Of(admin_), p->id, {.status = PeerStatus::kSuspended})
                .status()
                .code(),
            "invalid_transition");
  clock_.Advance(60);
  auto changed = peers_->Change(Actor::Of(admin_), p->id,
                                {.status = PeerStatus::kActive,
                                 .country = "KR",
                                 .frameworks = std::vector<std::string>{"belt_and_road"}});
  ASSERT_TRUE(changed.ok()) << changed.status().message();
  EXPECT_EQ(changed->status, PeerStatus::kActive);
  EXPECT_EQ(changed->country, "KR");
  EXPECT_EQ(changed->updated_at, p->created_at + 60);
  EXPECT_EQ(peers_->Change(Actor::Of(admin_), p->id, {.country = "Korea"}).status().code(),
            "invalid_country");
  ASSERT_TRUE(peers_->Change(Actor::Of(admin_), p->id, {.status = PeerStatus::kRemoved}).ok());
  EXPECT_EQ(
      peers_->Change(Actor::Of(admin_), p->id, {.status = PeerStatus::kActive}).status().code(),
      "invalid_transition");
  EXPECT_EQ(peers_->Change(Actor::Of(admin_), p->id + 99, {}).status().kind(),
            ErrorKind::kNotFound);

  std::vector<AuditEntry> trail;
  ASSERT_TRUE(store()
                  .Read([&](StoreTx& tx) {
                    auto t = tx.ListAudit("peer", p->id);
                    if (!t.ok()) return t.status();
                    trail = *t;
                    return Status::Ok();
                  })
                  .ok());
  // received, activated, removed (the refused moves left nothing)
  EXPECT_EQ(trail.size(), 3u);
}

}  // namespace
}  // namespace kc::net
