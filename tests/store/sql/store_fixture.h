// The fixture of the store's contract tests (sql_tx_test.cc, sql_store_test.cc).
#pragma once

#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <optional>
#include <pqxx/pqxx>
#include <string>
#include <vector>

#include "store/sqlite/connection.h"
#include "store/store.h"
#include "store/temp_db.h"

namespace kc::testing {

// A store on a fresh database with helpers to fill it, for the store's contract tests: a SQLite
// file, or in the PostgreSQL run (KC_TEST_POSTGRES) a database of its own on the test server.
class StoreFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = dir_.File("kc.db");
    store_ = OpenOrDie(path_);
    ASSERT_NE(store_, nullptr);
  }

  // Runs `sql` on a connection of its own, past the store (SQLite or PostgreSQL, as the run).
  Status ExecDirect(const std::string& sql) {
    if (testing::UsingPostgres()) {
      try {
        pqxx::connection c(testing::DatabaseFor(path_));
        pqxx::nontransaction(c).exec(sql);
        return Status::Ok();
      } catch (const std::exception& e) {
        return Internal(e.what());
      }
    }
    auto conn = sqlite::Connection::Open(path_);
    if (!conn.ok()) return conn.status();
    return (*conn)->Exec(sql);
  }

  // Runs `fn` in a write transaction and fails the test when it does not commit.
  void MustWrite(const std::function<Status(StoreTx&)>& fn) {
    Status s = store_->Write(fn);
    ASSERT_TRUE(s.ok()) << s.code() << ": " << s.message();
  }
  // The same for a read transaction.
  void MustRead(const std::function<Status(StoreTx&)>& fn) {
    Status s = store_->Read(fn);
    ASSERT_TRUE(s.ok()) << s.code() << ": " << s.message();
  }

  int64_t AddOrg(const std::string& name, const std::string& region = "",
                 OrgType type = OrgType::kEnterprise) {
    int64_t id = 0;
    MustWrite([&](StoreTx& tx) -> Status {
      Org o;
      o.name = name;
      o.type = type;
      o.region = region;
      o.country = "CN";
      o.created_at = 100;
      auto r = tx.InsertOrg(o);
      if (!r.ok()) return r.status();
      id = *r;
      return Status::Ok();
    });
    return id;
  }

  int64_t AddUser(const std::string& username, std::optional<int64_t> org_id,
                  Role role = Role::kMember, OrgRole org_role = OrgRole::kMember) {
    int64_t id = 0;
    MustWrite([&](StoreTx& tx) -> Status {
      User u;
      u.username = username;
      u.display_name = "Name of " + username;
      u.role = role;
      u.org_role = org_role;
      u.org_id = org_id;
      u.password_hash = "hash";
      u.created_at = 100;
      auto r = tx.InsertUser(u);
      if (!r.ok()) return r.status();
      id = *r;
      return Status::Ok();
    });
    return id;
  }

  Listing MakeListing(int64_t org, int64_t owner, const std::string& title) {
    Listing l;
    l.kind = ListingKind::kDemand;
    l.org_id = org;
    l.owner_id = owner;
    l.title = title;
    l.body = "body of " + title;
    l.status = ListingStatus::kDraft;
    l.created_at = l.updated_at = 100;
    return l;
  }

  int64_t Insert(const Listing& l) {
    int64_t id = 0;
    MustWrite([&](StoreTx& tx) -> Status {
      auto r = tx.InsertListing(l);
      if (!r.ok()) return r.status();
      id = *r;
      return Status::Ok();
    });
    return id;
  }

  Result<Listing> Get(int64_t id) {
    Result<Listing> out = NotFound("listing");
    Status s = store_->Read([&](StoreTx& tx) {
      out = tx.GetListing(id);
      return Status::Ok();
    });
    EXPECT_TRUE(s.ok());
    return out;
  }

  Page<Listing> List(const ListingQuery& q) {
    Page<Listing> out;
    Status s = store_->Read([&](StoreTx& tx) -> Status {
      auto r = tx.ListListings(q);
      if (!r.ok()) return r.status();
      out = *r;
      return Status::Ok();
    });
    EXPECT_TRUE(s.ok()) << s.message();
    return out;
  }

  static std::vector<std::string> Titles(const Page<Listing>& page) {
    std::vector<std::string> out;
    for (const auto& l : page.items) out.push_back(l.title);
    return out;
  }

  TempDir dir_;
  std::string path_;
  std::unique_ptr<Store> store_;
};

}  // namespace kc::testing
