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

  VisitorCache MakeCache(size_t max_bytes = 1024) {
    return VisitorCache(store_.get(), 2000ms, max_bytes, [this] { return now_; });
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

TEST_F(VisitorCacheTest, AFullCacheDropsOthersToKeepANewAnswer) {
  // Keys and bodies of 10 bytes: three fit in 30 bytes.
  VisitorCache cache = MakeCache(30);
  cache.Put("key1", cache.Take(), "body-1");
  cache.Put("key2", cache.Take(), "body-2");
  cache.Put("key3", cache.Take(), "body-3");
  // Replacing a kept key takes no more room.
  cache.Put("key3", cache.Take(), "body-4");
  int kept = 0;
  for (const char* key : {"key1", "key2", "key3"}) kept += cache.Find(key).has_value() ? 1 : 0;
  EXPECT_EQ(kept, 3);
  EXPECT_EQ(*cache.Find("key3"), "body-4");
  // A fourth is kept, and one of the others dropped for it.
  cache.Put("key5", cache.Take(), "body-5");
  EXPECT_EQ(*cache.Find("key5"), "body-5");
  kept = 0;
  for (const char* key : {"key1", "key2", "key3"}) kept += cache.Find(key).has_value() ? 1 : 0;
  EXPECT_EQ(kept, 2);
  // An answer larger than the whole cache is not kept, and drops nothing.
  cache.Put("big", cache.Take(), std::string(40, 'x'));
  EXPECT_FALSE(cache.Find("big").has_value());
  EXPECT_EQ(*cache.Find("key5"), "body-5");
}

}  // namespace
}  // namespace kc::testing
