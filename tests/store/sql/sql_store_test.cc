// The Store contract (store/store.h) of SqlStore: transactions, durability and concurrency,
// backup and restore; run on SQLite and, as "pg:SqlStoreTest.*", on the test PostgreSQL server.
#include "store/sql/sql_store.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "store/sql/store_fixture.h"

namespace kc {
namespace {

using ::testing::ElementsAre;
using testing::OpenOrDie;
using testing::TempDir;
using ::testing::UnorderedElementsAre;

class SqlStoreTest : public testing::StoreFixture {};

TEST_F(SqlStoreTest, FailedWriteLeavesNothingAndReturnsTheCallbacksStatus) {
  int64_t org = AddOrg("org");
  int64_t user = AddUser("alice", org);
  Status s = store_->Write([&](StoreTx& tx) -> Status {
    KC_RETURN_IF_ERROR(tx.InsertListing(MakeListing(org, user, "lost")));
    KC_RETURN_IF_ERROR(tx.AppendChange(Change{0, "listing", 1, "upsert", 5}));
    KC_RETURN_IF_ERROR(tx.AppendAudit(AuditEntry{0, 5, user, "listing", 1, "create", "{}"}));
    KC_RETURN_IF_ERROR(tx.SetMeta("k", "v"));
    return Invalid("title", "too_long", "nope");
  });
  EXPECT_EQ(s.kind(), ErrorKind::kInvalid);
  EXPECT_EQ(s.code(), "too_long");
  EXPECT_EQ(s.field(), "title");

  ASSERT_TRUE(store_
                  ->Read([&](StoreTx& tx) -> Status {
                    ListingQuery q;
                    EXPECT_EQ(tx.ListListings(q)->total, 0);
                    EXPECT_TRUE(tx.ChangesAfter(0, 10)->empty());
                    EXPECT_TRUE(tx.ListAudit("listing", 1)->empty());
                    EXPECT_FALSE(tx.GetMeta("k")->has_value());
                    return Status::Ok();
                  })
                  .ok());
  // The writer is usable afterwards.
  Insert(MakeListing(org, user, "next"));
  ListingQuery q;
  EXPECT_EQ(List(q).total, 1);
}

TEST_F(SqlStoreTest, DataSurvivesCloseAndReopen) {
  int64_t org = AddOrg("org");
  int64_t user = AddUser("alice", org);
  Listing l = MakeListing(org, user, "持久");
  l.ref = "P-1";
  int64_t id = Insert(l);
  MustWrite([&](StoreTx& tx) -> Status {
    KC_RETURN_IF_ERROR(tx.AppendChange(Change{0, "listing", id, "upsert", 1}));
    return tx.SetMeta("k", "v");
  });
  int version = store_->SchemaVersion();
  store_.reset();

  store_ = OpenOrDie(path_);
  ASSERT_NE(store_, nullptr);
  EXPECT_EQ(store_->SchemaVersion(), version);
  auto got = Get(id);
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->title, "持久");
  EXPECT_EQ(got->ref, "P-1");
  ASSERT_TRUE(store_
                  ->Read([&](StoreTx& tx) -> Status {
                    EXPECT_EQ(tx.FindUserByName("alice")->id, user);
                    EXPECT_EQ(tx.ChangesAfter(0, 10)->size(), 1u);
                    EXPECT_EQ(**tx.GetMeta("k"), "v");
                    return Status::Ok();
                  })
                  .ok());
  // The unique index still holds after reopening.
  Status dup = store_->Write([&](StoreTx& tx) { return tx.InsertListing(l).status(); });
  EXPECT_EQ(dup.kind(), ErrorKind::kConflict);
}

TEST_F(SqlStoreTest, ReadersDoNotSeeUncommittedWrites) {
  int64_t org = AddOrg("org");
  int64_t user = AddUser("alice", org);
  int64_t seen_inside = -1;
  MustWrite([&](StoreTx& tx) -> Status {
    KC_RETURN_IF_ERROR(tx.InsertListing(MakeListing(org, user, "pending")));
    // A reader on another connection, meanwhile, sees the last committed state.
    Status s = store_->Read([&](StoreTx& r) -> Status {
      ListingQuery q;
      seen_inside = r.ListListings(q)->total;
      return Status::Ok();
    });
    return s;
  });
  EXPECT_EQ(seen_inside, 0);
  ListingQuery q;
  EXPECT_EQ(List(q).total, 1);
}

TEST_F(SqlStoreTest, ConcurrentWritersAndReadersLoseNothing) {
  int64_t org = AddOrg("org");
  int64_t user = AddUser("alice", org);
  constexpr int kThreads = 4;
  constexpr int kEach = 15;
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kEach; ++i) {
        Status w = store_->Write([&](StoreTx& tx) -> Status {
          auto id = tx.InsertListing(MakeListing(org, user, "t" + std::to_string(t)));
          if (!id.ok()) return id.status();
          return tx.AppendChange(Change{0, "listing", *id, "upsert", 1}).status();
        });
        Status r = store_->Read([&](StoreTx& tx) -> Status {
          ListingQuery q;
          auto page = tx.ListListings(q);
          if (!page.ok()) return page.status();
          auto changes = tx.ChangesAfter(0, 100000);
          if (!changes.ok()) return changes.status();
          // One snapshot: every listing's change row is visible with it.
          return page->total == static_cast<int64_t>(changes->size())
                     ? Status::Ok()
                     : Internal("inconsistent snapshot");
        });
        if (!w.ok() || !r.ok()) ++failures;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(failures.load(), 0);
  ListingQuery q;
  EXPECT_EQ(List(q).total, kThreads * kEach);
}

TEST_F(SqlStoreTest, ExportedTablesLoadIntoAnEmptyDatabaseWhereIdsContinue) {
  int64_t org = AddOrg("org");
  int64_t user = AddUser("alice", org);
  Listing l = MakeListing(org, user, "备份 'quoted'");
  l.budget.max_cny = 5;  // and budget_min stays NULL
  int64_t id = Insert(l);
  std::vector<TableRows> tables;
  ASSERT_TRUE(store_
                  ->ExportTables([&](const TableRows& t) {
                    tables.push_back(t);
                    return Status::Ok();
                  })
                  .ok());
  const TableRows* listings = nullptr;
  for (const auto& t : tables) {
    if (t.name == "listings") listings = &t;
  }
  ASSERT_NE(listings, nullptr);
  ASSERT_EQ(listings->rows.size(), 1u);
  EXPECT_EQ(listings->columns[0], "id");
  EXPECT_EQ(listings->rows[0][0], std::to_string(id));

  TempDir other;
  auto copy = OpenOrDie(other.File("copy.db"));
  ASSERT_NE(copy, nullptr);
  Status loaded = copy->ImportTables(tables);
  ASSERT_TRUE(loaded.ok()) << loaded.message();
  ASSERT_TRUE(copy->Write([&](StoreTx& tx) -> Status {
                    auto got = tx.GetListing(id);
                    if (!got.ok()) return got.status();
                    EXPECT_EQ(got->title, "备份 'quoted'");
                    EXPECT_EQ(got->budget.min_cny, std::nullopt);
                    EXPECT_EQ(got->budget.max_cny, 5);
                    auto next = tx.InsertListing(MakeListing(org, user, "next"));
                    if (!next.ok()) return next.status();
                    EXPECT_GT(*next, id);
                    return Status::Ok();
                  })
                  .ok());
  EXPECT_EQ(copy->ImportTables(tables).code(), "not_empty");
}

TEST_F(SqlStoreTest, ImportRefusesATableTheSchemaLacks) {
  TableRows t;
  t.name = "nope";
  t.columns = {"id"};
  EXPECT_EQ(store_->ImportTables({t}).code(), "unknown_table");
}

}  // namespace
}  // namespace kc
