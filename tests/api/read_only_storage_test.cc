// A data directory whose file system the kernel turns read-only while the server runs (ext4 with
// errors=remount-ro after a device error): writes answer 503 "read_only_storage" with a message
// (never 500, never a crash), reads go on, /health says "degraded" with storage "read_only".
// The data directory is a small ext4 image on a loop device, and the error is the kernel's own
// test trigger (/sys/fs/ext4/DEVICE/trigger_fs_error); this needs root, as in CI.
#include <gtest/gtest.h>
#include <sys/mount.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <thread>

#include "api/api_fixture.h"
#include "store/test_postgres.h"

namespace kc::testing {
namespace {

class ReadOnlyStorageTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (UsingPostgres()) GTEST_SKIP() << "the PostgreSQL server's disk is not the test's";
    if (geteuid() != 0) GTEST_SKIP() << "mounting an image needs root";
    dir_ = (std::filesystem::temp_directory_path() /
            ("kc-ro-" + std::to_string(getpid()) + "-" + std::to_string(std::random_device{}())))
               .string();
    std::filesystem::create_directories(dir_ + "/mnt");
    const std::string make = "truncate -s 32M " + dir_ + "/disk.img && mkfs.ext4 -q " + dir_ +
                             "/disk.img && mount -o loop,errors=remount-ro " + dir_ +
                             "/disk.img " + dir_ + "/mnt 2>/dev/null";
    if (std::system(make.c_str()) != 0) {
      std::filesystem::remove_all(dir_);
      dir_.clear();
      GTEST_SKIP() << "no loop device or ext4 here";
    }
    mounted_ = true;
    trigger_ = "/sys/fs/ext4/" + LoopDevice() + "/trigger_fs_error";
    if (!std::filesystem::exists(trigger_)) GTEST_SKIP() << "no " << trigger_;
  }

  void TearDown() override {
    server_.reset();
    if (mounted_) umount2((dir_ + "/mnt").c_str(), MNT_DETACH);
    if (!dir_.empty()) {
      std::error_code ec;
      std::filesystem::remove_all(dir_, ec);
    }
  }

  // The loop device the image is mounted from ("loop3"), from /proc/mounts.
  std::string LoopDevice() const {
    std::ifstream mounts("/proc/mounts");
    std::string device, point, rest;
    while (mounts >> device >> point && std::getline(mounts, rest)) {
      if (point == dir_ + "/mnt") return std::filesystem::path(device).filename().string();
    }
    return "";
  }

  // What the kernel does on a device error under errors=remount-ro.
  void FailTheDevice() {
    std::ofstream(trigger_) << "1\n";
    ASSERT_TRUE(std::filesystem::exists(dir_ + "/mnt"));
  }

  std::string dir_;
  bool mounted_ = false;
  std::string trigger_;
  std::unique_ptr<ServerProcess> server_;
};

TEST_F(ReadOnlyStorageTest, WritesAre503ReadsGoOnAndHealthSaysSo) {
  server_ = std::make_unique<ServerProcess>(
      std::vector<std::string>{"--no-demo", "--data", dir_ + "/mnt/data"});
  ASSERT_TRUE(server_->running());
  Client c(server_->port());
  ASSERT_EQ(c.Login("admin", ServerProcess::kAdminPassword).status, 200);
  auto first = c.Post("/api/v1/demands",
                      {{"title", "耐高温涂层"}, {"description", "需要用于发动机部件的耐高温涂层。"}});
  ASSERT_EQ(first.status, 201) << first.body;
  const std::string path = "/api/v1/demands/" + std::to_string(first.json["id"].get<int64_t>());
  EXPECT_EQ(c.Get("/api/v1/health").json.value("storage", ""), "ok");

  FailTheDevice();
  for (int i = 0; i < 3; ++i) {
    auto r = c.Post("/api/v1/demands", {{"title", "只读之后的需求 " + std::to_string(i)},
                                        {"description", "文件系统变为只读之后提交的需求。"}});
    EXPECT_EQ(r.status, 503) << r.body;
    EXPECT_EQ(r.ErrorCode(), "read_only_storage") << r.body;
  }
  auto read = c.Get(path);
  EXPECT_EQ(read.status, 200) << read.body;
  EXPECT_EQ(read.json.value("title", ""), "耐高温涂层");
  EXPECT_EQ(c.Get("/api/v1/demands").status, 200);
  // /health probes the directory at most every two seconds.
  HttpResult health;
  for (int i = 0; i < 50; ++i) {
    health = Client(server_->port()).Get("/api/v1/health");
    if (health.json.value("storage", "") != "ok") break;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  EXPECT_EQ(health.status, 200);
  EXPECT_EQ(health.json.value("status", ""), "degraded") << health.body;
  EXPECT_EQ(health.json.value("storage", ""), "read_only") << health.body;
  EXPECT_EQ(kill(server_->pid(), 0), 0) << "the server is gone";
}

}  // namespace
}  // namespace kc::testing
