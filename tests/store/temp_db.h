// A database file in a fresh temporary directory, removed with everything in it at the end of
// the test. Shared by the store and service tests.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <random>
#include <string>

#include "store/sqlite/sqlite_store.h"
#include "store/store.h"

namespace kc::testing {

class TempDir {
 public:
  TempDir() {
    std::random_device rd;
    std::string name = "kc-";
    for (int i = 0; i < 4; ++i) name += std::to_string(rd() % 10000) + "-";
    path_ = std::filesystem::temp_directory_path() / name;
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  std::string File(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

// Opens (or re-opens) the store at `path`; fails the test when it cannot.
inline std::unique_ptr<Store> OpenOrDie(const std::string& path) {
  auto store = OpenSqliteStore(path, 2);
  EXPECT_TRUE(store.ok()) << store.status().message();
  if (!store.ok()) return nullptr;
  return std::move(*store);
}

}  // namespace kc::testing
