// What the SQLite side of the SQL layer adds to the shared contract (conn_test.cc).
#include "store/sql/sqlite_conn.h"

#include <gtest/gtest.h>

#include "store/temp_db.h"

namespace kc::sql {
namespace {

TEST(SqliteConnTest, SpeaksSqliteAndRefusesBadSqlAtPrepare) {
  testing::TempDir dir;
  auto c = sqlite::Connection::Open(dir.File("t.db"));
  ASSERT_TRUE(c.ok());
  SqliteConn conn(**c);
  EXPECT_EQ(conn.dialect().kind(), Dialect::Kind::kSqlite);
  EXPECT_FALSE(conn.Prepare("SELEC 1").ok());
}

TEST(SqliteConnTest, AStatementEndedEarlyCanBePreparedAgain) {
  testing::TempDir dir;
  auto c = sqlite::Connection::Open(dir.File("t.db"));
  ASSERT_TRUE(c.ok());
  SqliteConn conn(**c);
  for (int i = 0; i < 2; ++i) {
    // The cached statement is reset when the Stmt goes, even in the middle of its rows.
    auto s = conn.Prepare("SELECT value FROM json_each(?)");
    ASSERT_TRUE(s.ok());
    (*s)->Bind("[1,2,3]");
    ASSERT_TRUE((*s)->Step());
    EXPECT_EQ((*s)->Int(0), 1);
  }
}

}  // namespace
}  // namespace kc::sql
