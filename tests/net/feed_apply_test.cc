// Applying a partner's feed page to a real store (docs/network.md §4): the copies it makes,
// rewrites and closes, the cursor committed with them, and idempotence.
#include "net/feed_apply.h"

#include <gtest/gtest.h>

#include "service/fixture.h"

namespace kc::net {
namespace {

class FeedApplyTest : public testing::ServiceTest {
 protected:
  void SetUp() override {
    MakeWorld();
    tokyo_ = AddPeer("kc1tokyo", "Tokyo TLO", "JP");
  }

  Peer AddPeer(const std::string& node_id, const std::string& name, const std::string& country) {
    Peer p;
    p.node_id = node_id;
    p.name = name;
    p.base_url = "http://" + node_id + ".test";
    p.public_key = std::string(43, 'A');
    p.fingerprint = std::string(64, 'a');
    p.country = country;
    p.status = PeerStatus::kActive;
    p.created_at = p.updated_at = clock_.Now();
    Status s = store().Write([&](StoreTx& tx) -> Status {
      auto id = tx.net().InsertPeer(p);
      if (!id.ok()) return id.status();
      p.id = *id;
      return Status::Ok();
    });
    EXPECT_TRUE(s.ok()) << s.message();
    return p;
  }

  FeedEntry Upsert(int64_t seq, const std::string& id, const std::string& title,
                   ListingKind kind = ListingKind::kAchievement) {
    FeedEntry e;
    e.seq = seq;
    e.id = id;
    e.listing.kind = kind;
    e.listing.title = title;
    e.listing.body = "abstract of " + title;
    e.listing.keywords = {"bearing", "diagnosis"};
    e.listing.category = "工学";
    e.listing.discipline = "机械工程";
    e.listing.region = "";
    e.listing.maturity = 6;
    e.listing.transfer_modes = {"license"};
    e.listing.inventors = {"Sato"};
    e.listing.updated_at = testing::kT0 - 1000;
    e.listing.origin_url = tokyo_.base_url + "/achievements/" + id;
    e.listing.origin_org_name = "University of Tokyo";
    e.country = "JP";
    e.language = "en";
    return e;
  }
  static FeedEntry Tombstone(int64_t seq, const std::string& id) {
    FeedEntry e;
    e.seq = seq;
    e.id = id;
    e.deleted = true;
    return e;
  }
  FeedPage PageOf(std::vector<FeedEntry> entries, int64_t next) {
    FeedPage p;
    p.node_id = tokyo_.node_id;
    p.entries = std::move(entries);
    p.next = next;
    return p;
  }

  Result<FeedApplied> Apply(const FeedPage& page, const Peer* peer = nullptr) {
    Result<FeedApplied> out = Internal("not applied");
    Status s = store().Write([&](StoreTx& tx) -> Status {
      out = ApplyFeedPage(tx, peer ? *peer : tokyo_, page, clock_.Now());
      return out.ok() ? Status::Ok() : out.status();
    });
    EXPECT_TRUE(s.ok()) << s.code() << ": " << s.message();
    return out;
  }

  Peer Reload(const Peer& p) {
    Peer out;
    Status s = store().Read([&](StoreTx& tx) -> Status {
      auto got = tx.net().GetPeer(p.id);
      if (!got.ok()) return got.status();
      out = *got;
      return Status::Ok();
    });
    EXPECT_TRUE(s.ok()) << s.message();
    return out;
  }

  // The copies of `peer`, oldest first.
  std::vector<Listing> Copies(const Peer& peer) {
    std::vector<Listing> out;
    for (auto& l : AllListings()) {
      if (l.origin_peer_id == peer.id) out.push_back(l);
    }
    return out;
  }

  Org GetOrg(int64_t id) {
    Org out;
    Status s = store().Read([&](StoreTx& tx) -> Status {
      auto o = tx.GetOrg(id);
      if (!o.ok()) return o.status();
      out = *o;
      return Status::Ok();
    });
    EXPECT_TRUE(s.ok()) << s.message();
    return out;
  }

  Peer tokyo_;
};

TEST_F(FeedApplyTest, AnUpsertMakesAPublishedCopyOwnedByTheNetworkInThePeersOrg) {
  auto done = Apply(PageOf({Upsert(41, "1207", "Bearing fault diagnosis")}, 41));
  ASSERT_TRUE(done.ok());
  EXPECT_EQ(done->upserted, 1);
  EXPECT_EQ(done->closed, 0);

  auto copies = Copies(tokyo_);
  ASSERT_EQ(copies.size(), 1u);
  const Listing& c = copies[0];
  EXPECT_EQ(c.status, ListingStatus::kPublished);
  EXPECT_EQ(c.visibility, Visibility::kPublic);
  EXPECT_FALSE(c.shared) << "a copy is never offered onwards";
  EXPECT_EQ(c.origin_id, "1207");
  EXPECT_EQ(c.origin_url, "http://kc1tokyo.test/achievements/1207");
  EXPECT_EQ(c.origin_org_name, "University of Tokyo");
  EXPECT_EQ(c.kind, ListingKind::kAchievement);
  EXPECT_EQ(c.title, "Bearing fault diagnosis");
  EXPECT_EQ(c.body, "abstract of Bearing fault diagnosis");
  EXPECT_EQ(c.keywords, (std::vector<std::string>{"bearing", "diagnosis"}));
  EXPECT_EQ(c.maturity, 6);
  EXPECT_EQ(c.transfer_modes, (std::vector<std::string>{"license"}));
  EXPECT_EQ(c.inventors, (std::vector<std::string>{"Sato"}));
  EXPECT_EQ(c.updated_at, testing::kT0 - 1000) << "as on the origin";
  EXPECT_EQ(c.published_at, clock_.Now());
  EXPECT_EQ(c.created_at, clock_.Now());
  EXPECT_TRUE(c.contact.empty());

  User owner;
  Status s = store().Read([&](StoreTx& tx) -> Status {
    auto u = tx.GetUser(c.owner_id);
    if (!u.ok()) return u.status();
    owner = *u;
    return Status::Ok();
  });
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_EQ(owner.username, "_network");
  EXPECT_TRUE(owner.disabled);

  const Org org = GetOrg(c.org_id);
  EXPECT_EQ(org.name, "Tokyo TLO");
  EXPECT_EQ(org.type, OrgType::kServiceAgency);
  EXPECT_EQ(org.country, "JP");
  EXPECT_EQ(org.peer_id, tokyo_.id);
  for (const Org* local : {&org_platform_, &org_a_, &org_b_}) EXPECT_NE(c.org_id, local->id);
}

TEST_F(FeedApplyTest, EachPeerHasItsOwnOrgAndCopiesOfOnePeerShareIt) {
  Peer seoul = AddPeer("kc1seoul", "Seoul TLO", "KR");
  ASSERT_TRUE(Apply(PageOf({Upsert(1, "1", "A"), Upsert(2, "2", "B")}, 2)).ok());
  FeedPage seoul_page = PageOf({Upsert(1, "1", "C")}, 1);
  seoul_page.entries[0].listing.origin_url = seoul.base_url + "/achievements/1";
  ASSERT_TRUE(Apply(seoul_page, &seoul).ok());

  auto t = Copies(tokyo_);
  auto k = Copies(seoul);
  ASSERT_EQ(t.size(), 2u);
  ASSERT_EQ(k.size(), 1u);
  EXPECT_EQ(t[0].org_id, t[1].org_id);
  EXPECT_NE(t[0].org_id, k[0].org_id);
  EXPECT_EQ(GetOrg(k[0].org_id).name, "Seoul TLO");
  EXPECT_EQ(GetOrg(k[0].org_id).country, "KR");
  // The same origin id on two peers is two listings.
  EXPECT_EQ(t[0].origin_id, k[0].origin_id);
  EXPECT_NE(t[0].id, k[0].id);
}

TEST_F(FeedApplyTest, ThePeersOrgNameFallsBackToNameAndNodeIdWhenTaken) {
  Peer clash = AddPeer("kc1clash", "甲公司", "CN");  // a local organisation's name
  FeedPage page = PageOf({Upsert(1, "1", "A")}, 1);
  page.entries[0].listing.origin_url = clash.base_url + "/achievements/1";
  ASSERT_TRUE(Apply(page, &clash).ok());
  auto copies = Copies(clash);
  ASSERT_EQ(copies.size(), 1u);
  EXPECT_NE(copies[0].org_id, org_a_.id);
  EXPECT_EQ(GetOrg(copies[0].org_id).name, "甲公司 (kc1clash)");
}

TEST_F(FeedApplyTest, ApplyingTheSamePageTwiceGivesTheSameRows) {
  const FeedPage page =
      PageOf({Upsert(1, "1", "A"), Upsert(2, "2", "B"), Tombstone(3, "3"), Upsert(4, "4", "D")}, 4);
  ASSERT_TRUE(Apply(page).ok());
  const auto first = Copies(tokyo_);
  ASSERT_EQ(first.size(), 3u);
  clock_.Advance(3600);
  auto again = Apply(page);
  ASSERT_TRUE(again.ok());
  const auto second = Copies(tokyo_);
  ASSERT_EQ(second.size(), first.size());
  for (size_t i = 0; i < first.size(); ++i) {
    EXPECT_EQ(second[i].id, first[i].id);
    EXPECT_EQ(second[i].origin_id, first[i].origin_id);
    EXPECT_EQ(second[i].title, first[i].title);
    EXPECT_EQ(second[i].status, ListingStatus::kPublished);
    EXPECT_EQ(second[i].org_id, first[i].org_id);
    EXPECT_EQ(second[i].published_at, first[i].published_at) << "first published stays";
  }
  EXPECT_EQ(Reload(tokyo_).feed_cursor, 4);
}

TEST_F(FeedApplyTest, AnUpsertRewritesTheCopy) {
  ASSERT_TRUE(Apply(PageOf({Upsert(1, "1207", "Old title")}, 1)).ok());
  const auto before = Copies(tokyo_);
  ASSERT_EQ(before.size(), 1u);

  FeedEntry changed = Upsert(5, "1207", "New title", ListingKind::kDemand);
  changed.listing.maturity.reset();
  changed.listing.transfer_modes.clear();
  changed.listing.inventors.clear();
  changed.listing.keywords = {"new"};
  changed.listing.cooperation_modes = {"consulting"};
  changed.listing.origin_url = tokyo_.base_url + "/demands/1207";
  changed.listing.origin_org_name = "Tokyo Metropolitan";
  changed.listing.updated_at = testing::kT0 + 10;
  clock_.Advance(60);
  auto done = Apply(PageOf({changed}, 5));
  ASSERT_TRUE(done.ok());
  EXPECT_EQ(done->upserted, 1);

  const auto after = Copies(tokyo_);
  ASSERT_EQ(after.size(), 1u);
  const Listing& c = after[0];
  EXPECT_EQ(c.id, before[0].id);
  EXPECT_EQ(c.title, "New title");
  EXPECT_EQ(c.kind, ListingKind::kDemand);
  EXPECT_EQ(c.keywords, (std::vector<std::string>{"new"}));
  EXPECT_EQ(c.cooperation_modes, (std::vector<std::string>{"consulting"}));
  EXPECT_FALSE(c.maturity.has_value());
  EXPECT_TRUE(c.transfer_modes.empty());
  EXPECT_TRUE(c.inventors.empty());
  EXPECT_EQ(c.origin_url, "http://kc1tokyo.test/demands/1207");
  EXPECT_EQ(c.origin_org_name, "Tokyo Metropolitan");
  EXPECT_EQ(c.updated_at, testing::kT0 + 10);
  EXPECT_EQ(c.published_at, before[0].published_at);
  EXPECT_EQ(c.owner_id, before[0].owner_id);
  EXPECT_EQ(c.org_id, before[0].org_id);
}

TEST_F(FeedApplyTest, ATombstoneClosesTheCopyAndAnUpsertBringsItBack) {
  ASSERT_TRUE(Apply(PageOf({Upsert(1, "1", "A"), Upsert(2, "2", "B")}, 2)).ok());
  clock_.Advance(60);
  auto done = Apply(PageOf({Tombstone(3, "1"), Tombstone(4, "999")}, 4));
  ASSERT_TRUE(done.ok());
  EXPECT_EQ(done->closed, 1) << "an unknown listing's tombstone is nothing to close";
  EXPECT_EQ(done->upserted, 0);
  auto copies = Copies(tokyo_);
  ASSERT_EQ(copies.size(), 2u) << "a tombstone for an unknown id makes no row";
  EXPECT_EQ(copies[0].status, ListingStatus::kClosed);
  EXPECT_EQ(copies[0].updated_at, clock_.Now());
  EXPECT_EQ(copies[1].status, ListingStatus::kPublished);

  // Closing twice closes nothing more.
  auto twice = Apply(PageOf({Tombstone(5, "1")}, 5));
  ASSERT_TRUE(twice.ok());
  EXPECT_EQ(twice->closed, 0);

  auto back = Apply(PageOf({Upsert(6, "1", "A again")}, 6));
  ASSERT_TRUE(back.ok());
  copies = Copies(tokyo_);
  ASSERT_EQ(copies.size(), 2u);
  EXPECT_EQ(copies[0].status, ListingStatus::kPublished);
  EXPECT_EQ(copies[0].title, "A again");
}

TEST_F(FeedApplyTest, TheCursorMovesToNextInTheSameTransaction) {
  EXPECT_EQ(Reload(tokyo_).feed_cursor, 0);
  ASSERT_TRUE(Apply(PageOf({Upsert(7, "1", "A")}, 7)).ok());
  Peer p = Reload(tokyo_);
  EXPECT_EQ(p.feed_cursor, 7);
  EXPECT_EQ(p.synced_at, clock_.Now());
  EXPECT_EQ(p.sync_error, "");
  // An empty page still records the pull.
  clock_.Advance(60);
  ASSERT_TRUE(Apply(PageOf({}, 7)).ok());
  EXPECT_EQ(Reload(tokyo_).synced_at, clock_.Now());

  // A transaction that fails after applying leaves neither the copies nor the cursor.
  Status s = store().Write([&](StoreTx& tx) -> Status {
    auto done = ApplyFeedPage(tx, tokyo_, PageOf({Upsert(9, "2", "B")}, 9), clock_.Now());
    if (!done.ok()) return done.status();
    return Internal("crash after applying");
  });
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(Reload(tokyo_).feed_cursor, 7);
  EXPECT_EQ(Copies(tokyo_).size(), 1u);
}

TEST_F(FeedApplyTest, EachAppliedChangeIsInTheChangeLog) {
  const size_t before = Changes().size();
  ASSERT_TRUE(Apply(PageOf({Upsert(1, "1", "A"), Upsert(2, "2", "B")}, 2)).ok());
  ASSERT_TRUE(
      Apply(PageOf({Tombstone(3, "1"), Tombstone(4, "404"), Upsert(5, "2", "B2")}, 5)).ok());
  auto copies = Copies(tokyo_);
  ASSERT_EQ(copies.size(), 2u);
  std::vector<int64_t> logged;
  auto all = Changes();
  for (size_t i = before; i < all.size(); ++i) {
    EXPECT_EQ(all[i].entity, "listing");
    EXPECT_EQ(all[i].op, "upsert");
    logged.push_back(all[i].entity_id);
  }
  // Two inserts, then the close of 1 and the rewrite of 2; the unknown tombstone logs nothing.
  EXPECT_EQ(logged, (std::vector<int64_t>{copies[0].id, copies[1].id, copies[0].id, copies[1].id}));
}

TEST_F(FeedApplyTest, CloseCopiesClosesEveryPublishedCopyAndResetsTheCursor) {
  Peer seoul = AddPeer("kc1seoul", "Seoul TLO", "KR");
  ASSERT_TRUE(
      Apply(PageOf({Upsert(1, "1", "A"), Upsert(2, "2", "B"), Upsert(3, "3", "C")}, 3)).ok());
  ASSERT_TRUE(Apply(PageOf({Tombstone(4, "3")}, 4)).ok());
  FeedPage seoul_page = PageOf({Upsert(1, "1", "K")}, 1);
  ASSERT_TRUE(Apply(seoul_page, &seoul).ok());
  ASSERT_EQ(Reload(tokyo_).feed_cursor, 4);
  const size_t changes_before = Changes().size();

  clock_.Advance(60);
  Result<int64_t> closed = Internal("not run");
  Status s = store().Write([&](StoreTx& tx) -> Status {
    closed = CloseCopies(tx, Reload(tokyo_), clock_.Now());
    return closed.status();
  });
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_EQ(*closed, 2) << "the already closed copy is not counted";
  for (const auto& c : Copies(tokyo_)) {
    EXPECT_EQ(c.status, ListingStatus::kClosed) << c.origin_id;
  }
  EXPECT_EQ(Copies(seoul)[0].status, ListingStatus::kPublished) << "another peer's copy stays";
  EXPECT_EQ(Reload(tokyo_).feed_cursor, 0);
  EXPECT_EQ(Reload(seoul).feed_cursor, 1);
  EXPECT_EQ(Changes().size(), changes_before + 2);

  // A resumed peer's next pull from 0 brings the copies back as the same rows.
  const auto ids_before = Copies(tokyo_);
  ASSERT_TRUE(Apply(PageOf({Upsert(2, "1", "A"), Upsert(5, "2", "B")}, 5)).ok());
  const auto ids_after = Copies(tokyo_);
  ASSERT_EQ(ids_after.size(), 3u);
  EXPECT_EQ(ids_after[0].id, ids_before[0].id);
  EXPECT_EQ(ids_after[0].status, ListingStatus::kPublished);
  EXPECT_EQ(ids_after[1].status, ListingStatus::kPublished);
  EXPECT_EQ(ids_after[2].status, ListingStatus::kClosed);
}

// A copy is a listing like any other to search and lists: a published one is listed.
TEST_F(FeedApplyTest, ACopyIsListedAmongPublishedListings) {
  ASSERT_TRUE(Apply(PageOf({Upsert(1, "1", "Bearing fault diagnosis")}, 1)).ok());
  Page<Listing> page;
  Status s = store().Read([&](StoreTx& tx) -> Status {
    ListingQuery q;
    q.statuses = {ListingStatus::kPublished};
    auto r = tx.ListListings(q);
    if (!r.ok()) return r.status();
    page = *r;
    return Status::Ok();
  });
  ASSERT_TRUE(s.ok()) << s.message();
  ASSERT_EQ(page.items.size(), 1u);
  EXPECT_EQ(page.items[0].origin_peer_id, tokyo_.id);
}

}  // namespace
}  // namespace kc::net
