#include "store/postgres/error.h"

#include <gtest/gtest.h>

#include <pqxx/pqxx>
#include <stdexcept>

namespace kc::pg {
namespace {

TEST(PostgresErrorTest, UniqueViolationIsAConflictNamingTheKeysLastColumn) {
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

TEST(PostgresErrorTest, LostServerIsUnavailableAndTheRestInternal) {
  EXPECT_EQ(ErrorFrom(pqxx::broken_connection("gone")).kind(), ErrorKind::kUnavailable);
  EXPECT_EQ(ErrorFrom(pqxx::sql_error("terminating connection", "", "57P01")).kind(),
            ErrorKind::kUnavailable);
  Status other = ErrorFrom(pqxx::sql_error("syntax error", "", "42601"));
  EXPECT_EQ(other.kind(), ErrorKind::kInternal);
  EXPECT_EQ(ErrorFrom(std::runtime_error("x")).kind(), ErrorKind::kInternal);
}

}  // namespace
}  // namespace kc::pg
