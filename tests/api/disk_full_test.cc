// A full disk: writes answer 507 "storage_full" with a message (never 500), nothing acknowledged
// is lost, reads go on, and writes work again once space returns. The data directory is a small
// tmpfs mounted for the test (mounting needs root, as in CI).
#include <gtest/gtest.h>
#include <sys/mount.h>

#include <filesystem>
#include <fstream>
#include <chrono>
#include <random>
#include <thread>

#include "api/api_fixture.h"
#include "store/test_postgres.h"

namespace kc::testing {
namespace {

using nlohmann::json;

class DiskFullTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (UsingPostgres()) GTEST_SKIP() << "the PostgreSQL server's disk is not the test's to fill";
    mount_ =
        (std::filesystem::temp_directory_path() /
         ("kc-full-" + std::to_string(getpid()) + "-" + std::to_string(std::random_device{}())))
            .string();
    std::filesystem::create_directories(mount_);
    if (mount("tmpfs", mount_.c_str(), "tmpfs", 0, "size=24m") != 0) {
      std::filesystem::remove(mount_);
      mount_.clear();
      GTEST_SKIP() << "mounting a tmpfs needs root";
    }
  }

  void TearDown() override {
    server_.reset();
    if (!mount_.empty()) {
      umount2(mount_.c_str(), MNT_DETACH);
      std::error_code ec;
      std::filesystem::remove(mount_, ec);
    }
  }

  // Writes a file until the file system refuses more.
  void FillDisk() {
    std::ofstream out(mount_ + "/filler", std::ios::binary);
    std::string block(64 * 1024, 'x');
    while (out.write(block.data(), static_cast<std::streamsize>(block.size()))) {
    }
    // A few bytes may still fit in the last block: take them too.
    out.clear();
    for (int i = 0; i < 4096 && out.put('x'); ++i) {
    }
  }

  std::string mount_;
  std::unique_ptr<ServerProcess> server_;
};

TEST_F(DiskFullTest, WritesAnswer507LoseNothingAndRecoverWhenSpaceReturns) {
  server_ = std::make_unique<ServerProcess>(
      std::vector<std::string>{"--no-demo", "--data", mount_ + "/data"});
  ASSERT_TRUE(server_->running());
  Client c(server_->port());
  auto reg =
      c.Post("/api/v1/auth/register", {{"username", "fuller"},
                                       {"password", "Full-Disk-Owner-1"},
                                       {"display_name", "fuller"},
                                       {"org", {{"name", "满盘公司"}, {"type", "enterprise"}}}});
  ASSERT_EQ(reg.status, 201) << reg.body;
  ASSERT_EQ(c.Login("fuller", "Full-Disk-Owner-1").status, 200);
  std::vector<int64_t> acknowledged;
  auto create = [&](const std::string& title, size_t padding = 0) {
    auto r =
        c.Post("/api/v1/demands",
               {{"title", title},
                {"description", "需要在满盘时仍不丢数据的存储方案。" + std::string(padding, 'x')}});
    if (r.status == 201) acknowledged.push_back(r.json["id"]);
    return r;
  };
  ASSERT_EQ(create("满盘之前的需求").status, 201);

  FillDisk();
  // Writes fail with a clear error (a few may still fit in space the database had already
  // taken); reads go on.
  int refused = 0;
  for (int i = 0; i < 200 && refused < 3; ++i) {
    auto r = create("满盘期间的需求 " + std::to_string(i), 4000);
    ASSERT_NE(r.status, 500) << r.body;
    if (r.status == 201) continue;
    EXPECT_EQ(r.status, 507) << r.body;
    EXPECT_EQ(r.ErrorCode(), "storage_full") << r.body;
    EXPECT_NE(r.json["error"].value("message", "").find("full"), std::string::npos);
    ++refused;
  }
  EXPECT_GT(refused, 0) << "the disk never filled";
  auto read = c.Get("/api/v1/demands/" + std::to_string(acknowledged.front()));
  EXPECT_EQ(read.status, 200) << read.body;
  EXPECT_NE(c.Get("/api/v1/health").status, 500);

  // Space returns: writes work again, and every acknowledged write is there, also after a
  // restart.
  std::filesystem::remove(mount_ + "/filler");
  auto after = create("空间恢复后的需求");
  ASSERT_EQ(after.status, 201) << after.body;
  server_->Stop();
  server_->Restart();
  ASSERT_TRUE(server_->running());
  Client again(server_->port());
  ASSERT_EQ(again.Login("fuller", "Full-Disk-Owner-1").status, 200);
  for (int64_t id : acknowledged) {
    EXPECT_EQ(again.Get("/api/v1/demands/" + std::to_string(id)).status, 200) << id;
  }
}

// The search index shares the full disk: its commits fail, /health says "degraded" with the
// index "failing" (the lag growing), the log says so once rather than at every retry, and the
// index catches up by itself once space returns, without a restart.
TEST_F(DiskFullTest, HealthIsDegradedWhileTheIndexCannotCommitAndRecovers) {
  server_ = std::make_unique<ServerProcess>(
      std::vector<std::string>{"--no-demo", "--data", mount_ + "/data"});
  ASSERT_TRUE(server_->running());
  Client c(server_->port());
  auto reg =
      c.Post("/api/v1/auth/register", {{"username", "indexer"},
                                       {"password", "Full-Disk-Keeper-9"},
                                       {"display_name", "indexer"},
                                       {"org", {{"name", "满盘索引公司"}, {"type", "enterprise"}}}});
  ASSERT_EQ(reg.status, 201) << reg.body;
  ASSERT_EQ(c.Login("indexer", "Full-Disk-Keeper-9").status, 200);
  auto health = [&] { return Client(server_->port()).Get("/api/v1/health"); };
  // Waits until `pred` holds for /health's body, at most `seconds`; returns the last body.
  auto wait_for = [&](auto pred, int seconds) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
    json body;
    do {
      auto h = health();
      EXPECT_EQ(h.status, 200) << h.body;
      body = h.json;
      if (pred(body)) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    } while (std::chrono::steady_clock::now() < deadline);
    return body;
  };
  auto caught_up = [](const json& b) {
    return b.value("status", "") == "ok" && b["index"].value("lag", -1) == 0;
  };
  ASSERT_TRUE(caught_up(wait_for(caught_up, 10)));

  FillDisk();
  // Changes the store still takes (in space the database had already taken) cannot reach the
  // index.
  int stored = 0;
  json degraded;
  for (int i = 0; i < 200 && stored < 5; ++i) {
    auto r = c.Post("/api/v1/demands", {{"title", "满盘期间的需求 " + std::to_string(i)},
                                        {"description", "索引无法提交时保存的需求。"}});
    ASSERT_NE(r.status, 500) << r.body;
    if (r.status == 201) ++stored;
  }
  if (stored == 0) GTEST_SKIP() << "the database took no change on the full disk";
  degraded = wait_for([](const json& b) { return b.value("status", "") == "degraded"; }, 10);
  EXPECT_EQ(degraded["status"], "degraded") << degraded.dump();
  EXPECT_EQ(degraded["index"]["state"], "failing") << degraded.dump();
  EXPECT_GT(degraded["index"]["lag"].get<int64_t>(), 0) << degraded.dump();
  std::this_thread::sleep_for(std::chrono::seconds(1));  // several retries

  std::filesystem::remove(mount_ + "/filler");
  const json recovered = wait_for(caught_up, 20);
  EXPECT_EQ(recovered["status"], "ok") << recovered.dump();
  EXPECT_EQ(recovered["index"]["state"], "ok") << recovered.dump();
  EXPECT_EQ(recovered["index"]["lag"], 0) << recovered.dump();
  const std::string log = server_->Log();
  size_t failures = 0;
  for (size_t at = 0; (at = log.find("indexing failed", at)) != std::string::npos; ++at) {
    ++failures;
  }
  EXPECT_EQ(failures, 1u) << log;
  EXPECT_NE(log.find("indexing works again"), std::string::npos) << log;
}

}  // namespace
}  // namespace kc::testing
