#include "http/access_log.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <stdlib.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace kc::http {
namespace {

using ::testing::HasSubstr;
using ::testing::MatchesRegex;
using namespace std::chrono_literals;

class AccessLogTest : public ::testing::Test {
 protected:
  AccessLogTest() {
    std::string templ = (std::filesystem::temp_directory_path() / "kc-access-XXXXXX").string();
    dir_ = mkdtemp(templ.data());
    path_ = dir_ + "/logs/access.log";
  }
  ~AccessLogTest() override { std::filesystem::remove_all(dir_); }

  static std::string Read(const std::string& path) {
    std::ifstream in(path);
    std::stringstream buf;
    buf << in.rdbuf();
    return buf.str();
  }
  static size_t Lines(const std::string& text) {
    return static_cast<size_t>(std::count(text.begin(), text.end(), '\n'));
  }

  void Log(AccessLog& log, const std::string& id, std::string_view target = "/api/v1/health") {
    AccessRecord r{&id, "GET", target, 200, 42, 17, &remote_};
    log.Append(r);
  }

  std::string dir_, path_;
  std::string remote_ = "127.0.0.1";
};

TEST_F(AccessLogTest, ALineHasTheTimeRequestClientStatusBytesAndDuration) {
  std::string id = "abc123", remote = "10.0.0.7";
  AccessRecord r{&id, "POST", "/api/v1/demands?x=1", 201, 1234, 5678, &remote};
  std::string line;
  AccessLog::FormatLine(r, std::chrono::system_clock::now(), line);
  EXPECT_THAT(line,
              MatchesRegex("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{3}"
                           "[+-][0-9]{4} abc123 10\\.0\\.0\\.7 \"POST /api/v1/demands\\?x=1\" "
                           "201 1234 5678us\n"));
}

TEST_F(AccessLogTest, LinesAreWrittenInBatchesWithinTheFlushInterval) {
  AccessLog::Options o;
  o.flush_interval = 100ms;
  auto log = AccessLog::Open(path_, o);
  ASSERT_TRUE(log.ok()) << log.status().message();
  for (int i = 0; i < 100; ++i) Log(**log, "req-" + std::to_string(i));
  std::string text;
  for (int i = 0; i < 100 && Lines(text) < 100; ++i) {
    std::this_thread::sleep_for(20ms);
    text = Read(path_);
  }
  EXPECT_EQ(Lines(text), 100u);
  EXPECT_THAT(text, HasSubstr(" req-0 127.0.0.1 \"GET /api/v1/health\" 200 42 17us\n"));
  // In the order they came.
  EXPECT_LT(text.find(" req-9 "), text.find(" req-10 "));
  EXPECT_LT(text.find(" req-10 "), text.find(" req-99 "));
}

TEST_F(AccessLogTest, FlushAndTheDestructorWriteWhatIsPending) {
  AccessLog::Options o;
  o.flush_interval = 1h;  // only a flush, a full batch or the end writes
  {
    auto log = AccessLog::Open(path_, o);
    ASSERT_TRUE(log.ok());
    Log(**log, "first");
    (*log)->Flush();
    EXPECT_THAT(Read(path_), HasSubstr(" first "));
    Log(**log, "last");
  }
  EXPECT_THAT(Read(path_), HasSubstr(" last "));
}

TEST_F(AccessLogTest, ManyThreadsLoseNoLineAndNeverInterleaveOne) {
  constexpr int kThreads = 4, kEach = 2000;
  {
    AccessLog::Options o;
    o.batch_bytes = 4096;  // many batches
    auto log = AccessLog::Open(path_, o);
    ASSERT_TRUE(log.ok());
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
      threads.emplace_back([&, t] {
        for (int i = 0; i < kEach; ++i)
          Log(**log, "t" + std::to_string(t) + "-" + std::to_string(i));
      });
    }
    for (auto& t : threads) t.join();
  }
  std::istringstream in(Read(path_));
  size_t n = 0;
  for (std::string line; std::getline(in, line); ++n) {
    EXPECT_THAT(line, MatchesRegex(".* t[0-9]-[0-9]+ 127\\.0\\.0\\.1 \"GET /api/v1/health\" 200 42 "
                                   "17us"));
  }
  EXPECT_EQ(n, static_cast<size_t>(kThreads * kEach));
}

TEST_F(AccessLogTest, AFullFileIsRotatedLikeSpdlogsRotatingSink) {
  AccessLog::Options o;
  o.max_file_bytes = 1000;
  o.max_files = 2;
  o.batch_bytes = 1;  // every line is a batch of its own
  {
    auto log = AccessLog::Open(path_, o);
    ASSERT_TRUE(log.ok());
    for (int i = 0; i < 60; ++i) {
      Log(**log, "r" + std::to_string(i));
      (*log)->Flush();
    }
  }
  const std::string dir = dir_ + "/logs/";
  EXPECT_TRUE(std::filesystem::exists(dir + "access.log"));
  EXPECT_TRUE(std::filesystem::exists(dir + "access.1.log"));
  EXPECT_TRUE(std::filesystem::exists(dir + "access.2.log"));
  EXPECT_FALSE(std::filesystem::exists(dir + "access.3.log"));
  for (const char* name : {"access.log", "access.1.log", "access.2.log"}) {
    EXPECT_LE(std::filesystem::file_size(dir + name), 1000u) << name;
  }
  EXPECT_THAT(Read(dir + "access.log"), HasSubstr(" r59 "));
}

TEST_F(AccessLogTest, WhenTheWriterFallsBehindLinesAreDroppedCountedAndReported) {
  AccessLog::Options o;
  o.flush_interval = 1h;
  o.batch_bytes = 1 << 30;    // never woken by a full batch
  o.max_pending_bytes = 500;  // a few lines
  {
    auto log = AccessLog::Open(path_, o);
    ASSERT_TRUE(log.ok());
    for (int i = 0; i < 50; ++i) Log(**log, "r" + std::to_string(i));
    EXPECT_GT((*log)->dropped(), 0u);
    EXPECT_LT((*log)->dropped(), 50u);
  }
  EXPECT_THAT(Read(path_), HasSubstr("lines dropped"));
}

TEST_F(AccessLogTest, AFileThatCannotBeOpenedIsAnError) {
  std::filesystem::create_directories(path_);  // a directory where the file should be
  auto log = AccessLog::Open(path_);
  ASSERT_FALSE(log.ok());
  EXPECT_EQ(log.status().code(), "access_log_unavailable");
}

}  // namespace
}  // namespace kc::http
