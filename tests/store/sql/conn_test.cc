// The contract of sql::Conn and sql::Stmt (store/sql/conn.h), the same on both databases: run
// plainly on SQLite, and as "pg:SqlConnTest.*" on the test PostgreSQL server.
#include "store/sql/conn.h"

#include <gtest/gtest.h>

#include "store/sql/conn_fixture.h"

namespace kc::sql {
namespace {

class SqlConnTest : public testing::SqlConnFixture {
 protected:
  void SetUp() override {
    SqlConnFixture::SetUp();
    CreateItems();
  }

  // Inserts an item and returns its id.
  int64_t Insert(const std::string& name, std::optional<int64_t> n) {
    auto s = conn().Prepare("INSERT INTO items (name, n) VALUES (?, ?) RETURNING id");
    EXPECT_TRUE(s.ok()) << s.status().message();
    (*s)->Bind(name).Bind(n);
    EXPECT_TRUE((*s)->Step()) << (*s)->status().message();
    return (*s)->Int(0);
  }

  std::vector<std::string> Names(const std::string& sql, const std::string& value) {
    auto s = conn().Prepare(sql);
    EXPECT_TRUE(s.ok()) << s.status().message();
    (*s)->Bind(value);
    std::vector<std::string> out;
    while ((*s)->Step()) out.push_back((*s)->Text(0));
    EXPECT_TRUE((*s)->status().ok()) << (*s)->status().message();
    return out;
  }
};

TEST_F(SqlConnTest, InsertReturnsIdsInOrder) {
  EXPECT_EQ(Insert("a", 1), 1);
  EXPECT_EQ(Insert("b", 2), 2);
}

TEST_F(SqlConnTest, BindsPlaceholdersInOrderAndReadsEveryType) {
  auto s = conn().Prepare("INSERT INTO items (name, n, x, note) VALUES (?, ?, ?, ?)");
  ASSERT_TRUE(s.ok());
  (*s)->Bind("名称 'quoted' ?").Bind(int64_t{9007199254740993}).BindDouble(0.1).Bind("note");
  ASSERT_TRUE((*s)->Run().ok());
  EXPECT_EQ((*s)->changes(), 1);
  s = conn().Prepare("SELECT name, n, x, note FROM items WHERE name = ? AND n = ?");
  ASSERT_TRUE(s.ok());
  (*s)->Bind("名称 'quoted' ?").Bind(int64_t{9007199254740993});
  ASSERT_TRUE((*s)->Step()) << (*s)->status().message();
  EXPECT_EQ((*s)->Text(0), "名称 'quoted' ?");
  EXPECT_EQ((*s)->Int(1), 9007199254740993);
  EXPECT_DOUBLE_EQ((*s)->Double(2), 0.1);
  EXPECT_EQ((*s)->Text(3), "note");
  EXPECT_FALSE((*s)->Step());
  EXPECT_TRUE((*s)->status().ok());
}

TEST_F(SqlConnTest, NullReadsAsNulloptZeroAndEmpty) {
  Insert("a", std::nullopt);
  auto s = conn().Prepare("SELECT n, x, note FROM items WHERE name = 'a'");
  ASSERT_TRUE(s.ok());
  ASSERT_TRUE((*s)->Step());
  EXPECT_TRUE((*s)->IsNull(0));
  EXPECT_EQ((*s)->OptInt(0), std::nullopt);
  EXPECT_EQ((*s)->Int(0), 0);
  EXPECT_EQ((*s)->Double(1), 0);
  EXPECT_EQ((*s)->Text(2), "");
}

TEST_F(SqlConnTest, QuestionMarkInLiteralIsNotAPlaceholder) {
  Insert("what?", 1);
  EXPECT_EQ(Names("SELECT name FROM items WHERE name = 'what?' AND name = ?", "what?"),
            std::vector<std::string>{"what?"});
}

TEST_F(SqlConnTest, UniqueViolationIsConflictNamingTheColumn) {
  Insert("a", 1);
  auto s = conn().Prepare("INSERT INTO items (name) VALUES (?)");
  ASSERT_TRUE(s.ok());
  (*s)->Bind("a");
  Status st = (*s)->Run();
  EXPECT_EQ(st.kind(), ErrorKind::kConflict) << st.message();
  EXPECT_EQ(st.field(), "name");
}

TEST_F(SqlConnTest, InsertOnConflictDoNothingReturnsNoRowAndKeepsTheTransaction) {
  Insert("a", 1);
  auto s = conn().Prepare(
      "INSERT INTO items (name, n) VALUES (?, ?) ON CONFLICT DO NOTHING RETURNING id");
  ASSERT_TRUE(s.ok());
  (*s)->Bind("a").Bind(int64_t{2});
  EXPECT_FALSE((*s)->Step());
  EXPECT_TRUE((*s)->status().ok());
  EXPECT_EQ((*s)->changes(), 0);
  s->reset();
  EXPECT_GT(Insert("b", 2), 1);  // the transaction goes on (the refused row may use an id)
}

TEST_F(SqlConnTest, UpsertTakesTheExcludedValues) {
  Insert("a", 1);
  auto s = conn().Prepare(
      "INSERT INTO items (name, n) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET n = "
      "excluded.n");
  ASSERT_TRUE(s.ok());
  (*s)->Bind("a").Bind(int64_t{5});
  ASSERT_TRUE((*s)->Run().ok());
  EXPECT_EQ(Names("SELECT CAST(n AS TEXT) FROM items WHERE name = ?", "a"),
            std::vector<std::string>{"5"});
}

TEST_F(SqlConnTest, ChangesCountsTheRowsTouched) {
  Insert("a", 1);
  Insert("b", 1);
  Insert("c", 2);
  auto s = conn().Prepare("UPDATE items SET note = ? WHERE n = ?");
  ASSERT_TRUE(s.ok());
  (*s)->Bind("x").Bind(int64_t{1});
  ASSERT_TRUE((*s)->Run().ok());
  EXPECT_EQ((*s)->changes(), 2);
}

TEST_F(SqlConnTest, IdAndTextListsAreOneParameter) {
  Insert("a", 1);
  Insert("b", 2);
  Insert("c,\"d\\", 3);
  const Dialect& d = conn().dialect();
  auto s = conn().Prepare("SELECT name FROM items WHERE " + d.InIds("id") + " ORDER BY id");
  ASSERT_TRUE(s.ok());
  (*s)->Bind(d.IdList({1, 3, 99}));
  std::vector<std::string> names;
  while ((*s)->Step()) names.push_back((*s)->Text(0));
  EXPECT_TRUE((*s)->status().ok()) << (*s)->status().message();
  EXPECT_EQ(names, (std::vector<std::string>{"a", "c,\"d\\"}));
  s->reset();
  EXPECT_EQ(Names("SELECT name FROM items WHERE " + d.InTexts("name") + " ORDER BY id",
                  d.TextList({"b", "c,\"d\\", "zz"})),
            (std::vector<std::string>{"b", "c,\"d\\"}));
  EXPECT_TRUE(Names("SELECT name FROM items WHERE " + d.InIds("id"), d.IdList({})).empty());
}

TEST_F(SqlConnTest, TextRowsGivesValuesWithTheirPositions) {
  const Dialect& d = conn().dialect();
  auto s = conn().Prepare("SELECT e.value, e.position FROM " + d.TextRows() +
                          " AS e ORDER BY e.position");
  ASSERT_TRUE(s.ok());
  (*s)->Bind(d.TextList({"x", "标签 \"q\"", "a\\b"}));
  std::vector<std::pair<std::string, int64_t>> rows;
  while ((*s)->Step()) rows.emplace_back((*s)->Text(0), (*s)->Int(1));
  EXPECT_TRUE((*s)->status().ok()) << (*s)->status().message();
  EXPECT_EQ(rows, (std::vector<std::pair<std::string, int64_t>>{
                      {"x", 0}, {"标签 \"q\"", 1}, {"a\\b", 2}}));
}

TEST_F(SqlConnTest, RowsGivesTypedColumnsWithTheirPositions) {
  using T = Dialect::Type;
  const Dialect& d = conn().dialect();
  auto s = conn().Prepare("SELECT r.n, r.x, r.t, r.position FROM " +
                          d.Rows({{"n", T::kInt}, {"x", T::kReal}, {"t", T::kText}}) +
                          " r ORDER BY r.position");
  ASSERT_TRUE(s.ok()) << s.status().message();
  JsonRows rows;
  rows.Row().Int(9007199254740993).Real(0.1).Text("标签 \"q\"\n");
  rows.Row().OptInt(std::nullopt).Real(6).Text("");
  (*s)->Bind(rows.str());
  ASSERT_TRUE((*s)->Step()) << (*s)->status().message();
  EXPECT_EQ((*s)->Int(0), 9007199254740993);
  EXPECT_DOUBLE_EQ((*s)->Double(1), 0.1);
  EXPECT_EQ((*s)->Text(2), "标签 \"q\"\n");
  EXPECT_EQ((*s)->Int(3), 0);
  ASSERT_TRUE((*s)->Step()) << (*s)->status().message();
  EXPECT_TRUE((*s)->IsNull(0));
  EXPECT_DOUBLE_EQ((*s)->Double(1), 6);
  EXPECT_EQ((*s)->Text(2), "");
  EXPECT_EQ((*s)->Int(3), 1);
  EXPECT_FALSE((*s)->Step());
  EXPECT_TRUE((*s)->status().ok()) << (*s)->status().message();
}

TEST_F(SqlConnTest, UtcMonthOfASecondCount) {
  auto s = conn().Prepare("SELECT " + conn().dialect().UtcMonth("CAST(? AS BIGINT)"));
  ASSERT_TRUE(s.ok());
  (*s)->Bind(int64_t{1767225599});  // 2025-12-31 23:59:59 UTC
  ASSERT_TRUE((*s)->Step()) << (*s)->status().message();
  EXPECT_EQ((*s)->Text(0), "2025-12");
}

TEST_F(SqlConnTest, AFinishedStatementStaysFinished) {
  auto s = conn().Prepare("INSERT INTO items (name) VALUES (?)");
  ASSERT_TRUE(s.ok());
  (*s)->Bind("once");
  EXPECT_FALSE((*s)->Step());
  EXPECT_FALSE((*s)->Step()) << "stepping again must not insert again";
  EXPECT_TRUE((*s)->status().ok()) << (*s)->status().message();
  s->reset();
  EXPECT_EQ(Names("SELECT name FROM items WHERE name = ?", "once").size(), 1u);
}

TEST_F(SqlConnTest, AnEmptyTextIsNotNull) {
  auto s = conn().Prepare("INSERT INTO items (name, note) VALUES (?, ?)");
  ASSERT_TRUE(s.ok());
  (*s)->Bind("a").Bind(std::string_view());
  ASSERT_TRUE((*s)->Run().ok()) << (*s)->status().message();
  s->reset();
  EXPECT_EQ(Names("SELECT name FROM items WHERE note = ?", "").size(), 1u);
}

TEST_F(SqlConnTest, LikeEscapeMatchesWildcardsLiterally) {
  Insert("100%_a\\", 1);
  Insert("100xxa", 2);
  EXPECT_EQ(Names("SELECT name FROM items WHERE name LIKE ? ESCAPE '\\'",
                  "%" + LikeEscape("0%_a\\") + "%"),
            std::vector<std::string>{"100%_a\\"});
}

TEST_F(SqlConnTest, ByteOrderSortsByBytes) {
  Insert("a", 1);
  Insert("B", 2);
  Insert("é", 3);
  auto s = conn().Prepare("SELECT name FROM items ORDER BY name" +
                          std::string(conn().dialect().ByteOrder()));
  ASSERT_TRUE(s.ok());
  std::vector<std::string> names;
  while ((*s)->Step()) names.push_back((*s)->Text(0));
  EXPECT_EQ(names, (std::vector<std::string>{"B", "a", "é"}));
}

TEST_F(SqlConnTest, RolledBackSavepointUndoesOnlyItsWrites) {
  Insert("kept", 1);
  ASSERT_TRUE(conn().Exec("SAVEPOINT nested").ok());
  Insert("undone", 2);
  ASSERT_TRUE(conn().Exec("ROLLBACK TO SAVEPOINT nested").ok());
  ASSERT_TRUE(conn().Exec("RELEASE SAVEPOINT nested").ok());
  EXPECT_EQ(Names("SELECT name FROM items WHERE name <> ? ORDER BY id", ""),
            std::vector<std::string>{"kept"});
}

TEST_F(SqlConnTest, TheSameTextRunsAgainWithOtherValues) {
  for (int i = 0; i < 3; ++i) Insert("n" + std::to_string(i), i);
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(Names("SELECT name FROM items WHERE name = ?", "n" + std::to_string(i)),
              std::vector<std::string>{"n" + std::to_string(i)});
  }
}

TEST_F(SqlConnTest, BadSqlFailsWithAStatus) {
  auto s = conn().Prepare("SELECT nothing FROM nowhere WHERE id = ?");
  if (!s.ok()) return;  // SQLite refuses it here
  (*s)->Bind(int64_t{1});
  EXPECT_FALSE((*s)->Step());
  EXPECT_FALSE((*s)->status().ok());
}

}  // namespace
}  // namespace kc::sql
