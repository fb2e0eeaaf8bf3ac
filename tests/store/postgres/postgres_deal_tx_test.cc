// What PostgresDealTx adds to the shared contract (SqliteDealTxTest, "pg:" run): on PostgreSQL a
// failed statement spoils the transaction, so a refused proposal inside Nested must leave the
// enclosing transaction usable, and the statistics' months are UTC whatever the server's zone.
// Needs the test run's server (KC_TEST_POSTGRES); skipped in the SQLite run.
#include "store/postgres/postgres_deal_tx.h"

#include <gtest/gtest.h>

#include <pqxx/pqxx>

#include "store/temp_db.h"

namespace kc {
namespace {

using testing::TempDir;

class PostgresDealTxTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!testing::UsingPostgres()) GTEST_SKIP() << "needs KC_TEST_POSTGRES (the pg: run)";
    // Sessions of this database run in Beijing time, as a server in China may be set up.
    std::string url = testing::DatabaseFor(dir_.File("kc.db"));
    {
      pqxx::connection c(url);
      pqxx::nontransaction(c).exec("ALTER DATABASE " + c.quote_name(c.dbname()) +
                                   " SET timezone TO 'Asia/Shanghai'");
    }
    store_ = testing::OpenOrDie(dir_.File("kc.db"));
    ASSERT_NE(store_, nullptr);
    Status s = store_->Write([&](StoreTx& tx) -> Status {
      Org o;
      o.name = "买方";
      auto org = tx.InsertOrg(o);
      if (!org.ok()) return org.status();
      org_ = *org;
      User u;
      u.username = "u";
      u.org_id = org_;
      auto user = tx.InsertUser(u);
      if (!user.ok()) return user.status();
      user_ = *user;
      return Status::Ok();
    });
    ASSERT_TRUE(s.ok()) << s.message();
  }

  TempDir dir_;
  std::unique_ptr<Store> store_;
  int64_t org_ = 0, user_ = 0;
};

TEST_F(PostgresDealTxTest, ARefusedProposalInNestedLeavesTheTransactionUsable) {
  Status s = store_->Write([&](StoreTx& tx) -> Status {
    OpenCall c;
    c.org_id = org_;
    c.title = "揭榜";
    c.deadline = "2026-12-31";
    c.created_by = user_;
    auto call = tx.deals().InsertCall(c);
    if (!call.ok()) return call.status();
    Proposal p;
    p.call_id = *call;
    p.org_id = org_;
    p.author_id = user_;
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

TEST_F(PostgresDealTxTest, StatisticsMonthsAreUtc) {
  Status s = store_->Write([&](StoreTx& tx) -> Status {
    Deal d;
    d.title = "跨月";
    d.buyer_org_id = d.seller_org_id = org_;
    d.opened_by = user_;
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
