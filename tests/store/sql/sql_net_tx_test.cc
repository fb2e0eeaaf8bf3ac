// The partner directory on both databases (run again with KC_TEST_POSTGRES as "pg:").
#include "store/sql/sql_net_tx.h"

#include <gtest/gtest.h>

#include "store/sql/store_fixture.h"

namespace kc {
namespace {

class SqlNetTxTest : public testing::StoreFixture {
 protected:
  static Peer APeer(const std::string& node_id, const std::string& name) {
    Peer p;
    p.node_id = node_id;
    p.name = name;
    p.base_url = "https://" + node_id + ".example.org";
    p.public_key = std::string(43, 'A');
    p.fingerprint = std::string(64, 'a');
    p.country = "JP";
    p.languages = {"ja", "en"};
    p.frameworks = {"rcep", "china_japan_korea"};
    p.created_at = p.updated_at = 100;
    return p;
  }

  int64_t Insert(const Peer& p) {
    int64_t id = 0;
    MustWrite([&](StoreTx& tx) -> Status {
      auto r = tx.net().InsertPeer(p);
      if (!r.ok()) return r.status();
      id = *r;
      return Status::Ok();
    });
    return id;
  }
};

TEST_F(SqlNetTxTest, APeerReadsBackWithEveryField) {
  Peer p = APeer("kc1tokyo", "東京テクノロジー移転");
  p.incoming = true;
  const int64_t id = Insert(p);
  ASSERT_GT(id, 0);
  MustRead([&](StoreTx& tx) -> Status {
    auto got = tx.net().GetPeer(id);
    if (!got.ok()) return got.status();
    EXPECT_EQ(got->node_id, "kc1tokyo");
    EXPECT_EQ(got->name, "東京テクノロジー移転");
    EXPECT_EQ(got->base_url, "https://kc1tokyo.example.org");
    EXPECT_EQ(got->public_key, p.public_key);
    EXPECT_EQ(got->fingerprint, p.fingerprint);
    EXPECT_EQ(got->country, "JP");
    EXPECT_EQ(got->languages, (std::vector<std::string>{"ja", "en"}));
    EXPECT_EQ(got->frameworks, (std::vector<std::string>{"rcep", "china_japan_korea"}));
    EXPECT_EQ(got->status, PeerStatus::kRequested);
    EXPECT_TRUE(got->incoming);
    EXPECT_EQ(got->created_at, 100);
    auto found = tx.net().FindPeerByNodeId("kc1tokyo");
    if (!found.ok()) return found.status();
    EXPECT_TRUE(found->has_value());
    EXPECT_EQ((*found)->id, id);
    auto missing = tx.net().FindPeerByNodeId("kc1nobody");
    if (!missing.ok()) return missing.status();
    EXPECT_FALSE(missing->has_value());
    EXPECT_EQ(tx.net().GetPeer(id + 1000).status().code(), "not_found");
    return Status::Ok();
  });
}

// A node is in the directory once; the refused insert leaves the transaction usable (on
// PostgreSQL too).
TEST_F(SqlNetTxTest, TheSameNodeCannotBeAddedTwice) {
  Insert(APeer("kc1seoul", "Seoul"));
  MustWrite([&](StoreTx& tx) -> Status {
    auto again = tx.net().InsertPeer(APeer("kc1seoul", "Seoul again"));
    EXPECT_FALSE(again.ok());
    EXPECT_EQ(again.status().code(), "peer_exists");
    EXPECT_EQ(again.status().field(), "node_id");
    return tx.net().InsertPeer(APeer("kc1busan", "Busan")).status();
  });
  MustRead([&](StoreTx& tx) -> Status {
    auto all = tx.net().ListPeers(std::nullopt);
    if (!all.ok()) return all.status();
    EXPECT_EQ(all->size(), 2u);
    return Status::Ok();
  });
}

TEST_F(SqlNetTxTest, AnUpdateWritesTheStateAndTheListFiltersByIt) {
  const int64_t a = Insert(APeer("kc1a", "Beta node"));
  const int64_t b = Insert(APeer("kc1b", "Alpha node"));
  Insert(APeer("kc1c", "Gamma node"));
  MustWrite([&](StoreTx& tx) -> Status {
    for (int64_t id : {a, b}) {
      auto p = tx.net().GetPeer(id);
      if (!p.ok()) return p.status();
      p->status = PeerStatus::kActive;
      p->frameworks = {"belt_and_road"};
      p->country = "SG";
      p->updated_at = 200;
      KC_RETURN_IF_ERROR(tx.net().UpdatePeer(*p));
    }
    Peer ghost = APeer("kc1ghost", "Ghost");
    ghost.id = 99999;
    EXPECT_EQ(tx.net().UpdatePeer(ghost).code(), "not_found");
    return Status::Ok();
  });
  MustRead([&](StoreTx& tx) -> Status {
    auto active = tx.net().ListPeers(PeerStatus::kActive);
    if (!active.ok()) return active.status();
    EXPECT_EQ(active->size(), 2u);
    if (active->size() == 2) {
      EXPECT_EQ((*active)[0].name, "Alpha node");  // by name
      EXPECT_EQ((*active)[0].frameworks, (std::vector<std::string>{"belt_and_road"}));
      EXPECT_EQ((*active)[0].country, "SG");
      EXPECT_EQ((*active)[0].updated_at, 200);
      EXPECT_EQ((*active)[0].created_at, 100);
    }
    auto requested = tx.net().ListPeers(PeerStatus::kRequested);
    if (!requested.ok()) return requested.status();
    EXPECT_EQ(requested->size(), 1u);
    auto removed = tx.net().ListPeers(PeerStatus::kRemoved);
    if (!removed.ok()) return removed.status();
    EXPECT_TRUE(removed->empty());
    return Status::Ok();
  });
}

}  // namespace
}  // namespace kc
