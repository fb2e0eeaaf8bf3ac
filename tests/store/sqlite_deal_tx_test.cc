#include "store/sqlite/sqlite_deal_tx.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "store/sqlite/sqlite_store.h"
#include "store/temp_db.h"

namespace kc {
namespace {

using ::testing::ElementsAre;
using testing::OpenOrDie;
using testing::TempDir;

class SqliteDealTxTest : public ::testing::Test {
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

  Deal NewDeal(int64_t buyer, int64_t seller, std::optional<int64_t> broker = std::nullopt) {
    Deal d;
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

TEST_F(SqliteDealTxTest, ADealRoundTripsEveryField) {
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
    EXPECT_EQ(tx.deals().GetDeal(d.id + 100).status().kind(), ErrorKind::kNotFound);
    return Status::Ok();
  });
  EXPECT_TRUE(s.ok()) << s.message();
}

TEST_F(SqliteDealTxTest, ListsOnlyTheDealsOfTheGivenOrganisations) {
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

TEST_F(SqliteDealTxTest, PartyUsersAreThoseOfBuyerSellerAndBroker) {
  Deal d = NewDeal(buyer_, seller_, broker_);
  Status s = store_->Read([&](StoreTx& tx) -> Status {
    auto ids = tx.deals().PartyUserIds(d);
    if (!ids.ok()) return ids.status();
    EXPECT_THAT(*ids, ElementsAre(users_[0], users_[1], users_[2]));
    return Status::Ok();
  });
  EXPECT_TRUE(s.ok()) << s.message();
}

TEST_F(SqliteDealTxTest, MessagesAttachmentsContractsAndSecrets) {
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
    return Status::Ok();
  });
  EXPECT_TRUE(s.ok()) << s.message();
}

TEST_F(SqliteDealTxTest, AuditOfOrgDealsCoversOnlyThatOrganisationsDeals) {
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

TEST_F(SqliteDealTxTest, DealNoticesDoNotCollideWithEachOtherOrWithSubscriptionNotices) {
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

}  // namespace
}  // namespace kc
