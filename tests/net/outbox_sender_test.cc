// Delivering the outbox (docs/network.md §6.3) on a real store, with a link that answers as a
// test tells it: order per peer, retries with growing delays, final refusals, and peers that
// are not active.
#include "net/outbox_sender.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <deque>
#include <filesystem>

#include "service/fixture.h"

namespace kc::net {
namespace {

// A PeerLink whose POSTs are recorded and answered from a script (200 once it runs out).
class ScriptedLink : public PeerLink {
 public:
  ScriptedLink(const NodeKey& key, const Clock& clock)
      : PeerLink(key, clock, std::chrono::seconds(1)) {}

  Result<PeerReply> Post(const std::string& base_url, std::string_view path,
                         const std::string& body) override {
    sent.push_back(base_url + std::string(path) + " " + body);
    if (replies.empty()) return PeerReply{200, {}, "{}"};
    auto r = replies.front();
    replies.pop_front();
    return r;
  }

  std::vector<std::string> sent;
  std::deque<Result<PeerReply>> replies;
};

NodeKey TestKey() {
  const auto dir = std::filesystem::path(::testing::TempDir()) / ("outbox-sender-key-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  auto key = NodeKey::LoadOrCreate(dir.string());
  EXPECT_TRUE(key.ok());
  return std::move(*key);
}

class OutboxSenderTest : public testing::ServiceTest {
 protected:
  OutboxSenderTest() : key_(TestKey()), link_(key_, clock_), sender_(store(), clock_, link_) {}

  Peer AddPeer(const std::string& node_id, PeerStatus status) {
    Peer p;
    p.node_id = node_id;
    p.name = node_id;
    p.base_url = "http://" + node_id + ".test";
    p.public_key = std::string(43, 'A');
    p.fingerprint = std::string(64, 'a');
    p.status = status;
    Must([&](StoreTx& tx) -> Status {
      auto id = tx.net().InsertPeer(p);
      if (!id.ok()) return id.status();
      p.id = *id;
      return Status::Ok();
    });
    return p;
  }

  void Queue(const Peer& peer, const std::string& id) {
    Must([&](StoreTx& tx) -> Status {
      NetTx::OutboxMessage m;
      m.peer_id = peer.id;
      m.path = "/api/v1/net/inquiry-events";
      m.message_id = id;
      m.body = id;
      m.created_at = m.next_at = clock_.Now();
      return tx.net().Enqueue(m).status();
    });
  }

  void Must(const std::function<Status(StoreTx&)>& fn) {
    Status s = store().Write(fn);
    ASSERT_TRUE(s.ok()) << s.code() << ": " << s.message();
  }

  std::vector<NetTx::OutboxMessage> Pending() {
    std::vector<NetTx::OutboxMessage> out;
    Must([&](StoreTx& tx) -> Status {
      auto p = tx.net().PendingMessages(100);
      if (!p.ok()) return p.status();
      out = *p;
      return Status::Ok();
    });
    return out;
  }

  int64_t Deliver() {
    auto n = sender_.DeliverDue();
    EXPECT_TRUE(n.ok()) << n.status().message();
    return n.ok() ? *n : -1;
  }

  static PeerReply Reply(int status, const std::string& code) {
    return PeerReply{status, {}, "{\"error\":{\"code\":\"" + code + "\",\"message\":\"no\"}}"};
  }

  NodeKey key_;
  ScriptedLink link_;
  OutboxSender sender_;
};

TEST_F(OutboxSenderTest, MessagesGoOutInOrderPerPeerAndOnce) {
  Peer tokyo = AddPeer("tokyo", PeerStatus::kActive);
  Queue(tokyo, "m1");
  Queue(tokyo, "m2");
  EXPECT_EQ(Deliver(), 2);
  EXPECT_EQ(link_.sent, (std::vector<std::string>{
                            "http://tokyo.test/api/v1/net/inquiry-events m1",
                            "http://tokyo.test/api/v1/net/inquiry-events m2"}));
  EXPECT_TRUE(Pending().empty());
  EXPECT_EQ(Deliver(), 0);
  EXPECT_EQ(link_.sent.size(), 2u);
}

TEST_F(OutboxSenderTest, AFailureHoldsBackThatPeersLaterMessagesAndIsRetriedWithGrowingDelays) {
  Peer tokyo = AddPeer("tokyo", PeerStatus::kActive);
  Peer kyoto = AddPeer("kyoto", PeerStatus::kActive);
  Queue(tokyo, "t1");
  Queue(tokyo, "t2");
  Queue(kyoto, "k1");
  link_.replies = {Status::Error(ErrorKind::kUnavailable, "peer_unreachable", "refused"),
                   PeerReply{200, {}, "{}"}};
  EXPECT_EQ(Deliver(), 1);  // k1; t2 waits behind t1
  EXPECT_EQ(link_.sent.size(), 2u);
  auto pending = Pending();
  ASSERT_EQ(pending.size(), 2u);
  EXPECT_EQ(pending[0].message_id, "t1");
  EXPECT_EQ(pending[0].attempts, 1);
  EXPECT_EQ(pending[0].next_at, clock_.Now() + 5);
  EXPECT_EQ(pending[0].last_error, "refused");

  EXPECT_EQ(Deliver(), 0);  // not due yet: nothing is sent
  EXPECT_EQ(link_.sent.size(), 2u);
  clock_.Advance(5);
  link_.replies = {PeerReply{503, {}, ""}};
  EXPECT_EQ(Deliver(), 0);
  EXPECT_EQ(Pending()[0].next_at, clock_.Now() + 10);
  clock_.Advance(10);
  EXPECT_EQ(Deliver(), 2);
  EXPECT_TRUE(Pending().empty());
  EXPECT_EQ(OutboxSender::RetryDelay(1), 5);
  EXPECT_EQ(OutboxSender::RetryDelay(3), 20);
  EXPECT_EQ(OutboxSender::RetryDelay(40), 3600);
}

TEST_F(OutboxSenderTest, ARefusalIsFinalButASuspensionOrARateLimitIsRetried) {
  Peer tokyo = AddPeer("tokyo", PeerStatus::kActive);
  Queue(tokyo, "m1");
  Queue(tokyo, "m2");
  Queue(tokyo, "m3");
  link_.replies = {Reply(404, "unknown_inquiry"), Reply(403, "peer_not_active")};
  EXPECT_EQ(Deliver(), 0);
  auto pending = Pending();
  ASSERT_EQ(pending.size(), 2u);  // m1 failed for good; m2 waits, holding m3
  EXPECT_EQ(pending[0].message_id, "m2");
  EXPECT_EQ(pending[0].last_error, "403 peer_not_active: no");
  clock_.Advance(5);
  link_.replies = {Reply(429, "rate_limited")};
  EXPECT_EQ(Deliver(), 0);
  EXPECT_EQ(Pending().size(), 2u);
  clock_.Advance(10);
  EXPECT_EQ(Deliver(), 2);
}

TEST_F(OutboxSenderTest, MessagesToAPeerThatIsNotActiveWait) {
  Peer tokyo = AddPeer("tokyo", PeerStatus::kSuspended);
  Queue(tokyo, "m1");
  EXPECT_EQ(Deliver(), 0);
  EXPECT_TRUE(link_.sent.empty());
  ASSERT_EQ(Pending().size(), 1u);
  EXPECT_EQ(Pending()[0].attempts, 0);
}

}  // namespace
}  // namespace kc::net
