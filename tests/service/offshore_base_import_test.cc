// OffshoreBases::Import (src/service/offshore_base_import.cc): CSV rows into bases, each bad
// row reported with its line number while the others are imported.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "service/fixture.h"
#include "service/offshore_bases.h"

namespace kc {
namespace {

class OffshoreBaseImportTest : public testing::ServiceTest {
 protected:
  void SetUp() override { MakeWorld(); }

  std::vector<OffshoreBase> All() {
    BaseListFilter f;
    f.limit = 100;
    auto page = bases_.List(Actor::Of(admin_), f);
    EXPECT_TRUE(page.ok());
    return page.ok() ? page->items : std::vector<OffshoreBase>{};
  }

  OffshoreBases bases_{store(), clock_};
};

TEST_F(OffshoreBaseImportTest, ImportsGoodRowsAndReportsBadOnesByLine) {
  const std::string csv =
      "name,name_en,country,city,fields,services,contact_email,status,people\n"
      "慕尼黑基地,Munich Base,DE,München,工学;0812,incubation;legal,base@example.de,published,"
      "\"王芳:主任;Anna Weber：Mentor\"\n"
      "坏国家,,Germany,Berlin,,,,,\n"
      "\"未闭合的引号,DE,Berlin\n"
      "硅谷基地,,US,Palo Alto,Engineering,matchmaking,,draft,\n"
      "无城市,,US,,,,,,\n";
  auto report = bases_.Import(Actor::Of(admin_), csv);
  ASSERT_TRUE(report.ok()) << report.status().message();
  EXPECT_EQ(report->created, 2);
  ASSERT_EQ(report->failed.size(), 3u);
  EXPECT_EQ(report->failed[0].line, 3);
  EXPECT_EQ(report->failed[0].error.code(), "invalid_country");
  EXPECT_EQ(report->failed[1].line, 4);
  EXPECT_EQ(report->failed[1].error.code(), "csv_unclosed_quote");
  EXPECT_EQ(report->failed[2].line, 6);
  EXPECT_EQ(report->failed[2].error.field(), "city");

  auto bases = All();
  ASSERT_EQ(bases.size(), 2u);
  const OffshoreBase& munich = bases[0];
  EXPECT_EQ(munich.name, "慕尼黑基地");
  EXPECT_THAT(munich.fields, ::testing::ElementsAre("工学", "计算机科学与技术"));
  EXPECT_EQ(munich.status, BaseStatus::kPublished);
  auto detail = bases_.Get(Actor::Visitor(), munich.id);
  ASSERT_TRUE(detail.ok());
  ASSERT_EQ(detail->people.size(), 2u);
  EXPECT_EQ(detail->people[1].name, "Anna Weber");
  EXPECT_EQ(detail->people[1].role, "Mentor");
  EXPECT_EQ(bases[1].status, BaseStatus::kDraft);
}

TEST_F(OffshoreBaseImportTest, OrgAdminsImportForTheirOwnOrganisationOnly) {
  const std::string csv = "名称,国家,城市,org_id\n甲基地,DE,Berlin,\n乙基地,DE,Bonn," +
                          std::to_string(org_b_.id) + "\n";
  EXPECT_EQ(bases_.Import(Actor::Visitor(), csv).status().kind(), ErrorKind::kUnauthorized);
  EXPECT_EQ(bases_.Import(Actor::Of(a_member_), csv).status().kind(), ErrorKind::kForbidden);
  auto report = bases_.Import(Actor::Of(a_admin_), csv);
  ASSERT_TRUE(report.ok()) << report.status().message();
  EXPECT_EQ(report->created, 1);
  ASSERT_EQ(report->failed.size(), 1u);
  EXPECT_EQ(report->failed[0].line, 3);
  EXPECT_EQ(report->failed[0].error.kind(), ErrorKind::kForbidden);
  auto bases = All();
  ASSERT_EQ(bases.size(), 1u);
  EXPECT_EQ(bases[0].org_id, org_a_.id);
}

TEST_F(OffshoreBaseImportTest, RefusesAFileWithoutHeaderOrTooLong) {
  EXPECT_EQ(bases_.Import(Actor::Of(admin_), "").status().code(), "empty_file");
  std::string csv = "name,country,city\n";
  for (size_t i = 0; i <= kMaxImportRows; ++i) csv += "b" + std::to_string(i) + ",DE,Berlin\n";
  EXPECT_EQ(bases_.Import(Actor::Of(admin_), csv).status().code(), "too_many_rows");
  EXPECT_TRUE(All().empty());
}

}  // namespace
}  // namespace kc
