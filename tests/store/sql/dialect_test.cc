#include "store/sql/dialect.h"

#include <gtest/gtest.h>

namespace kc::sql {
namespace {

const Dialect& kLite = Dialect::Sqlite();
const Dialect& kPg = Dialect::Postgres();

TEST(DialectTest, SqliteKeepsQuestionMarks) {
  EXPECT_EQ(kLite.Placeholders("SELECT ? , ?"), "SELECT ? , ?");
}

TEST(DialectTest, PostgresNumbersPlaceholdersInOrder) {
  EXPECT_EQ(kPg.Placeholders("UPDATE t SET a = ?, b = ? WHERE id = ?"),
            "UPDATE t SET a = $1, b = $2 WHERE id = $3");
  EXPECT_EQ(kPg.Placeholders("x = ANY(?::bigint[])"), "x = ANY($1::bigint[])");
}

TEST(DialectTest, PostgresLeavesLiteralsNamesAndCommentsAlone) {
  EXPECT_EQ(kPg.Placeholders("SELECT '?', 'it''s ?', \"a?\" FROM t WHERE x = ? -- why?\nAND y = ?"),
            "SELECT '?', 'it''s ?', \"a?\" FROM t WHERE x = $1 -- why?\nAND y = $2");
  EXPECT_EQ(kPg.Placeholders("LIKE ? ESCAPE '\\' AND z = ?"), "LIKE $1 ESCAPE '\\' AND z = $2");
}

TEST(DialectTest, IdLists) {
  EXPECT_EQ(kLite.IdList({1, 22}), "[1,22]");
  EXPECT_EQ(kPg.IdList({1, 22}), "{1,22}");
  EXPECT_EQ(kLite.IdList({}), "[]");
  EXPECT_EQ(kPg.IdList({}), "{}");
  EXPECT_EQ(kLite.InIds("a.id"), "a.id IN (SELECT value FROM json_each(?))");
  EXPECT_EQ(kPg.InIds("a.id"), "a.id = ANY(?::bigint[])");
}

TEST(DialectTest, TextListsQuoteWhatTheirSyntaxNeeds) {
  EXPECT_EQ(kLite.TextList({"a", "b\"c\\", "\n"}), R"(["a","b\"c\\","\u000a"])");
  EXPECT_EQ(kPg.TextList({"a", "b\"c\\", "d,e"}), R"({"a","b\"c\\","d,e"})");
  EXPECT_EQ(kLite.TextList({"标签"}), "[\"标签\"]");
}

TEST(DialectTest, ByteOrderOnlyNeedsSayingOnPostgres) {
  EXPECT_EQ(kLite.ByteOrder(), "");
  EXPECT_EQ(kPg.ByteOrder(), " COLLATE \"C\"");
}

TEST(DialectTest, RowsReadsOneJsonArrayOfArrays) {
  using T = Dialect::Type;
  EXPECT_EQ(kLite.Rows({{"a", T::kInt}, {"b", T::kText}}),
            "(SELECT json_extract(value, '$[0]') AS a, json_extract(value, '$[1]') AS b, key AS "
            "position FROM json_each(?))");
  EXPECT_EQ(kPg.Rows({{"a", T::kInt}, {"x", T::kReal}, {"b", T::kText}}),
            "(SELECT (e.r->>0)::bigint AS a, (e.r->>1)::float8 AS x, e.r->>2 AS b, e.n - 1 AS "
            "position FROM jsonb_array_elements(?::jsonb) WITH ORDINALITY AS e (r, n))");
  JsonRows rows;
  EXPECT_EQ(rows.str(), "[]");
  rows.Row().Int(1).Text("a\"b").Real(0.5);
  rows.Row().OptInt(std::nullopt).Text("\x01").Real(2);
  EXPECT_EQ(rows.str(), R"([[1,"a\"b",0.5],[null,"\u0001",2]])");
}

TEST(DialectTest, NamesAndIdsOfAnImport) {
  EXPECT_EQ(QuoteName("users"), "\"users\"");
  EXPECT_EQ(QuoteName("a\"b"), "\"a\"\"b\"");
  EXPECT_EQ(kLite.ContinueIds("users", "id"), "");
  EXPECT_EQ(kPg.ContinueIds("users", "id"),
            "SELECT setval(pg_get_serial_sequence('\"users\"', 'id'), COALESCE(MAX(\"id\"), 0) + "
            "1, false) FROM \"users\" WHERE pg_get_serial_sequence('\"users\"', 'id') IS NOT NULL");
  EXPECT_EQ(kLite.PrimaryKeyOnly(), " NOT INDEXED");
  EXPECT_EQ(kPg.PrimaryKeyOnly(), "");
}

TEST(DialectTest, LikeEscapeEscapesWildcardsAndTheEscape) {
  EXPECT_EQ(LikeEscape("50%_off\\"), "50\\%\\_off\\\\");
  EXPECT_EQ(LikeEscape("plain"), "plain");
  EXPECT_EQ(LikeEscape("44"), "44");
  EXPECT_EQ(LikeEscape("4_%\\"), "4\\_\\%\\\\");
}

}  // namespace
}  // namespace kc::sql
