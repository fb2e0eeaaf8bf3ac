#include "service/indexer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/mount.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "search/index.h"
#include "search/search.h"
#include "service/fixture.h"
#include "service/listings.h"

namespace kc {
namespace {

using testing::AchievementDraft;
using testing::DemandDraft;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAre;
using ::testing::UnorderedElementsAreArray;

class IndexerTest : public testing::ServiceTest {
 protected:
  void SetUp() override {
    MakeWorld();
    OpenIndex("index");
  }

  void OpenIndex(const std::string& name) { OpenIndexAt(dir_.File(name)); }

  void OpenIndexAt(const std::string& path) {
    indexer_.reset();
    index_.reset();
    auto index = search::SearchIndex::Open(path);
    ASSERT_TRUE(index.ok()) << index.status().message();
    index_ = std::move(*index);
    indexer_ = std::make_unique<Indexer>(store(), *index_);
    indexer_->OnPublished([this](const Listing& l) { hooked_.push_back(l.id); });
  }

  int64_t MustCatchUp() {
    auto n = indexer_->CatchUp();
    EXPECT_TRUE(n.ok()) << n.status().message();
    return n.ok() ? *n : -1;
  }

  // The ids of the documents in the committed index.
  std::set<int64_t> IndexedIds() {
    std::set<int64_t> ids;
    auto reader = index_->AcquireReader();
    EXPECT_TRUE(reader.ok()) << reader.status().message();
    if (!reader.ok()) return ids;
    Xapian::Database& db = **reader;
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) ids.insert(*it);
    return ids;
  }

  int64_t LastSeq() {
    const auto changes = Changes();
    return changes.empty() ? 0 : changes.back().seq;
  }

  Listing MustCreate(const User& who, Listing draft) {
    auto r = listings_.Create(Actor::Of(who), std::move(draft));
    EXPECT_TRUE(r.ok()) << r.status().code() << ": " << r.status().message();
    return r.ok() ? r->listing : Listing{};
  }

  Listing MustApply(const User& who, const Listing& l, ReviewAction action) {
    auto r = listings_.Apply(Actor::Of(who), l.kind, l.id, action);
    EXPECT_TRUE(r.ok()) << ActionName(action) << ": " << r.status().message();
    return r.ok() ? r->listing : Listing{};
  }

  // Created by a member of org A, submitted and approved by the reviewer.
  Listing Publish(Listing draft) {
    Listing l = MustCreate(a_member_, std::move(draft));
    MustApply(a_member_, l, ReviewAction::kSubmit);
    return MustApply(reviewer_, l, ReviewAction::kApprove);
  }

  // Inserts `n` listings of org A straight into the store in one transaction, each with its
  // change; every `published_every`-th is published, the others are drafts. Returns the ids
  // of the published ones.
  std::vector<int64_t> InsertMany(int n, int published_every) {
    std::vector<int64_t> published;
    Status s = store().Write([&](StoreTx& tx) -> Status {
      for (int i = 0; i < n; ++i) {
        Listing l = DemandDraft("批量导入的第" + std::to_string(i) + "号技术需求：纺织废水脱色");
        l.org_id = org_a_.id;
        l.owner_id = a_member_.id;
        l.ref = "BULK-" + std::to_string(i);
        l.created_at = l.updated_at = clock_.Now();
        if (i % published_every == 0) {
          l.status = ListingStatus::kPublished;
          l.published_at = clock_.Now();
        }
        auto id = tx.InsertListing(l);
        if (!id.ok()) return id.status();
        if (l.status == ListingStatus::kPublished) published.push_back(*id);
        auto seq = tx.AppendChange(Change{0, "listing", *id, "upsert", clock_.Now()});
        if (!seq.ok()) return seq.status();
      }
      return Status::Ok();
    });
    EXPECT_TRUE(s.ok()) << s.message();
    return published;
  }

  Listings listings_{store(), clock_};
  std::unique_ptr<search::SearchIndex> index_;
  std::unique_ptr<Indexer> indexer_;
  std::vector<int64_t> hooked_;
};

TEST_F(IndexerTest, CatchUpIndexesPublishedListingsAndNotDrafts) {
  const Listing published = Publish(DemandDraft("锂电池极片缺陷在线检测"));
  const Listing draft = MustCreate(a_member_, DemandDraft("尚未提交的污泥干化需求"));
  const Listing pending = MustCreate(a_member_, DemandDraft("等待审核的光伏清洗机器人需求"));
  MustApply(a_member_, pending, ReviewAction::kSubmit);

  EXPECT_GT(MustCatchUp(), 0);
  EXPECT_THAT(IndexedIds(), ElementsAre(published.id));

  // Searchable by its words, through a searcher on the same index.
  search::Searcher searcher(index_.get());
  auto found = searcher.Search({.q = "极片缺陷"});
  ASSERT_TRUE(found.ok()) << found.status().message();
  ASSERT_EQ(found->hits.size(), 1u);
  EXPECT_EQ(found->hits[0].id, published.id);
  EXPECT_NE(draft.id, published.id);
}

TEST_F(IndexerTest, AppliedSeqFollowsTheChangeLogAndASecondCatchUpAppliesNothing) {
  EXPECT_EQ(index_->applied_seq(), 0);
  Publish(DemandDraft("高盐废水零排放处理工艺"));
  MustCreate(a_member_, DemandDraft("草稿：冷链物流温度监测"));
  const int64_t total = static_cast<int64_t>(Changes().size());
  ASSERT_GT(total, 0);

  EXPECT_EQ(MustCatchUp(), total);
  EXPECT_EQ(index_->applied_seq(), LastSeq());
  EXPECT_EQ(MustCatchUp(), 0);
  EXPECT_EQ(index_->applied_seq(), LastSeq());

  // Only the new changes are applied next time.
  Publish(DemandDraft("农村生活污水分散式处理"));
  const int64_t after = static_cast<int64_t>(Changes().size());
  EXPECT_EQ(MustCatchUp(), after - total);
  EXPECT_EQ(index_->applied_seq(), LastSeq());
}

TEST_F(IndexerTest, AppliedSeqIsCommittedWithTheDocuments) {
  const Listing l = Publish(DemandDraft("桥梁钢结构焊缝超声波探伤"));
  MustCatchUp();
  const int64_t seq = index_->applied_seq();
  ASSERT_GT(seq, 0);

  OpenIndex("index");  // the same directory, reopened
  EXPECT_EQ(index_->applied_seq(), seq);
  EXPECT_THAT(IndexedIds(), ElementsAre(l.id));
  EXPECT_EQ(MustCatchUp(), 0);
}

TEST_F(IndexerTest, ClosedOrDeletedListingsAreRemovedByTheNextCatchUp) {
  const Listing closed = Publish(DemandDraft("中药材有效成分提取工艺优化"));
  const Listing deleted = Publish(DemandDraft("矿山边坡位移实时监测预警"));
  const Listing kept = Publish(DemandDraft("城市内涝积水智能预警"));
  MustCatchUp();
  ASSERT_THAT(IndexedIds(), UnorderedElementsAre(closed.id, deleted.id, kept.id));

  MustApply(a_member_, closed, ReviewAction::kClose);
  ASSERT_TRUE(listings_.Delete(Actor::Of(a_member_), deleted.kind, deleted.id).ok());
  EXPECT_EQ(MustCatchUp(), 2);
  EXPECT_THAT(IndexedIds(), ElementsAre(kept.id));
  EXPECT_EQ(index_->applied_seq(), LastSeq());
}

TEST_F(IndexerTest, EditedPublishedListingLeavesTheIndexUntilApprovedAgain) {
  Listing l = Publish(DemandDraft("食品包装封口质量视觉检测"));
  MustCatchUp();
  ASSERT_THAT(IndexedIds(), ElementsAre(l.id));

  // The owner's edit sends it back to review: it must not stay searchable meanwhile.
  Listing edited = l;
  edited.title = "食品包装封口质量与漏气检测";
  auto r = listings_.Update(Actor::Of(a_member_), l.kind, l.id, edited);
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->listing.status, ListingStatus::kPending);
  MustCatchUp();
  EXPECT_THAT(IndexedIds(), IsEmpty());

  MustApply(reviewer_, l, ReviewAction::kApprove);
  MustCatchUp();
  EXPECT_THAT(IndexedIds(), ElementsAre(l.id));
}

TEST_F(IndexerTest, PublishedHookSeesThePublishedListingsOnly) {
  const Listing a = Publish(DemandDraft("钢铁厂高炉煤气余热回收"));
  const Listing b = Publish(AchievementDraft("基于振动信号的齿轮箱故障诊断系统"));
  MustCreate(a_member_, DemandDraft("草稿：园区屋顶分布式光伏运维"));
  const Listing closed = Publish(DemandDraft("港口集装箱自动识别"));
  MustApply(a_member_, closed, ReviewAction::kClose);

  MustCatchUp();
  EXPECT_EQ(std::set<int64_t>(hooked_.begin(), hooked_.end()), (std::set<int64_t>{a.id, b.id}));

  // Nothing new: the hook is not called again.
  hooked_.clear();
  MustCatchUp();
  EXPECT_THAT(hooked_, IsEmpty());

  // A new publication later is the only one seen.
  const Listing c = Publish(DemandDraft("纺织印染废水深度处理回用"));
  MustCatchUp();
  EXPECT_EQ(std::set<int64_t>(hooked_.begin(), hooked_.end()), std::set<int64_t>{c.id});
}

// A listing created, submitted and approved between two catch-ups has three changes in one
// batch; the hook is told of it once, not once per change.
TEST_F(IndexerTest, PublishedHookSeesEachListingOncePerBatch) {
  const Listing a = Publish(DemandDraft("钢铁厂高炉煤气余热回收"));
  const Listing b = Publish(AchievementDraft("基于振动信号的齿轮箱故障诊断系统"));
  MustCatchUp();
  EXPECT_THAT(hooked_, UnorderedElementsAre(a.id, b.id));
}

TEST_F(IndexerTest, RebuildRestoresAFreshIndexFromTheStore) {
  const Listing a = Publish(DemandDraft("水泥窑协同处置固体废物"));
  const Listing b = Publish(AchievementDraft("一种高效低噪声离心风机叶轮"));
  const Listing closed = Publish(DemandDraft("老旧小区加装电梯结构评估"));
  MustApply(a_member_, closed, ReviewAction::kClose);
  MustCreate(a_member_, DemandDraft("草稿：畜禽粪污资源化利用"));
  MustCatchUp();

  // The index directory is lost: a new, empty one over the same store.
  OpenIndex("index-restored");
  ASSERT_THAT(IndexedIds(), IsEmpty());
  ASSERT_EQ(index_->applied_seq(), 0);

  auto n = indexer_->Rebuild();
  ASSERT_TRUE(n.ok()) << n.status().message();
  EXPECT_EQ(*n, 2);
  EXPECT_THAT(IndexedIds(), UnorderedElementsAre(a.id, b.id));
  EXPECT_EQ(index_->applied_seq(), LastSeq());
  // Everything is applied: nothing is replayed, and the hook is not told about old listings.
  hooked_.clear();
  EXPECT_EQ(MustCatchUp(), 0);
  EXPECT_THAT(hooked_, IsEmpty());
}

TEST_F(IndexerTest, RebuildDropsDocumentsTheStoreDoesNotHave) {
  const Listing a = Publish(DemandDraft("水泥窑协同处置固体废物"));
  MustCatchUp();

  // Damage: a stray document and a wrong applied seq, committed.
  Listing stray = DemandDraft("不存在于数据库中的需求");
  stray.id = 4242;
  stray.status = ListingStatus::kPublished;
  ASSERT_TRUE(index_->Upsert(stray).ok());
  ASSERT_TRUE(index_->SetAppliedSeq(LastSeq() + 1000).ok());
  ASSERT_TRUE(index_->Commit().ok());
  ASSERT_THAT(IndexedIds(), UnorderedElementsAre(a.id, 4242));

  auto n = indexer_->Rebuild();
  ASSERT_TRUE(n.ok()) << n.status().message();
  EXPECT_EQ(*n, 1);
  EXPECT_THAT(IndexedIds(), ElementsAre(a.id));
  EXPECT_EQ(index_->applied_seq(), LastSeq());

  // Later changes are applied as usual after a rebuild.
  const Listing b = Publish(DemandDraft("海水淡化反渗透膜污染控制"));
  EXPECT_GT(MustCatchUp(), 0);
  EXPECT_THAT(IndexedIds(), UnorderedElementsAre(a.id, b.id));
}

TEST_F(IndexerTest, CatchUpAppliesMoreThanOneBatch) {
  const int n = 2 * static_cast<int>(Indexer::kBatch) + 37;
  const std::vector<int64_t> published = InsertMany(n, 3);
  ASSERT_EQ(Changes().size(), static_cast<size_t>(n));

  EXPECT_EQ(MustCatchUp(), n);
  EXPECT_EQ(index_->applied_seq(), LastSeq());
  EXPECT_EQ(IndexedIds(), std::set<int64_t>(published.begin(), published.end()));
  // One change per listing here, so the hook sees each published listing exactly once.
  std::vector<int64_t> hooked = hooked_;
  std::sort(hooked.begin(), hooked.end());
  EXPECT_EQ(hooked, published);
  EXPECT_EQ(MustCatchUp(), 0);
}

TEST_F(IndexerTest, AListingApprovedBehindABacklogIsSearchableAfterTheFirstBatch) {
  const int n = 3 * static_cast<int>(Indexer::kBatch);
  const std::vector<int64_t> bulk = InsertMany(n, 1);  // an import: every one published
  const Listing late = Publish(DemandDraft("印染废水深度处理与回用"));
  const int64_t last = LastSeq();
  std::atomic<bool> stop{false};
  indexer_->StopWhen(&stop);
  indexer_->OnPublished([&](const Listing&) { stop = true; });  // one batch, then return

  EXPECT_EQ(MustCatchUp(), Indexer::kBatch);
  EXPECT_LT(index_->applied_seq(), last) << "the backlog is not applied yet";
  EXPECT_EQ(IndexedIds().count(late.id), 1u) << "but the newest listing is searchable";

  // The rest of the backlog follows; the late listing is neither lost nor doubled.
  indexer_->StopWhen(nullptr);
  EXPECT_EQ(MustCatchUp(), static_cast<int64_t>(Changes().size()) - Indexer::kBatch);
  EXPECT_EQ(index_->applied_seq(), last);
  std::set<int64_t> all(bulk.begin(), bulk.end());
  all.insert(late.id);
  EXPECT_EQ(IndexedIds(), all);
}

TEST_F(IndexerTest, RebuildIndexesMoreThanOnePage) {
  // Every listing published, so that the rebuild reads several full pages.
  const int n = 2 * static_cast<int>(Indexer::kBatch) + 1;
  const std::vector<int64_t> published = InsertMany(n, 1);
  ASSERT_EQ(published.size(), static_cast<size_t>(n));

  auto rebuilt = indexer_->Rebuild();
  ASSERT_TRUE(rebuilt.ok()) << rebuilt.status().message();
  EXPECT_EQ(*rebuilt, n);
  EXPECT_EQ(IndexedIds(), std::set<int64_t>(published.begin(), published.end()));
  EXPECT_EQ(index_->applied_seq(), LastSeq());
  EXPECT_EQ(MustCatchUp(), 0);
}

TEST_F(IndexerTest, RebuildOnSeveralThreadsIndexesEveryShard) {
  const int n = static_cast<int>(Indexer::kBatch) + 11;
  const std::vector<int64_t> published = InsertMany(n, 2);  // every other one published
  for (size_t threads : {1u, 3u}) {
    auto rebuilt = indexer_->Rebuild(threads);
    ASSERT_TRUE(rebuilt.ok()) << rebuilt.status().message();
    EXPECT_EQ(*rebuilt, static_cast<int64_t>(published.size()));
    EXPECT_EQ(IndexedIds(), std::set<int64_t>(published.begin(), published.end()));
    EXPECT_EQ(index_->applied_seq(), LastSeq());
    EXPECT_EQ(MustCatchUp(), 0);
  }
  // The rebuilt index follows later changes.
  const Listing later = Publish(DemandDraft("海水淡化反渗透膜污染控制"));
  EXPECT_GT(MustCatchUp(), 0);
  EXPECT_TRUE(IndexedIds().count(later.id));
}

TEST_F(IndexerTest, RebuildOfAnExactMultipleOfThePageSize) {
  const int n = static_cast<int>(Indexer::kBatch);
  const std::vector<int64_t> published = InsertMany(n, 1);
  auto rebuilt = indexer_->Rebuild();
  ASSERT_TRUE(rebuilt.ok()) << rebuilt.status().message();
  EXPECT_EQ(*rebuilt, n);
  EXPECT_EQ(IndexedIds().size(), static_cast<size_t>(n));
}

TEST_F(IndexerTest, HealthReportsTheLagBehindTheStore) {
  auto h = indexer_->Health();
  ASSERT_TRUE(h.ok()) << h.status().message();
  EXPECT_EQ(h->applied_seq, 0);
  EXPECT_EQ(h->latest_seq, 0);
  EXPECT_EQ(h->lag(), 0);
  EXPECT_STREQ(h->state(), "ok");

  // (The refs InsertMany gives are unique per call: one call only.)
  InsertMany(static_cast<int>(IndexHealth::kLagThreshold) + 3, 1);
  h = indexer_->Health();
  ASSERT_TRUE(h.ok());
  EXPECT_EQ(h->lag(), IndexHealth::kLagThreshold + 3);
  EXPECT_STREQ(h->state(), "behind");
  EXPECT_FALSE(h->healthy());

  MustCatchUp();
  h = indexer_->Health();
  ASSERT_TRUE(h.ok());
  EXPECT_EQ(h->applied_seq, LastSeq());
  EXPECT_EQ(h->lag(), 0);
  EXPECT_STREQ(h->state(), "ok");
}

// The index on a small file system of its own (a tmpfs: mounting needs root, as in CI), which
// a test fills: a commit that fails must not advance the applied sequence, and the same
// changes are applied once space returns, by the same objects, without a restart.
class IndexerDiskFullTest : public IndexerTest {
 protected:
  void SetUp() override {
    MakeWorld();
    mount_ = dir_.File("small");
    std::filesystem::create_directories(mount_);
    if (mount("tmpfs", mount_.c_str(), "tmpfs", 0, "size=2m") != 0) {
      GTEST_SKIP() << "mounting a tmpfs needs root";
    }
    mounted_ = true;
    OpenIndexAt(mount_ + "/index");
  }

  void TearDown() override {
    indexer_.reset();
    index_.reset();
    if (mounted_) umount2(mount_.c_str(), MNT_DETACH);
  }

  // Writes a file until the file system refuses more.
  void FillDisk() {
    std::ofstream out(mount_ + "/filler", std::ios::binary);
    std::string block(64 * 1024, 'x');
    while (out.write(block.data(), static_cast<std::streamsize>(block.size()))) {
    }
    out.clear();
    for (int i = 0; i < 4096 && out.put('x'); ++i) {
    }
  }

  void FreeDisk() { std::filesystem::remove(mount_ + "/filler"); }

  std::string mount_;
  bool mounted_ = false;
};

TEST_F(IndexerDiskFullTest, AFailedCommitDoesNotAdvanceAndTheBatchIsAppliedWhenSpaceReturns) {
  const Listing before = Publish(DemandDraft("满盘之前发布的污泥干化需求"));
  MustCatchUp();
  const int64_t committed = index_->applied_seq();
  ASSERT_EQ(committed, LastSeq());
  hooked_.clear();

  FillDisk();
  const std::vector<int64_t> published = InsertMany(50, 1);
  for (int attempt = 0; attempt < 3; ++attempt) {
    auto n = indexer_->CatchUp();
    ASSERT_FALSE(n.ok()) << "attempt " << attempt << " committed on a full disk";
    EXPECT_EQ(index_->applied_seq(), committed) << "attempt " << attempt;
  }
  // Readers keep the last committed revision; the hook saw nothing.
  EXPECT_THAT(IndexedIds(), ElementsAre(before.id));
  EXPECT_THAT(hooked_, IsEmpty());
  auto h = indexer_->Health();
  ASSERT_TRUE(h.ok()) << h.status().message();
  EXPECT_TRUE(h->failing);
  EXPECT_STREQ(h->state(), "failing");
  EXPECT_FALSE(h->error.empty());
  EXPECT_EQ(h->applied_seq, committed);
  EXPECT_EQ(h->lag(), LastSeq() - committed);

  FreeDisk();
  EXPECT_EQ(MustCatchUp(), LastSeq() - committed);
  EXPECT_EQ(index_->applied_seq(), LastSeq());
  std::set<int64_t> expected(published.begin(), published.end());
  expected.insert(before.id);
  EXPECT_EQ(IndexedIds(), expected);
  EXPECT_THAT(hooked_, UnorderedElementsAreArray(published));
  h = indexer_->Health();
  ASSERT_TRUE(h.ok());
  EXPECT_FALSE(h->failing);
  EXPECT_STREQ(h->state(), "ok");
  EXPECT_EQ(h->lag(), 0);

  // What was committed is durable: a reopened index has it all.
  OpenIndexAt(mount_ + "/index");
  EXPECT_EQ(index_->applied_seq(), LastSeq());
  EXPECT_EQ(IndexedIds(), expected);
  EXPECT_EQ(MustCatchUp(), 0);
}

TEST_F(IndexerDiskFullTest, AnIndexReopenedAfterAFailedCommitHoldsTheLastCommittedBatch) {
  const Listing before = Publish(DemandDraft("满盘之前发布的膜污染控制需求"));
  MustCatchUp();
  const int64_t committed = index_->applied_seq();
  FillDisk();
  InsertMany(20, 1);
  ASSERT_FALSE(indexer_->CatchUp().ok());
  // A restart while the disk is still full: the index claims no change it does not hold.
  OpenIndexAt(mount_ + "/index");
  EXPECT_EQ(index_->applied_seq(), committed);
  EXPECT_THAT(IndexedIds(), ElementsAre(before.id));
  FreeDisk();
  EXPECT_EQ(MustCatchUp(), LastSeq() - committed);
  EXPECT_EQ(IndexedIds().size(), 21u);
}

}  // namespace
}  // namespace kc
