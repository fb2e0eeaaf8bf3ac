// The StoreTx contract (store/store.h) of SqlTx, run on SQLite and, as "pg:SqlTxTest.*", on the
// test PostgreSQL server.
#include "store/sql/sql_tx.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "store/sql/store_fixture.h"

namespace kc {
namespace {

using ::testing::ElementsAre;
using testing::OpenOrDie;
using ::testing::UnorderedElementsAre;

class SqlTxTest : public testing::StoreFixture {};

TEST_F(SqlTxTest, ListingRoundTripsEveryField) {
  int64_t org = AddOrg("org");
  int64_t user = AddUser("alice", org);
  Listing l = MakeListing(org, user, "标题");
  l.kind = ListingKind::kAchievement;
  l.ref = "A-1";
  l.keywords = {"机器视觉", "a\"b"};
  l.category = "工学";
  l.discipline = "光学工程";
  l.region = "440305";
  l.status = ListingStatus::kPublished;
  l.reject_reason = "why";
  l.visibility = Visibility::kMembers;
  l.contact = {"张三", "123", "z@example.com"};
  l.demo = true;
  l.published_at = 300;
  l.expires_at = 400;
  l.budget = {1, 2};
  l.deadline = "2026-02-03";
  l.cooperation_modes = {"license"};
  l.maturity = 7;
  l.patents = {"202210487361.8"};
  l.transfer_modes = {"transfer", "equity"};
  l.price = {std::nullopt, 5000};
  l.inventors = {"周", "陈"};
  l.rank = "教授";
  l.affiliation = "某大学";
  l.disciplines = {"力学"};
  int64_t id = Insert(l);
  ASSERT_GT(id, 0);

  auto got = Get(id);
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->id, id);
  EXPECT_EQ(got->kind, ListingKind::kAchievement);
  EXPECT_EQ(got->org_id, org);
  EXPECT_EQ(got->owner_id, user);
  EXPECT_EQ(got->ref, "A-1");
  EXPECT_EQ(got->title, "标题");
  EXPECT_EQ(got->body, l.body);
  EXPECT_EQ(got->keywords, l.keywords);
  EXPECT_EQ(got->category, "工学");
  EXPECT_EQ(got->discipline, "光学工程");
  EXPECT_EQ(got->region, "440305");
  EXPECT_EQ(got->status, ListingStatus::kPublished);
  EXPECT_EQ(got->reject_reason, "why");
  EXPECT_EQ(got->visibility, Visibility::kMembers);
  EXPECT_EQ(got->contact.name, "张三");
  EXPECT_EQ(got->contact.phone, "123");
  EXPECT_EQ(got->contact.email, "z@example.com");
  EXPECT_TRUE(got->demo);
  EXPECT_EQ(got->created_at, 100);
  EXPECT_EQ(got->updated_at, 100);
  EXPECT_EQ(got->published_at, 300);
  EXPECT_EQ(got->expires_at, 400);
  EXPECT_EQ(got->budget.min_cny, 1);
  EXPECT_EQ(got->budget.max_cny, 2);
  EXPECT_EQ(got->deadline, "2026-02-03");
  EXPECT_EQ(got->cooperation_modes, l.cooperation_modes);
  EXPECT_EQ(got->maturity, 7);
  EXPECT_EQ(got->patents, l.patents);
  EXPECT_EQ(got->transfer_modes, l.transfer_modes);
  EXPECT_FALSE(got->price.min_cny.has_value());
  EXPECT_EQ(got->price.max_cny, 5000);
  EXPECT_EQ(got->inventors, l.inventors);
  EXPECT_EQ(got->rank, "教授");
  EXPECT_EQ(got->affiliation, "某大学");
  EXPECT_EQ(got->disciplines, l.disciplines);
}

// Talent fields (docs/talent.md, migration 016): stored in full, and a list's summary reads what
// a list shows (what is sought, the type, the country) but never the person's name.
TEST_F(SqlTxTest, TalentFieldsRoundTripAndTheSummaryLeavesTheNameOut) {
  int64_t org = AddOrg("org");
  int64_t user = AddUser("alice", org);
  Listing l = MakeListing(org, user, "德国固态电池研究员");
  l.kind = ListingKind::kTalent;
  l.person_name = "李\"华";
  l.talent_type = "overseas";
  l.languages = {"zh", "de"};
  l.talent_modes = {"post", "funding"};
  l.country = "DE";
  l.rank = "研究员";
  l.affiliation = "Fraunhofer";
  l.disciplines = {"力学"};
  int64_t id = Insert(l);
  auto got = Get(id);
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->kind, ListingKind::kTalent);
  EXPECT_EQ(got->person_name, "李\"华");
  EXPECT_EQ(got->talent_type, "overseas");
  EXPECT_THAT(got->languages, ElementsAre("zh", "de"));
  EXPECT_THAT(got->talent_modes, ElementsAre("post", "funding"));
  EXPECT_EQ(got->country, "DE");
  EXPECT_EQ(got->rank, "研究员");
  EXPECT_EQ(got->disciplines, l.disciplines);

  Listing d = MakeListing(org, user, "招聘首席科学家");
  d.kind = ListingKind::kTalentDemand;
  d.talent_modes = {"post"};
  d.budget = {500000, 1000000};
  d.deadline = "2027-03-01";
  int64_t did = Insert(d);
  auto gd = Get(did);
  ASSERT_TRUE(gd.ok());
  EXPECT_EQ(gd->kind, ListingKind::kTalentDemand);
  EXPECT_THAT(gd->talent_modes, ElementsAre("post"));
  EXPECT_EQ(gd->budget.max_cny, 1000000);
  EXPECT_TRUE(gd->person_name.empty());
  EXPECT_TRUE(gd->languages.empty());

  ListingQuery q;
  q.summary_only = true;
  q.kind = ListingKind::kTalent;
  auto page = List(q);
  ASSERT_EQ(page.items.size(), 1u);
  EXPECT_EQ(page.items[0].person_name, "");
  EXPECT_EQ(page.items[0].talent_type, "overseas");
  EXPECT_THAT(page.items[0].talent_modes, ElementsAre("post", "funding"));
  EXPECT_EQ(page.items[0].country, "DE");
}

TEST_F(SqlTxTest, EmptyOptionalsStayEmpty) {
  int64_t org = AddOrg("org");
  int64_t user = AddUser("alice", org);
  auto got = Get(Insert(MakeListing(org, user, "t")));
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->ref, "");
  EXPECT_FALSE(got->maturity.has_value());
  EXPECT_TRUE(got->budget.negotiable());
  EXPECT_TRUE(got->price.negotiable());
  EXPECT_TRUE(got->contact.empty());
  EXPECT_TRUE(got->keywords.empty());
}

TEST_F(SqlTxTest, MissingRowsAreNotFound) {
  Status s = store_->Read([&](StoreTx& tx) -> Status {
    EXPECT_EQ(tx.GetUser(42).status().kind(), ErrorKind::kNotFound);
    EXPECT_EQ(tx.FindUserByName("nobody").status().kind(), ErrorKind::kNotFound);
    EXPECT_EQ(tx.GetOrg(42).status().kind(), ErrorKind::kNotFound);
    EXPECT_EQ(tx.GetListing(42).status().kind(), ErrorKind::kNotFound);
    EXPECT_EQ(tx.GetSession("nope").status().kind(), ErrorKind::kNotFound);
    auto org = tx.FindOrgByName("nobody");
    EXPECT_TRUE(org.ok());
    EXPECT_FALSE(org->has_value());
    auto meta = tx.GetMeta("nothing");
    EXPECT_TRUE(meta.ok());
    EXPECT_FALSE(meta->has_value());
    return Status::Ok();
  });
  EXPECT_TRUE(s.ok());
  s = store_->Write([&](StoreTx& tx) -> Status {
    Listing l = MakeListing(1, 1, "x");
    l.id = 42;
    EXPECT_EQ(tx.UpdateListing(l).kind(), ErrorKind::kNotFound);
    EXPECT_EQ(tx.DeleteListing(42).kind(), ErrorKind::kNotFound);
    User u;
    u.id = 42;
    EXPECT_EQ(tx.UpdateUser(u).kind(), ErrorKind::kNotFound);
    Org o;
    o.id = 42;
    EXPECT_EQ(tx.UpdateOrg(o).kind(), ErrorKind::kNotFound);
    return Status::Ok();
  });
  EXPECT_TRUE(s.ok());
}

TEST_F(SqlTxTest, UpdateAndDeleteListing) {
  int64_t org = AddOrg("org");
  int64_t user = AddUser("alice", org);
  int64_t id = Insert(MakeListing(org, user, "old"));
  auto l = Get(id);
  ASSERT_TRUE(l.ok());
  l->title = "new";
  l->status = ListingStatus::kPending;
  l->keywords = {"k"};
  l->updated_at = 200;
  MustWrite([&](StoreTx& tx) { return tx.UpdateListing(*l); });
  auto got = Get(id);
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->title, "new");
  EXPECT_EQ(got->status, ListingStatus::kPending);
  EXPECT_THAT(got->keywords, ElementsAre("k"));
  EXPECT_EQ(got->updated_at, 200);
  EXPECT_EQ(got->created_at, 100);

  MustWrite([&](StoreTx& tx) { return tx.DeleteListing(id); });
  EXPECT_EQ(Get(id).status().kind(), ErrorKind::kNotFound);
}

TEST_F(SqlTxTest, KindAndStatusTotalsFollowInsertsUpdatesAndDeletes) {
  int64_t org = AddOrg("org");
  int64_t user = AddUser("alice", org);
  std::vector<int64_t> ids;
  for (int i = 0; i < 5; ++i)
    ids.push_back(Insert(MakeListing(org, user, "t" + std::to_string(i))));
  Listing a = MakeListing(org, user, "achievement");
  a.kind = ListingKind::kAchievement;
  Insert(a);
  auto total = [&](ListingKind kind, ListingStatus status) {
    ListingQuery q;
    q.kind = kind;
    q.statuses = {status};
    int64_t fast = List(q).total;
    q.text = "t";  // any other filter takes the counting path
    q.text.clear();
    q.org_id = org;
    EXPECT_EQ(fast, List(q).total);  // the kept count agrees with a real count
    return fast;
  };
  EXPECT_EQ(total(ListingKind::kDemand, ListingStatus::kDraft), 5);
  EXPECT_EQ(total(ListingKind::kAchievement, ListingStatus::kDraft), 1);
  for (int i = 0; i < 3; ++i) {
    auto l = Get(ids[i]);
    l->status = ListingStatus::kPublished;
    MustWrite([&](StoreTx& tx) { return tx.UpdateListing(*l); });
  }
  EXPECT_EQ(total(ListingKind::kDemand, ListingStatus::kDraft), 2);
  EXPECT_EQ(total(ListingKind::kDemand, ListingStatus::kPublished), 3);
  MustWrite([&](StoreTx& tx) { return tx.DeleteListing(ids[0]); });
  EXPECT_EQ(total(ListingKind::kDemand, ListingStatus::kPublished), 2);
  // A rolled-back write leaves the counts alone.
  Status s = store_->Write([&](StoreTx& tx) -> Status {
    auto r = tx.InsertListing(MakeListing(org, user, "rolled back"));
    if (!r.ok()) return r.status();
    return Internal("roll back");
  });
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(total(ListingKind::kDemand, ListingStatus::kDraft), 2);
}

TEST_F(SqlTxTest, ListFieldsKeepEveryCharacter) {
  int64_t org = AddOrg("a");
  int64_t user = AddUser("alice", org);
  Listing l = MakeListing(org, user, "数组");
  l.keywords = {"电池", "a\"b", "c,d]", "[e]", "", "back\\slash", "tab\tnew\nline"};
  l.patents = {"202010123456.2"};
  l.inventors = {};
  int64_t id = Insert(l);
  auto got = Get(id);
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->keywords, l.keywords);
  EXPECT_THAT(got->patents, ElementsAre("202010123456.2"));
  EXPECT_TRUE(got->inventors.empty());
}

TEST_F(SqlTxTest, SummaryOnlyListReadsTheListedFieldsAndCutsTheBody) {
  int64_t org = AddOrg("a");
  int64_t user = AddUser("alice", org);
  Listing l = MakeListing(org, user, "摘要");
  l.kind = ListingKind::kAchievement;
  // Two characters of three bytes each, then ASCII: the cut counts characters, not bytes.
  l.body = "低温" + std::string(kSummaryChars + 30, 'x');
  l.keywords = {"电池", "电解液"};
  l.category = "工学";
  l.region = "440305";
  l.status = ListingStatus::kRejected;
  l.reject_reason = "缺少专利号";
  l.contact.phone = "0755-12345678";
  l.patents = {"202010123456.2"};
  l.inventors = {"王"};
  l.maturity = 6;
  l.price.min_cny = 100;
  l.rank = "教授";
  l.affiliation = "大学";
  l.published_at = 200;
  l.expires_at = 300;
  int64_t id = Insert(l);

  ListingQuery q;
  q.summary_only = true;
  auto page = List(q);
  ASSERT_EQ(page.items.size(), 1u);
  const Listing& s = page.items[0];
  EXPECT_EQ(s.id, id);
  EXPECT_EQ(s.kind, ListingKind::kAchievement);
  EXPECT_EQ(s.title, "摘要");
  EXPECT_EQ(s.body, l.body.substr(0, 6 + (kSummaryChars + 1 - 2)));
  EXPECT_THAT(s.keywords, ElementsAre("电池", "电解液"));
  EXPECT_EQ(s.category, "工学");
  EXPECT_EQ(s.region, "440305");
  EXPECT_EQ(s.status, ListingStatus::kRejected);
  EXPECT_EQ(s.reject_reason, "缺少专利号");
  EXPECT_EQ(s.rank, "教授");
  EXPECT_EQ(s.affiliation, "大学");
  EXPECT_EQ(s.published_at, 200);
  EXPECT_EQ(s.expires_at, 300);
  EXPECT_EQ(s.contact.phone, "");
  EXPECT_TRUE(s.patents.empty());
  EXPECT_TRUE(s.inventors.empty());
  EXPECT_FALSE(s.maturity.has_value());
  EXPECT_FALSE(s.price.min_cny.has_value());
  // The full read still has everything.
  q.summary_only = false;
  EXPECT_EQ(List(q).items[0].body, l.body);
  EXPECT_EQ(List(q).items[0].contact.phone, "0755-12345678");
}

TEST_F(SqlTxTest, ListListingsFiltersSortsAndCountsTotals) {
  int64_t a = AddOrg("a");
  int64_t b = AddOrg("b");
  int64_t user = AddUser("alice", a);
  // 25 listings: i % 5 == 0 are achievements, i % 2 == 0 published, i < 10 in org b.
  for (int i = 0; i < 25; ++i) {
    Listing l = MakeListing(i < 10 ? b : a, user, "title-" + std::to_string(100 - i));
    if (i % 5 == 0) l.kind = ListingKind::kAchievement;
    l.status = i % 2 == 0 ? ListingStatus::kPublished : ListingStatus::kDraft;
    l.category = i % 3 == 0 ? "工学" : "理学";
    l.region = i % 4 == 0 ? "440305" : "110105";
    l.updated_at = 1000 - i;
    if (i == 7) l.keywords = {"100%_match"};
    Insert(l);
  }

  ListingQuery all;
  all.limit = 100;
  EXPECT_EQ(List(all).total, 25);

  ListingQuery page;
  page.limit = 10;
  page.offset = 20;
  auto p = List(page);
  EXPECT_EQ(p.total, 25);
  ASSERT_EQ(p.items.size(), 5u);
  // Newest first: the last page holds the five oldest.
  EXPECT_EQ(p.items.back().title, "title-100");

  ListingQuery kind;
  kind.kind = ListingKind::kAchievement;
  EXPECT_EQ(List(kind).total, 5);

  ListingQuery published;
  published.statuses = {ListingStatus::kPublished};
  EXPECT_EQ(List(published).total, 13);
  published.statuses = {ListingStatus::kPublished, ListingStatus::kDraft};
  EXPECT_EQ(List(published).total, 25);

  ListingQuery in_b;
  in_b.org_id = b;
  in_b.statuses = {ListingStatus::kDraft};
  EXPECT_EQ(List(in_b).total, 5);

  ListingQuery cat;
  cat.category = "工学";
  EXPECT_EQ(List(cat).total, 9);  // 0, 3, …, 24

  ListingQuery region;
  region.region_prefix = "44";
  EXPECT_EQ(List(region).total, 7);  // 0, 4, …, 24
  region.region_prefix = "4403";
  EXPECT_EQ(List(region).total, 7);

  ListingQuery text;
  text.text = "title-9";  // title-91 … title-99 and title-90
  EXPECT_EQ(List(text).total, 10);
  text.text = "0%_m";  // only the keyword "100%_match"; % and _ are literal
  EXPECT_EQ(List(text).total, 1);
  text.text = "%";
  EXPECT_EQ(List(text).total, 1);

  ListingQuery by_title;
  by_title.sort = ListingSort::kTitle;
  by_title.limit = 3;
  EXPECT_THAT(Titles(List(by_title)), ElementsAre("title-100", "title-76", "title-77"));
  ListingQuery oldest;
  oldest.sort = ListingSort::kOldest;
  oldest.limit = 2;
  EXPECT_THAT(Titles(List(oldest)), ElementsAre("title-100", "title-99"));
  ListingQuery updated;
  updated.sort = ListingSort::kUpdated;
  updated.limit = 2;
  EXPECT_THAT(Titles(List(updated)), ElementsAre("title-100", "title-99"));

  ListingQuery combined;
  combined.kind = ListingKind::kDemand;
  combined.statuses = {ListingStatus::kPublished};
  combined.org_id = a;
  combined.limit = 2;
  auto c = List(combined);
  // i in 10..24, even, not a multiple of 5: 12, 14, 16, 18, 22, 24.
  EXPECT_EQ(c.total, 6);
  EXPECT_EQ(c.items.size(), 2u);
}

TEST_F(SqlTxTest, ListListingsReadsTheGivenIds) {
  int64_t org = AddOrg("a");
  int64_t user = AddUser("alice", org);
  std::vector<int64_t> ids;
  for (int i = 0; i < 4; ++i)
    ids.push_back(Insert(MakeListing(org, user, "t" + std::to_string(i))));
  ListingQuery q;
  q.sort = ListingSort::kOldest;
  q.ids = std::vector<int64_t>{ids[3], ids[1], 9999};
  auto page = List(q);
  EXPECT_EQ(page.total, 2);
  ASSERT_EQ(page.items.size(), 2u);
  EXPECT_EQ(page.items[0].id, ids[1]);
  EXPECT_EQ(page.items[1].id, ids[3]);
  q.ids = std::vector<int64_t>{};
  EXPECT_EQ(List(q).total, 0);
}

TEST_F(SqlTxTest, ListListingsWalksIdRangesWithoutCounting) {
  int64_t org = AddOrg("a");
  int64_t user = AddUser("alice", org);
  std::vector<int64_t> ids;
  for (int i = 0; i < 12; ++i) {
    Listing l = MakeListing(org, user, "t" + std::to_string(i));
    l.status = i % 3 == 0 ? ListingStatus::kDraft : ListingStatus::kPublished;
    int64_t id = Insert(l);
    if (i % 3 != 0) ids.push_back(id);
  }
  // A range: [ids[1], ids[5]) holds the published ids[1..4], oldest first.
  ListingQuery range;
  range.statuses = {ListingStatus::kPublished};
  range.sort = ListingSort::kOldest;
  range.id_from = ids[1];
  range.id_to = ids[5];
  auto r = List(range);
  EXPECT_EQ(r.total, 4);
  ASSERT_EQ(r.items.size(), 4u);
  EXPECT_EQ(r.items.front().id, ids[1]);
  EXPECT_EQ(r.items.back().id, ids[4]);

  // A walk by id, three at a time, with no total: every published listing once, in order.
  ListingQuery walk;
  walk.statuses = {ListingStatus::kPublished};
  walk.sort = ListingSort::kOldest;
  walk.limit = 3;
  walk.count_total = false;
  walk.id_from = 0;
  std::vector<int64_t> seen;
  for (int pages = 0; pages < 10; ++pages) {
    auto p = List(walk);
    EXPECT_EQ(p.total, -1);
    for (const auto& l : p.items) seen.push_back(l.id);
    if (p.items.size() < 3) break;
    walk.id_from = p.items.back().id + 1;
  }
  EXPECT_EQ(seen, ids);
}

// BUG (src/store/sqlite/sqlite_store.cc:385 and :455): region_prefix goes into LIKE unescaped,
// so "%" or "_" from ?region= match every region. Disabled until the prefix is escaped.
TEST_F(SqlTxTest, RegionPrefixWildcardsAreLiteral) {
  int64_t org = AddOrg("a", "440305");
  AddOrg("b", "110105");
  int64_t user = AddUser("alice", org);
  Listing l = MakeListing(org, user, "t");
  l.region = "440305";
  Insert(l);
  ListingQuery q;
  q.region_prefix = "%";
  EXPECT_EQ(List(q).total, 0);
  q.region_prefix = "4_";
  EXPECT_EQ(List(q).total, 0);
  ASSERT_TRUE(store_
                  ->Read([&](StoreTx& tx) -> Status {
                    OrgQuery oq;
                    oq.region_prefix = "%";
                    EXPECT_EQ(tx.ListOrgs(oq)->total, 0);
                    return Status::Ok();
                  })
                  .ok());
}

TEST_F(SqlTxTest, ListOrgsAndUsersFilterAndCount) {
  int64_t a = AddOrg("深圳甲科技", "440305", OrgType::kEnterprise);
  AddOrg("北京乙大学", "110108", OrgType::kUniversity);
  AddOrg("深圳丙研究院", "440304", OrgType::kInstitute);
  AddUser("alice", a, Role::kReviewer, OrgRole::kAdmin);
  AddUser("bob", a);
  AddUser("carol", std::nullopt);

  Page<Org> orgs;
  Page<User> users;
  auto lists = [&](const OrgQuery& oq, const UserQuery& uq) {
    Status s = store_->Read([&](StoreTx& tx) -> Status {
      auto o = tx.ListOrgs(oq);
      if (!o.ok()) return o.status();
      orgs = *o;
      auto u = tx.ListUsers(uq);
      if (!u.ok()) return u.status();
      users = *u;
      return Status::Ok();
    });
    ASSERT_TRUE(s.ok()) << s.message();
  };
  OrgQuery oq;
  UserQuery uq;
  lists(oq, uq);
  EXPECT_EQ(orgs.total, 3);
  EXPECT_EQ(users.total, 3);

  oq.region_prefix = "44";
  uq.org_id = a;
  lists(oq, uq);
  EXPECT_EQ(orgs.total, 2);
  EXPECT_EQ(users.total, 2);

  oq = OrgQuery{};
  oq.type = "university";
  uq = UserQuery{};
  uq.org_role = "org_admin";
  lists(oq, uq);
  ASSERT_EQ(orgs.items.size(), 1u);
  EXPECT_EQ(orgs.items[0].name, "北京乙大学");
  EXPECT_EQ(orgs.items[0].type, OrgType::kUniversity);
  ASSERT_EQ(users.items.size(), 1u);
  EXPECT_EQ(users.items[0].username, "alice");
  EXPECT_EQ(users.items[0].role, Role::kReviewer);
  EXPECT_EQ(users.items[0].org_role, OrgRole::kAdmin);

  uq = UserQuery{};
  uq.role = "reviewer";
  lists(OrgQuery{}, uq);
  ASSERT_EQ(users.items.size(), 1u);
  EXPECT_EQ(users.items[0].username, "alice");

  oq = OrgQuery{};
  oq.text = "深圳";
  oq.limit = 1;
  oq.offset = 1;
  uq = UserQuery{};
  uq.text = "Name of b";  // matches the display name only
  lists(oq, uq);
  EXPECT_EQ(orgs.total, 2);
  ASSERT_EQ(orgs.items.size(), 1u);
  EXPECT_EQ(orgs.items[0].name, "深圳丙研究院");
  ASSERT_EQ(users.items.size(), 1u);
  EXPECT_EQ(users.items[0].username, "bob");

  int64_t count = 0;
  ASSERT_TRUE(store_
                  ->Read([&](StoreTx& tx) -> Status {
                    auto n = tx.CountUsers();
                    count = n.ok() ? *n : -1;
                    return n.status();
                  })
                  .ok());
  EXPECT_EQ(count, 3);
}

TEST_F(SqlTxTest, GetOrgsReturnsTheRequestedOrgsAndSkipsMissing) {
  int64_t a = AddOrg("a");
  int64_t b = AddOrg("b");
  int64_t c = AddOrg("c");
  Status s = store_->Read([&](StoreTx& tx) -> Status {
    auto orgs = tx.GetOrgs({c, 999, a, a});
    EXPECT_TRUE(orgs.ok());
    std::vector<std::string> names;
    for (const auto& o : *orgs) names.push_back(o.name);
    EXPECT_THAT(names, UnorderedElementsAre("a", "c"));
    auto none = tx.GetOrgs({});
    EXPECT_TRUE(none.ok());
    EXPECT_TRUE(none->empty());
    auto one = tx.GetOrgs({b});
    EXPECT_EQ(one->size(), 1u);
    return Status::Ok();
  });
  EXPECT_TRUE(s.ok());
}

TEST_F(SqlTxTest, GetUsersReturnsTheRequestedUsersAndSkipsMissing) {
  int64_t org = AddOrg("a");
  int64_t alice = AddUser("alice", org);
  int64_t bob = AddUser("bob", std::nullopt);
  AddUser("carol", org);
  Status s = store_->Read([&](StoreTx& tx) -> Status {
    auto users = tx.GetUsers({bob, 999, alice, alice});
    EXPECT_TRUE(users.ok());
    std::vector<std::string> names;
    for (const auto& u : *users) names.push_back(u.username);
    EXPECT_THAT(names, UnorderedElementsAre("alice", "bob"));
    EXPECT_TRUE(tx.GetUsers({})->empty());
    return Status::Ok();
  });
  EXPECT_TRUE(s.ok());
}

TEST_F(SqlTxTest, DuplicateRefIsConflictNamingRef) {
  int64_t a = AddOrg("a");
  int64_t b = AddOrg("b");
  int64_t user = AddUser("alice", a);
  Listing l = MakeListing(a, user, "one");
  l.ref = "R-1";
  Insert(l);

  Status s = store_->Write([&](StoreTx& tx) { return tx.InsertListing(l).status(); });
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.kind(), ErrorKind::kConflict);
  EXPECT_EQ(s.code(), "duplicate");
  EXPECT_EQ(s.field(), "ref");

  // The same ref in another organisation or of another kind is fine, and so are many listings
  // without a ref.
  Listing other_org = l;
  other_org.org_id = b;
  Insert(other_org);
  Listing other_kind = l;
  other_kind.kind = ListingKind::kExpert;
  Insert(other_kind);
  Listing no_ref = MakeListing(a, user, "x");
  Insert(no_ref);
  Insert(no_ref);
  ListingQuery q;
  EXPECT_EQ(List(q).total, 5);

  // Updating a listing to a taken ref is a conflict too.
  Listing second = MakeListing(a, user, "two");
  second.ref = "R-2";
  second.id = Insert(second);
  second.ref = "R-1";
  s = store_->Write([&](StoreTx& tx) { return tx.UpdateListing(second); });
  EXPECT_EQ(s.kind(), ErrorKind::kConflict);
  EXPECT_EQ(s.field(), "ref");
}

TEST_F(SqlTxTest, DuplicateUsernameAndOrgNameAreConflicts) {
  int64_t a = AddOrg("a");
  AddUser("alice", a);
  Status s = store_->Write([&](StoreTx& tx) -> Status {
    User u;
    u.username = "alice";
    u.display_name = "x";
    u.password_hash = "h";
    return tx.InsertUser(u).status();
  });
  EXPECT_EQ(s.kind(), ErrorKind::kConflict);
  EXPECT_EQ(s.field(), "username");

  s = store_->Write([&](StoreTx& tx) -> Status {
    Org o;
    o.name = "a";
    return tx.InsertOrg(o).status();
  });
  EXPECT_EQ(s.kind(), ErrorKind::kConflict);
  EXPECT_EQ(s.field(), "name");
}

TEST_F(SqlTxTest, NestedRollbackKeepsTheOuterTransactionsOtherWrites) {
  int64_t org = AddOrg("org");
  int64_t user = AddUser("alice", org);
  Status inner_status;
  MustWrite([&](StoreTx& tx) -> Status {
    KC_RETURN_IF_ERROR(tx.InsertListing(MakeListing(org, user, "before")));
    inner_status = tx.Nested([&](StoreTx& inner) -> Status {
      KC_RETURN_IF_ERROR(inner.InsertListing(MakeListing(org, user, "undone")));
      KC_RETURN_IF_ERROR(inner.SetMeta("k", "undone"));
      return Invalid("title", "bad", "bad line");
    });
    KC_RETURN_IF_ERROR(tx.Nested([&](StoreTx& inner) {
      return inner.InsertListing(MakeListing(org, user, "kept")).status();
    }));
    return tx.InsertListing(MakeListing(org, user, "after")).status();
  });
  EXPECT_EQ(inner_status.kind(), ErrorKind::kInvalid);
  EXPECT_EQ(inner_status.field(), "title");
  ListingQuery q;
  q.sort = ListingSort::kOldest;
  EXPECT_THAT(Titles(List(q)), ElementsAre("before", "kept", "after"));
  ASSERT_TRUE(store_
                  ->Read([&](StoreTx& tx) -> Status {
                    auto meta = tx.GetMeta("k");
                    EXPECT_FALSE(meta->has_value());
                    return Status::Ok();
                  })
                  .ok());
}

TEST_F(SqlTxTest, NestedInsideNestedRollsBackOnlyTheInnermost) {
  int64_t org = AddOrg("org");
  int64_t user = AddUser("alice", org);
  MustWrite([&](StoreTx& tx) -> Status {
    return tx.Nested([&](StoreTx& outer) -> Status {
      KC_RETURN_IF_ERROR(outer.InsertListing(MakeListing(org, user, "outer")));
      (void)outer.Nested([&](StoreTx& inner) -> Status {
        KC_RETURN_IF_ERROR(inner.InsertListing(MakeListing(org, user, "inner")));
        return Conflict("x", "x");
      });
      return outer.InsertListing(MakeListing(org, user, "outer-after")).status();
    });
  });
  ListingQuery q;
  q.sort = ListingSort::kOldest;
  EXPECT_THAT(Titles(List(q)), ElementsAre("outer", "outer-after"));
}

TEST_F(SqlTxTest, ChangeLogIsOrderedAndPagesBySequence) {
  std::vector<int64_t> seqs;
  for (int i = 1; i <= 5; ++i) {
    MustWrite([&](StoreTx& tx) -> Status {
      auto seq = tx.AppendChange(Change{0, "listing", i, i == 3 ? "delete" : "upsert", 10 * i});
      if (!seq.ok()) return seq.status();
      seqs.push_back(*seq);
      return Status::Ok();
    });
  }
  for (size_t i = 1; i < seqs.size(); ++i) EXPECT_GT(seqs[i], seqs[i - 1]);

  std::vector<Change> all, after2;
  ASSERT_TRUE(store_
                  ->Read([&](StoreTx& tx) -> Status {
                    all = *tx.ChangesAfter(0, 100);
                    after2 = *tx.ChangesAfter(seqs[1], 2);
                    return Status::Ok();
                  })
                  .ok());
  ASSERT_EQ(all.size(), 5u);
  for (size_t i = 0; i < all.size(); ++i) {
    EXPECT_EQ(all[i].seq, seqs[i]);
    EXPECT_EQ(all[i].entity, "listing");
    EXPECT_EQ(all[i].entity_id, static_cast<int64_t>(i + 1));
    EXPECT_EQ(all[i].at, static_cast<int64_t>(10 * (i + 1)));
  }
  EXPECT_EQ(all[2].op, "delete");
  ASSERT_EQ(after2.size(), 2u);
  EXPECT_EQ(after2[0].entity_id, 3);
  EXPECT_EQ(after2[1].entity_id, 4);
}

TEST_F(SqlTxTest, ChangeSequenceNumbersAreNotReusedAfterARollback) {
  int64_t first = 0;
  MustWrite([&](StoreTx& tx) -> Status {
    first = *tx.AppendChange(Change{0, "listing", 1, "upsert", 1});
    return Status::Ok();
  });
  (void)store_->Write([&](StoreTx& tx) -> Status {
    (void)tx.AppendChange(Change{0, "listing", 2, "upsert", 2});
    return Conflict("x", "x");
  });
  int64_t last = 0;
  MustWrite([&](StoreTx& tx) -> Status {
    last = *tx.AppendChange(Change{0, "listing", 3, "upsert", 3});
    return Status::Ok();
  });
  // A reader that has seen `first` must see `last`: the sequence only grows.
  EXPECT_GT(last, first);
}

TEST_F(SqlTxTest, AuditIsAppendOnly) {
  MustWrite([&](StoreTx& tx) -> Status {
    KC_RETURN_IF_ERROR(tx.AppendAudit(AuditEntry{0, 5, 7, "listing", 1, "create", ""}));
    return tx.AppendAudit(AuditEntry{0, 6, std::nullopt, "listing", 1, "expire", "{\"a\":1}"});
  });
  std::vector<AuditEntry> entries;
  ASSERT_TRUE(store_
                  ->Read([&](StoreTx& tx) -> Status {
                    entries = *tx.ListAudit("listing", 1);
                    EXPECT_TRUE(tx.ListAudit("listing", 2)->empty());
                    EXPECT_TRUE(tx.ListAudit("org", 1)->empty());
                    return Status::Ok();
                  })
                  .ok());
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].action, "create");
  EXPECT_EQ(entries[0].actor_id, 7);
  EXPECT_EQ(entries[0].detail, "{}");  // empty detail is stored as an empty object
  EXPECT_EQ(entries[1].action, "expire");
  EXPECT_FALSE(entries[1].actor_id.has_value());
  EXPECT_EQ(entries[1].detail, "{\"a\":1}");

  // Not even a direct connection may change or remove a row.
  Status upd = ExecDirect("UPDATE audit SET action = 'forged'");
  EXPECT_FALSE(upd.ok());
  EXPECT_NE(upd.message().find("append-only"), std::string::npos) << upd.message();
  Status del = ExecDirect("DELETE FROM audit");
  EXPECT_FALSE(del.ok());
  ASSERT_TRUE(store_
                  ->Read([&](StoreTx& tx) -> Status {
                    auto again = tx.ListAudit("listing", 1);
                    EXPECT_EQ(again->size(), 2u);
                    EXPECT_EQ((*again)[0].action, "create");
                    return Status::Ok();
                  })
                  .ok());
}

TEST_F(SqlTxTest, Sessions) {
  int64_t alice = AddUser("alice", std::nullopt);
  int64_t bob = AddUser("bob", std::nullopt);
  MustWrite([&](StoreTx& tx) -> Status {
    KC_RETURN_IF_ERROR(tx.InsertSession(Session{"h1", alice, "c1", 10, 20}));
    KC_RETURN_IF_ERROR(tx.InsertSession(Session{"h2", alice, "c2", 10, 20}));
    return tx.InsertSession(Session{"h3", bob, "c3", 10, 20});
  });
  ASSERT_TRUE(store_
                  ->Read([&](StoreTx& tx) -> Status {
                    auto s = tx.GetSession("h1");
                    EXPECT_TRUE(s.ok());
                    EXPECT_EQ(s->user_id, alice);
                    EXPECT_EQ(s->csrf_token, "c1");
                    EXPECT_EQ(s->expires_at, 20);
                    return Status::Ok();
                  })
                  .ok());
  Status dup = store_->Write([&](StoreTx& tx) {
    return tx.InsertSession(Session{"h1", bob, "c", 1, 2});
  });
  EXPECT_EQ(dup.kind(), ErrorKind::kConflict);

  MustWrite([&](StoreTx& tx) -> Status {
    KC_RETURN_IF_ERROR(tx.DeleteSessionsOfUser(alice));
    return tx.DeleteSession("missing");  // not an error
  });
  ASSERT_TRUE(store_
                  ->Read([&](StoreTx& tx) -> Status {
                    EXPECT_EQ(tx.GetSession("h1").status().kind(), ErrorKind::kNotFound);
                    EXPECT_EQ(tx.GetSession("h2").status().kind(), ErrorKind::kNotFound);
                    EXPECT_TRUE(tx.GetSession("h3").ok());
                    return Status::Ok();
                  })
                  .ok());
}

TEST_F(SqlTxTest, AttemptsAreCountedByClientAndNameClearedAndPruned) {
  MustWrite([&](StoreTx& tx) -> Status {
    for (int64_t at : {100, 200, 300}) {
      KC_RETURN_IF_ERROR(tx.RecordAttempt(Attempt{"login_failure", "10.0.0.1", "alice", at}));
    }
    KC_RETURN_IF_ERROR(tx.RecordAttempt(Attempt{"login_failure", "10.0.0.1", "bob", 250}));
    KC_RETURN_IF_ERROR(tx.RecordAttempt(Attempt{"login_failure", "10.0.0.2", "alice", 260}));
    return tx.RecordAttempt(Attempt{"register", "10.0.0.1", "", 270});
  });
  auto count = [&](std::string_view action, std::string_view client,
                   std::optional<std::string_view> name, int64_t since) {
    AttemptCount out;
    MustRead([&](StoreTx& tx) -> Status {
      auto c = tx.CountAttempts(action, client, name, since);
      if (!c.ok()) return c.status();
      out = *c;
      return Status::Ok();
    });
    return out;
  };
  AttemptCount alice_a = count("login_failure", "10.0.0.1", "alice", 0);
  EXPECT_EQ(alice_a.count, 3);
  EXPECT_EQ(alice_a.first_at, 100);
  EXPECT_EQ(alice_a.last_at, 300);
  EXPECT_EQ(count("login_failure", "10.0.0.1", "alice", 200).count, 2);  // since is inclusive
  EXPECT_EQ(count("login_failure", "10.0.0.1", "alice", 301).count, 0);
  EXPECT_EQ(count("login_failure", "10.0.0.1", "alice", 301).last_at, 0);
  EXPECT_EQ(count("login_failure", "10.0.0.1", std::nullopt, 0).count, 4);  // every name
  EXPECT_EQ(count("login_failure", "10.0.0.2", std::nullopt, 0).count, 1);
  EXPECT_EQ(count("register", "10.0.0.1", std::nullopt, 0).count, 1);

  MustWrite([&](StoreTx& tx) {  // only alice's failures from 10.0.0.1
    return tx.ClearAttempts("login_failure", "10.0.0.1", "alice");
  });
  EXPECT_EQ(count("login_failure", "10.0.0.1", "alice", 0).count, 0);
  EXPECT_EQ(count("login_failure", "10.0.0.1", "bob", 0).count, 1);
  EXPECT_EQ(count("login_failure", "10.0.0.2", "alice", 0).count, 1);

  int64_t pruned = 0;
  MustWrite([&](StoreTx& tx) -> Status {
    auto n = tx.PruneAttempts(260);  // before 260: bob's failure only
    if (!n.ok()) return n.status();
    pruned = *n;
    return Status::Ok();
  });
  EXPECT_EQ(pruned, 1);
  EXPECT_EQ(count("login_failure", "10.0.0.1", std::nullopt, 0).count, 0);
  EXPECT_EQ(count("login_failure", "10.0.0.2", "alice", 0).count, 1);
  EXPECT_EQ(count("register", "10.0.0.1", std::nullopt, 0).count, 1);
}

TEST_F(SqlTxTest, UsersAndOrgsUpdate) {
  int64_t org = AddOrg("org");
  int64_t user = AddUser("alice", std::nullopt);
  MustWrite([&](StoreTx& tx) -> Status {
    auto u = tx.GetUser(user);
    KC_RETURN_IF_ERROR(u);
    u->org_id = org;
    u->role = Role::kEditor;
    u->org_role = OrgRole::kAdmin;
    u->disabled = true;
    u->display_name = "爱丽丝";
    KC_RETURN_IF_ERROR(tx.UpdateUser(*u));
    auto o = tx.GetOrg(org);
    KC_RETURN_IF_ERROR(o);
    o->name = "renamed";
    o->credit_code = "91350100M000100Y43";
    o->demo = true;
    return tx.UpdateOrg(*o);
  });
  ASSERT_TRUE(store_
                  ->Read([&](StoreTx& tx) -> Status {
                    auto u = tx.FindUserByName("alice");
                    EXPECT_EQ(u->org_id, org);
                    EXPECT_EQ(u->role, Role::kEditor);
                    EXPECT_EQ(u->org_role, OrgRole::kAdmin);
                    EXPECT_TRUE(u->disabled);
                    EXPECT_EQ(u->display_name, "爱丽丝");
                    auto o = tx.FindOrgByName("renamed");
                    EXPECT_TRUE(o->has_value());
                    EXPECT_EQ((*o)->credit_code, "91350100M000100Y43");
                    EXPECT_TRUE((*o)->demo);
                    return Status::Ok();
                  })
                  .ok());
}

TEST_F(SqlTxTest, TwoOrgsCannotShareACreditCodeButMayBothHaveNone) {
  AddOrg("a");
  AddOrg("b");  // both with an empty credit code
  auto with_code = [&](const std::string& name) {
    return store_->Write([&](StoreTx& tx) -> Status {
      Org o;
      o.name = name;
      o.credit_code = "91350100M000100Y43";
      return tx.InsertOrg(o).status();
    });
  };
  EXPECT_TRUE(with_code("c").ok());
  Status s = with_code("d");
  EXPECT_EQ(s.kind(), ErrorKind::kConflict);
  EXPECT_EQ(s.field(), "credit_code");
}

TEST_F(SqlTxTest, ListingsNeedAnExistingOrganisation) {
  int64_t user = AddUser("alice", std::nullopt);
  Status s = store_->Write(
      [&](StoreTx& tx) { return tx.InsertListing(MakeListing(999, user, "t")).status(); });
  EXPECT_FALSE(s.ok()) << "foreign keys are enforced";
}

TEST_F(SqlTxTest, ListExpiredReturnsPublishedListingsPastTheirExpiry) {
  int64_t org = AddOrg("org");
  int64_t user = AddUser("alice", org);
  auto add = [&](ListingStatus status, int64_t expires_at) {
    Listing l = MakeListing(org, user, "t");
    l.status = status;
    l.expires_at = expires_at;
    return Insert(l);
  };
  int64_t due1 = add(ListingStatus::kPublished, 50);
  add(ListingStatus::kPublished, 0);     // never expires
  add(ListingStatus::kPublished, 1000);  // later
  add(ListingStatus::kPublished, 100);   // exactly now: not yet
  add(ListingStatus::kDraft, 50);        // not published
  add(ListingStatus::kClosed, 50);
  int64_t due2 = add(ListingStatus::kPublished, 99);
  ASSERT_TRUE(store_
                  ->Read([&](StoreTx& tx) -> Status {
                    EXPECT_THAT(*tx.ListExpired(100, 10), ElementsAre(due1, due2));
                    EXPECT_THAT(*tx.ListExpired(100, 1), ElementsAre(due1));
                    return Status::Ok();
                  })
                  .ok());
}

TEST_F(SqlTxTest, MetaIsUpserted) {
  MustWrite([&](StoreTx& tx) -> Status {
    KC_RETURN_IF_ERROR(tx.SetMeta("demo_loaded", "1"));
    return tx.SetMeta("demo_loaded", "2");
  });
  ASSERT_TRUE(store_
                  ->Read([&](StoreTx& tx) -> Status {
                    EXPECT_EQ(**tx.GetMeta("demo_loaded"), "2");
                    return Status::Ok();
                  })
                  .ok());
}

}  // namespace
}  // namespace kc
