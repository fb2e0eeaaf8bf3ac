// CountedStore: the count moves with every write made through it, and only then.
#include "store/counted_store.h"

#include <gtest/gtest.h>

#include "store/sql/store_fixture.h"

namespace kc::testing {
namespace {

// The fixture's store, counted: every helper of StoreFixture writes through the count.
class CountedStoreTest : public StoreFixture {
 protected:
  void SetUp() override {
    StoreFixture::SetUp();
    auto counted = std::make_unique<CountedStore>(std::move(store_));
    counted_ = counted.get();
    store_ = std::move(counted);
  }

  CountedStore* counted_ = nullptr;
};

TEST_F(CountedStoreTest, ACommittedWriteMovesTheCountAndAReadDoesNot) {
  const uint64_t before = counted_->writes();
  const int64_t id = AddOrg("甲企业");
  const uint64_t after = counted_->writes();
  EXPECT_GT(after, before);
  // The write went through to the store underneath.
  Status read = counted_->Read([&](StoreTx& tx) -> Status {
    auto org = tx.GetOrg(id);
    if (!org.ok()) return org.status();
    EXPECT_EQ(org->name, "甲企业");
    return Status::Ok();
  });
  EXPECT_TRUE(read.ok()) << read.message();
  EXPECT_EQ(counted_->writes(), after);
}

TEST_F(CountedStoreTest, AWriteThatRollsBackMovesTheCountToo) {
  const uint64_t before = counted_->writes();
  Status s =
      counted_->Write([](StoreTx&) { return Conflict("taken", "the name is taken", "name"); });
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.code(), "taken");
  EXPECT_GT(counted_->writes(), before);
}

TEST_F(CountedStoreTest, ImportingTablesMovesTheCount) {
  AddOrg("乙企业");
  const uint64_t before = counted_->writes();
  // Refused (the database is not empty), counted anyway.
  EXPECT_FALSE(counted_->ImportTables({}).ok());
  EXPECT_GT(counted_->writes(), before);
}

}  // namespace
}  // namespace kc::testing
