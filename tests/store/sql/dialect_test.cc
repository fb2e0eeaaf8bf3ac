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

TEST(DialectTest, LikeEscapeEscapesWildcardsAndTheEscape) {
  EXPECT_EQ(LikeEscape("50%_off\\"), "50\\%\\_off\\\\");
  EXPECT_EQ(LikeEscape("plain"), "plain");
  EXPECT_EQ(LikeEscape("44"), "44");
  EXPECT_EQ(LikeEscape("4_%\\"), "4\\_\\%\\\\");
}

}  // namespace
}  // namespace kc::sql
