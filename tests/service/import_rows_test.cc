#include "service/import_rows.h"

#include <gtest/gtest.h>

namespace kc {
namespace {

TEST(ImportRowsTest, OnlyTheDatabasesFailuresStopAnImport) {
  EXPECT_TRUE(IsStoreFailure(Status::Error(ErrorKind::kInternal, "internal", "x")));
  EXPECT_TRUE(IsStoreFailure(Status::Error(ErrorKind::kUnavailable, "unavailable", "x")));
  EXPECT_TRUE(IsStoreFailure(Status::Error(ErrorKind::kStorageFull, "storage_full", "x")));
  EXPECT_FALSE(IsStoreFailure(Invalid("title", "required", "x")));
  EXPECT_FALSE(IsStoreFailure(Conflict("duplicate_ref", "x")));
  EXPECT_FALSE(IsStoreFailure(Forbidden("x")));
  EXPECT_FALSE(IsStoreFailure(NotFound("x")));
}

TEST(ImportRowsTest, RowsAddUpAndFailuresComeInLineOrder) {
  ImportReport report;
  report.created = 2;
  report.failed = {{7, Invalid("a", "required", "x")}};
  AddRows(3,
          {{9, Invalid("b", "required", "x")},
           {3, Invalid("c", "required", "x")},
           {9, Invalid("d", "required", "x")}},
          &report);
  EXPECT_EQ(report.created, 5);
  ASSERT_EQ(report.failed.size(), 4u);
  EXPECT_EQ(report.failed[0].line, 3);
  EXPECT_EQ(report.failed[1].line, 7);
  EXPECT_EQ(report.failed[2].error.field(), "b");  // equal lines keep their order
  EXPECT_EQ(report.failed[3].error.field(), "d");
}

}  // namespace
}  // namespace kc
