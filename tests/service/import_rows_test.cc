#include "service/import_rows.h"

#include <gtest/gtest.h>

#include "service/fixture.h"

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

std::string Column(std::string_view raw) { return raw == "名称" ? "name" : std::string(raw); }

TEST(ReadCsvRowsTest, NamesTheColumnsKeepsEachRowsLineAndReportsAnUnreadableRow) {
  ImportReport report;
  auto csv = ReadCsvRows("名称;city\n甲;北京\n\"乙;上海\n", Column, &report);
  ASSERT_TRUE(csv.ok()) << csv.status().message();
  EXPECT_EQ(csv->header, (std::vector<std::string>{"name", "city"}));  // ';' was detected
  ASSERT_EQ(csv->rows.size(), 1u);
  EXPECT_EQ(csv->rows[0].first, 2);
  EXPECT_EQ(csv->rows[0].second, (std::vector<std::string>{"甲", "北京"}));
  ASSERT_EQ(report.failed.size(), 1u);  // the unclosed quote
  EXPECT_EQ(report.failed[0].line, 3);
  // GB18030, as a spreadsheet saves it, is read as UTF-8.
  ImportReport gbk_report;
  auto gbk = ReadCsvRows("\xc3\xfb\xb3\xc6,city\n", Column, &gbk_report);  // 名称
  ASSERT_TRUE(gbk.ok()) << gbk.status().message();
  EXPECT_EQ(gbk->header[0], "name");
  ImportReport empty_report;
  EXPECT_EQ(ReadCsvRows("", Column, &empty_report).status().code(), "empty_file");
}

class ImportRowsStoreTest : public testing::ServiceTest {
 protected:
  int64_t OrgsNamed(const std::string& name) {
    int64_t n = 0;
    EXPECT_TRUE(store()
                    .Read([&](StoreTx& tx) -> Status {
                      auto org = tx.FindOrgByName(name);
                      if (!org.ok()) return org.status();
                      n = *org ? 1 : 0;
                      return Status::Ok();
                    })
                    .ok());
    return n;
  }

  // Each row inserts the organisation its first cell names; "bad" fails after its insert, and
  // "broken" fails as the database would.
  Status Import(const std::vector<std::pair<int, std::vector<std::string>>>& rows,
                ImportReport* report) {
    return ImportRows(
        store(), rows,
        [&](StoreTx& tx, const std::vector<std::string>& cells) -> Status {
          Org org;
          org.name = cells[0];
          org.type = OrgType::kEnterprise;
          org.country = "CN";
          auto id = tx.InsertOrg(org);
          if (!id.ok()) return id.status();
          if (cells[0].starts_with("bad")) return Invalid("name", "bad_name", "a bad row");
          if (cells[0].starts_with("broken")) return Internal("the disk went away");
          return Status::Ok();
        },
        report);
  }
};

TEST_F(ImportRowsStoreTest, ABadRowIsRolledBackAloneAndReportedByItsLine) {
  ImportReport report;
  ASSERT_TRUE(Import({{2, {"good one"}}, {3, {"bad one"}}, {4, {"good two"}}}, &report).ok());
  EXPECT_EQ(report.created, 2);
  ASSERT_EQ(report.failed.size(), 1u);
  EXPECT_EQ(report.failed[0].line, 3);
  EXPECT_EQ(report.failed[0].error.code(), "bad_name");
  EXPECT_EQ(OrgsNamed("good one"), 1);
  EXPECT_EQ(OrgsNamed("good two"), 1);
  EXPECT_EQ(OrgsNamed("bad one"), 0);  // its own insert was undone
}

TEST_F(ImportRowsStoreTest, TheDatabasesFailureStopsTheImportAndKeepsNothing) {
  ImportReport report;
  const Status s = Import({{2, {"first"}}, {3, {"broken"}}, {4, {"after"}}}, &report);
  EXPECT_EQ(s.kind(), ErrorKind::kInternal);
  EXPECT_EQ(report.created, 0);
  EXPECT_EQ(OrgsNamed("first"), 0);
  EXPECT_EQ(OrgsNamed("after"), 0);
}

}  // namespace
}  // namespace kc
