#include "http/request_id.h"

#include <gtest/gtest.h>

#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace kc::http {
namespace {

bool IsLowerHex16(const std::string& s) {
  if (s.size() != 16) return false;
  for (char c : s) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

TEST(NewRequestIdTest, IsSixteenLowerCaseHexCharacters) {
  for (int i = 0; i < 100; ++i) {
    std::string id = NewRequestId();
    EXPECT_TRUE(IsLowerHex16(id)) << id;
  }
}

TEST(NewRequestIdTest, IsUniqueAcrossThreads) {
  constexpr int kThreads = 8, kEach = 5000;
  std::mutex mu;
  std::set<std::string> ids;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&] {
      std::vector<std::string> mine;
      for (int i = 0; i < kEach; ++i) mine.push_back(NewRequestId());
      std::lock_guard<std::mutex> lock(mu);
      ids.insert(mine.begin(), mine.end());
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(ids.size(), size_t{kThreads} * kEach);
}

TEST(RequestIdFromTest, KeepsAValidClientValue) {
  const std::vector<std::string> valid = {
      "a", "abc-123", "A.b_c-D", "0123456789abcdef", std::string(64, 'x'), "req.2026-11-29_001"};
  for (const std::string& v : valid) {
    EXPECT_EQ(RequestIdFrom(v), v);
  }
}

TEST(RequestIdFromTest, ReplacesAnEmptyTooLongOrUnsafeValue) {
  const std::vector<std::string> invalid = {std::string(),
                                            std::string(65, 'x'),
                                            "has space",
                                            "a/b",
                                            "line\r\nX-Injected: 1",
                                            "quote\"",
                                            "需求",
                                            "semi;colon",
                                            "tab\t",
                                            std::string("a\0b", 3)};
  for (const std::string& v : invalid) {
    std::string id = RequestIdFrom(v);
    EXPECT_NE(id, v);
    EXPECT_TRUE(IsLowerHex16(id)) << "for client value '" << v << "' got '" << id << "'";
  }
}

TEST(RequestIdFromTest, GeneratedIdsDiffer) { EXPECT_NE(RequestIdFrom(""), RequestIdFrom("")); }

}  // namespace
}  // namespace kc::http
