#include <gtest/gtest.h>

#include "core/csv.h"
#include "service/deals.h"
#include "service/fixture.h"
#include "service/listings.h"
#include "service/xlsx_reader.h"

namespace kc {
namespace {

class DealExportTest : public testing::ServiceTest {
 protected:
  void SetUp() override {
    MakeWorld();
    auto d = listings_.Create(Actor::Of(a_member_), testing::DemandDraft("轴承诊断需求"));
    ASSERT_TRUE(d.ok());
    ASSERT_TRUE(
        listings_
            .Apply(Actor::Of(a_member_), ListingKind::kDemand, d->listing.id, ReviewAction::kSubmit)
            .ok());
    ASSERT_TRUE(listings_
                    .Apply(Actor::Of(reviewer_), ListingKind::kDemand, d->listing.id,
                           ReviewAction::kApprove)
                    .ok());
    OpenDealRequest r;
    r.demand_id = d->listing.id;
    auto deal = deals_.Open(Actor::Of(b_member_), r);
    ASSERT_TRUE(deal.ok()) << deal.status().message();
    deal_id_ = deal->deal.id;
    ASSERT_TRUE(deals_.PostMessage(Actor::Of(a_member_), deal_id_, "欢迎, \"详谈\"").ok());
    ASSERT_TRUE(deals_
                    .ChangeStage(Actor::Of(a_member_), deal_id_, DealStage::kDeclined,
                                 DealReason::kPrice, "预算不足")
                    .ok());
  }

  Listings listings_{store(), clock_};
  Deals deals_{store(), clock_};
  int64_t deal_id_ = 0;
};

TEST_F(DealExportTest, CsvHasOneRowPerRecordedStep) {
  auto csv = deals_.ExportHistory(Actor::Of(a_admin_), org_a_.id, false);
  ASSERT_TRUE(csv.ok()) << csv.status().message();
  CsvReader reader(*csv);
  std::vector<CsvRecord> records;
  CsvRecord rec;
  Status err;
  while (reader.Next(&rec, &err)) {
    ASSERT_TRUE(err.ok());
    records.push_back(rec);
  }
  ASSERT_EQ(records.size(), 4u);  // header, open, message, stage
  EXPECT_EQ(records[0].fields[0], "deal_id");
  EXPECT_EQ(records[1].fields[0], std::to_string(deal_id_));
  EXPECT_EQ(records[1].fields[2], "甲公司");
  EXPECT_EQ(records[1].fields[3], "乙大学");
  EXPECT_EQ(records[1].fields[5], "declined");
  EXPECT_EQ(records[1].fields[7], "b-member");
  EXPECT_EQ(records[1].fields[8], "open");
  EXPECT_EQ(records[2].fields[8], "message");
  EXPECT_NE(records[2].fields[9].find("详谈"), std::string::npos);
  EXPECT_EQ(records[3].fields[8], "stage");
  EXPECT_NE(records[3].fields[9].find("price"), std::string::npos);
}

// Text that users wrote and that a spreadsheet would take for a formula carries a single quote,
// in CSV and XLSX alike; the deal id (a number) does not.
TEST_F(DealExportTest, TextThatStartsLikeAFormulaIsGuarded) {
  auto d = listings_.Create(Actor::Of(a_member_), testing::DemandDraft("第二个需求"));
  ASSERT_TRUE(d.ok());
  ASSERT_TRUE(
      listings_
          .Apply(Actor::Of(a_member_), ListingKind::kDemand, d->listing.id, ReviewAction::kSubmit)
          .ok());
  ASSERT_TRUE(
      listings_
          .Apply(Actor::Of(reviewer_), ListingKind::kDemand, d->listing.id, ReviewAction::kApprove)
          .ok());
  OpenDealRequest r;
  r.demand_id = d->listing.id;
  r.title = "=HYPERLINK(\"http://example.com\",\"详情\")";
  r.note = "@SUM(1+1)";
  auto deal = deals_.Open(Actor::Of(b_member_), r);
  ASSERT_TRUE(deal.ok()) << deal.status().message();

  auto csv = deals_.ExportHistory(Actor::Of(a_admin_), org_a_.id, false);
  ASSERT_TRUE(csv.ok()) << csv.status().message();
  EXPECT_EQ(csv->find(",=HYPERLINK"), std::string::npos) << *csv;
  CsvReader reader(*csv);
  CsvRecord rec;
  Status err;
  bool found = false;
  while (reader.Next(&rec, &err)) {
    ASSERT_TRUE(err.ok());
    if (rec.fields[0] != std::to_string(deal->deal.id)) continue;
    found = true;
    EXPECT_EQ(rec.fields[1], "'=HYPERLINK(\"http://example.com\",\"详情\")");
    EXPECT_EQ(UnguardFormula(rec.fields[1]), r.title);
    EXPECT_FALSE(StartsLikeFormula(rec.fields[9])) << rec.fields[9];
  }
  EXPECT_TRUE(found);

  auto xlsx = deals_.ExportHistory(Actor::Of(a_admin_), org_a_.id, true);
  ASSERT_TRUE(xlsx.ok()) << xlsx.status().message();
  auto rows = ReadXlsxSheet(*xlsx);
  ASSERT_TRUE(rows.ok()) << rows.status().message();
  found = false;
  for (const XlsxRow& row : *rows) {
    if (row.cells[0] != std::to_string(deal->deal.id)) continue;
    found = true;
    EXPECT_EQ(row.cells[1], "'=HYPERLINK(\"http://example.com\",\"详情\")");
    EXPECT_FALSE(StartsLikeFormula(row.cells[9])) << row.cells[9];
  }
  EXPECT_TRUE(found);
}

TEST_F(DealExportTest, OnlyTheOrganisationsAdminsExport) {
  EXPECT_EQ(deals_.ExportHistory(Actor::Of(a_member_), org_a_.id, false).status().kind(),
            ErrorKind::kForbidden);
  EXPECT_EQ(deals_.ExportHistory(Actor::Of(a_admin_), org_b_.id, false).status().kind(),
            ErrorKind::kForbidden);
  EXPECT_EQ(deals_.ExportHistory(Actor::Of(a_admin_), 9999, false).status().kind(),
            ErrorKind::kNotFound);
  auto xlsx = deals_.ExportHistory(Actor::Of(admin_), org_b_.id, true);
  ASSERT_TRUE(xlsx.ok()) << xlsx.status().message();
  EXPECT_EQ(xlsx->substr(0, 2), "PK");
}

}  // namespace
}  // namespace kc
