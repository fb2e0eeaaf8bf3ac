#include "service/xlsx_writer.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "store/temp_db.h"

namespace kc {
namespace {

TEST(XlsxWriterTest, WritesAZippedWorkbookAndLeavesNoFileBehind) {
  testing::TempDir dir;
  auto bytes = WriteXlsx({{"deal_id", "title"}, {"1", "低温电解液"}}, "deals", dir.File("tmp"));
  ASSERT_TRUE(bytes.ok()) << bytes.status().message();
  ASSERT_GT(bytes->size(), 100u);
  EXPECT_EQ(bytes->substr(0, 4), std::string("PK\x03\x04", 4));
  // Zip entry names are stored uncompressed.
  EXPECT_NE(bytes->find("xl/worksheets/sheet1.xml"), std::string::npos);
  EXPECT_NE(bytes->find("xl/sharedStrings.xml"), std::string::npos);
  EXPECT_TRUE(std::filesystem::is_empty(dir.File("tmp")));
}

}  // namespace
}  // namespace kc
