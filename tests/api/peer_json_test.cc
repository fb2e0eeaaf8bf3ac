#include "api/peer_json.h"

#include <gtest/gtest.h>

namespace kc::api {
namespace {

Peer APeer() {
  Peer p;
  p.id = 7;
  p.node_id = "kc1abc";
  p.name = "Tokyo TLO";
  p.base_url = "http://127.0.0.1:9000";
  p.public_key = std::string(43, 'A');
  p.fingerprint = std::string(64, 'f');
  p.country = "JP";
  p.languages = {"ja"};
  p.frameworks = {"rcep"};
  p.status = PeerStatus::kSuspended;
  p.incoming = true;
  p.created_at = 0;
  p.updated_at = 86400;
  return p;
}

TEST(PeerJsonTest, AdminsSeeTheStateThePublicOnlyThePartner) {
  auto admin = PeerJson(APeer());
  EXPECT_EQ(admin["id"], 7);
  EXPECT_EQ(admin["status"], "suspended");
  EXPECT_EQ(admin["incoming"], true);
  EXPECT_EQ(admin["updated_at"], "1970-01-02T00:00:00Z");
  EXPECT_EQ(admin["frameworks"], nlohmann::json::array({"rcep"}));
  // Every field written is in the schema, and the other way round.
  for (auto& [key, value] : admin.items()) {
    EXPECT_TRUE(PeerSchema()["properties"].contains(key)) << key;
  }
  EXPECT_EQ(admin.size(), PeerSchema()["properties"].size());

  auto partner = PartnerJson(APeer());
  for (const char* hidden : {"id", "status", "incoming", "created_at", "public_key"}) {
    EXPECT_FALSE(partner.contains(hidden)) << hidden;
  }
  EXPECT_EQ(partner.size(), PartnerSchema()["properties"].size());
}

TEST(PeerJsonTest, ANewPeerNeedsUrlAndFingerprint) {
  auto ok = ReadNewPeer({{"base_url", "http://x"}, {"fingerprint", "ab"}, {"frameworks", {"eu"}}});
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok->frameworks, std::vector<std::string>{"eu"});
  EXPECT_EQ(ReadNewPeer({{"base_url", "http://x"}}).status().field(), "fingerprint");
  EXPECT_EQ(ReadNewPeer({{"base_url", "http://x"}, {"fingerprint", "ab"}, {"frameworks", {1}}})
                .status()
                .code(),
            "invalid_type");
  EXPECT_EQ(ReadNewPeer({{"base_url", "http://x"}, {"fingerprint", "ab"}, {"x", 1}})
                .status()
                .code(),
            "unknown_field");
}

TEST(PeerJsonTest, AChangeReadsOnlyWhatIsGivenAndRefusesUnknownStatuses) {
  auto c = ReadPeerChange({{"status", "active"}});
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->status, PeerStatus::kActive);
  EXPECT_FALSE(c->country.has_value());
  EXPECT_FALSE(c->frameworks.has_value());
  auto f = ReadPeerChange({{"frameworks", nlohmann::json::array()}, {"country", "KR"}});
  ASSERT_TRUE(f.ok());
  EXPECT_TRUE(f->frameworks.has_value() && f->frameworks->empty());
  EXPECT_EQ(f->country, "KR");
  auto bad = ReadPeerChange({{"status", "paused"}});
  EXPECT_EQ(bad.status().code(), "invalid_status");
  EXPECT_EQ(bad.status().field(), "status");
}

}  // namespace
}  // namespace kc::api
