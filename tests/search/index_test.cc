#include "search/index.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <thread>

#include "search/bulk_build.h"
#include "search/document.h"
#include "search/fixture.h"
#include "search/schema.h"

namespace kc::search {
namespace {

using testing::SampleListings;
using testing::TempDir;

Xapian::doccount DocCount(const SearchIndex& index) {
  auto reader = index.AcquireReader();
  EXPECT_TRUE(reader.ok());
  return (*reader)->get_doccount();
}

TEST(SearchIndexTest, UpsertCommitRemove) {
  TempDir dir;
  auto index = SearchIndex::Open(dir.path());
  ASSERT_TRUE(index.ok()) << index.status().message();
  for (const Listing& l : SampleListings()) ASSERT_TRUE((*index)->Upsert(l).ok());
  EXPECT_EQ(DocCount(**index), 0u);  // readers see commits only
  ASSERT_TRUE((*index)->Commit().ok());
  EXPECT_EQ(DocCount(**index), 5u);

  // Replacing keeps one document per id.
  Listing changed = SampleListings()[1];
  changed.title = "钠离子电池负极材料";
  ASSERT_TRUE((*index)->Upsert(changed).ok());
  ASSERT_TRUE((*index)->Remove(3).ok());
  ASSERT_TRUE((*index)->Remove(999).ok());  // not indexed: not an error
  ASSERT_TRUE((*index)->Commit().ok());
  auto reader = (*index)->AcquireReader();
  ASSERT_TRUE(reader.ok());
  EXPECT_EQ((*reader)->get_doccount(), 4u);
  EXPECT_EQ((*reader)->get_termfreq("W钠离子"), 1u);
  EXPECT_EQ((*reader)->get_termfreq("W污泥"), 0u);
}

TEST(SearchIndexTest, UnpublishedListingIsRemoved) {
  TempDir dir;
  auto index = SearchIndex::Open(dir.path());
  ASSERT_TRUE(index.ok());
  Listing l = SampleListings()[0];
  ASSERT_TRUE((*index)->Upsert(l).ok());
  ASSERT_TRUE((*index)->Commit().ok());
  l.status = ListingStatus::kClosed;
  ASSERT_TRUE((*index)->Upsert(l).ok());
  ASSERT_TRUE((*index)->Commit().ok());
  EXPECT_EQ(DocCount(**index), 0u);
}

TEST(SearchIndexTest, AppliedSeqPersistsAcrossReopen) {
  TempDir dir;
  {
    auto index = SearchIndex::Open(dir.path());
    ASSERT_TRUE(index.ok());
    EXPECT_EQ((*index)->applied_seq(), 0);
    ASSERT_TRUE((*index)->Upsert(SampleListings()[0]).ok());
    ASSERT_TRUE((*index)->SetAppliedSeq(41).ok());
    EXPECT_EQ((*index)->applied_seq(), 0) << "not yet durable";
    ASSERT_TRUE((*index)->Commit().ok());
    EXPECT_EQ((*index)->applied_seq(), 41);
  }
  auto reopened = SearchIndex::Open(dir.path());
  ASSERT_TRUE(reopened.ok());
  EXPECT_EQ((*reopened)->applied_seq(), 41);
  EXPECT_EQ(DocCount(**reopened), 1u);
}

// A process killed between applying changes and committing them: after a restart the index
// holds exactly the documents of the applied seq it reports.
TEST(SearchIndexTest, CrashBeforeCommitLosesDocumentsAndSeqTogether) {
  TempDir dir;
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    auto index = SearchIndex::Open(dir.path());
    if (!index.ok()) _exit(2);
    bool ok = (*index)->Upsert(SampleListings()[0]).ok() && (*index)->SetAppliedSeq(41).ok() &&
              (*index)->Commit().ok() && (*index)->Upsert(SampleListings()[1]).ok() &&
              (*index)->SetAppliedSeq(42).ok();
    _exit(ok ? 0 : 3);  // no destructor, no commit: as kill -9
  }
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFEXITED(status));
  ASSERT_EQ(WEXITSTATUS(status), 0);
  auto reopened = SearchIndex::Open(dir.path());
  ASSERT_TRUE(reopened.ok()) << reopened.status().message();
  EXPECT_EQ((*reopened)->applied_seq(), 41);
  EXPECT_EQ(DocCount(**reopened), 1u);
}

TEST(SearchIndexTest, ClearDiscardsEverything) {
  TempDir dir;
  auto index = SearchIndex::Open(dir.path());
  ASSERT_TRUE(index.ok());
  for (const Listing& l : SampleListings()) ASSERT_TRUE((*index)->Upsert(l).ok());
  ASSERT_TRUE((*index)->SetAppliedSeq(9).ok());
  ASSERT_TRUE((*index)->Commit().ok());
  EXPECT_EQ(DocCount(**index), 5u);
  ASSERT_TRUE((*index)->Clear().ok());
  EXPECT_EQ((*index)->applied_seq(), 0);
  EXPECT_EQ(DocCount(**index), 0u);
  ASSERT_TRUE((*index)->Upsert(SampleListings()[0]).ok());
  ASSERT_TRUE((*index)->Commit().ok());
  EXPECT_EQ(DocCount(**index), 1u);
}

TEST(SearchIndexTest, ReplaceSwapsInTheBuiltDatabase) {
  TempDir dir;
  auto index = SearchIndex::Open(dir.Sub("index"));
  ASSERT_TRUE(index.ok());
  const std::vector<Listing> all = SampleListings();
  ASSERT_TRUE((*index)->Upsert(all[0]).ok());
  ASSERT_TRUE((*index)->SetAppliedSeq(3).ok());
  ASSERT_TRUE((*index)->Commit().ok());
  auto lent = (*index)->AcquireReader();  // a reader lent out across the swap
  ASSERT_TRUE(lent.ok());

  // A failing build keeps the current index.
  const Status failed = (*index)->Replace([](const std::string&) { return Internal("no"); });
  EXPECT_FALSE(failed.ok());
  EXPECT_EQ(DocCount(**index), 1u);
  EXPECT_EQ((*index)->applied_seq(), 3);

  const Status s = (*index)->Replace([&](const std::string& fresh) -> Status {
    // The current index still answers while the new one is built.
    EXPECT_EQ(DocCount(**index), 1u);
    Xapian::WritableDatabase db(fresh, Xapian::DB_CREATE | Xapian::DB_BACKEND_GLASS);
    for (size_t i = 1; i < all.size(); ++i) {
      auto doc = BuildDocument(all[i]);
      if (!doc.ok()) return doc.status();
      db.replace_document(static_cast<Xapian::docid>(all[i].id), *doc);
    }
    db.set_metadata(kAppliedSeqKey, "9");
    db.commit();
    return Status::Ok();
  });
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_EQ((*index)->applied_seq(), 9);
  EXPECT_EQ(DocCount(**index), 4u);
  lent->reset();  // goes back after the swap: not pooled
  EXPECT_EQ(DocCount(**index), 4u);
  // The writer works on the new database.
  ASSERT_TRUE((*index)->Remove(2).ok());
  ASSERT_TRUE((*index)->Commit().ok());
  EXPECT_EQ(DocCount(**index), 3u);
  EXPECT_FALSE(std::filesystem::exists(dir.Sub("index") + ".new"));
  EXPECT_FALSE(std::filesystem::exists(dir.Sub("index") + ".old"));
}

TEST(SearchIndexTest, SecondWriterIsRefused) {
  TempDir dir;
  auto first = SearchIndex::Open(dir.path());
  ASSERT_TRUE(first.ok());
  auto second = SearchIndex::Open(dir.path());
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.status().code(), "index_locked");
}

TEST(SearchIndexTest, BadIdIsInvalid) {
  TempDir dir;
  auto index = SearchIndex::Open(dir.path());
  ASSERT_TRUE(index.ok());
  Listing l = SampleListings()[0];
  l.id = -4;
  EXPECT_EQ((*index)->Upsert(l).kind(), ErrorKind::kInvalid);
}

TEST(SearchIndexTest, StatsForCountsListingsPerKey) {
  TempDir dir;
  auto index = SearchIndex::Open(dir.path());
  ASSERT_TRUE(index.ok());
  for (const Listing& l : SampleListings()) ASSERT_TRUE((*index)->Upsert(l).ok());
  ASSERT_TRUE((*index)->Commit().ok());
  const text::Terms terms = text::Analyze("缺陷检测 Controllers 石墨烯");
  auto stats = (*index)->StatsFor({&terms});
  ASSERT_TRUE(stats.ok()) << stats.status().message();
  EXPECT_EQ(stats->documents(), 5u);
  EXPECT_EQ(stats->DocumentFrequency("缺陷"), 2u);
  EXPECT_EQ(stats->DocumentFrequency("control"), 1u);
  EXPECT_EQ(stats->DocumentFrequency("石墨烯"), 0u);
}

TEST(SearchIndexTest, ReadersInThreadsWhileWriting) {
  TempDir dir;
  auto index = SearchIndex::Open(dir.path());
  ASSERT_TRUE(index.ok());
  SearchIndex& idx = **index;
  std::atomic<bool> stop{false};
  std::atomic<int> failures{0};
  std::vector<std::thread> readers;
  for (int t = 0; t < 3; ++t) {
    readers.emplace_back([&] {
      while (!stop) {
        auto r = idx.AcquireReader();
        if (!r.ok()) {
          ADD_FAILURE() << r.status().message();
          ++failures;
        } else if ((*r)->get_doccount() % 5 != 0) {
          ADD_FAILURE() << "partial batch: " << (*r)->get_doccount();  // whole batches only
          ++failures;
        }
      }
    });
  }
  for (int round = 0; round < 20; ++round) {
    for (Listing l : SampleListings()) {
      l.id += 10 * round;
      ASSERT_TRUE(idx.Upsert(l).ok());
    }
    ASSERT_TRUE(idx.Commit().ok());
  }
  stop = true;
  for (auto& t : readers) t.join();
  EXPECT_EQ(failures, 0);
  EXPECT_EQ(DocCount(idx), 100u);
}

TEST(SearchIndexTest, AnIndexOfAnotherLayoutIsNotCurrentUntilReplaced) {
  TempDir dir;
  {
    auto index = SearchIndex::Open(dir.Sub("index"));
    ASSERT_TRUE(index.ok());
    EXPECT_TRUE((*index)->layout_current());  // new: this version's layout
    ASSERT_TRUE((*index)->Upsert(SampleListings()[0]).ok());
    ASSERT_TRUE((*index)->Commit().ok());
  }
  {
    auto index = SearchIndex::Open(dir.Sub("index"));
    ASSERT_TRUE(index.ok());
    EXPECT_TRUE((*index)->layout_current());
  }
  {
    // As an earlier version left it: documents and no layout key.
    Xapian::WritableDatabase db(dir.Sub("index"), Xapian::DB_OPEN);
    db.set_metadata(kLayoutKey, "");
    db.commit();
  }
  auto index = SearchIndex::Open(dir.Sub("index"));
  ASSERT_TRUE(index.ok());
  EXPECT_FALSE((*index)->layout_current());
  ASSERT_TRUE((*index)
                  ->Replace([&](const std::string& fresh) -> Status {
                    auto b = BulkIndexBuilder::Create(fresh + ".shards", {1, 100});
                    if (!b.ok()) return b.status();
                    for (const Listing& l : SampleListings()) KC_RETURN_IF_ERROR((*b)->Add(l));
                    return (*b)->Finish(fresh, 0);
                  })
                  .ok());
  EXPECT_TRUE((*index)->layout_current());
}

}  // namespace
}  // namespace kc::search
