// Pulling a partner's feed into a real store (docs/network.md §4), with a link that serves
// pages a test writes: page after page with the cursor, and the full pass after 410.
#include "net/feed_puller.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <deque>
#include <filesystem>

#include "net/feed.h"
#include "service/fixture.h"

namespace kc::net {
namespace {

// A PeerLink whose signed GETs are answered from a script, in order; the paths asked for are
// recorded. (The signature checks of a real answer are PeerLink's own, tested with it.)
class ScriptedFeed : public PeerLink {
 public:
  ScriptedFeed(const NodeKey& key, const Clock& clock)
      : PeerLink(key, clock, std::chrono::seconds(1)) {}

  Result<PeerReply> GetSigned(const std::string&, std::string_view path_and_query,
                              const std::array<uint8_t, NodeKey::kPublicKeyBytes>&,
                              size_t) override {
    asked.emplace_back(path_and_query);
    if (replies.empty()) return Status::Error(ErrorKind::kUnavailable, "peer_unreachable", "end");
    auto r = replies.front();
    replies.pop_front();
    return r;
  }

  std::vector<std::string> asked;
  std::deque<PeerReply> replies;
};

NodeKey TestKey(const std::string& name) {
  const auto dir = std::filesystem::path(::testing::TempDir()) / ("feed-puller-" + name + "-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  auto key = NodeKey::LoadOrCreate(dir.string());
  EXPECT_TRUE(key.ok());
  return std::move(*key);
}

class FeedPullerTest : public testing::ServiceTest {
 protected:
  FeedPullerTest()
      : own_key_(TestKey("own")), peer_key_(TestKey("peer")), link_(own_key_, clock_),
        puller_(store(), clock_, link_) {}

  void SetUp() override {
    peer_.node_id = peer_key_.NodeId();
    peer_.name = "Tokyo TLO";
    peer_.base_url = "http://tokyo.test";
    peer_.public_key = peer_key_.PublicKeyBase64();
    peer_.fingerprint = peer_key_.Fingerprint();
    peer_.country = "JP";
    peer_.status = PeerStatus::kActive;
    Status s = store().Write([&](StoreTx& tx) -> Status {
      auto id = tx.net().InsertPeer(peer_);
      if (!id.ok()) return id.status();
      peer_.id = *id;
      return Status::Ok();
    });
    ASSERT_TRUE(s.ok()) << s.message();
  }

  FeedEntry Upsert(int64_t seq, const std::string& id) {
    FeedEntry e;
    e.seq = seq;
    e.id = id;
    e.listing.kind = ListingKind::kAchievement;
    e.listing.title = "Achievement " + id;
    e.listing.body = "Abstract of " + id;
    e.listing.updated_at = testing::kT0;
    e.listing.origin_url = peer_.base_url + "/achievements/" + id;
    e.listing.origin_org_name = "University of Tokyo";
    e.country = "JP";
    e.language = "en";
    return e;
  }

  PeerReply Page(std::vector<FeedEntry> entries, int64_t after, bool more) {
    FeedPage p;
    p.node_id = peer_.node_id;
    p.next = entries.empty() ? after : entries.back().seq;
    p.entries = std::move(entries);
    p.more = more;
    return PeerReply{200, {}, FeedPageJson(p)};
  }

  Peer Stored() {
    Peer out;
    Status s = store().Read([&](StoreTx& tx) -> Status {
      auto p = tx.net().GetPeer(peer_.id);
      if (!p.ok()) return p.status();
      out = *p;
      return Status::Ok();
    });
    EXPECT_TRUE(s.ok()) << s.message();
    return out;
  }

  // The titles of the peer's published copies.
  std::vector<std::string> Published() {
    std::vector<std::string> out;
    for (const auto& l : AllListings()) {
      if (l.origin_peer_id == peer_.id && l.status == ListingStatus::kPublished) {
        out.push_back(l.title);
      }
    }
    return out;
  }

  NodeKey own_key_, peer_key_;
  ScriptedFeed link_;
  FeedPuller puller_;
  Peer peer_;
};

TEST_F(FeedPullerTest, PagesAreAppliedInTurnAndTheCursorFollows) {
  link_.replies = {Page({Upsert(3, "1"), Upsert(5, "2")}, 0, true), Page({Upsert(9, "3")}, 5, false)};
  auto n = puller_.Pull(peer_);
  ASSERT_TRUE(n.ok()) << n.status().message();
  EXPECT_EQ(*n, 3);
  EXPECT_EQ(link_.asked, (std::vector<std::string>{"/api/v1/net/feed?after=0&limit=500",
                                                    "/api/v1/net/feed?after=5&limit=500"}));
  EXPECT_EQ(Stored().feed_cursor, 9);
  EXPECT_EQ(Published().size(), 3u);
}

// §4: after 410 cursor_expired the puller starts again from 0; the copies this full pass does
// not rewrite are no longer shared by the origin and are closed at its end.
TEST_F(FeedPullerTest, AFullPassAfterAnExpiredCursorClosesTheCopiesItDoesNotRewrite) {
  link_.replies = {Page({Upsert(3, "1"), Upsert(5, "2"), Upsert(7, "3")}, 0, false)};
  ASSERT_TRUE(puller_.Pull(peer_).ok());
  ASSERT_EQ(Published().size(), 3u);

  // The origin forgot its tombstone of "2"; its feed from 0 holds "1" and "3" only. The pass
  // is interrupted after its first page and resumed by the next pull.
  link_.replies = {PeerReply{410, {}, "{\"error\":{\"code\":\"cursor_expired\",\"message\":\"x\"}}"},
                   Page({Upsert(40, "1")}, 0, true)};
  EXPECT_FALSE(puller_.Pull(peer_).ok());  // the script runs out: the node is unreachable
  EXPECT_NE(Stored().resync_seq, 0);
  EXPECT_EQ(Stored().feed_cursor, 40);
  EXPECT_EQ(Published().size(), 3u) << "nothing is closed before the pass ends";

  link_.replies = {Page({Upsert(41, "3")}, 40, false)};
  ASSERT_TRUE(puller_.Pull(Stored()).ok());
  EXPECT_EQ(Published(), (std::vector<std::string>{"Achievement 1", "Achievement 3"}));
  EXPECT_EQ(Stored().resync_seq, 0);
  EXPECT_EQ(link_.asked.back(), "/api/v1/net/feed?after=40&limit=500");

  // An ordinary pull later closes nothing.
  link_.replies = {Page({}, 41, false)};
  ASSERT_TRUE(puller_.Pull(Stored()).ok());
  EXPECT_EQ(Published().size(), 2u);
}

}  // namespace
}  // namespace kc::net
