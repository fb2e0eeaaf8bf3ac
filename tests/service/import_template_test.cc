#include "service/import_template.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/csv.h"
#include "service/fixture.h"
#include "service/importer.h"
#include "service/xlsx_files.h"
#include "service/xlsx_reader.h"

namespace kc {
namespace {

constexpr ListingKind kKinds[] = {ListingKind::kDemand, ListingKind::kAchievement,
                                  ListingKind::kExpert, ListingKind::kTalent,
                                  ListingKind::kTalentDemand};

std::vector<std::string> Names(ListingKind kind) {
  std::vector<std::string> out;
  for (const auto& c : ImportColumns(kind)) out.emplace_back(c.name);
  return out;
}

class ImportTemplateTest : public testing::ServiceTest {
 protected:
  void SetUp() override { MakeWorld(); }

  ImportReport MustImport(ListingKind kind, const std::string& bytes) {
    auto r = importer_.Import(Actor::Of(admin_), kind, bytes, ImportFormat::kAuto);
    EXPECT_TRUE(r.ok()) << r.status().code() << ": " << r.status().message();
    return r.ok() ? *r : ImportReport{};
  }

  Importer importer_{store(), clock_};
};

TEST_F(ImportTemplateTest, EveryKindHasItsOwnColumnsAndTheRequiredOnes) {
  EXPECT_THAT(Names(ListingKind::kDemand), ::testing::Contains("deadline"));
  EXPECT_THAT(Names(ListingKind::kDemand), ::testing::Not(::testing::Contains("maturity")));
  EXPECT_THAT(Names(ListingKind::kAchievement), ::testing::Contains("patents"));
  EXPECT_THAT(Names(ListingKind::kExpert), ::testing::Contains("affiliation"));
  auto required = [](ListingKind kind) {
    std::vector<std::string> out;
    for (const auto& c : ImportColumns(kind)) {
      if (c.required) out.emplace_back(c.name);
    }
    return out;
  };
  EXPECT_THAT(required(ListingKind::kDemand), ::testing::ElementsAre("title", "description"));
  EXPECT_THAT(required(ListingKind::kAchievement), ::testing::ElementsAre("title", "abstract"));
  EXPECT_THAT(required(ListingKind::kExpert), ::testing::ElementsAre("name"));
  EXPECT_THAT(required(ListingKind::kTalent), ::testing::ElementsAre("title", "name"));
  EXPECT_THAT(required(ListingKind::kTalentDemand), ::testing::ElementsAre("title", "description"));
  EXPECT_THAT(Names(ListingKind::kTalent), ::testing::Contains("seeking"));
  EXPECT_THAT(Names(ListingKind::kTalentDemand), ::testing::Contains("offers"));
}

TEST_F(ImportTemplateTest, TheCsvTemplateIsTheHeaderAndAnExampleThatImports) {
  for (ListingKind kind : kKinds) {
    auto csv = ImportTemplate(kind, TemplateFormat::kCsv);
    ASSERT_TRUE(csv.ok()) << csv.status().message();
    ASSERT_TRUE(csv->starts_with("\xEF\xBB\xBF"));
    const std::string body = csv->substr(3);  // the reader keeps a view of it
    CsvReader reader(body, ',');
    CsvRecord header, example, none;
    Status err;
    ASSERT_TRUE(reader.Next(&header, &err));
    EXPECT_EQ(header.fields, Names(kind));
    ASSERT_TRUE(reader.Next(&example, &err));
    EXPECT_FALSE(reader.Next(&none, &err)) << "one example row";
    ImportReport r = MustImport(kind, *csv);
    EXPECT_EQ(r.created, 1) << KindName(kind);
    EXPECT_TRUE(r.failed.empty()) << KindName(kind) << ": " << r.failed[0].error.message();
    EXPECT_TRUE(r.ignored_fields.empty()) << "every column is one the importer reads";
  }
}

TEST_F(ImportTemplateTest, TheXlsxTemplateReadsBackAndImports) {
  for (ListingKind kind : kKinds) {
    auto book = ImportTemplate(kind, TemplateFormat::kXlsx);
    ASSERT_TRUE(book.ok()) << book.status().message();
    auto rows = ReadXlsxSheet(*book);
    ASSERT_TRUE(rows.ok()) << rows.status().message();
    ASSERT_EQ(rows->size(), 2u);
    EXPECT_EQ((*rows)[0].cells, Names(kind));
    ImportReport r = MustImport(kind, *book);
    EXPECT_EQ(r.created, 1) << KindName(kind);
    EXPECT_TRUE(r.failed.empty()) << KindName(kind) << ": " << r.failed[0].error.message();
    EXPECT_TRUE(r.ignored_fields.empty());
  }
  auto demands = AllListings();
  ASSERT_FALSE(demands.empty());
  EXPECT_EQ(demands[0].deadline, "2027-06-30") << "the example date survives as a date cell";
  EXPECT_EQ(demands[0].budget.min_cny, 500000);
}

TEST_F(ImportTemplateTest, AFilledInTemplateImportsAndAnEmptyRequiredCellNamesItsColumn) {
  auto book = ImportTemplate(ListingKind::kAchievement, TemplateFormat::kXlsx);
  ASSERT_TRUE(book.ok());
  auto rows = ReadXlsxSheet(*book);
  ASSERT_TRUE(rows.ok());
  std::vector<std::vector<std::string>> filled = {(*rows)[0].cells, (*rows)[1].cells};
  std::vector<std::string> second = (*rows)[1].cells;
  second[0] = "A-2026-002";  // ref: unique per organisation
  filled.push_back(second);
  std::vector<std::string> untitled = (*rows)[1].cells;
  untitled[0] = "A-2026-003";
  untitled[1] = "";  // title
  filled.push_back(untitled);
  ImportReport r = MustImport(ListingKind::kAchievement, testing::WorkbookOf(filled));
  EXPECT_EQ(r.created, 2);
  ASSERT_EQ(r.failed.size(), 1u);
  EXPECT_EQ(r.failed[0].line, 4);
  EXPECT_EQ(r.failed[0].error.field(), "title");
}

}  // namespace
}  // namespace kc
