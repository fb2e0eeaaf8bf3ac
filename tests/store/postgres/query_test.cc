#include "store/postgres/query.h"

#include <gtest/gtest.h>

namespace kc::pg {
namespace {

TEST(PostgresQueryTest, RefNumbersPlaceholdersInOrderAndKeepsNulls) {
  Params p;
  EXPECT_EQ(p.Ref(int64_t{7}), "$1");
  EXPECT_EQ(p.Ref("text"), "$2");
  EXPECT_EQ(p.Ref(std::optional<int64_t>()), "$3");
  EXPECT_EQ(p.RefIds({1, 2, 3}), "$4::bigint[]");
  EXPECT_EQ(p.RefTexts({"a", "b\"c", "d\\e"}), "$5::text[]");
  auto ptrs = p.Pointers();
  ASSERT_EQ(ptrs.size(), 5u);
  EXPECT_STREQ(ptrs[0], "7");
  EXPECT_STREQ(ptrs[1], "text");
  EXPECT_EQ(ptrs[2], nullptr);
  EXPECT_STREQ(ptrs[3], "{1,2,3}");
  EXPECT_STREQ(ptrs[4], R"({"a","b\"c","d\\e"})");
}

TEST(PostgresQueryTest, WhereJoinsClausesWithAnd) {
  Params p;
  Where w(p);
  EXPECT_EQ(w.sql(), "");
  w.Add("a = " + p.Ref(int64_t{1}));
  w.Add("b = " + p.Ref("x"));
  EXPECT_EQ(w.sql(), " WHERE a = $1 AND b = $2");
}

TEST(PostgresQueryTest, UniqueViolationIsAConflictNamingTheKeysLastColumn) {
  Status s = ErrorFrom(pqxx::unique_violation(
      "ERROR:  duplicate key value violates unique constraint \"listings_ref\"\n"
      "DETAIL:  Key (org_id, kind, ref)=(1, demand, R-1) already exists.\n"));
  EXPECT_EQ(s.kind(), ErrorKind::kConflict);
  EXPECT_EQ(s.code(), "duplicate");
  EXPECT_EQ(s.field(), "ref");
  Status one = ErrorFrom(pqxx::unique_violation("DETAIL:  Key (username)=(alice) already exists."));
  EXPECT_EQ(one.field(), "username");
  EXPECT_EQ(ErrorFrom(pqxx::unique_violation("no detail")).field(), "");
}

TEST(PostgresQueryTest, LostServerIsUnavailableAndTheRestInternal) {
  EXPECT_EQ(ErrorFrom(pqxx::broken_connection("gone")).kind(), ErrorKind::kUnavailable);
  EXPECT_EQ(ErrorFrom(pqxx::sql_error("terminating connection", "", "57P01")).kind(),
            ErrorKind::kUnavailable);
  Status other = ErrorFrom(pqxx::sql_error("syntax error", "", "42601"));
  EXPECT_EQ(other.kind(), ErrorKind::kInternal);
  EXPECT_EQ(ErrorFrom(std::runtime_error("x")).kind(), ErrorKind::kInternal);
}

}  // namespace
}  // namespace kc::pg
