// The deal, open-call and statistics contract (store/deal_tx.h), run on SQLite and, as
// "pg:SqlDealTxTest.*", on the test PostgreSQL server.
#include "store/sql/sql_deal_tx.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <pqxx/pqxx>
#include <tuple>

#include "store/sqlite/sqlite_store.h"
#include "store/temp_db.h"

namespace kc {
namespace {

using ::testing::ElementsAre;
using testing::OpenOrDie;
using testing::TempDir;

class SqlDealTxTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = OpenOrDie(dir_.File("kc.db"));
    ASSERT_NE(store_, nullptr);
    buyer_ = AddOrg("买方企业");
    seller_ = AddOrg("卖方大学");
    broker_ = AddOrg("技术经纪公司");
    other_ = AddOrg("无关公司");
    MustWrite([&](StoreTx& tx) -> Status {
      for (auto [name, org] :
           {std::pair{"b1", buyer_}, {"s1", seller_}, {"k1", broker_}, {"o1", other_}}) {
        User u;
        u.username = name;
        u.display_name = std::string("Name ") + name;
        u.org_id = org;
        u.password_hash = "x";
        auto id = tx.InsertUser(u);
        if (!id.ok()) return id.status();
        users_.push_back(*id);
      }
      return Status::Ok();
    });
  }

  void MustWrite(const std::function<Status(StoreTx&)>& fn) {
    Status s = store_->Write(fn);
    ASSERT_TRUE(s.ok()) << s.code() << ": " << s.message();
  }

  int64_t AddOrg(const std::string& name) {
    int64_t id = 0;
    MustWrite([&](StoreTx& tx) -> Status {
      Org o;
      o.name = name;
      auto r = tx.InsertOrg(o);
      if (!r.ok()) return r.status();
      id = *r;
      return Status::Ok();
    });
    return id;
  }

  Deal NewDeal(int64_t buyer, int64_t seller, std::optional<int64_t> broker = std::nullopt,
               DealKind kind = DealKind::kTechnology) {
    Deal d;
    d.kind = kind;
    d.title = "低温电解液";
    d.demand_id = 7;
    d.buyer_org_id = buyer;
    d.seller_org_id = seller;
    d.broker_org_id = broker;
    d.opened_by = users_[0];
    d.created_at = d.updated_at = 1000;
    MustWrite([&](StoreTx& tx) -> Status {
      auto id = tx.deals().InsertDeal(d);
      if (!id.ok()) return id.status();
      d.id = *id;
      return Status::Ok();
    });
    return d;
  }

  Page<Deal> List(const DealQuery& q) {
    Page<Deal> out;
    Status s = store_->Read([&](StoreTx& tx) -> Status {
      auto p = tx.deals().ListDeals(q);
      if (!p.ok()) return p.status();
      out = *p;
      return Status::Ok();
    });
    EXPECT_TRUE(s.ok()) << s.message();
    return out;
  }

  static std::vector<int64_t> Ids(const Page<Deal>& p) {
    std::vector<int64_t> ids;
    for (const auto& d : p.items) ids.push_back(d.id);
    return ids;
  }

  TempDir dir_;
  std::unique_ptr<Store> store_;
  int64_t buyer_ = 0, seller_ = 0, broker_ = 0, other_ = 0;
  std::vector<int64_t> users_;
};

TEST_F(SqlDealTxTest, ADealRoundTripsEveryField) {
  Deal d = NewDeal(buyer_, seller_, broker_);
  d.stage = DealStage::kDeclined;
  d.reason = DealReason::kIpTerms;
  d.reason_note = "专利归属谈不拢";
  d.nda_passed = true;
  d.achievement_id = 9;
  d.call_id = 3;
  d.signed_at = 2000;
  d.registered_at = 3000;
  d.updated_at = 1500;
  MustWrite([&](StoreTx& tx) { return tx.deals().UpdateDeal(d); });
  Status s = store_->Read([&](StoreTx& tx) -> Status {
    auto got = tx.deals().GetDeal(d.id);
    if (!got.ok()) return got.status();
    EXPECT_EQ(got->title, d.title);
    EXPECT_EQ(got->demand_id, 7);
    EXPECT_EQ(got->achievement_id, 9);
    EXPECT_EQ(got->call_id, 3);
    EXPECT_EQ(got->buyer_org_id, buyer_);
    EXPECT_EQ(got->seller_org_id, seller_);
    EXPECT_EQ(got->broker_org_id, broker_);
    EXPECT_EQ(got->stage, DealStage::kDeclined);
    EXPECT_EQ(got->reason, DealReason::kIpTerms);
    EXPECT_EQ(got->reason_note, "专利归属谈不拢");
    EXPECT_TRUE(got->nda_passed);
    EXPECT_EQ(got->created_at, 1000);
    EXPECT_EQ(got->updated_at, 1500);
    EXPECT_EQ(got->signed_at, 2000);
    EXPECT_EQ(got->registered_at, 3000);
    EXPECT_EQ(got->kind, DealKind::kTechnology);
    EXPECT_EQ(tx.deals().GetDeal(d.id + 100).status().kind(), ErrorKind::kNotFound);
    return Status::Ok();
  });
  EXPECT_TRUE(s.ok()) << s.message();
}

TEST_F(SqlDealTxTest, ATalentEngagementKeepsItsKind) {
  Deal d = NewDeal(buyer_, seller_, std::nullopt, DealKind::kTalent);
  d.stage = DealStage::kCompleted;
  MustWrite([&](StoreTx& tx) { return tx.deals().UpdateDeal(d); });
  Status s = store_->Read([&](StoreTx& tx) -> Status {
    auto got = tx.deals().GetDeal(d.id);
    if (!got.ok()) return got.status();
    EXPECT_EQ(got->kind, DealKind::kTalent);
    EXPECT_EQ(got->stage, DealStage::kCompleted);
    return Status::Ok();
  });
  EXPECT_TRUE(s.ok()) << s.message();
}

TEST_F(SqlDealTxTest, ListsOnlyTheDealsOfTheGivenOrganisations) {
  Deal d1 = NewDeal(buyer_, seller_);
  Deal d2 = NewDeal(other_, seller_, broker_);
  Deal d3 = NewDeal(other_, buyer_);
  DealQuery q;
  EXPECT_EQ(List(q).total, 0) << "no organisation, not all: nothing";
  q.org_ids = {buyer_};
  EXPECT_THAT(Ids(List(q)), ElementsAre(d3.id, d1.id));
  q.org_ids = {broker_};
  EXPECT_THAT(Ids(List(q)), ElementsAre(d2.id));
  q.org_ids = {};
  q.all = true;
  EXPECT_EQ(List(q).total, 3);
  q.broker_org_id = broker_;
  EXPECT_THAT(Ids(List(q)), ElementsAre(d2.id));
  q.broker_org_id.reset();
  q.limit = 1;
  q.offset = 1;
  auto page = List(q);
  EXPECT_EQ(page.total, 3);
  EXPECT_THAT(Ids(page), ElementsAre(d2.id));
  q.limit = 10;
  q.offset = 0;
  q.stage = DealStage::kSigned;
  EXPECT_EQ(List(q).total, 0);
  q.stage = DealStage::kIntent;
  EXPECT_EQ(List(q).total, 3);
}

TEST_F(SqlDealTxTest, PartyUsersAreThoseOfBuyerSellerAndBroker) {
  Deal d = NewDeal(buyer_, seller_, broker_);
  Status s = store_->Read([&](StoreTx& tx) -> Status {
    auto ids = tx.deals().PartyUserIds(d);
    if (!ids.ok()) return ids.status();
    EXPECT_THAT(*ids, ElementsAre(users_[0], users_[1], users_[2]));
    return Status::Ok();
  });
  EXPECT_TRUE(s.ok()) << s.message();
}

TEST_F(SqlDealTxTest, MessagesAttachmentsContractsAndSecrets) {
  Deal d = NewDeal(buyer_, seller_);
  MustWrite([&](StoreTx& tx) -> Status {
    KC_RETURN_IF_ERROR(tx.deals().InsertMessage({0, d.id, users_[1], "", "你好", 1100}));
    KC_RETURN_IF_ERROR(tx.deals().InsertMessage({0, d.id, users_[0], "", "请报价", 1200}));
    KC_RETURN_IF_ERROR(tx.deals().InsertAttachment(
        {0, d.id, users_[0], "方案.pdf", "application/pdf", 42, "abc123", 1300}));
    KC_RETURN_IF_ERROR(tx.deals().PutContract(
        {d.id, ContractType::kLicense, 100, "2026-03-01", "44030000001", users_[0], 1400}));
    KC_RETURN_IF_ERROR(tx.deals().PutContract(
        {d.id, ContractType::kTransfer, 500000, "2026-03-02", "44030000002", users_[1], 1500}));
    KC_RETURN_IF_ERROR(tx.deals().PutConfidential(9, "配方: A 30%", users_[1], 1000));
    return Status::Ok();
  });
  // A duplicate stored name is refused (two uploads never share a file).
  Status dup = store_->Write([&](StoreTx& tx) {
    return tx.deals()
        .InsertAttachment({0, d.id, users_[0], "x.pdf", "application/pdf", 1, "abc123", 1})
        .status();
  });
  EXPECT_EQ(dup.kind(), ErrorKind::kConflict);
  Status s = store_->Read([&](StoreTx& tx) -> Status {
    auto msgs = tx.deals().ListMessages(d.id);
    if (!msgs.ok()) return msgs.status();
    EXPECT_EQ(msgs->size(), 2u);
    EXPECT_EQ((*msgs)[0].text, "你好");
    EXPECT_EQ((*msgs)[0].author_name, "Name s1");
    auto files = tx.deals().ListAttachments(d.id);
    if (!files.ok()) return files.status();
    EXPECT_EQ(files->size(), 1u);
    auto file = tx.deals().GetAttachment((*files)[0].id);
    if (!file.ok()) return file.status();
    EXPECT_EQ(file->file_name, "方案.pdf");
    EXPECT_EQ(file->size, 42);
    EXPECT_EQ(file->stored_name, "abc123");
    auto contract = tx.deals().GetContract(d.id);
    if (!contract.ok()) return contract.status();
    EXPECT_TRUE(contract->has_value());
    EXPECT_EQ((*contract)->type, ContractType::kTransfer);
    EXPECT_EQ((*contract)->amount_cny, 500000);
    EXPECT_EQ((*contract)->registration_no, "44030000002");
    auto none = tx.deals().GetContract(d.id + 1);
    EXPECT_TRUE(none.ok() && !none->has_value());
    auto secret = tx.deals().GetConfidential(9);
    EXPECT_TRUE(secret.ok() && *secret == std::optional<std::string>("配方: A 30%"));
    auto no_secret = tx.deals().GetConfidential(10);
    EXPECT_TRUE(no_secret.ok() && !no_secret->has_value());
    // The batched lookups leave out what has no record.
    auto contracts = tx.deals().GetContracts({d.id, d.id + 1});
    if (!contracts.ok()) return contracts.status();
    EXPECT_EQ(contracts->size(), 1u);
    if (!contracts->empty()) {
      EXPECT_EQ((*contracts)[0].deal_id, d.id);
      EXPECT_EQ((*contracts)[0].registration_no, "44030000002");
    }
    auto secrets = tx.deals().GetConfidentials({9, 10});
    if (!secrets.ok()) return secrets.status();
    EXPECT_EQ(*secrets, (std::map<int64_t, std::string>{{9, "配方: A 30%"}}));
    auto nothing = tx.deals().GetContracts({});
    EXPECT_TRUE(nothing.ok() && nothing->empty());
    return Status::Ok();
  });
  EXPECT_TRUE(s.ok()) << s.message();
}

TEST_F(SqlDealTxTest, AuditOfOrgDealsCoversOnlyThatOrganisationsDeals) {
  Deal mine = NewDeal(buyer_, seller_);
  Deal theirs = NewDeal(other_, seller_);
  MustWrite([&](StoreTx& tx) -> Status {
    KC_RETURN_IF_ERROR(tx.AppendAudit({0, 1, users_[0], "deal", mine.id, "open", "{}"}));
    KC_RETURN_IF_ERROR(tx.AppendAudit({0, 2, users_[3], "deal", theirs.id, "open", "{}"}));
    KC_RETURN_IF_ERROR(tx.AppendAudit({0, 3, users_[1], "deal", mine.id, "stage", "{}"}));
    return tx.AppendAudit({0, 4, users_[1], "listing", mine.id, "update", "{}"});
  });
  Status s = store_->Read([&](StoreTx& tx) -> Status {
    auto a = tx.deals().AuditOfOrgDeals(buyer_);
    if (!a.ok()) return a.status();
    std::vector<std::string> actions;
    for (const auto& e : *a) actions.push_back(e.action);
    EXPECT_THAT(actions, ElementsAre("open", "stage"));
    auto b = tx.deals().AuditOfOrgDeals(seller_);
    EXPECT_TRUE(b.ok() && b->size() == 3u);
    return Status::Ok();
  });
  EXPECT_TRUE(s.ok()) << s.message();
}

TEST_F(SqlDealTxTest, DealNoticesDoNotCollideWithEachOtherOrWithSubscriptionNotices) {
  Deal d = NewDeal(buyer_, seller_);
  MustWrite([&](StoreTx& tx) -> Status {
    for (int i = 0; i < 3; ++i) {
      Notification n;
      n.user_id = users_[0];
      n.kind = "deal_message";
      n.deal_id = d.id;
      n.title = d.title;
      n.created_at = 1000 + i;
      auto inserted = tx.InsertNotification(n);
      if (!inserted.ok()) return inserted.status();
      EXPECT_TRUE(*inserted);
    }
    return Status::Ok();
  });
  Status s = store_->Read([&](StoreTx& tx) -> Status {
    auto page = tx.ListNotifications(users_[0], false, 0, 10);
    if (!page.ok()) return page.status();
    EXPECT_EQ(page->total, 3);
    EXPECT_EQ(page->items[0].deal_id, d.id);
    EXPECT_EQ(page->items[0].subscription_id, 0);
    EXPECT_EQ(page->items[0].kind, "deal_message");
    return Status::Ok();
  });
  EXPECT_TRUE(s.ok()) << s.message();
}

TEST_F(SqlDealTxTest, CallsJudgesProposalsAndScores) {
  Challenge c;
  c.demand_id = 7;
  c.org_id = buyer_;
  c.title = "揭榜：低温电解液";
  c.reward_cny = 500000;
  c.deadline = "2026-12-31";
  c.criteria = {{"技术先进性", 60}, {"成本", 40}};
  c.created_by = users_[0];
  c.created_at = 10;
  MustWrite([&](StoreTx& tx) -> Status {
    auto id = tx.deals().InsertChallenge(c);
    if (!id.ok()) return id.status();
    c.id = *id;
    KC_RETURN_IF_ERROR(tx.deals().AddJudge(c.id, users_[2]));
    KC_RETURN_IF_ERROR(tx.deals().AddJudge(c.id, users_[2]));
    KC_RETURN_IF_ERROR(tx.deals().AddJudge(c.id, users_[3]));
    Proposal p;
    p.call_id = c.id;
    p.org_id = seller_;
    p.author_id = users_[1];
    p.summary = "方案";
    p.achievement_id = 9;
    auto pid = tx.deals().InsertProposal(p);
    if (!pid.ok()) return pid.status();
    KC_RETURN_IF_ERROR(tx.deals().PutScore({*pid, users_[2], {80, 60}, 72, 20}));
    KC_RETURN_IF_ERROR(tx.deals().PutScore({*pid, users_[3], {90, 90}, 90, 21}));
    KC_RETURN_IF_ERROR(tx.deals().PutScore({*pid, users_[3], {50, 50}, 50, 22}));
    c.phase = ChallengePhase::kAnnounced;
    c.winner_proposal_id = *pid;
    c.deal_id = 3;
    return tx.deals().UpdateChallenge(c);
  });
  Status dup = store_->Write([&](StoreTx& tx) {
    Proposal p;
    p.call_id = c.id;
    p.org_id = seller_;
    p.author_id = users_[1];
    p.summary = "again";
    return tx.deals().InsertProposal(p).status();
  });
  EXPECT_EQ(dup.kind(), ErrorKind::kConflict) << "one proposal per organisation";
  Status s = store_->Read([&](StoreTx& tx) -> Status {
    auto got = tx.deals().GetChallenge(c.id);
    if (!got.ok()) return got.status();
    EXPECT_EQ(got->title, c.title);
    if (got->criteria.size() != 2u) return Internal("unexpected size of got->criteria");
    EXPECT_EQ(got->criteria[0].name, "技术先进性");
    EXPECT_DOUBLE_EQ(got->criteria[1].weight, 40);
    EXPECT_EQ(got->phase, ChallengePhase::kAnnounced);
    EXPECT_EQ(got->deal_id, 3);
    auto judges = tx.deals().ListJudges(c.id);
    EXPECT_TRUE(judges.ok() && judges->size() == 2u);
    auto proposals = tx.deals().ListProposals(c.id);
    if (!proposals.ok()) return proposals.status();
    EXPECT_EQ(proposals->size(), 1u);
    EXPECT_EQ((*proposals)[0].org_name, "卖方大学");
    EXPECT_EQ((*proposals)[0].judges_scored, 2);
    EXPECT_DOUBLE_EQ((*proposals)[0].score, 61.0);  // (72 + 50) / 2: a rescore replaces
    EXPECT_EQ(tx.deals().ListChallenges(0, 10)->total, 1);
    return Status::Ok();
  });
  EXPECT_TRUE(s.ok()) << s.message();
}

TEST_F(SqlDealTxTest, StatsCountPublishedListingsDealsAndTheFunnel) {
  MustWrite([&](StoreTx& tx) -> Status {
    for (auto [kind, region, at] : {std::tuple{ListingKind::kDemand, "440305", 1767225600},
                                    {ListingKind::kDemand, "110108", 1769904000},
                                    {ListingKind::kAchievement, "440300", 1767225600}}) {
      Listing l;
      l.kind = kind;
      l.org_id = buyer_;
      l.owner_id = users_[0];
      l.title = "x";
      l.category = "工学";
      l.region = region;
      l.status = ListingStatus::kPublished;
      l.published_at = at;
      KC_RETURN_IF_ERROR(tx.InsertListing(l));
    }
    Listing draft;
    draft.kind = ListingKind::kDemand;
    draft.org_id = buyer_;
    draft.owner_id = users_[0];
    draft.title = "draft";
    KC_RETURN_IF_ERROR(tx.InsertListing(draft));
    KC_RETURN_IF_ERROR(tx.deals().RecordMatchViews({}));
    return tx.deals().RecordMatchViews(
        {{1, "1970-01-01", "u1", users_[0], 10, 5}, {1, "1970-01-01", "a0f", std::nullopt, 7, 6}});
  });
  Deal d1 = NewDeal(buyer_, seller_);
  Deal d2 = NewDeal(buyer_, seller_);
  d1.stage = DealStage::kRegistered;
  d1.signed_at = 2000;
  d1.registered_at = 3000;
  d2.stage = DealStage::kDeclined;
  d2.reason = DealReason::kPrice;
  MustWrite([&](StoreTx& tx) -> Status {
    KC_RETURN_IF_ERROR(tx.deals().UpdateDeal(d1));
    return tx.deals().UpdateDeal(d2);
  });
  Status s = store_->Read([&](StoreTx& tx) -> Status {
    auto st = tx.deals().Stats();
    if (!st.ok()) return st.status();
    if (st->demands_by_month.size() != 2u)
      return Internal("unexpected size of st->demands_by_month");
    EXPECT_EQ(st->demands_by_month[0].key, "2026-01");
    EXPECT_EQ(st->demands_by_month[1].key, "2026-02");
    if (st->demands_by_region.size() != 2u)
      return Internal("unexpected size of st->demands_by_region");
    EXPECT_EQ(st->demands_by_region[0].key, "11");
    if (st->achievements_by_category.size() != 1u)
      return Internal("unexpected size of st->achievements_by_category");
    EXPECT_EQ(st->achievements_by_category[0].n, 1);
    EXPECT_EQ(st->matches_shown, 2);
    EXPECT_EQ(st->deals_opened, 2);
    EXPECT_EQ(st->deals_signed, 1);
    EXPECT_EQ(st->deals_registered, 1);
    if (st->declined_by_reason.size() != 1u)
      return Internal("unexpected size of st->declined_by_reason");
    EXPECT_EQ(st->declined_by_reason[0].key, "price");
    if (st->deals_by_month.size() != 1u) return Internal("unexpected size of st->deals_by_month");
    EXPECT_EQ(st->deals_by_month[0].key, "1970-01");
    return Status::Ok();
  });
  EXPECT_TRUE(s.ok()) << s.message();
}

TEST_F(SqlDealTxTest, MatchViewsCountOncePerListingViewerAndDay) {
  auto shown = [&] {
    int64_t n = -1;
    Status s = store_->Read([&](StoreTx& tx) -> Status {
      auto st = tx.deals().Stats();
      if (!st.ok()) return st.status();
      n = st->matches_shown;
      return Status::Ok();
    });
    EXPECT_TRUE(s.ok()) << s.message();
    return n;
  };
  // The same viewer reloading ten times, in one batch and in separate ones.
  std::vector<MatchView> reloads;
  for (int i = 0; i < 10; ++i) reloads.push_back({1, "2026-03-01", "aaa", std::nullopt, 5, i});
  MustWrite([&](StoreTx& tx) { return tx.deals().RecordMatchViews(reloads); });
  MustWrite([&](StoreTx& tx) { return tx.deals().RecordMatchViews(reloads); });
  EXPECT_EQ(shown(), 1);
  // A second viewer, a signed-in one, and the first one on another listing.
  MustWrite([&](StoreTx& tx) {
    return tx.deals().RecordMatchViews({{1, "2026-03-01", "bbb", std::nullopt, 5, 20},
                                        {1, "2026-03-01", "u1", users_[0], 5, 21},
                                        {1, "2026-03-01", "u1", users_[0], 5, 22},
                                        {2, "2026-03-01", "aaa", std::nullopt, 5, 23}});
  });
  EXPECT_EQ(shown(), 4);
  // The next day counts again.
  MustWrite([&](StoreTx& tx) {
    return tx.deals().RecordMatchViews({{1, "2026-03-02", "aaa", std::nullopt, 5, 86400},
                                        {1, "2026-03-02", "aaa", std::nullopt, 5, 86401}});
  });
  EXPECT_EQ(shown(), 5);
}

TEST_F(SqlDealTxTest, BrokeredDealsCarryTheirContractAmount) {
  Deal d = NewDeal(buyer_, seller_, broker_);
  NewDeal(buyer_, seller_);
  MustWrite([&](StoreTx& tx) {
    return tx.deals().PutContract(
        {d.id, ContractType::kService, 300000, "2026-01-01", "R", users_[0], 1});
  });
  Status s = store_->Read([&](StoreTx& tx) -> Status {
    auto b = tx.deals().BrokeredDeals(broker_);
    if (!b.ok()) return b.status();
    EXPECT_EQ(b->size(), 1u);
    EXPECT_EQ((*b)[0].deal.id, d.id);
    EXPECT_EQ((*b)[0].amount_cny, 300000);
    return Status::Ok();
  });
  EXPECT_TRUE(s.ok()) << s.message();
}

// On PostgreSQL a failed statement would spoil the transaction: a refused proposal inside
// Nested must leave the enclosing transaction usable.
TEST_F(SqlDealTxTest, ARefusedProposalInNestedLeavesTheTransactionUsable) {
  Status s = store_->Write([&](StoreTx& tx) -> Status {
    Challenge c;
    c.org_id = buyer_;
    c.title = "揭榜";
    c.deadline = "2026-12-31";
    c.created_by = users_[0];
    auto call = tx.deals().InsertChallenge(c);
    if (!call.ok()) return call.status();
    Proposal p;
    p.call_id = *call;
    p.org_id = buyer_;
    p.author_id = users_[0];
    p.summary = "first";
    KC_RETURN_IF_ERROR(tx.deals().InsertProposal(p).status());
    Status again =
        tx.Nested([&](StoreTx& inner) { return inner.deals().InsertProposal(p).status(); });
    EXPECT_EQ(again.kind(), ErrorKind::kConflict);
    auto list = tx.deals().ListProposals(*call);
    if (!list.ok()) return list.status();
    EXPECT_EQ(list->size(), 1u);
    return Status::Ok();
  });
  EXPECT_TRUE(s.ok()) << s.message();
}

// The statistics' months are UTC whatever the PostgreSQL server's time zone. Needs the test run's
// server (KC_TEST_POSTGRES); skipped in the SQLite run.
class PostgresDealTxTest : public SqlDealTxTest {
 protected:
  void SetUp() override {
    if (!testing::UsingPostgres()) GTEST_SKIP() << "needs KC_TEST_POSTGRES (the pg: run)";
    // Sessions of this database run in Beijing time, as a server in China may be set up.
    pqxx::connection c(testing::DatabaseFor(dir_.File("kc.db")));
    pqxx::nontransaction(c).exec("ALTER DATABASE " + c.quote_name(c.dbname()) +
                                 " SET timezone TO 'Asia/Shanghai'");
    SqlDealTxTest::SetUp();
  }
};

TEST_F(PostgresDealTxTest, StatisticsMonthsAreUtc) {
  Status s = store_->Write([&](StoreTx& tx) -> Status {
    Deal d;
    d.title = "跨月";
    d.buyer_org_id = d.seller_org_id = buyer_;
    d.opened_by = users_[0];
    d.created_at = d.updated_at = 1767225599;  // 2025-12-31 23:59:59 UTC, 2026-01 in Beijing
    return tx.deals().InsertDeal(d).status();
  });
  ASSERT_TRUE(s.ok()) << s.message();
  s = store_->Read([&](StoreTx& tx) -> Status {
    auto st = tx.deals().Stats();
    if (!st.ok()) return st.status();
    EXPECT_EQ(st->deals_opened, 1);
    if (st->deals_by_month.size() == 1) {
      EXPECT_EQ(st->deals_by_month[0].key, "2025-12");
    }
    EXPECT_EQ(st->deals_by_month.size(), 1u);
    return Status::Ok();
  });
  EXPECT_TRUE(s.ok()) << s.message();
}

}  // namespace
}  // namespace kc
