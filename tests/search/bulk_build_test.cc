#include "search/bulk_build.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <thread>

#include "search/fixture.h"
#include "search/index.h"
#include "search/search.h"

namespace kc::search {
namespace {

using testing::MakeListing;
using testing::SampleListings;
using testing::TempDir;

TEST(EvenBoundsTest, SplitsSortedIdsIntoRanges) {
  EXPECT_EQ(EvenBounds({1, 2, 3, 4, 5, 6}, 2), (std::vector<int64_t>{1, 4, 7}));
  EXPECT_EQ(EvenBounds({1, 2, 3, 4, 5, 6}, 1), (std::vector<int64_t>{1, 7}));
  EXPECT_EQ(EvenBounds({5, 9, 40}, 3), (std::vector<int64_t>{5, 9, 40, 41}));
  // Fewer distinct ids than shards: fewer ranges, none empty by construction.
  EXPECT_EQ(EvenBounds({7, 7, 7}, 4), (std::vector<int64_t>{7, 8}));
  EXPECT_EQ(EvenBounds({}, 2), (std::vector<int64_t>{1, 2}));
}

TEST(BulkIndexBuilderTest, BadBoundsAndIdsOutsideThemAreRefused) {
  TempDir dir;
  EXPECT_FALSE(BulkIndexBuilder::Create(dir.Sub("w"), {1}).ok());
  EXPECT_FALSE(BulkIndexBuilder::Create(dir.Sub("w"), {1, 5, 5}).ok());
  auto b = BulkIndexBuilder::Create(dir.Sub("w"), {1, 3, 6});
  ASSERT_TRUE(b.ok()) << b.status().message();
  EXPECT_EQ((*b)->shards(), 2u);
  EXPECT_EQ((*b)->ShardOf(1), 0u);
  EXPECT_EQ((*b)->ShardOf(2), 0u);
  EXPECT_EQ((*b)->ShardOf(3), 1u);
  EXPECT_EQ((*b)->ShardOf(5), 1u);
  EXPECT_EQ((*b)->ShardOf(6), 2u);  // outside
  EXPECT_EQ((*b)->ShardOf(0), 2u);
  const Status s = (*b)->Add(MakeListing(6, ListingKind::kDemand, "污泥干化", "污泥脱水干化"));
  EXPECT_EQ(s.kind(), ErrorKind::kBadInput);
}

// The shards written on threads and compacted hold every published listing under its own id,
// searchable as through SearchIndex::Upsert, with the applied seq recorded.
TEST(BulkIndexBuilderTest, ShardsWrittenInParallelBecomeOneIndex) {
  TempDir dir;
  auto b = BulkIndexBuilder::Create(dir.Sub("work"), {1, 3, 5, 100}, /*commit_every=*/1);
  ASSERT_TRUE(b.ok()) << b.status().message();
  std::vector<Listing> listings = SampleListings();  // ids 1..5
  Listing draft = MakeListing(50, ListingKind::kDemand, "草稿需求", "未发布的污泥处理需求");
  draft.status = ListingStatus::kDraft;
  listings.push_back(draft);
  listings.push_back(MakeListing(99, ListingKind::kDemand, "钢铁厂高炉煤气余热回收",
                                 "回收高炉煤气余热用于发电。", {"余热回收"}));
  std::vector<std::thread> threads;
  std::vector<Status> results(listings.size(), Status::Ok());
  for (size_t i = 0; i < listings.size(); ++i) {
    threads.emplace_back([&, i] { results[i] = (*b)->Add(listings[i]); });
  }
  for (auto& t : threads) t.join();
  for (const Status& s : results) ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_EQ((*b)->documents(), 6u);  // not the draft
  ASSERT_TRUE((*b)->Finish(dir.Sub("index"), 42).ok());
  EXPECT_FALSE(std::filesystem::exists(dir.Sub("work")));

  auto index = SearchIndex::Open(dir.Sub("index"));
  ASSERT_TRUE(index.ok()) << index.status().message();
  EXPECT_EQ((*index)->applied_seq(), 42);
  {
    auto reader = (*index)->AcquireReader();
    ASSERT_TRUE(reader.ok());
    EXPECT_EQ((*reader)->get_doccount(), 6u);
    EXPECT_EQ((*reader)->get_lastdocid(), 99u);
    EXPECT_EQ((*reader)->get_termfreq("W污泥"), 1u);
  }
  Searcher searcher(index->get());
  SearchRequest r;
  r.q = "余热回收";
  auto found = searcher.Search(r);
  ASSERT_TRUE(found.ok());
  ASSERT_FALSE(found->hits.empty());
  EXPECT_EQ(found->hits.front().id, 99);
  // The result is an ordinary index: it takes upserts and removals.
  ASSERT_TRUE((*index)->Remove(99).ok());
  ASSERT_TRUE((*index)->Upsert(MakeListing(7, ListingKind::kDemand, "海水淡化", "反渗透膜")).ok());
  ASSERT_TRUE((*index)->Commit().ok());
  auto reader = (*index)->AcquireReader();
  ASSERT_TRUE(reader.ok());
  EXPECT_EQ((*reader)->get_doccount(), 6u);
  EXPECT_EQ((*reader)->get_termfreq("W余热"), 0u);
}

TEST(BulkIndexBuilderTest, NoListingsGiveAnEmptyIndexWithItsSeq) {
  TempDir dir;
  auto b = BulkIndexBuilder::Create(dir.Sub("work"), EvenBounds({}, 2));
  ASSERT_TRUE(b.ok());
  ASSERT_TRUE((*b)->Finish(dir.Sub("index"), 7).ok());
  auto index = SearchIndex::Open(dir.Sub("index"));
  ASSERT_TRUE(index.ok());
  EXPECT_EQ((*index)->applied_seq(), 7);
  auto reader = (*index)->AcquireReader();
  ASSERT_TRUE(reader.ok());
  EXPECT_EQ((*reader)->get_doccount(), 0u);
}

}  // namespace
}  // namespace kc::search
