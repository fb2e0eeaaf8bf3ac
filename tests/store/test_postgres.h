// The throwaway PostgreSQL server of a test run (scripts/test-postgres.sh, started by CTest):
// KC_TEST_POSTGRES names its directory, whose file `url` holds the server's URL. Tests that run
// against PostgreSQL get a database of their own, so they can run in parallel.
#pragma once

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <optional>
#include <pqxx/pqxx>
#include <random>
#include <string>

namespace kc::testing {

// The server's URL without a database (postgresql://postgres@127.0.0.1:PORT), or nullopt when
// this run uses SQLite.
inline std::optional<std::string> TestPostgresServer() {
  const char* dir = std::getenv("KC_TEST_POSTGRES");
  if (!dir || !*dir) return std::nullopt;
  std::ifstream in(std::string(dir) + "/url");
  std::string url;
  std::getline(in, url);
  if (url.empty()) {
    ADD_FAILURE() << "KC_TEST_POSTGRES is set but " << dir << "/url is missing";
    return std::nullopt;
  }
  return url;
}

inline bool UsingPostgres() { return TestPostgresServer().has_value(); }

// Runs one statement outside a transaction on the server's maintenance database.
inline void AdminExec(const std::string& sql) {
  auto server = TestPostgresServer();
  if (!server) return;
  try {
    pqxx::connection c(*server + "/postgres");
    pqxx::nontransaction(c).exec(sql);
  } catch (const std::exception& e) {
    ADD_FAILURE() << sql << ": " << e.what();
  }
}

// Creates database `name` unless it exists; returns its URL.
inline std::string EnsureTestDatabase(const std::string& name) {
  auto server = TestPostgresServer();
  if (!server) return "";
  try {
    pqxx::connection c(*server + "/postgres");
    pqxx::nontransaction tx(c);
    if (tx.exec_params("SELECT 1 FROM pg_database WHERE datname = $1", name).empty()) {
      tx.exec("CREATE DATABASE " + tx.quote_name(name));
    }
  } catch (const std::exception& e) {
    ADD_FAILURE() << "creating database " << name << ": " << e.what();
  }
  return *server + "/" + name;
}

// Drops database `name`, closing its connections.
inline void DropTestDatabase(const std::string& name) {
  AdminExec("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
}

// A fresh database with a random name; returns its name.
inline std::string NewTestDatabaseName() {
  std::random_device rd;
  return "kc_" + std::to_string(rd()) + "_" + std::to_string(rd());
}

}  // namespace kc::testing
