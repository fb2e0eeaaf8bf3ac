// Status, Result and the early-return macro.
#include "core/status.h"

#include <gtest/gtest.h>

namespace kc {
namespace {

Result<int> Missing() { return NotFound("thing"); }
Result<int> Found() { return 7; }

// The status of a temporary Result: the macro must copy it before the temporary is gone.
Status CheckTemporary(bool found) {
  KC_RETURN_IF_ERROR((found ? Found() : Missing()).status());
  return Status::Ok();
}

Status CheckResult(bool found) {
  KC_RETURN_IF_ERROR(found ? Found() : Missing());
  return Status::Ok();
}

Result<int> Twice(bool found) {
  KC_RETURN_IF_ERROR(CheckResult(found));
  return 14;
}

TEST(StatusTest, ReturnIfErrorKeepsTheStatusOfATemporaryResult) {
  Status s = CheckTemporary(false);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.kind(), ErrorKind::kNotFound);
  EXPECT_EQ(s.message(), "thing not found");
  EXPECT_TRUE(CheckTemporary(true).ok());
}

TEST(StatusTest, ReturnIfErrorPassesResultsAndStatusesOn) {
  EXPECT_EQ(CheckResult(false).code(), "not_found");
  EXPECT_TRUE(CheckResult(true).ok());
  EXPECT_EQ(Twice(false).status().kind(), ErrorKind::kNotFound);
  EXPECT_EQ(*Twice(true), 14);
}

TEST(StatusTest, StorageFullIsItsOwnKindWithAMessage) {
  Status s = StorageFull("sqlite: database or disk is full");
  EXPECT_EQ(s.kind(), ErrorKind::kStorageFull);
  EXPECT_EQ(s.code(), "storage_full");
  EXPECT_NE(s.message().find("nothing was saved"), std::string::npos);
}

}  // namespace
}  // namespace kc
