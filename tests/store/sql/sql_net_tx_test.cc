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

  // Inserts `l` and logs its change, as the listing service does; returns its id.
  int64_t AddListing(const Listing& l) {
    int64_t id = 0;
    MustWrite([&](StoreTx& tx) -> Status {
      auto r = tx.InsertListing(l);
      if (!r.ok()) return r.status();
      id = *r;
      return tx.AppendChange(Change{0, "listing", id, "upsert", 100}).status();
    });
    return id;
  }
  // Logs another change of listing `id` and returns its seq.
  int64_t Touch(int64_t id, const std::string& op = "upsert") {
    int64_t seq = 0;
    MustWrite([&](StoreTx& tx) -> Status {
      auto r = tx.AppendChange(Change{0, "listing", id, op, 100});
      if (!r.ok()) return r.status();
      seq = *r;
      return Status::Ok();
    });
    return seq;
  }
  // A copy of `peer`'s listing `origin_id`.
  Listing ACopy(int64_t org, int64_t owner, int64_t peer, const std::string& origin_id) {
    Listing l = MakeListing(org, owner, "copy " + origin_id);
    l.status = ListingStatus::kPublished;
    l.shared = false;
    l.origin_peer_id = peer;
    l.origin_id = origin_id;
    l.origin_url = "https://peer.example.org/demands/" + origin_id;
    l.origin_org_name = "Origin org";
    return l;
  }
  std::vector<NetTx::FeedChange> Feed(int64_t after, int64_t limit) {
    std::vector<NetTx::FeedChange> out;
    MustRead([&](StoreTx& tx) -> Status {
      auto r = tx.net().FeedChanges(after, limit);
      if (!r.ok()) return r.status();
      out = *r;
      return Status::Ok();
    });
    return out;
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

TEST_F(SqlNetTxTest, SetPeerSyncRecordsAPullAndUpdatePeerLeavesItAlone) {
  const int64_t id = Insert(APeer("kc1sync", "Sync"));
  MustRead([&](StoreTx& tx) -> Status {
    auto p = tx.net().GetPeer(id);
    if (!p.ok()) return p.status();
    EXPECT_EQ(p->feed_cursor, 0);
    EXPECT_EQ(p->synced_at, 0);
    EXPECT_EQ(p->sync_error, "");
    return Status::Ok();
  });
  MustWrite([&](StoreTx& tx) -> Status {
    KC_RETURN_IF_ERROR(tx.net().SetPeerSync(id, 42, 500, "HTTP 503: 服务不可用"));
    EXPECT_EQ(tx.net().SetPeerSync(id + 1000, 1, 1, "").code(), "not_found");
    return Status::Ok();
  });
  MustWrite([&](StoreTx& tx) -> Status {
    // An admin's edit made from an older read does not move the cursor back.
    auto p = tx.net().GetPeer(id);
    if (!p.ok()) return p.status();
    EXPECT_EQ(p->feed_cursor, 42);
    EXPECT_EQ(p->synced_at, 500);
    EXPECT_EQ(p->sync_error, "HTTP 503: 服务不可用");
    p->feed_cursor = 0;
    p->synced_at = 0;
    p->sync_error = "";
    p->status = PeerStatus::kActive;
    return tx.net().UpdatePeer(*p);
  });
  MustRead([&](StoreTx& tx) -> Status {
    auto p = tx.net().GetPeer(id);
    if (!p.ok()) return p.status();
    EXPECT_EQ(p->status, PeerStatus::kActive);
    EXPECT_EQ(p->feed_cursor, 42);
    EXPECT_EQ(p->synced_at, 500);
    EXPECT_EQ(p->sync_error, "HTTP 503: 服务不可用");
    auto listed = tx.net().ListPeers(PeerStatus::kActive);
    if (!listed.ok()) return listed.status();
    EXPECT_EQ(listed->size(), 1u);
    if (!listed->empty()) {
      EXPECT_EQ(listed->front().feed_cursor, 42);
    }
    return Status::Ok();
  });
  MustWrite([&](StoreTx& tx) { return tx.net().SetPeerSync(id, 43, 600, ""); });
  MustRead([&](StoreTx& tx) -> Status {
    auto p = tx.net().GetPeer(id);
    if (!p.ok()) return p.status();
    EXPECT_EQ(p->feed_cursor, 43);
    EXPECT_EQ(p->sync_error, "") << "a success clears the last failure";
    return Status::Ok();
  });
}

TEST_F(SqlNetTxTest, FeedChangesGiveEachListingOnceAtItsLatestChange) {
  const int64_t org = AddOrg("Org");
  const int64_t user = AddUser("owner", org);
  const int64_t a = AddListing(MakeListing(org, user, "a"));
  const int64_t b = AddListing(MakeListing(org, user, "b"));
  const int64_t c = AddListing(MakeListing(org, user, "c"));
  const int64_t b2 = Touch(b);
  const int64_t a2 = Touch(a);
  // Other entities' changes are not the feed's.
  MustWrite([&](StoreTx& tx) {
    return tx.AppendChange(Change{0, "org", org, "upsert", 100}).status();
  });
  const int64_t a3 = Touch(a);

  auto all = Feed(0, 100);
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].listing_id, c);
  EXPECT_EQ(all[1].listing_id, b);
  EXPECT_EQ(all[1].seq, b2);
  EXPECT_EQ(all[2].listing_id, a);
  EXPECT_EQ(all[2].seq, a3);
  EXPECT_LT(all[0].seq, all[1].seq);

  // After a cursor: only what changed since, still each once at its latest.
  auto since = Feed(b2, 100);
  ASSERT_EQ(since.size(), 1u);
  EXPECT_EQ(since[0].listing_id, a);
  EXPECT_EQ(since[0].seq, a3);
  EXPECT_TRUE(Feed(a3, 100).empty());
  EXPECT_GT(a3, a2);

  // The limit counts listings, in change order.
  auto two = Feed(0, 2);
  ASSERT_EQ(two.size(), 2u);
  EXPECT_EQ(two[0].listing_id, c);
  EXPECT_EQ(two[1].listing_id, b);
  auto rest = Feed(two[1].seq, 2);
  ASSERT_EQ(rest.size(), 1u);
  EXPECT_EQ(rest[0].listing_id, a);
}

TEST_F(SqlNetTxTest, FeedChangesKeepDeletedListingsAndLeaveCopiesOut) {
  const int64_t org = AddOrg("Org");
  const int64_t user = AddUser("owner", org);
  const int64_t peer = Insert(APeer("kc1copies", "Copies"));
  const int64_t copy = AddListing(ACopy(org, user, peer, "7"));
  const int64_t own = AddListing(MakeListing(org, user, "own"));
  const int64_t gone = AddListing(MakeListing(org, user, "gone"));
  MustWrite([&](StoreTx& tx) { return tx.DeleteListing(gone); });
  const int64_t gone_seq = Touch(gone, "delete");
  Touch(copy);

  auto feed = Feed(0, 100);
  ASSERT_EQ(feed.size(), 2u);
  EXPECT_EQ(feed[0].listing_id, own);
  EXPECT_EQ(feed[1].listing_id, gone);
  EXPECT_EQ(feed[1].seq, gone_seq);
  for (const auto& ch : feed) EXPECT_NE(ch.listing_id, copy);
}

// The opt-out is a column of the organisation: shared by default, kept by UpdateOrg, and
// another organisation is untouched.
TEST_F(SqlNetTxTest, AnOrganisationSharesUntilItOptsOut) {
  const int64_t org = AddOrg("Org");
  const int64_t other = AddOrg("Other");
  MustWrite([&](StoreTx& tx) -> Status {
    auto o = tx.GetOrg(org);
    if (!o.ok()) return o.status();
    EXPECT_TRUE(o->shared_to_network) << "shared by default";
    EXPECT_EQ(o->peer_id, 0);
    o->shared_to_network = false;
    return tx.UpdateOrg(*o);
  });
  MustRead([&](StoreTx& tx) -> Status {
    auto o = tx.GetOrg(org);
    if (!o.ok()) return o.status();
    EXPECT_FALSE(o->shared_to_network);
    auto untouched = tx.GetOrg(other);
    if (!untouched.ok()) return untouched.status();
    EXPECT_TRUE(untouched->shared_to_network);
    return Status::Ok();
  });
}

TEST_F(SqlNetTxTest, CopiesAreFoundByPeerAndOriginIdAndListedByStatus) {
  const int64_t org = AddOrg("Org");
  const int64_t user = AddUser("owner", org);
  const int64_t tokyo = Insert(APeer("kc1tokyo", "Tokyo"));
  const int64_t seoul = Insert(APeer("kc1seoul", "Seoul"));
  const int64_t t1 = AddListing(ACopy(org, user, tokyo, "1"));
  const int64_t t2 = AddListing(ACopy(org, user, tokyo, "2"));
  Listing closed = ACopy(org, user, tokyo, "3");
  closed.status = ListingStatus::kClosed;
  const int64_t t3 = AddListing(closed);
  const int64_t s1 = AddListing(ACopy(org, user, seoul, "1"));
  Listing own = MakeListing(org, user, "own");
  own.status = ListingStatus::kPublished;
  AddListing(own);

  MustRead([&](StoreTx& tx) -> Status {
    auto f = tx.net().FindCopy(tokyo, "1");
    if (!f.ok()) return f.status();
    EXPECT_EQ(f->value_or(0), t1);
    f = tx.net().FindCopy(seoul, "1");
    if (!f.ok()) return f.status();
    EXPECT_EQ(f->value_or(0), s1);
    f = tx.net().FindCopy(seoul, "2");
    if (!f.ok()) return f.status();
    EXPECT_FALSE(f->has_value());
    f = tx.net().FindCopy(tokyo, "");
    if (!f.ok()) return f.status();
    EXPECT_FALSE(f->has_value()) << "an own listing (empty origin id) is no copy";
    f = tx.net().FindCopy(tokyo, "3");
    if (!f.ok()) return f.status();
    EXPECT_EQ(f->value_or(0), t3) << "a closed copy is still found";

    auto published = tx.net().CopiesOf(tokyo, ListingStatus::kPublished);
    if (!published.ok()) return published.status();
    EXPECT_EQ(*published, (std::vector<int64_t>{t1, t2}));
    auto closed_ids = tx.net().CopiesOf(tokyo, ListingStatus::kClosed);
    if (!closed_ids.ok()) return closed_ids.status();
    EXPECT_EQ(*closed_ids, (std::vector<int64_t>{t3}));
    auto of_seoul = tx.net().CopiesOf(seoul, ListingStatus::kPublished);
    if (!of_seoul.ok()) return of_seoul.status();
    EXPECT_EQ(*of_seoul, (std::vector<int64_t>{s1}));
    auto none = tx.net().CopiesOf(seoul + 1000, ListingStatus::kPublished);
    if (!none.ok()) return none.status();
    EXPECT_TRUE(none->empty());
    return Status::Ok();
  });
  // A peer's listing is copied once.
  Status twice = store_->Write(
      [&](StoreTx& tx) { return tx.InsertListing(ACopy(org, user, tokyo, "1")).status(); });
  EXPECT_FALSE(twice.ok());
}

TEST_F(SqlNetTxTest, ThePeersOrgIsMadeOnceAndTakesTheNodeIdWhenItsNameIsTaken) {
  AddOrg("Tokyo");  // a local organisation with the peer's name
  Peer tokyo = APeer("kc1tokyo", "Tokyo");
  tokyo.id = Insert(tokyo);
  Peer osaka = APeer("kc1osaka", "Osaka");
  osaka.country = "";
  osaka.id = Insert(osaka);
  int64_t tokyo_org = 0, osaka_org = 0;
  MustWrite([&](StoreTx& tx) -> Status {
    auto t = tx.net().PeerOrg(tokyo, 300);
    if (!t.ok()) return t.status();
    tokyo_org = *t;
    auto again = tx.net().PeerOrg(tokyo, 400);
    if (!again.ok()) return again.status();
    EXPECT_EQ(*again, tokyo_org);
    auto o = tx.net().PeerOrg(osaka, 300);
    if (!o.ok()) return o.status();
    osaka_org = *o;
    return Status::Ok();
  });
  EXPECT_NE(tokyo_org, osaka_org);
  MustRead([&](StoreTx& tx) -> Status {
    auto t = tx.GetOrg(tokyo_org);
    if (!t.ok()) return t.status();
    EXPECT_EQ(t->name, "Tokyo (kc1tokyo)");
    EXPECT_EQ(t->type, OrgType::kServiceAgency);
    EXPECT_EQ(t->country, "JP");
    EXPECT_EQ(t->website, tokyo.base_url);
    EXPECT_EQ(t->created_at, 300);
    EXPECT_EQ(t->peer_id, tokyo.id);
    auto o = tx.GetOrg(osaka_org);
    if (!o.ok()) return o.status();
    EXPECT_EQ(o->name, "Osaka");
    EXPECT_EQ(o->country, "CN") << "a peer without a country";
    return Status::Ok();
  });
  // In a later transaction too, and after the peer was renamed.
  tokyo.name = "Tokyo renamed";
  MustWrite([&](StoreTx& tx) -> Status {
    auto t = tx.net().PeerOrg(tokyo, 500);
    if (!t.ok()) return t.status();
    EXPECT_EQ(*t, tokyo_org);
    return Status::Ok();
  });
}

TEST_F(SqlNetTxTest, APeerOrgWhoseNameAndFallbackAreBothTakenIsAConflict) {
  AddOrg("Kyoto");
  AddOrg("Kyoto (kc1kyoto)");
  Peer kyoto = APeer("kc1kyoto", "Kyoto");
  kyoto.id = Insert(kyoto);
  MustWrite([&](StoreTx& tx) -> Status {
    auto r = tx.net().PeerOrg(kyoto, 300);
    EXPECT_FALSE(r.ok());
    EXPECT_EQ(r.status().code(), "org_exists");
    // The refusal leaves the transaction usable (on PostgreSQL too).
    return tx.net().SetPeerSync(kyoto.id, 1, 1, "");
  });
}

TEST_F(SqlNetTxTest, TheNetworkUserOwnsCopiesAndCannotSignIn) {
  MustWrite([&](StoreTx& tx) -> Status {
    auto id = tx.net().NetworkUserId();
    if (!id.ok()) return id.status();
    EXPECT_GT(*id, 0);
    auto again = tx.net().NetworkUserId();  // made once
    if (!again.ok()) return again.status();
    EXPECT_EQ(*again, *id);
    auto u = tx.GetUser(*id);
    if (!u.ok()) return u.status();
    EXPECT_EQ(u->username, "_network");
    EXPECT_TRUE(u->disabled);
    EXPECT_FALSE(u->org_id.has_value());
    EXPECT_EQ(u->role, Role::kMember);
    return Status::Ok();
  });
}

// Inquiries (docs/network.md §6): the organisations of partners' members, the deal of an
// inquiry, the outbox and the inbox.
TEST_F(SqlNetTxTest, APartnersMemberOrganisationIsMadeOncePerOriginIdApartFromThePeersOwn) {
  Peer tokyo = APeer("kc1tokyo", "Tokyo TLO");
  tokyo.id = Insert(tokyo);
  AddOrg("Osaka Labs");  // a local organisation has the name already
  MustWrite([&](StoreTx& tx) -> Status {
    auto peer_org = tx.net().PeerOrg(tokyo, 200);
    if (!peer_org.ok()) return peer_org.status();
    auto member = tx.net().RemoteOrg(tokyo, "7", "Osaka Labs", OrgType::kUniversity, "JP", 200);
    if (!member.ok()) return member.status();
    EXPECT_NE(*member, *peer_org);
    auto again = tx.net().RemoteOrg(tokyo, "7", "renamed", OrgType::kEnterprise, "JP", 300);
    if (!again.ok()) return again.status();
    EXPECT_EQ(*again, *member);
    auto other = tx.net().RemoteOrg(tokyo, "8", "Kobe Steel", OrgType::kEnterprise, "", 200);
    if (!other.ok()) return other.status();
    EXPECT_NE(*other, *member);
    auto o = tx.GetOrg(*member);
    if (!o.ok()) return o.status();
    EXPECT_EQ(o->name, "Osaka Labs (Tokyo TLO)");
    EXPECT_EQ(o->type, OrgType::kUniversity);
    EXPECT_EQ(o->country, "JP");
    EXPECT_EQ(o->peer_id, tokyo.id);
    auto peer_org_again = tx.net().PeerOrg(tokyo, 300);
    if (!peer_org_again.ok()) return peer_org_again.status();
    EXPECT_EQ(*peer_org_again, *peer_org);
    return Status::Ok();
  });
}

TEST_F(SqlNetTxTest, AnInquirysDealIsFoundByPeerAndReferenceAndIsUnique) {
  Peer tokyo = APeer("kc1tokyo", "Tokyo TLO");
  tokyo.id = Insert(tokyo);
  const int64_t a = AddOrg("甲"), b = AddOrg("乙");
  Deal d;
  d.title = "询价";
  d.buyer_org_id = a;
  d.seller_org_id = b;
  d.opened_by = AddUser("opener", a);
  d.peer_id = tokyo.id;
  d.peer_ref = "iq-1";
  MustWrite([&](StoreTx& tx) -> Status {
    auto id = tx.deals().InsertDeal(d);
    if (!id.ok()) return id.status();
    auto found = tx.net().FindPeerDeal(tokyo.id, "iq-1");
    if (!found.ok()) return found.status();
    EXPECT_EQ(*found, std::optional<int64_t>(*id));
    auto none = tx.net().FindPeerDeal(tokyo.id, "iq-2");
    if (!none.ok()) return none.status();
    EXPECT_FALSE(none->has_value());
    auto back = tx.deals().GetDeal(*id);
    if (!back.ok()) return back.status();
    EXPECT_EQ(back->peer_id, std::optional<int64_t>(tokyo.id));
    EXPECT_EQ(back->peer_ref, "iq-1");
    return Status::Ok();
  });
  Status twice = store_->Write([&](StoreTx& tx) { return tx.deals().InsertDeal(d).status(); });
  EXPECT_FALSE(twice.ok());
}

TEST_F(SqlNetTxTest, TheOutboxKeepsEachPeersMessagesInOrderAndCountsADealsDelivery) {
  Peer tokyo = APeer("kc1tokyo", "Tokyo TLO"), kyoto = APeer("kc1kyoto", "Kyoto");
  tokyo.id = Insert(tokyo);
  kyoto.id = Insert(kyoto);
  auto message = [](int64_t peer, const std::string& id, std::optional<int64_t> deal) {
    NetTx::OutboxMessage m;
    m.peer_id = peer;
    m.deal_id = deal;
    m.path = "/api/v1/net/inquiry-events";
    m.message_id = id;
    m.body = "{\"event\":{}}";
    m.created_at = m.next_at = 100;
    return m;
  };
  MustWrite([&](StoreTx& tx) -> Status {
    for (auto [peer, id] : {std::pair{kyoto.id, "k1"}, {tokyo.id, "t1"}, {kyoto.id, "k2"},
                            {tokyo.id, "t2"}}) {
      KC_RETURN_IF_ERROR(tx.net().Enqueue(message(peer, id, std::nullopt)));
    }
    auto again = tx.net().Enqueue(message(tokyo.id, "t1", std::nullopt));
    EXPECT_EQ(again.status().code(), "duplicate_message");
    auto pending = tx.net().PendingMessages(10);
    if (!pending.ok()) return pending.status();
    std::vector<std::string> order;
    for (const auto& m : *pending) order.push_back(m.message_id);
    EXPECT_EQ(order, (std::vector<std::string>{"t1", "t2", "k1", "k2"}));

    auto first = (*pending)[0];
    first.status = "delivered";
    first.attempts = 1;
    first.delivered_at = 150;
    KC_RETURN_IF_ERROR(tx.net().UpdateOutbox(first));
    auto rest = tx.net().PendingMessages(10);
    if (!rest.ok()) return rest.status();
    EXPECT_EQ(rest->size(), 3u);
    EXPECT_EQ(rest->front().message_id, "t2");
    return Status::Ok();
  });
  // A deal's delivery: what waits, what was refused, and the latest error.
  const int64_t a = AddOrg("甲"), b = AddOrg("乙");
  const int64_t opener = AddUser("opener", a);
  MustWrite([&](StoreTx& tx) -> Status {
    Deal d;
    d.title = "询价";
    d.buyer_org_id = a;
    d.seller_org_id = b;
    d.opened_by = opener;
    auto deal = tx.deals().InsertDeal(d);
    if (!deal.ok()) return deal.status();
    auto delivered = message(tokyo.id, "d1", *deal);
    delivered.status = "delivered";
    auto failed = message(tokyo.id, "d2", *deal);
    failed.status = "failed";
    failed.last_error = "404 unknown_listing: gone";
    auto waiting = message(tokyo.id, "d3", *deal);
    waiting.last_error = "connection refused";
    for (const auto& m : {delivered, failed, waiting}) KC_RETURN_IF_ERROR(tx.net().Enqueue(m));
    auto delivery = tx.net().DealDelivery(*deal);
    if (!delivery.ok()) return delivery.status();
    EXPECT_EQ(delivery->pending, 1);
    EXPECT_EQ(delivery->failed, 1);
    EXPECT_EQ(delivery->last_error, "connection refused");
    return Status::Ok();
  });
}

TEST_F(SqlNetTxTest, TheInboxTakesAMessageOnceAndTheTransactionGoesOn) {
  Peer tokyo = APeer("kc1tokyo", "Tokyo TLO"), kyoto = APeer("kc1kyoto", "Kyoto");
  tokyo.id = Insert(tokyo);
  kyoto.id = Insert(kyoto);
  MustWrite([&](StoreTx& tx) -> Status {
    auto unseen = tx.net().Received(tokyo.id, "ev-1");
    if (!unseen.ok()) return unseen.status();
    EXPECT_FALSE(unseen->has_value());
    KC_RETURN_IF_ERROR(tx.net().RecordReceived(tokyo.id, "ev-1", std::nullopt, 100));
    EXPECT_EQ(tx.net().RecordReceived(tokyo.id, "ev-1", std::nullopt, 101).code(),
              "duplicate_message");
    // The same id from another peer is another message.
    KC_RETURN_IF_ERROR(tx.net().RecordReceived(kyoto.id, "ev-1", std::nullopt, 102));
    auto seen = tx.net().Received(tokyo.id, "ev-1");
    if (!seen.ok()) return seen.status();
    EXPECT_TRUE(seen->has_value());
    return Status::Ok();
  });
}

}  // namespace
}  // namespace kc
