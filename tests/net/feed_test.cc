// The listing feed (docs/network.md §4) on a real store: which of this node's listings a partner
// sees, paging by cursor, the wire form, and the reading of a partner's page as an attacker
// might write it.
#include "net/feed.h"

#include <gtest/gtest.h>

#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "service/fixture.h"
#include "service/orgs.h"

namespace kc::net {
namespace {

using nlohmann::json;

constexpr char kNode[] = "kc1ownnodeaaaaaaaaaaaaaaaaaaaaaaa";
constexpr char kBase[] = "http://own.test";

class FeedTest : public testing::ServiceTest {
 protected:
  void SetUp() override { MakeWorld(); }

  // A published public demand of organisation A, as the service would store it.
  Listing Published(const std::string& title, ListingKind kind = ListingKind::kDemand) {
    Listing l = kind == ListingKind::kAchievement ? testing::AchievementDraft(title)
                                                  : testing::DemandDraft(title);
    l.kind = kind;
    if (kind == ListingKind::kExpert) {
      l.rank = "教授";
      l.affiliation = "乙大学";
      l.disciplines = {"机械工程"};
    }
    l.org_id = org_a_.id;
    l.owner_id = a_member_.id;
    l.status = ListingStatus::kPublished;
    l.created_at = l.updated_at = l.published_at = clock_.Now();
    return l;
  }

  // Inserts `l` and logs the change in one transaction, as the listing service does.
  int64_t Put(Listing l) {
    int64_t id = 0;
    Status s = store().Write([&](StoreTx& tx) -> Status {
      auto r = tx.InsertListing(l);
      if (!r.ok()) return r.status();
      id = *r;
      return tx.AppendChange(Change{0, "listing", id, "upsert", clock_.Now()}).status();
    });
    EXPECT_TRUE(s.ok()) << s.message();
    return id;
  }

  // Changes the stored listing with `fn` and logs the change.
  void Edit(int64_t id, const std::function<void(Listing&)>& fn) {
    Status s = store().Write([&](StoreTx& tx) -> Status {
      auto l = tx.GetListing(id);
      if (!l.ok()) return l.status();
      fn(*l);
      l->updated_at = clock_.Now();
      KC_RETURN_IF_ERROR(tx.UpdateListing(*l));
      return tx.AppendChange(Change{0, "listing", id, "upsert", clock_.Now()}).status();
    });
    EXPECT_TRUE(s.ok()) << s.message();
  }

  void Delete(int64_t id) {
    Status s = store().Write([&](StoreTx& tx) -> Status {
      KC_RETURN_IF_ERROR(tx.DeleteListing(id));
      return tx.AppendChange(Change{0, "listing", id, "delete", clock_.Now()}).status();
    });
    EXPECT_TRUE(s.ok()) << s.message();
  }

  // A peer in the directory (for copies, whose origin_peer_id must name one).
  int64_t AddPeer(const std::string& node_id) {
    int64_t id = 0;
    Status s = store().Write([&](StoreTx& tx) -> Status {
      Peer p;
      p.node_id = node_id;
      p.name = "Peer " + node_id;
      p.base_url = "http://" + node_id + ".test";
      p.public_key = std::string(43, 'A');
      p.fingerprint = std::string(64, 'a');
      p.country = "JP";
      p.status = PeerStatus::kActive;
      auto r = tx.net().InsertPeer(p);
      if (!r.ok()) return r.status();
      id = *r;
      return Status::Ok();
    });
    EXPECT_TRUE(s.ok()) << s.message();
    return id;
  }

  Result<FeedPage> Read(int64_t after, int64_t limit = kDefaultFeedLimit) {
    Result<FeedPage> out = Internal("not read");
    Status s = store().Read([&](StoreTx& tx) -> Status {
      out = ReadFeed(tx, kNode, kBase, after, limit);
      return Status::Ok();
    });
    EXPECT_TRUE(s.ok()) << s.message();
    return out;
  }

  // The page's entries by listing id.
  static std::map<std::string, FeedEntry> ById(const FeedPage& page) {
    std::map<std::string, FeedEntry> out;
    for (const auto& e : page.entries) {
      EXPECT_TRUE(out.emplace(e.id, e).second) << "listing " << e.id << " twice";
    }
    return out;
  }

  int64_t LastSeq() {
    int64_t seq = 0;
    Status s = store().Read([&](StoreTx& tx) -> Status {
      auto r = tx.LastChangeSeq();
      if (!r.ok()) return r.status();
      seq = *r;
      return Status::Ok();
    });
    EXPECT_TRUE(s.ok());
    return seq;
  }
};

TEST_F(FeedTest, OnlyPublishedPublicSharedOwnListingsAreUpsertsTheRestTombstones) {
  const int64_t demand = Put(Published("锂电池极片缺陷在线检测"));
  const int64_t achievement = Put(Published("Bearing fault diagnosis", ListingKind::kAchievement));
  const int64_t expert = Put(Published("王教授", ListingKind::kExpert));
  Listing l = Published("草稿");
  l.status = ListingStatus::kDraft;
  const int64_t draft = Put(l);
  l = Published("待审");
  l.status = ListingStatus::kPending;
  const int64_t pending = Put(l);
  l = Published("会员可见");
  l.visibility = Visibility::kMembers;
  const int64_t members = Put(l);
  l = Published("不共享");
  l.shared = false;
  const int64_t opted_out = Put(l);
  l = Published("演示数据");
  l.demo = true;
  const int64_t demo = Put(l);
  l = Published("已关闭");
  l.status = ListingStatus::kClosed;
  const int64_t closed = Put(l);
  l = Published("已过期");
  l.status = ListingStatus::kExpired;
  const int64_t expired = Put(l);
  const int64_t deleted = Put(Published("将被删除"));
  Delete(deleted);

  auto page = Read(0, kMaxFeedLimit);
  ASSERT_TRUE(page.ok()) << page.status().message();
  EXPECT_EQ(page->node_id, kNode);
  EXPECT_FALSE(page->more);
  EXPECT_EQ(page->next, LastSeq());
  auto by_id = ById(*page);
  ASSERT_EQ(by_id.size(), 11u);
  for (int64_t id : {demand, achievement, expert}) {
    EXPECT_FALSE(by_id[std::to_string(id)].deleted) << id;
  }
  for (int64_t id : {draft, pending, members, opted_out, demo, closed, expired, deleted}) {
    const FeedEntry& e = by_id[std::to_string(id)];
    EXPECT_TRUE(e.deleted) << id;
    EXPECT_TRUE(e.listing.title.empty()) << "a tombstone carries nothing of listing " << id;
    EXPECT_TRUE(e.listing.body.empty()) << id;
  }

  const FeedEntry& d = by_id[std::to_string(demand)];
  EXPECT_EQ(d.listing.kind, ListingKind::kDemand);
  EXPECT_EQ(d.listing.title, "锂电池极片缺陷在线检测");
  EXPECT_EQ(d.listing.origin_url, std::string(kBase) + "/demands/" + std::to_string(demand));
  EXPECT_EQ(d.listing.origin_org_name, "甲公司");
  EXPECT_EQ(d.country, "CN");
  EXPECT_EQ(d.language, "zh-CN");
  const FeedEntry& a = by_id[std::to_string(achievement)];
  EXPECT_EQ(a.listing.kind, ListingKind::kAchievement);
  EXPECT_EQ(a.listing.origin_url,
            std::string(kBase) + "/achievements/" + std::to_string(achievement));
  // The title is English; the body (Chinese) decides from its start.
  EXPECT_EQ(a.language, "zh-CN");
  const FeedEntry& x = by_id[std::to_string(expert)];
  EXPECT_EQ(x.listing.kind, ListingKind::kExpert);
  EXPECT_EQ(x.listing.origin_url, std::string(kBase) + "/experts/" + std::to_string(expert));

  // The wire form of a tombstone names the listing and nothing else: no kind, no fields.
  json wire = json::parse(FeedPageJson(*page));
  for (const auto& e : wire["entries"]) {
    if (e["op"] == "delete") {
      EXPECT_EQ(e.size(), 3u) << e.dump();
      EXPECT_FALSE(e.contains("kind")) << e.dump();
      EXPECT_FALSE(e.contains("listing")) << e.dump();
    } else {
      EXPECT_EQ(e["op"], "upsert");
      EXPECT_TRUE(e.contains("kind"));
      // Members-only details never leave the node.
      EXPECT_FALSE(e["listing"].contains("contact")) << e.dump();
      EXPECT_EQ(e["listing"].dump().find("zhang@example.com"), std::string::npos);
    }
  }
}

TEST_F(FeedTest, AnEnglishListingIsMarkedEnglish) {
  Listing l = Published("Low-cost defect inspection");
  l.body = "Looking for an inline inspection method for electrode sheets.";
  const int64_t id = Put(l);
  auto page = Read(0);
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->entries.size(), 1u);
  EXPECT_EQ(page->entries[0].id, std::to_string(id));
  EXPECT_EQ(page->entries[0].language, "en");
}

TEST_F(FeedTest, AnOrganisationThatOptsOutTurnsItsListingsIntoTombstones) {
  const int64_t a = Put(Published("甲的需求"));
  Listing of_b = Published("乙的需求");
  of_b.org_id = org_b_.id;
  of_b.owner_id = b_member_.id;
  const int64_t b = Put(of_b);
  Status s = store().Write([&](StoreTx& tx) -> Status {
    auto o = tx.GetOrg(org_a_.id);
    if (!o.ok()) return o.status();
    o->shared_to_network = false;
    return tx.UpdateOrg(*o);
  });
  ASSERT_TRUE(s.ok()) << s.message();

  auto page = Read(0);
  ASSERT_TRUE(page.ok());
  auto by_id = ById(*page);
  ASSERT_EQ(by_id.size(), 2u);
  EXPECT_TRUE(by_id[std::to_string(a)].deleted);
  EXPECT_FALSE(by_id[std::to_string(b)].deleted);
  EXPECT_EQ(by_id[std::to_string(b)].listing.origin_org_name, "乙大学");
}

// Only the latest change of a listing is kept (§4): the page skips the earlier number.
TEST_F(FeedTest, AListingChangedTwiceAppearsOnceAtItsLatestSeq) {
  const int64_t id = Put(Published("初版标题"));
  const int64_t other = Put(Published("另一个需求"));
  const int64_t first_seq = LastSeq() - 1;
  clock_.Advance(60);
  Edit(id, [](Listing& l) { l.title = "第二版标题"; });
  Edit(id, [](Listing& l) { l.title = "第三版标题"; });
  const int64_t latest = LastSeq();

  auto page = Read(0);
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->entries.size(), 2u);
  EXPECT_EQ(page->entries[0].id, std::to_string(other));
  EXPECT_EQ(page->entries[1].id, std::to_string(id));
  EXPECT_EQ(page->entries[1].seq, latest);
  EXPECT_EQ(page->entries[1].listing.title, "第三版标题");
  EXPECT_EQ(page->entries[1].listing.updated_at, testing::kT0 + 60);
  EXPECT_EQ(page->next, latest);

  // A reader past the first change still gets the latest; one past the latest gets nothing.
  auto later = Read(first_seq);
  ASSERT_TRUE(later.ok());
  EXPECT_EQ(later->entries.size(), 2u);
  auto none = Read(latest);
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->entries.empty());
  EXPECT_EQ(none->next, latest);  // an empty page gives back the cursor it was given
  EXPECT_FALSE(none->more);
}

TEST_F(FeedTest, AListingThatLeavesTheFeedBecomesATombstoneAtItsNewSeq) {
  const int64_t id = Put(Published("将被关闭"));
  auto before = Read(0);
  ASSERT_TRUE(before.ok());
  ASSERT_EQ(before->entries.size(), 1u);
  EXPECT_FALSE(before->entries[0].deleted);

  Edit(id, [](Listing& l) { l.status = ListingStatus::kClosed; });
  auto after = Read(before->next);
  ASSERT_TRUE(after.ok());
  ASSERT_EQ(after->entries.size(), 1u);
  EXPECT_TRUE(after->entries[0].deleted);
  EXPECT_EQ(after->entries[0].id, std::to_string(id));
  EXPECT_GT(after->entries[0].seq, before->next);

  // Republished, it comes back as an upsert; then opted out by its owner, a tombstone again.
  Edit(id, [](Listing& l) { l.status = ListingStatus::kPublished; });
  auto back = Read(after->next);
  ASSERT_TRUE(back.ok());
  ASSERT_EQ(back->entries.size(), 1u);
  EXPECT_FALSE(back->entries[0].deleted);
  Edit(id, [](Listing& l) { l.shared = false; });
  auto out = Read(back->next);
  ASSERT_TRUE(out.ok());
  ASSERT_EQ(out->entries.size(), 1u);
  EXPECT_TRUE(out->entries[0].deleted);
}

// §4: a node never relays listings it received from peers, not even as tombstones.
TEST_F(FeedTest, CopiesOfPartnersListingsNeverAppear) {
  const int64_t peer = AddPeer("kc1tokyo");
  Listing copy = Published("東京の成果", ListingKind::kAchievement);
  copy.origin_peer_id = peer;
  copy.origin_id = "77";
  copy.origin_url = "http://kc1tokyo.test/achievements/77";
  copy.shared = true;  // even if a copy were marked shared
  const int64_t copy_id = Put(copy);
  const int64_t own = Put(Published("本地需求"));
  Edit(copy_id, [](Listing& l) { l.status = ListingStatus::kClosed; });

  auto page = Read(0);
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->entries.size(), 1u);
  EXPECT_EQ(page->entries[0].id, std::to_string(own));
  EXPECT_EQ(page->next, page->entries[0].seq);
  // A page that would hold only the copy's change is empty, its cursor unchanged.
  auto tail = Read(page->next);
  ASSERT_TRUE(tail.ok());
  EXPECT_TRUE(tail->entries.empty());
  EXPECT_EQ(tail->next, page->next);
}

TEST_F(FeedTest, PagingByNextReachesEveryEntryExactlyOnce) {
  std::set<std::string> expected;
  std::vector<int64_t> ids;
  for (int i = 0; i < 23; ++i) {
    Listing l = Published("需求 " + std::to_string(i));
    if (i % 5 == 0) l.status = ListingStatus::kDraft;  // tombstones page like upserts
    ids.push_back(Put(l));
    expected.insert(std::to_string(ids.back()));
  }
  // Some listings change again, moving to the end.
  for (size_t i : {3, 4, 10}) Edit(ids[i], [](Listing& l) { l.title += "!"; });

  std::set<std::string> seen;
  int64_t cursor = 0, last_seq = 0;
  int pages = 0;
  for (bool more = true; more; ++pages) {
    ASSERT_LT(pages, 20) << "paging does not end";
    auto page = Read(cursor, 5);
    ASSERT_TRUE(page.ok()) << page.status().message();
    EXPECT_LE(page->entries.size(), 5u);
    for (const auto& e : page->entries) {
      EXPECT_GT(e.seq, last_seq) << "out of order";
      last_seq = e.seq;
      EXPECT_TRUE(seen.insert(e.id).second) << "listing " << e.id << " twice";
    }
    if (!page->entries.empty()) {
      EXPECT_EQ(page->next, page->entries.back().seq);
    }
    cursor = page->next;
    more = page->more;
  }
  EXPECT_EQ(seen, expected);
  EXPECT_EQ(pages, 5);  // 23 entries by 5: the last page knows nothing follows
  EXPECT_EQ(cursor, LastSeq());
}

TEST_F(FeedTest, MoreIsFalseWhenThePageEndsExactlyAtTheLastEntry) {
  for (int i = 0; i < 4; ++i) Put(Published("需求 " + std::to_string(i)));
  auto page = Read(0, 4);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->entries.size(), 4u);
  EXPECT_FALSE(page->more);
  auto short_page = Read(0, 3);
  ASSERT_TRUE(short_page.ok());
  EXPECT_EQ(short_page->entries.size(), 3u);
  EXPECT_TRUE(short_page->more);
}

TEST_F(FeedTest, TheLimitIsFromOneTo500AndTheCursorNotNegative) {
  Put(Published("需求"));
  for (int64_t bad : {int64_t{0}, int64_t{-1}, kMaxFeedLimit + 1}) {
    auto r = Read(0, bad);
    EXPECT_EQ(r.status().code(), "invalid_limit") << bad;
    EXPECT_EQ(r.status().kind(), ErrorKind::kInvalid) << bad;
  }
  EXPECT_TRUE(Read(0, 1).ok());
  EXPECT_TRUE(Read(0, kMaxFeedLimit).ok());
  EXPECT_EQ(Read(-1, 10).status().code(), "invalid_cursor");
}

TEST_F(FeedTest, FeedSourceReadsInATransactionOfItsOwn) {
  const int64_t id = Put(Published("需求"));
  FeedSource source(store(), kNode, kBase);
  auto page = source.Page(0, 10);
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->entries.size(), 1u);
  EXPECT_EQ(page->entries[0].id, std::to_string(id));
  EXPECT_EQ(source.Page(0, 0).status().code(), "invalid_limit");
}

TEST_F(FeedTest, APageSurvivesTheWireUnchanged) {
  Listing d = Published("锂电池极片缺陷在线检测");
  d.cooperation_modes = {"joint_development", "consulting"};
  const int64_t demand = Put(d);
  Listing a = Published("Bearing fault diagnosis", ListingKind::kAchievement);
  a.transfer_modes = {"license"};
  a.inventors = {"李四", "王五"};
  const int64_t achievement = Put(a);
  const int64_t expert = Put(Published("王教授", ListingKind::kExpert));
  Listing draft = Published("草稿");
  draft.status = ListingStatus::kDraft;
  const int64_t tomb = Put(draft);

  auto page = Read(0);
  ASSERT_TRUE(page.ok());
  const std::string wire = FeedPageJson(*page);
  auto back = ParseFeedPage(wire, kNode, kBase, 0);
  ASSERT_TRUE(back.ok()) << back.status().message() << "\n" << wire;
  EXPECT_EQ(back->node_id, kNode);
  EXPECT_EQ(back->next, page->next);
  EXPECT_EQ(back->more, page->more);
  ASSERT_EQ(back->entries.size(), page->entries.size());
  for (size_t i = 0; i < back->entries.size(); ++i) {
    const FeedEntry& got = back->entries[i];
    const FeedEntry& sent = page->entries[i];
    SCOPED_TRACE("entry " + sent.id);
    EXPECT_EQ(got.seq, sent.seq);
    EXPECT_EQ(got.id, sent.id);
    EXPECT_EQ(got.deleted, sent.deleted);
    if (sent.deleted) continue;
    EXPECT_EQ(got.listing.kind, sent.listing.kind);
    EXPECT_EQ(got.listing.title, sent.listing.title);
    EXPECT_EQ(got.listing.body, sent.listing.body);
    EXPECT_EQ(got.listing.keywords, sent.listing.keywords);
    EXPECT_EQ(got.listing.category, sent.listing.category);
    EXPECT_EQ(got.listing.discipline, sent.listing.discipline);
    EXPECT_EQ(got.listing.region, sent.listing.region);
    EXPECT_EQ(got.listing.updated_at, sent.listing.updated_at);
    EXPECT_EQ(got.listing.origin_url, sent.listing.origin_url);
    EXPECT_EQ(got.listing.origin_org_name, sent.listing.origin_org_name);
    EXPECT_EQ(got.listing.cooperation_modes, sent.listing.cooperation_modes);
    EXPECT_EQ(got.listing.maturity, sent.listing.maturity);
    EXPECT_EQ(got.listing.transfer_modes, sent.listing.transfer_modes);
    EXPECT_EQ(got.listing.inventors, sent.listing.inventors);
    EXPECT_EQ(got.listing.rank, sent.listing.rank);
    EXPECT_EQ(got.listing.affiliation, sent.listing.affiliation);
    EXPECT_EQ(got.listing.disciplines, sent.listing.disciplines);
    EXPECT_EQ(got.country, sent.country);
    EXPECT_EQ(got.language, sent.language);
  }
  auto by_id = ById(*back);
  EXPECT_EQ(by_id[std::to_string(demand)].listing.cooperation_modes,
            (std::vector<std::string>{"joint_development", "consulting"}));
  EXPECT_EQ(by_id[std::to_string(achievement)].listing.maturity, 6);
  EXPECT_EQ(by_id[std::to_string(expert)].listing.rank, "教授");
  EXPECT_TRUE(by_id[std::to_string(tomb)].deleted);
  // The body travels under the kind's own key (§4).
  json j = json::parse(wire);
  for (const auto& e : j["entries"]) {
    if (e["op"] != "upsert") continue;
    const std::string key = e["kind"] == "demand"        ? "description"
                            : e["kind"] == "achievement" ? "abstract"
                                                         : "bio";
    EXPECT_TRUE(e["listing"].contains(key)) << e.dump();
  }
}

// What this node serves must be what a partner's ParseFeedPage accepts: one listing a partner
// refuses makes it refuse the whole page, and its pull stays stuck at that cursor for good. The
// longest organisation name ValidateOrg takes (100 characters, 300 bytes in Chinese) passes.
TEST_F(FeedTest, AValidOrganisationWithALongNameDoesNotPoisonThePage) {
  Org org;
  for (int i = 0; i < 100; ++i) org.name += "名";
  org.type = OrgType::kEnterprise;
  ASSERT_TRUE(ValidateOrg(org).ok()) << "the organisation is valid here";
  Status s = store().Write([&](StoreTx& tx) -> Status {
    auto id = tx.InsertOrg(org);
    if (!id.ok()) return id.status();
    org.id = *id;
    return Status::Ok();
  });
  ASSERT_TRUE(s.ok()) << s.message();
  Put(Published("甲的需求"));
  Listing l = Published("长名机构的需求");
  l.org_id = org.id;
  Put(l);

  auto page = Read(0);
  ASSERT_TRUE(page.ok());
  auto back = ParseFeedPage(FeedPageJson(*page), kNode, kBase, 0);
  EXPECT_TRUE(back.ok()) << back.status().message();
}

// ParseFeedPage reads what a partner sent: every field is checked as an attacker could write it.
class ParseFeedPageTest : public ::testing::Test {
 protected:
  static constexpr char kPeer[] = "kc1tokyoaaaaaaaaaaaaaaaaaaaaaaaaa";
  static constexpr char kPeerBase[] = "http://tokyo.test";

  static json Upsert(int64_t seq, const std::string& id) {
    return {{"seq", seq},
            {"op", "upsert"},
            {"kind", "achievement"},
            {"id", id},
            {"updated_at", "2026-12-06T11:58:02Z"},
            {"listing",
             {{"title", "軸受の故障診断"},
              {"abstract", "…"},
              {"keywords", {"故障診断"}},
              {"country", "JP"},
              {"language", "ja"},
              {"org_name", "東京大学"},
              {"maturity", 6},
              {"url", std::string(kPeerBase) + "/achievements/" + id}}}};
  }
  static json Tombstone(int64_t seq, const std::string& id) {
    return {{"seq", seq}, {"op", "delete"}, {"id", id}};
  }
  static json Page(json entries, int64_t next, bool more = false) {
    return {{"node_id", kPeer},
            {"entries", std::move(entries)},
            {"next", std::to_string(next)},
            {"more", more}};
  }
  static Result<FeedPage> Parse(const json& page, int64_t after = 0) {
    return ParseFeedPage(page.dump(), kPeer, kPeerBase, after);
  }
  // The refusal's code and the field it names.
  static void ExpectBad(const json& page, const std::string& where, int64_t after = 0) {
    auto r = Parse(page, after);
    ASSERT_FALSE(r.ok()) << "accepted: " << page.dump();
    EXPECT_EQ(r.status().code(), "bad_feed") << page.dump();
    EXPECT_EQ(r.status().field(), where) << r.status().message();
  }
};

TEST_F(ParseFeedPageTest, AWellFormedPageIsRead) {
  auto r = Parse(Page({Upsert(41, "1207"), Tombstone(42, "88")}, 42, true), 40);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->node_id, kPeer);
  EXPECT_EQ(r->next, 42);
  EXPECT_TRUE(r->more);
  ASSERT_EQ(r->entries.size(), 2u);
  const FeedEntry& u = r->entries[0];
  EXPECT_FALSE(u.deleted);
  EXPECT_EQ(u.seq, 41);
  EXPECT_EQ(u.id, "1207");
  EXPECT_EQ(u.listing.kind, ListingKind::kAchievement);
  EXPECT_EQ(u.listing.title, "軸受の故障診断");
  EXPECT_EQ(u.listing.maturity, 6);
  EXPECT_EQ(u.listing.origin_org_name, "東京大学");
  EXPECT_EQ(u.listing.origin_url, "http://tokyo.test/achievements/1207");
  EXPECT_EQ(u.listing.updated_at, 1796558282);  // 2026-12-06T11:58:02Z
  EXPECT_EQ(u.country, "JP");
  EXPECT_EQ(u.language, "ja");
  EXPECT_TRUE(r->entries[1].deleted);
  EXPECT_EQ(r->entries[1].id, "88");

  // An empty page gives back the cursor it was asked with.
  auto empty = Parse(Page(json::array(), 42), 42);
  ASSERT_TRUE(empty.ok()) << empty.status().message();
  EXPECT_TRUE(empty->entries.empty());
  EXPECT_EQ(empty->next, 42);
}

TEST_F(ParseFeedPageTest, APageOfAnotherNodeOrNotJsonIsRefused) {
  json other = Page({Upsert(1, "1")}, 1);
  other["node_id"] = "kc1someoneelseaaaaaaaaaaaaaaaaaaa";
  ExpectBad(other, "node_id");
  json missing = Page({Upsert(1, "1")}, 1);
  missing.erase("node_id");
  ExpectBad(missing, "node_id");
  for (const char* body : {"", "not json", "[]", "{\"node_id\":", "null", "42"}) {
    auto r = ParseFeedPage(body, kPeer, kPeerBase, 0);
    EXPECT_EQ(r.status().code(), "bad_feed") << body;
  }
}

TEST_F(ParseFeedPageTest, EntriesOutOfOrderOrNotAfterTheCursorAreRefused) {
  ExpectBad(Page({Upsert(5, "1"), Upsert(4, "2")}, 4), "entries[1].seq");
  ExpectBad(Page({Upsert(5, "1"), Tombstone(5, "2")}, 5), "entries[1].seq");
  ExpectBad(Page({Upsert(10, "1")}, 10), "entries[0].seq", 10);  // seq == after
  ExpectBad(Page({Upsert(9, "1")}, 9), "entries[0].seq", 10);    // seq < after
  ExpectBad(Page({Upsert(0, "1")}, 0), "entries[0].seq");
  json text_seq = Page({Upsert(1, "1")}, 1);
  text_seq["entries"][0]["seq"] = "1";
  ExpectBad(text_seq, "entries[0].seq");
}

TEST_F(ParseFeedPageTest, BadOpsKindsAndIdsAreRefused) {
  json op = Page({Tombstone(1, "1")}, 1);
  op["entries"][0]["op"] = "drop";
  ExpectBad(op, "entries[0].op");
  json kind = Page({Upsert(1, "1")}, 1);
  kind["entries"][0]["kind"] = "patent";
  ExpectBad(kind, "entries[0].kind");
  json no_kind = Page({Upsert(1, "1")}, 1);
  no_kind["entries"][0].erase("kind");
  ExpectBad(no_kind, "entries[0].kind");
  for (const std::string& id :
       std::vector<std::string>{"", "12/34", "../1", "a b", "1;DROP", "ü", std::string(65, 'a')}) {
    ExpectBad(Page({Tombstone(1, id)}, 1), "entries[0].id");
  }
  json numeric = Page({Tombstone(1, "1")}, 1);
  numeric["entries"][0]["id"] = 1;
  ExpectBad(numeric, "entries[0].id");
  EXPECT_TRUE(Parse(Page({Tombstone(1, std::string(64, 'a'))}, 1)).ok());
  EXPECT_TRUE(Parse(Page({Tombstone(1, "Ab_9-z")}, 1)).ok());
  ExpectBad(Page({json("not an entry")}, 1), "entries[0]");
}

TEST_F(ParseFeedPageTest, TextsOverTheirLimitsAreRefused) {
  json at_limit = Page({Upsert(1, "1")}, 1);
  at_limit["entries"][0]["listing"]["title"] = std::string(500, 'x');
  EXPECT_TRUE(Parse(at_limit).ok());
  // Code points, not bytes: 500 Han characters (1500 bytes) are a title of 500.
  std::string han;
  for (int i = 0; i < 500; ++i) han += "技";
  at_limit["entries"][0]["listing"]["title"] = han;
  EXPECT_TRUE(Parse(at_limit).ok());

  json title = Page({Upsert(1, "1")}, 1);
  title["entries"][0]["listing"]["title"] = std::string(501, 'x');
  ExpectBad(title, "entries[0].listing.title");
  json empty_title = Page({Upsert(1, "1")}, 1);
  empty_title["entries"][0]["listing"]["title"] = "";
  ExpectBad(empty_title, "entries[0].listing.title");
  json org = Page({Upsert(1, "1")}, 1);
  org["entries"][0]["listing"]["org_name"] = std::string(201, 'x');
  ExpectBad(org, "entries[0].listing.org_name");
  json keywords = Page({Upsert(1, "1")}, 1);
  keywords["entries"][0]["listing"]["keywords"] = json::array();
  for (int i = 0; i < 51; ++i) keywords["entries"][0]["listing"]["keywords"].push_back("k");
  ExpectBad(keywords, "entries[0].listing.keywords");
  json country = Page({Upsert(1, "1")}, 1);
  country["entries"][0]["listing"]["country"] = "JPN";
  ExpectBad(country, "entries[0].listing.country");
  json trl = Page({Upsert(1, "1")}, 1);
  trl["entries"][0]["listing"]["maturity"] = 10;
  ExpectBad(trl, "entries[0].listing.maturity");
  json bad_utf8 = Page({Upsert(1, "1")}, 1);
  std::string dumped = bad_utf8.dump();
  // nlohmann refuses to dump invalid UTF-8; a partner's raw bytes can still hold it.
  const std::string marker = "軸受の故障診断";
  dumped.replace(dumped.find(marker), marker.size(), "\xC3\x28");
  EXPECT_EQ(ParseFeedPage(dumped, kPeer, kPeerBase, 0).status().code(), "bad_feed");
  json date = Page({Upsert(1, "1")}, 1);
  date["entries"][0]["updated_at"] = "2026-12-06 11:58:02";
  ExpectBad(date, "entries[0].updated_at");
}

// A copy links only into its origin node (else a partner could make this node link anywhere).
TEST_F(ParseFeedPageTest, AListingUrlOutsideThePeersBaseUrlIsRefused) {
  for (const char* url : {"http://evil.test/achievements/1", "https://tokyo.test/achievements/1",
                          "http://tokyo.test.evil.test/achievements/1", "http://tokyo.test",
                          "javascript:alert(1)", "/achievements/1"}) {
    json page = Page({Upsert(1, "1")}, 1);
    page["entries"][0]["listing"]["url"] = url;
    ExpectBad(page, "entries[0].listing.url");
  }
  json missing = Page({Upsert(1, "1")}, 1);
  missing["entries"][0]["listing"].erase("url");
  ExpectBad(missing, "entries[0].listing.url");
}

TEST_F(ParseFeedPageTest, NextMustBeTheLastSeqAndMoreMustBeThere) {
  ExpectBad(Page({Upsert(1, "1"), Upsert(3, "2")}, 2), "next");
  ExpectBad(Page({Upsert(1, "1")}, 7), "next");
  ExpectBad(Page(json::array(), 0), "next", 5);  // empty: next is the cursor asked with
  json numeric = Page({Upsert(1, "1")}, 1);
  numeric["next"] = 1;
  ExpectBad(numeric, "next");
  json no_more = Page({Upsert(1, "1")}, 1);
  no_more.erase("more");
  ExpectBad(no_more, "more");
  json text_more = Page({Upsert(1, "1")}, 1);
  text_more["more"] = "false";
  ExpectBad(text_more, "more");
}

// BUG (src/net/feed.cc, ParseFeedPage, where `more` is read): an empty page that says more
// entries follow is accepted. §4 makes it impossible (a page holds up to `limit` entries after
// `after`, and `next` is `after` only when there are none), and FeedPuller::Pull
// (src/net/feed_puller.cc) then asks again with the same cursor for as long as the partner
// answers so: one partner can keep a pull looping forever. Fix: refuse it here, e.g.
// `if (page.more && page.entries.empty()) return Bad("more", "true on an empty page");`.
// Disabled until fixed.
TEST_F(ParseFeedPageTest, AnEmptyPageThatSaysMoreFollowsIsRefused) {
  ExpectBad(Page(json::array(), 42, /*more=*/true), "more", 42);
  EXPECT_TRUE(Parse(Page(json::array(), 42, /*more=*/false), 42).ok());
}

TEST_F(ParseFeedPageTest, AtMost500EntriesAreRead) {
  json entries = json::array();
  for (int i = 1; i <= 500; ++i) entries.push_back(Tombstone(i, std::to_string(i)));
  EXPECT_TRUE(Parse(Page(entries, 500)).ok());
  entries.push_back(Tombstone(501, "501"));
  ExpectBad(Page(entries, 501), "entries");
  json not_list = Page(json::array(), 0);
  not_list["entries"] = json::object();
  ExpectBad(not_list, "entries");
}

}  // namespace
}  // namespace kc::net
