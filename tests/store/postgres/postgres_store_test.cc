// What only the PostgreSQL store has to prove: several stores (nodes) on one database keep the
// change log in commit order, wake each other, run background jobs once, and recover from lost
// connections. The shared contract runs in SqlTxTest and SqlStoreTest ("pg:" run). Needs the
// test run's server (KC_TEST_POSTGRES); skipped in the SQLite run.
#include "store/postgres/postgres_store.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "store/temp_db.h"

namespace kc {
namespace {

using testing::TempDir;

class PostgresStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!testing::UsingPostgres()) GTEST_SKIP() << "needs KC_TEST_POSTGRES (the pg: run)";
    url_ = testing::DatabaseFor(dir_.File("kc.db"));
  }

  std::unique_ptr<Store> Open() {
    auto s = OpenPostgresStore(url_, 4);
    EXPECT_TRUE(s.ok()) << s.status().message();
    return s.ok() ? std::move(*s) : nullptr;
  }

  TempDir dir_;
  std::string url_;
};

TEST_F(PostgresStoreTest, UrlsAreRecognised) {
  EXPECT_TRUE(IsPostgresUrl("postgres://u@h/db"));
  EXPECT_TRUE(IsPostgresUrl("postgresql://h/db"));
  EXPECT_FALSE(IsPostgresUrl("sqlite"));
  EXPECT_FALSE(IsPostgresUrl("postgres:/x"));
}

TEST_F(PostgresStoreTest, UnreachableServerIsUnavailable) {
  auto s = OpenPostgresStore("postgresql://postgres@127.0.0.1:1/none", 1);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().kind(), ErrorKind::kUnavailable);
}

TEST_F(PostgresStoreTest, TwoNodesMigrateOnceAndAgree) {
  auto a = Open();
  auto b = Open();
  ASSERT_TRUE(a && b);
  EXPECT_EQ(a->SchemaVersion(), b->SchemaVersion());
  EXPECT_GE(a->SchemaVersion(), 3);
  ASSERT_TRUE(a->Write([](StoreTx& tx) { return tx.SetMeta("k", "from a"); }).ok());
  ASSERT_TRUE(b->Read([](StoreTx& tx) -> Status {
                 auto v = tx.GetMeta("k");
                 EXPECT_EQ(v->value_or(""), "from a");
                 return Status::Ok();
               }).ok());
}

// Writers on two nodes append changes while a reader follows the log as an indexer does: the
// reader must never find, below a sequence number it has already passed, a change it did not
// see (which would happen if a lower sequence number could commit after a higher one).
TEST_F(PostgresStoreTest, ChangeLogBecomesVisibleInSequenceOrderAcrossNodes) {
  auto a = Open();
  auto b = Open();
  ASSERT_TRUE(a && b);
  constexpr int kPerWriter = 60;
  std::atomic<bool> done{false};
  auto writer = [&](Store* store) {
    for (int i = 0; i < kPerWriter; ++i) {
      Status s = store->Write([&](StoreTx& tx) -> Status {
        auto seq = tx.AppendChange(Change{0, "listing", i, "upsert", i});
        if (!seq.ok()) return seq.status();
        // Some work between taking the number and committing widens any window.
        return tx.SetMeta("w" + std::to_string(i % 3), std::to_string(*seq));
      });
      EXPECT_TRUE(s.ok()) << s.message();
    }
  };
  int64_t seen_up_to = 0, seen = 0;
  bool out_of_order = false;
  std::thread follower([&] {
    auto follow = [&] {
      (void)b->Read([&](StoreTx& tx) -> Status {
        auto changes = tx.ChangesAfter(0, 100000);
        if (!changes.ok()) return changes.status();
        int64_t below = 0;
        for (const auto& c : *changes) {
          if (c.seq <= seen_up_to) ++below;
        }
        if (below != seen) out_of_order = true;
        seen = static_cast<int64_t>(changes->size());
        if (!changes->empty()) seen_up_to = changes->back().seq;
        return Status::Ok();
      });
    };
    while (!done) follow();
    follow();
  });
  std::thread w1(writer, a.get()), w2(writer, b.get()), w3(writer, a.get());
  w1.join();
  w2.join();
  w3.join();
  done = true;
  follower.join();
  EXPECT_FALSE(out_of_order);
  EXPECT_EQ(seen, 3 * kPerWriter);
}

TEST_F(PostgresStoreTest, ACommitOnOneNodeWakesAnotherNodesWait) {
  auto a = Open();
  auto b = Open();
  ASSERT_TRUE(a && b);
  EXPECT_TRUE(b->WaitForChanges(std::chrono::milliseconds(10)));  // starts listening
  std::thread writer([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    EXPECT_TRUE(a->Write([](StoreTx& tx) {
                   return tx.AppendChange(Change{0, "listing", 1, "upsert", 1}).status();
                 }).ok());
  });
  auto start = std::chrono::steady_clock::now();
  EXPECT_TRUE(b->WaitForChanges(std::chrono::seconds(10)));
  auto waited = std::chrono::steady_clock::now() - start;
  writer.join();
  EXPECT_GE(waited, std::chrono::milliseconds(150));
  EXPECT_LT(waited, std::chrono::seconds(2));
}

TEST_F(PostgresStoreTest, OneNodeLeadsBackgroundJobsUntilItStops) {
  auto a = Open();
  auto b = Open();
  ASSERT_TRUE(a && b);
  EXPECT_TRUE(a->LeadsBackgroundJobs());
  EXPECT_FALSE(b->LeadsBackgroundJobs());
  EXPECT_TRUE(a->LeadsBackgroundJobs()) << "asking again keeps the lead";
  EXPECT_FALSE(b->LeadsBackgroundJobs());
  a.reset();  // the node stops: its session and lock end
  bool took_over = false;
  for (int i = 0; i < 50 && !took_over; ++i) {
    took_over = b->LeadsBackgroundJobs();
    if (!took_over) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_TRUE(took_over);
}

TEST_F(PostgresStoreTest, LostConnectionsAreUnavailableThenReplaced) {
  auto store = Open();
  ASSERT_TRUE(store);
  ASSERT_TRUE(store->Write([](StoreTx& tx) { return tx.SetMeta("k", "v"); }).ok());
  // The server ends every session of this database (as a restart does).
  testing::AdminExec("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" +
                     url_.substr(url_.rfind('/') + 1) + "' AND pid <> pg_backend_pid()");
  int failures = 0;
  bool ok = false;
  for (int i = 0; i < 10 && !ok; ++i) {
    Status s = store->Read([](StoreTx& tx) { return tx.GetMeta("k").status(); });
    if (s.ok()) {
      ok = true;
    } else {
      ++failures;
      EXPECT_EQ(s.kind(), ErrorKind::kUnavailable) << s.message();
    }
  }
  EXPECT_TRUE(ok);
  EXPECT_LE(failures, 4);  // at most once per pooled connection
  EXPECT_TRUE(store->Write([](StoreTx& tx) { return tx.SetMeta("k", "w"); }).ok());
}

}  // namespace
}  // namespace kc
