// A database file in a fresh temporary directory, removed with everything in it at the end of
// the test. Shared by the store and service tests. When the run uses PostgreSQL
// (KC_TEST_POSTGRES), a "file" stands for a database of its own on the test server instead,
// dropped with the directory.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "store/postgres/postgres_store.h"
#include "store/sqlite/sqlite_store.h"
#include "store/store.h"
#include "store/test_postgres.h"

namespace kc::testing {

// The PostgreSQL databases standing for database files, by file path.
inline std::vector<std::pair<std::string, std::string>>& TestDatabases(std::mutex** mu) {
  static std::mutex m;
  static std::vector<std::pair<std::string, std::string>> dbs;
  *mu = &m;
  return dbs;
}

// The database standing for the file `path` (created on first use), as a URL.
inline std::string DatabaseFor(const std::string& path) {
  std::mutex* mu = nullptr;
  auto& dbs = TestDatabases(&mu);
  std::lock_guard<std::mutex> lock(*mu);
  std::string name;
  for (const auto& [p, n] : dbs) {
    if (p == path) name = n;
  }
  if (name.empty()) {
    name = NewTestDatabaseName();
    dbs.emplace_back(path, name);
  }
  return EnsureTestDatabase(name);
}

// Drops the databases standing for files under `dir`.
inline void DropDatabasesUnder(const std::string& dir) {
  std::mutex* mu = nullptr;
  auto& dbs = TestDatabases(&mu);
  std::lock_guard<std::mutex> lock(*mu);
  std::erase_if(dbs, [&](const auto& entry) {
    if (!entry.first.starts_with(dir)) return false;
    DropTestDatabase(entry.second);
    return true;
  });
}

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
    if (UsingPostgres()) DropDatabasesUnder(path_.string());
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

// Opens (or re-opens) the store at `path` (on PostgreSQL: the database standing for it); fails
// the test when it cannot.
inline std::unique_ptr<Store> OpenOrDie(const std::string& path) {
  auto store = UsingPostgres() ? OpenPostgresStore(DatabaseFor(path), 2) : OpenSqliteStore(path, 2);
  EXPECT_TRUE(store.ok()) << store.status().message();
  if (!store.ok()) return nullptr;
  return std::move(*store);
}

}  // namespace kc::testing
