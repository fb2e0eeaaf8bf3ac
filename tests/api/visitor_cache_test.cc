// VisitorCache: an answer is given back until a write or its age ends it.
#include "api/visitor_cache.h"

#include <gtest/gtest.h>

#include "store/temp_db.h"

namespace kc::testing {
namespace {

using namespace std::chrono_literals;
using api::VisitorCache;

class VisitorCacheTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto inner = OpenOrDie(dir_.File("kc.db"));
    ASSERT_NE(inner, nullptr);
    store_ = std::make_unique<CountedStore>(std::move(inner));
  }

  void Write() {
    (void)store_->Write([](StoreTx&) { return Status::Ok(); });
  }

  VisitorCache MakeCache(size_t max_entries = 16) {
    return VisitorCache(store_.get(), 2000ms, max_entries, [this] { return now_; });
  }

  TempDir dir_;
  std::unique_ptr<CountedStore> store_;
  std::chrono::steady_clock::time_point now_{};
};

TEST_F(VisitorCacheTest, AKeptAnswerIsGivenBackUntilTheNextWrite) {
  VisitorCache cache = MakeCache();
  EXPECT_FALSE(cache.Find("demand/1").has_value());
  cache.Put("demand/1", cache.Take(), "{\"id\":1}");
  ASSERT_TRUE(cache.Find("demand/1").has_value());
  EXPECT_EQ(*cache.Find("demand/1"), "{\"id\":1}");
  EXPECT_FALSE(cache.Find("demand/2").has_value());
  Write();
  EXPECT_FALSE(cache.Find("demand/1").has_value());
}

TEST_F(VisitorCacheTest, AnAnswerReadBeforeAWriteIsNotKeptPastIt) {
  VisitorCache cache = MakeCache();
  // The stamp is taken, a write lands while the answer is read, then the answer is kept.
  const VisitorCache::Stamp stamp = cache.Take();
  Write();
  cache.Put("demand/1", stamp, "old");
  EXPECT_FALSE(cache.Find("demand/1").has_value());
}

TEST_F(VisitorCacheTest, AnAnswerEndsWithItsAge) {
  VisitorCache cache = MakeCache();
  cache.Put("demand/1", cache.Take(), "kept");
  now_ += 2000ms;
  EXPECT_TRUE(cache.Find("demand/1").has_value());
  now_ += 1ms;
  EXPECT_FALSE(cache.Find("demand/1").has_value());
}

TEST_F(VisitorCacheTest, AFullCacheStartsAgainEmpty) {
  VisitorCache cache = MakeCache(2);
  cache.Put("a", cache.Take(), "1");
  cache.Put("b", cache.Take(), "2");
  // Replacing a kept key does not count as a new one.
  cache.Put("b", cache.Take(), "3");
  EXPECT_EQ(*cache.Find("a"), "1");
  EXPECT_EQ(*cache.Find("b"), "3");
  cache.Put("c", cache.Take(), "4");
  EXPECT_FALSE(cache.Find("a").has_value());
  EXPECT_FALSE(cache.Find("b").has_value());
  EXPECT_EQ(*cache.Find("c"), "4");
}

}  // namespace
}  // namespace kc::testing
