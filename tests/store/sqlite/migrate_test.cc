#include "store/sqlite/migrate.h"

#include <gtest/gtest.h>

#include <string>

#include "core/resources.h"
#include "store/sqlite/connection.h"
#include "store/temp_db.h"

namespace kc::sqlite {
namespace {

using kc::testing::TempDir;

int64_t QueryInt(Connection& conn, const std::string& sql) {
  auto stmt = conn.Prepare(sql);
  EXPECT_TRUE(stmt.ok()) << stmt.status().message();
  if (!stmt.ok()) return -1;
  int64_t v = (*stmt)->Step() ? (*stmt)->Int(0) : -1;
  EXPECT_TRUE((*stmt)->status().ok()) << (*stmt)->status().message();
  return v;
}

bool HasTable(Connection& conn, const std::string& name) {
  return QueryInt(conn, "SELECT COUNT(*) FROM sqlite_master WHERE name = '" + name + "'") == 1;
}

// The highest migration number embedded in the binary.
int LastMigration() {
  int last = 0;
  for (std::string_view path : ResourcesUnder("src/store/sqlite/migrations/")) {
    std::string_view name = path.substr(path.rfind('/') + 1);
    last = std::max(last, std::stoi(std::string(name.substr(0, name.find('_')))));
  }
  return last;
}

// How many migrations are embedded (numbers may have gaps).
int64_t MigrationCount() {
  return static_cast<int64_t>(ResourcesUnder("src/store/sqlite/migrations/").size());
}

class MigrateTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto conn = Connection::Open(dir_.File("kc.db"));
    ASSERT_TRUE(conn.ok()) << conn.status().message();
    conn_ = std::move(*conn);
  }
  TempDir dir_;
  std::unique_ptr<Connection> conn_;
};

TEST_F(MigrateTest, MigrationsAreEmbedded) {
  EXPECT_GE(LastMigration(), 1);
  EXPECT_TRUE(Resource("src/store/sqlite/migrations/001_init.sql").has_value());
}

TEST_F(MigrateTest, AppliesEveryMigrationAndRecordsEachVersion) {
  auto version = Migrate(*conn_);
  ASSERT_TRUE(version.ok()) << version.status().message();
  EXPECT_EQ(*version, LastMigration());
  EXPECT_EQ(QueryInt(*conn_, "SELECT MAX(version) FROM schema_version"), LastMigration());
  EXPECT_EQ(QueryInt(*conn_, "SELECT COUNT(*) FROM schema_version"), MigrationCount());
  EXPECT_GT(QueryInt(*conn_, "SELECT MIN(applied_at) FROM schema_version"), 1600000000);
  for (const char* table :
       {"orgs", "users", "sessions", "throttle_attempts", "listings", "changes", "audit", "meta"}) {
    EXPECT_TRUE(HasTable(*conn_, table)) << table;
  }
  EXPECT_TRUE(HasTable(*conn_, "audit_no_update"));
  EXPECT_TRUE(HasTable(*conn_, "audit_no_delete"));
  EXPECT_TRUE(HasTable(*conn_, "listings_ref"));
}

// 008 keeps the platform role apart from the organisation role: an org admin of before keeps
// managing the organisation, as a member of the platform.
TEST_F(MigrateTest, FormerOrgAdminsKeepTheirOrganisationRole) {
  ASSERT_TRUE(conn_
                  ->Exec("CREATE TABLE schema_version (version INTEGER NOT NULL, applied_at "
                         "INTEGER NOT NULL)")
                  .ok());
  for (std::string_view path : ResourcesUnder("src/store/sqlite/migrations/")) {
    std::string_view name = path.substr(path.rfind('/') + 1);
    const int number = std::stoi(std::string(name.substr(0, 3)));
    if (number >= 8) break;
    ASSERT_TRUE(conn_->Exec(std::string(*Resource(path))).ok()) << name;
    ASSERT_TRUE(conn_
                    ->Exec("INSERT INTO schema_version (version, applied_at) VALUES (" +
                           std::to_string(number) + ", 1700000000)")
                    .ok());
  }
  ASSERT_TRUE(conn_
                  ->Exec("INSERT INTO orgs (id, name, type, created_at) VALUES (1, 'o', "
                         "'enterprise', 1);"
                         "INSERT INTO users (id, username, display_name, role, org_id, "
                         "password_hash, created_at) VALUES (1, 'boss', 'b', 'org_admin', 1, 'h', "
                         "1), (2, 'critic', 'c', 'reviewer', 1, 'h', 1), (3, 'hand', 'h', "
                         "'member', 1, 'h', 1);"
                         "INSERT INTO login_failures (username, at) VALUES ('boss', 5)")
                  .ok());
  ASSERT_TRUE(Migrate(*conn_).ok());
  EXPECT_EQ(QueryInt(*conn_, "SELECT COUNT(*) FROM users WHERE role = 'org_admin'"), 0);
  EXPECT_EQ(QueryInt(*conn_,
                     "SELECT COUNT(*) FROM users WHERE id = 1 AND role = 'member' AND "
                     "org_role = 'org_admin'"),
            1);
  EXPECT_EQ(QueryInt(*conn_,
                     "SELECT COUNT(*) FROM users WHERE id = 2 AND role = 'reviewer' AND "
                     "org_role = 'member'"),
            1);
  EXPECT_EQ(QueryInt(*conn_,
                     "SELECT COUNT(*) FROM users WHERE id = 3 AND role = 'member' AND "
                     "org_role = 'member'"),
            1);
  EXPECT_FALSE(HasTable(*conn_, "login_failures"));
  EXPECT_EQ(QueryInt(*conn_, "SELECT COUNT(*) FROM throttle_attempts"), 0);
}

TEST_F(MigrateTest, RunningAgainChangesNothing) {
  ASSERT_TRUE(Migrate(*conn_).ok());
  ASSERT_TRUE(conn_->Exec("INSERT INTO meta (key, value) VALUES ('k', 'v')").ok());
  auto again = Migrate(*conn_);
  ASSERT_TRUE(again.ok()) << again.status().message();
  EXPECT_EQ(*again, LastMigration());
  EXPECT_EQ(QueryInt(*conn_, "SELECT COUNT(*) FROM schema_version"), MigrationCount());
  EXPECT_EQ(QueryInt(*conn_, "SELECT COUNT(*) FROM meta"), 1) << "data kept";
}

TEST_F(MigrateTest, AppliesAMissingLowerNumberBelowAnAppliedOne) {
  // As after merging a branch whose migration number is below one already applied: 003 is
  // unrecorded and its tables absent while later numbers are recorded.
  ASSERT_TRUE(Migrate(*conn_).ok());
  ASSERT_TRUE(conn_
                  ->Exec("DROP TABLE notifications; DROP TABLE subscriptions; DELETE FROM "
                         "schema_version WHERE version = 3")
                  .ok());
  auto again = Migrate(*conn_);
  ASSERT_TRUE(again.ok()) << again.status().message();
  EXPECT_EQ(*again, LastMigration());
  EXPECT_TRUE(HasTable(*conn_, "subscriptions"));
  EXPECT_TRUE(HasTable(*conn_, "notifications"));
  EXPECT_EQ(QueryInt(*conn_, "SELECT COUNT(*) FROM schema_version WHERE version = 3"), 1);
  EXPECT_EQ(QueryInt(*conn_, "SELECT COUNT(*) FROM schema_version"), MigrationCount());
}

// 009 starts the alerts' cursor at the change log's end on a database that has changes: they
// were announced when indexed (src/service/alerts.h). A new database gets no cursor (0).
TEST_F(MigrateTest, TheAlertsCursorStartsAtTheEndOfAnUpgradedChangeLog) {
  ASSERT_TRUE(Migrate(*conn_).ok());
  EXPECT_EQ(QueryInt(*conn_, "SELECT COUNT(*) FROM meta WHERE key = 'alerts_seq'"), 0);
  ASSERT_TRUE(conn_
                  ->Exec("INSERT INTO changes (entity, entity_id, op, at) VALUES "
                         "('listing', 1, 'upsert', 1), ('listing', 2, 'upsert', 1), "
                         "('listing', 1, 'delete', 2); "
                         "DELETE FROM schema_version WHERE version = 9")
                  .ok());
  ASSERT_TRUE(Migrate(*conn_).ok());
  EXPECT_EQ(QueryInt(*conn_, "SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'alerts_seq'"),
            3);
}

TEST_F(MigrateTest, ReopeningTheStoreIsIdempotent) {
  std::string path = dir_.File("store.db");
  for (int i = 0; i < 3; ++i) {
    auto store = OpenSqliteStore(path, 1);
    ASSERT_TRUE(store.ok()) << store.status().message();
    EXPECT_EQ((*store)->SchemaVersion(), LastMigration());
  }
  auto conn = Connection::Open(path);
  ASSERT_TRUE(conn.ok());
  EXPECT_EQ(QueryInt(**conn, "SELECT COUNT(*) FROM schema_version"), MigrationCount());
}

TEST_F(MigrateTest, RefusesADatabaseNewerThanTheBinary) {
  ASSERT_TRUE(Migrate(*conn_).ok());
  ASSERT_TRUE(
      conn_->Exec("INSERT INTO schema_version (version, applied_at) VALUES (9999, 0)").ok());
  auto version = Migrate(*conn_);
  ASSERT_FALSE(version.ok());
  EXPECT_EQ(version.status().kind(), ErrorKind::kInternal);
  EXPECT_NE(version.status().message().find("9999"), std::string::npos)
      << version.status().message();

  conn_.reset();
  auto store = OpenSqliteStore(dir_.File("kc.db"), 1);
  EXPECT_FALSE(store.ok()) << "the store must not open a database it does not understand";
}

TEST_F(MigrateTest, AFailedMigrationRollsBackAndRecordsNothing) {
  // A table of the first migration already exists, so 001 fails half-way.
  ASSERT_TRUE(conn_->Exec("CREATE TABLE sessions (x INTEGER)").ok());
  auto version = Migrate(*conn_);
  ASSERT_FALSE(version.ok());
  EXPECT_EQ(version.status().kind(), ErrorKind::kInternal);
  EXPECT_NE(version.status().message().find("001"), std::string::npos)
      << version.status().message();
  EXPECT_EQ(QueryInt(*conn_, "SELECT COUNT(*) FROM schema_version"), 0);
  // The statements of 001 before the failing one were undone with it.
  EXPECT_FALSE(HasTable(*conn_, "orgs"));
  EXPECT_FALSE(HasTable(*conn_, "users"));
  // The connection is not left inside a transaction.
  EXPECT_TRUE(conn_->Exec("BEGIN; COMMIT;").ok());
}

}  // namespace
}  // namespace kc::sqlite
