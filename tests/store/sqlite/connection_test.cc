#include "store/sqlite/connection.h"

#include <gtest/gtest.h>

#include <string>

#include "store/temp_db.h"

namespace kc::sqlite {
namespace {

using kc::testing::TempDir;

class ConnectionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = dir_.File("c.db");
    conn_ = Open();
    ASSERT_NE(conn_, nullptr);
  }

  std::unique_ptr<Connection> Open() {
    auto conn = Connection::Open(path_);
    EXPECT_TRUE(conn.ok()) << conn.status().message();
    return conn.ok() ? std::move(*conn) : nullptr;
  }

  std::string PragmaText(Connection& c, const std::string& pragma) {
    auto s = c.Prepare("PRAGMA " + pragma);
    EXPECT_TRUE(s.ok());
    return (*s)->Step() ? (*s)->Text(0) : "";
  }

  TempDir dir_;
  std::string path_;
  std::unique_ptr<Connection> conn_;
};

TEST_F(ConnectionTest, OpenAppliesWalForeignKeysAndFullSync) {
  EXPECT_EQ(PragmaText(*conn_, "journal_mode"), "wal");
  EXPECT_EQ(PragmaText(*conn_, "foreign_keys"), "1");
  EXPECT_EQ(PragmaText(*conn_, "synchronous"), "2");  // FULL
}

TEST_F(ConnectionTest, OpenFailsForAnUnreachablePath) {
  auto conn = Connection::Open(dir_.File("no/such/dir/x.db"));
  EXPECT_FALSE(conn.ok());
}

TEST_F(ConnectionTest, BindStepAndReadColumns) {
  ASSERT_TRUE(conn_->Exec("CREATE TABLE t (i INTEGER, s TEXT, o INTEGER)").ok());
  {
    auto ins = conn_->Prepare("INSERT INTO t (i, s, o) VALUES (?, ?, ?)");
    ASSERT_TRUE(ins.ok());
    (*ins)->Bind(1, int64_t{1} << 40).Bind(2, "中文\0x").Bind(3, std::optional<int64_t>());
    ASSERT_TRUE((*ins)->Run().ok());
    EXPECT_EQ((*ins)->changes(), 1);
    EXPECT_EQ(conn_->LastInsertId(), 1);
  }
  {
    // The same cached statement, reset and unbound: binds again from scratch.
    auto ins = conn_->Prepare("INSERT INTO t (i, s, o) VALUES (?, ?, ?)");
    ASSERT_TRUE(ins.ok());
    std::string with_nul("a\0b", 3);
    (*ins)->Bind(1, int64_t{-5}).Bind(2, with_nul).Bind(3, std::optional<int64_t>(7));
    ASSERT_TRUE((*ins)->Run().ok());
  }
  auto sel = conn_->Prepare("SELECT i, s, o FROM t ORDER BY rowid");
  ASSERT_TRUE(sel.ok());
  ASSERT_TRUE((*sel)->Step());
  EXPECT_EQ((*sel)->Int(0), int64_t{1} << 40);
  EXPECT_EQ((*sel)->Text(1), "中文");  // a const char* binds up to its NUL
  EXPECT_TRUE((*sel)->IsNull(2));
  EXPECT_FALSE((*sel)->OptInt(2).has_value());
  ASSERT_TRUE((*sel)->Step());
  EXPECT_EQ((*sel)->Int(0), -5);
  EXPECT_EQ((*sel)->Text(1), std::string("a\0b", 3)) << "text keeps embedded NULs";
  EXPECT_EQ((*sel)->OptInt(2), 7);
  EXPECT_FALSE((*sel)->Step());
  EXPECT_TRUE((*sel)->status().ok());
}

TEST_F(ConnectionTest, AStatementLeftMidWayStartsOverWhenPreparedAgain) {
  ASSERT_TRUE(conn_->Exec("CREATE TABLE t (i INTEGER); INSERT INTO t VALUES (1), (2), (3);").ok());
  {
    auto sel = conn_->Prepare("SELECT i FROM t ORDER BY i");
    ASSERT_TRUE(sel.ok());
    ASSERT_TRUE((*sel)->Step());
    EXPECT_EQ((*sel)->Int(0), 1);
  }  // dropped after one row
  auto sel = conn_->Prepare("SELECT i FROM t ORDER BY i");
  ASSERT_TRUE(sel.ok());
  ASSERT_TRUE((*sel)->Step());
  EXPECT_EQ((*sel)->Int(0), 1);
  sel->reset();  // dropped mid-way again
  // A statement reset when dropped does not hold the table: a schema change goes through.
  EXPECT_TRUE(conn_->Exec("DROP TABLE t").ok());
}

TEST_F(ConnectionTest, BadSqlIsAnInternalError) {
  auto s = conn_->Prepare("SELEKT 1");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().kind(), ErrorKind::kInternal);
  EXPECT_NE(s.status().message().find("syntax"), std::string::npos) << s.status().message();
  Status e = conn_->Exec("CREATE TABLE");
  EXPECT_EQ(e.kind(), ErrorKind::kInternal);
}

TEST_F(ConnectionTest, UniqueViolationIsAConflictNamingTheLastColumn) {
  ASSERT_TRUE(conn_
                  ->Exec("CREATE TABLE t (a TEXT, b TEXT, c TEXT NOT NULL DEFAULT '',"
                         " UNIQUE (a, b)); CREATE TABLE p (k TEXT PRIMARY KEY);")
                  .ok());
  ASSERT_TRUE(conn_->Exec("INSERT INTO t (a, b) VALUES ('x', 'y')").ok());
  auto ins = conn_->Prepare("INSERT INTO t (a, b) VALUES (?, ?)");
  ASSERT_TRUE(ins.ok());
  (*ins)->Bind(1, "x").Bind(2, "y");
  Status s = (*ins)->Run();
  EXPECT_EQ(s.kind(), ErrorKind::kConflict);
  EXPECT_EQ(s.code(), "duplicate");
  EXPECT_EQ(s.field(), "b");
  EXPECT_NE(s.message().find("b already exists"), std::string::npos) << s.message();

  ASSERT_TRUE(conn_->Exec("INSERT INTO p VALUES ('k')").ok());
  Status pk = conn_->Exec("INSERT INTO p VALUES ('k')");
  EXPECT_EQ(pk.kind(), ErrorKind::kConflict);
  EXPECT_EQ(pk.field(), "k");

  // Other constraints are not conflicts.
  Status nn = conn_->Exec("INSERT INTO t (a, b, c) VALUES ('1', '2', NULL)");
  EXPECT_EQ(nn.kind(), ErrorKind::kInternal);
}

TEST_F(ConnectionTest, ForeignKeysAreEnforced) {
  ASSERT_TRUE(conn_
                  ->Exec("CREATE TABLE parent (id INTEGER PRIMARY KEY);"
                         "CREATE TABLE child (pid INTEGER REFERENCES parent(id));")
                  .ok());
  EXPECT_FALSE(conn_->Exec("INSERT INTO child VALUES (42)").ok());
  ASSERT_TRUE(conn_->Exec("INSERT INTO parent VALUES (42); INSERT INTO child VALUES (42);").ok());
}

TEST_F(ConnectionTest, ALockedDatabaseIsUnavailableNotInternal) {
  ASSERT_TRUE(conn_->Exec("CREATE TABLE t (i INTEGER)").ok());
  auto other = Open();
  ASSERT_NE(other, nullptr);
  sqlite3_busy_timeout(other->handle(), 0);  // fail at once instead of waiting 5 s
  ASSERT_TRUE(conn_->Exec("BEGIN IMMEDIATE").ok());
  Status s = other->Exec("BEGIN IMMEDIATE");
  EXPECT_EQ(s.kind(), ErrorKind::kUnavailable);
  EXPECT_EQ(s.code(), "database_busy");
  ASSERT_TRUE(conn_->Exec("COMMIT").ok());
  EXPECT_TRUE(other->Exec("BEGIN IMMEDIATE; COMMIT;").ok());
}

TEST_F(ConnectionTest, ErrorStatusWithoutAConnection) {
  Status s = ErrorStatus(nullptr, SQLITE_CANTOPEN);
  EXPECT_EQ(s.kind(), ErrorKind::kInternal);
  EXPECT_EQ(ErrorStatus(nullptr, SQLITE_BUSY).kind(), ErrorKind::kUnavailable);
  EXPECT_EQ(ErrorStatus(nullptr, SQLITE_CONSTRAINT_UNIQUE).kind(), ErrorKind::kConflict);
}

TEST_F(ConnectionTest, CommittedDataIsVisibleToANewConnection) {
  ASSERT_TRUE(conn_->Exec("CREATE TABLE t (i INTEGER); INSERT INTO t VALUES (5);").ok());
  conn_.reset();
  auto again = Open();
  ASSERT_NE(again, nullptr);
  auto sel = again->Prepare("SELECT i FROM t");
  ASSERT_TRUE(sel.ok());
  ASSERT_TRUE((*sel)->Step());
  EXPECT_EQ((*sel)->Int(0), 5);
}

}  // namespace
}  // namespace kc::sqlite
