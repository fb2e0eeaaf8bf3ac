// CountedStore: the count moves with every write made through it, and only then.
#include "store/counted_store.h"

#include <gtest/gtest.h>

#include "store/temp_db.h"

namespace kc::testing {
namespace {

class CountedStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto inner = OpenOrDie(dir_.File("kc.db"));
    ASSERT_NE(inner, nullptr);
    store_ = std::make_unique<CountedStore>(std::move(inner));
  }

  Result<int64_t> InsertOrg(const std::string& name) {
    int64_t id = 0;
    Status s = store_->Write([&](StoreTx& tx) -> Status {
      Org o;
      o.name = name;
      o.type = OrgType::kEnterprise;
      o.country = "CN";
      o.created_at = 100;
      auto r = tx.InsertOrg(o);
      if (!r.ok()) return r.status();
      id = *r;
      return Status::Ok();
    });
    if (!s.ok()) return s;
    return id;
  }

  TempDir dir_;
  std::unique_ptr<CountedStore> store_;
};

TEST_F(CountedStoreTest, ACommittedWriteMovesTheCountAndAReadDoesNot) {
  const uint64_t before = store_->writes();
  auto id = InsertOrg("甲企业");
  ASSERT_TRUE(id.ok()) << id.status().message();
  const uint64_t after = store_->writes();
  EXPECT_GT(after, before);
  // The write went through to the store underneath.
  Status read = store_->Read([&](StoreTx& tx) -> Status {
    auto org = tx.GetOrg(*id);
    if (!org.ok()) return org.status();
    EXPECT_EQ(org->name, "甲企业");
    return Status::Ok();
  });
  EXPECT_TRUE(read.ok()) << read.message();
  EXPECT_EQ(store_->writes(), after);
}

TEST_F(CountedStoreTest, AWriteThatRollsBackMovesTheCountToo) {
  const uint64_t before = store_->writes();
  Status s = store_->Write([](StoreTx&) { return Conflict("taken", "the name is taken", "name"); });
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.code(), "taken");
  EXPECT_GT(store_->writes(), before);
}

TEST_F(CountedStoreTest, ImportingTablesMovesTheCount) {
  const uint64_t before = store_->writes();
  // Refused (the database is not empty: migrations seed it and the org below), counted anyway.
  ASSERT_TRUE(InsertOrg("乙企业").ok());
  const uint64_t after_insert = store_->writes();
  EXPECT_GT(after_insert, before);
  (void)store_->ImportTables({});
  EXPECT_GT(store_->writes(), after_insert);
}

}  // namespace
}  // namespace kc::testing
