#include "service/importer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <iconv.h>

#include <map>
#include <string>

#include "core/patent_number.h"
#include "core/utf8.h"
#include "service/fixture.h"
#include "service/xlsx_files.h"

namespace kc {
namespace {

using ::testing::ElementsAre;
using ::testing::UnorderedElementsAre;

// `utf8` converted to GB18030 with iconv, as Excel on Chinese Windows saves CSV.
std::string ToGb18030(const std::string& utf8) {
  iconv_t cd = iconv_open("GB18030", "UTF-8");
  EXPECT_NE(cd, reinterpret_cast<iconv_t>(-1));
  std::string in = utf8;
  std::string out(in.size() * 4, '\0');
  char* src = in.data();
  char* dst = out.data();
  size_t src_left = in.size(), dst_left = out.size();
  EXPECT_NE(iconv(cd, &src, &src_left, &dst, &dst_left), static_cast<size_t>(-1));
  iconv_close(cd);
  out.resize(out.size() - dst_left);
  return out;
}

class ImporterTest : public testing::ServiceTest {
 protected:
  void SetUp() override { MakeWorld(); }

  ImportReport MustImport(ListingKind kind, const std::string& bytes,
                          ImportFormat format = ImportFormat::kAuto) {
    auto r = importer_.Import(Actor::Of(admin_), kind, bytes, format);
    EXPECT_TRUE(r.ok()) << r.status().code() << ": " << r.status().message();
    return r.ok() ? *r : ImportReport{};
  }

  // line → "field:code" of each failure.
  static std::map<int, std::string> Failures(const ImportReport& r) {
    std::map<int, std::string> out;
    for (const auto& f : r.failed) out[f.line] = f.error.field() + ":" + f.error.code();
    return out;
  }

  std::vector<std::string> StoredTitles() {
    std::vector<std::string> out;
    for (const auto& l : AllListings()) out.push_back(l.title);
    return out;
  }

  Importer importer_{store(), clock_};
};

TEST_F(ImporterTest, JsonlImportsGoodLinesAndReportsBadOnesByLine) {
  const std::string body = "202210487361";
  const std::string patent = body + "." + PatentCheckChar(body);
  const char bad_check = PatentCheckChar(body) == '1' ? '2' : '1';
  std::string text =
      R"({"title": "柔性压力传感器", "abstract": "一种柔性压力传感器的制备方法。", "patents": [")" +
      patent + R"("], "discipline": "材料科学与工程"})" + "\n" + "\n" +  // 2: blank, skipped
      R"({"title": "坏的 JSON", "abstract": )" + "\n" +                  // 3
      R"({"title": "未知门类", "abstract": "摘要", "category": "魔法学"})" + "\n" +  // 4
      R"({"title": "坏专利号", "abstract": "摘要", "patents": [")" + body + "." + bad_check +
      R"("]})" + "\n" +                                                              // 5
      R"({"abstract": "没有标题的一行"})" + "\n" +                                   // 6
      R"({"title": "类型错误", "abstract": "摘要", "maturity": "高"})" + "\r\n" +    // 7
      R"(["not", "an", "object"])" + "\n" +                                          // 8
      R"({"title": "第二个好的", "abstract": "摘要二", "keywords": ["甲", "乙"]})";  // 9
  ImportReport r = MustImport(ListingKind::kAchievement, text);
  EXPECT_EQ(r.created, 2);
  EXPECT_THAT(
      Failures(r),
      ElementsAre(std::pair(3, ":malformed_json"), std::pair(4, "category:unknown_category"),
                  std::pair(5, "patents:invalid_patent_number"), std::pair(6, "title:required"),
                  std::pair(7, "maturity:invalid_type"), std::pair(8, ":invalid_body")));

  auto stored = AllListings();
  ASSERT_EQ(stored.size(), 2u);
  for (const auto& l : stored) {
    EXPECT_EQ(l.kind, ListingKind::kAchievement);
    EXPECT_EQ(l.status, ListingStatus::kPublished);
    EXPECT_EQ(l.published_at, testing::kT0);
    EXPECT_EQ(l.org_id, org_platform_.id) << "imports belong to the importing admin's org";
    EXPECT_EQ(l.owner_id, admin_.id);
  }
  EXPECT_EQ(stored[0].title, "柔性压力传感器");
  EXPECT_EQ(stored[0].category, "工学");
  EXPECT_THAT(stored[0].patents, ElementsAre(patent));
  EXPECT_THAT(stored[1].keywords, ElementsAre("甲", "乙"));
  // One change row and one "import" audit row per created listing.
  EXPECT_EQ(Changes().size(), 2u);
  EXPECT_THAT(AuditActions("listing", stored[0].id), ElementsAre("import"));
}

TEST_F(ImporterTest, ACslLineImportsAsAnAchievement) {
  const std::string line =
      R"({"id": "cslb-dev-0000", "split": "dev", "title": "一种弹丸侵彻混凝土的数值模拟方法",)"
      R"( "abstract": "采用有限元方法模拟弹丸高速侵彻混凝土靶板的过程，并与实验结果对比。",)"
      R"( "keywords": ["侵彻", "数值模拟", "混凝土"], "discipline": "兵器科学与技术",)"
      R"( "category": "工学"})";
  ImportReport r = MustImport(ListingKind::kAchievement, line + "\n");
  EXPECT_EQ(r.created, 1);
  EXPECT_TRUE(r.failed.empty()) << r.failed[0].error.message();
  EXPECT_THAT(r.ignored_fields, ElementsAre("split"));
  auto stored = AllListings();
  ASSERT_EQ(stored.size(), 1u);
  const Listing& l = stored[0];
  EXPECT_EQ(l.kind, ListingKind::kAchievement);
  EXPECT_EQ(l.ref, "cslb-dev-0000");
  EXPECT_EQ(l.title, "一种弹丸侵彻混凝土的数值模拟方法");
  EXPECT_EQ(l.discipline, "兵器科学与技术");
  EXPECT_EQ(l.category, "工学");
  EXPECT_THAT(l.keywords, ElementsAre("侵彻", "数值模拟", "混凝土"));
  EXPECT_EQ(l.status, ListingStatus::kPublished);
  EXPECT_FALSE(l.demo);

  // Importing the same file again: the ref is taken now.
  ImportReport again = MustImport(ListingKind::kAchievement, line);
  EXPECT_EQ(again.created, 0);
  EXPECT_THAT(Failures(again), ElementsAre(std::pair(1, "ref:duplicate_ref")));
}

TEST_F(ImporterTest, ADuplicateRefWithinAFileFailsOnlyThatLine) {
  std::string text = R"({"ref": "R-1", "title": "一", "description": "描述一"})"
                     "\n"
                     R"({"ref": "R-2", "title": "二", "description": "描述二"})"
                     "\n"
                     R"({"ref": "R-1", "title": "三", "description": "描述三"})"
                     "\n"
                     R"({"ref": "R-3", "title": "四", "description": "描述四"})";
  ImportReport r = MustImport(ListingKind::kDemand, text);
  EXPECT_EQ(r.created, 3);
  EXPECT_THAT(Failures(r), ElementsAre(std::pair(3, "ref:duplicate_ref")));
  EXPECT_THAT(StoredTitles(), ElementsAre("一", "二", "四"));
  EXPECT_EQ(Changes().size(), 3u) << "the failed line's change row was rolled back with it";
}

TEST_F(ImporterTest, CsvWithChineseHeadersQuotedCellsListsAndBom) {
  std::string csv =
      "\xEF\xBB\xBF"
      "标题,摘要,关键词,学科,编号,maturity,price_min,contact_email\r\n"
      "深海探测器,\"多行的\n摘要，含逗号\",声呐；耐压壳体,船舶与海洋工程,C-1,5,100000,a@example."
      "com\r\n"
      "\"带\"\"引号\"\"的标题\",摘要二,\"甲, 乙、丙\",0812,C-2,,,\r\n"
      ",缺少标题,词,,C-3,,,\r\n"
      "成熟度错误,摘要,,,C-4,高,,\r\n"
      "第五,摘要五,,,C-5,,,\r\n";
  ImportReport r = MustImport(ListingKind::kAchievement, csv);
  EXPECT_EQ(r.created, 3);
  // Record 1 spans lines 2–3, so the records after it start on lines 4, 5, 6, 7.
  EXPECT_THAT(Failures(r),
              ElementsAre(std::pair(5, "title:required"), std::pair(6, "maturity:invalid_type")));
  auto stored = AllListings();
  ASSERT_EQ(stored.size(), 3u);
  EXPECT_EQ(stored[0].title, "深海探测器");
  EXPECT_EQ(stored[0].body, "多行的\n摘要，含逗号");
  EXPECT_THAT(stored[0].keywords, ElementsAre("声呐", "耐压壳体"));
  EXPECT_EQ(stored[0].discipline, "船舶与海洋工程");
  EXPECT_EQ(stored[0].category, "工学");
  EXPECT_EQ(stored[0].ref, "C-1");
  EXPECT_EQ(stored[0].maturity, 5);
  EXPECT_EQ(stored[0].price.min_cny, 100000);
  EXPECT_EQ(stored[0].contact.email, "a@example.com");
  EXPECT_EQ(stored[1].title, "带\"引号\"的标题");
  EXPECT_THAT(stored[1].keywords, ElementsAre("甲", "乙", "丙"));
  EXPECT_EQ(stored[1].discipline, "计算机科学与技术");
  EXPECT_EQ(stored[2].ref, "C-5");
}

// docs/talent.md: talent profiles import from a sheet with Chinese headers; a bad line is
// reported by its number and the others are imported.
TEST_F(ImporterTest, TalentProfilesImportWithChineseHeadersAndBadLinesAreReported) {
  std::string csv =
      "标题,姓名,职称,单位,简介,国家,人才类型,寻求,语言\n"
      "德国固态电池研究员,刘洋,博士后,慕尼黑工业大学,硫化物电解质研究,de,overseas,岗位不对,zh\n"
      "德国固态电池研究员二,刘洋,博士后,慕尼黑工业大学,硫化物电解质研究,de,overseas,post；funding,"
      "zh；EN\n"
      "无名者,,,,简介,,,,\n"
      "语言错误,王,,,简介,,,,klingon\n";
  ImportReport r = MustImport(ListingKind::kTalent, csv);
  EXPECT_EQ(r.created, 1);
  EXPECT_THAT(Failures(r), ElementsAre(std::pair(2, "seeking:invalid_talent_mode"),
                                       std::pair(4, "name:required"),
                                       std::pair(5, "languages:unknown_language")));
  auto stored = AllListings();
  ASSERT_EQ(stored.size(), 1u);
  EXPECT_EQ(stored[0].kind, ListingKind::kTalent);
  EXPECT_EQ(stored[0].person_name, "刘洋");
  EXPECT_EQ(stored[0].rank, "博士后");
  EXPECT_EQ(stored[0].country, "DE");
  EXPECT_THAT(stored[0].talent_modes, ElementsAre("post", "funding"));
  EXPECT_THAT(stored[0].languages, ElementsAre("zh", "en"));
  EXPECT_EQ(stored[0].visibility, Visibility::kMembers);
}

// The single quote that exports put in front of text starting like a formula is dropped, in CSV
// and XLSX; a quote in front of anything else is data.
TEST_F(ImporterTest, TheFormulaGuardQuoteIsDroppedOnlyInFrontOfAFormulaCharacter) {
  const std::string csv =
      "title,abstract,keywords,contact_phone,contact_name,price_min\r\n"
      "'=1+1,'-30℃下可用,'+加号; 乙,'+86 755 2600 0000,'王工,100\r\n"
      "''=2,'@摘要,普通,,'',\r\n"
      "负价格,摘要,,,,'-1\r\n";
  ImportReport r = MustImport(ListingKind::kAchievement, csv);
  EXPECT_EQ(r.created, 2);
  EXPECT_THAT(Failures(r), ElementsAre(std::pair(4, "price:invalid_amount")))
      << "'-1 reads as the number -1";
  auto stored = AllListings();
  ASSERT_EQ(stored.size(), 2u);
  EXPECT_EQ(stored[0].title, "=1+1");
  EXPECT_EQ(stored[0].body, "-30℃下可用");
  EXPECT_THAT(stored[0].keywords, ElementsAre("+加号", "乙"));
  EXPECT_EQ(stored[0].contact.phone, "+86 755 2600 0000");
  EXPECT_EQ(stored[0].contact.name, "'王工");
  EXPECT_EQ(stored[0].price.min_cny, 100);
  EXPECT_EQ(stored[1].title, "'=2");
  EXPECT_EQ(stored[1].body, "@摘要");
  EXPECT_EQ(stored[1].contact.name, "''");

  const std::string book = testing::WorkbookOf({
      {"title", "abstract", "contact_name"},
      {"'=HYPERLINK(\"http://example.com\")", "'\t制表符开头", "'王工"},
  });
  r = MustImport(ListingKind::kAchievement, book);
  EXPECT_EQ(r.created, 1);
  EXPECT_TRUE(r.failed.empty());
  stored = AllListings();
  ASSERT_EQ(stored.size(), 3u);
  EXPECT_EQ(stored[2].title, "=HYPERLINK(\"http://example.com\")");
  EXPECT_EQ(stored[2].body, "制表符开头") << "the guard quote dropped, then the text trimmed";
  EXPECT_EQ(stored[2].contact.name, "'王工");
}

TEST_F(ImporterTest, CsvInGb18030IsDecoded) {
  std::string utf8 =
      "标题,需求描述,关键词,地区,截止日期\n"
      "北斗定位终端,面向野外作业的低功耗定位终端,定位；北斗,110108,2026-06-30\n"
      "水质监测,在线监测河道水质,传感器,440305,\n";
  std::string gb = ToGb18030(utf8);
  ASSERT_FALSE(IsValidUtf8(gb)) << "the test must exercise the GB18030 path";
  ImportReport r = MustImport(ListingKind::kDemand, gb, ImportFormat::kCsv);
  EXPECT_EQ(r.created, 2);
  EXPECT_TRUE(r.failed.empty());
  auto stored = AllListings();
  ASSERT_EQ(stored.size(), 2u);
  EXPECT_EQ(stored[0].title, "北斗定位终端");
  EXPECT_EQ(stored[0].body, "面向野外作业的低功耗定位终端");
  EXPECT_THAT(stored[0].keywords, ElementsAre("定位", "北斗"));
  EXPECT_EQ(stored[0].region, "110108");
  EXPECT_EQ(stored[0].deadline, "2026-06-30");
  // A deadline ends the listing at the end of that day (2026-06-30T23:59:59Z).
  EXPECT_EQ(stored[0].expires_at, testing::kT0 + 181 * testing::kDay - 1);
  EXPECT_EQ(stored[1].title, "水质监测");
}

TEST_F(ImporterTest, MalformedCsvRecordsAreReportedAndTheRestImported) {
  std::string csv =
      "title,description\n"
      "一,描述一\n"
      "二,\"没有闭合的引号\n"
      "三,描述三\n"
      "四,描述四,多余的单元格\n";
  ImportReport r = MustImport(ListingKind::kDemand, csv);
  EXPECT_EQ(r.created, 2);
  EXPECT_THAT(Failures(r),
              ElementsAre(std::pair(3, ":csv_unclosed_quote"), std::pair(5, ":extra_cells")));
  EXPECT_THAT(StoredTitles(), ElementsAre("一", "三"));
}

TEST_F(ImporterTest, WholeFileFailures) {
  auto empty = importer_.Import(Actor::Of(admin_), ListingKind::kDemand, "", ImportFormat::kCsv);
  EXPECT_EQ(empty.status().kind(), ErrorKind::kBadInput);
  auto undecodable = importer_.Import(Actor::Of(admin_), ListingKind::kDemand,
                                      std::string("\xFF\xFE\x41", 3), ImportFormat::kAuto);
  EXPECT_EQ(undecodable.status().kind(), ErrorKind::kBadInput);
  EXPECT_TRUE(AllListings().empty());
  // An empty JSONL file is no error: nothing to import.
  auto nothing =
      importer_.Import(Actor::Of(admin_), ListingKind::kDemand, "\n\n", ImportFormat::kJsonl);
  ASSERT_TRUE(nothing.ok());
  EXPECT_EQ(nothing->created, 0);
}

TEST_F(ImporterTest, XlsxRowsImportAndBadRowsAreReportedByTheirRowNumber) {
  std::string book = testing::WorkbookOf({
      {"标题", "description", "keywords", "budget_min", "budget_max", "deadline", "region"},
      {"在线检测", "机器视觉检测极片缺陷", "机器视觉; 缺陷检测", "#500000", "#1000000",
       "@2027-06-30", "#440305"},
      {"", "没有标题"},                   // row 3: title missing
      {},                                 // row 4: empty, skipped
      {"预算颠倒", "d", "", "#9", "#1"},  // row 5
      {"截止日期是文本", "d", "", "", "", "2027-01-15"},
  });
  ImportReport r = MustImport(ListingKind::kDemand, book);
  EXPECT_EQ(r.created, 2);
  EXPECT_THAT(Failures(r),
              ElementsAre(std::pair(3, "title:required"), std::pair(5, "budget:invalid_range")));
  auto stored = AllListings();
  ASSERT_EQ(stored.size(), 2u);
  const Listing& l = stored[0];
  EXPECT_EQ(l.title, "在线检测");
  EXPECT_THAT(l.keywords, ElementsAre("机器视觉", "缺陷检测"));
  EXPECT_EQ(l.budget.min_cny, 500000);
  EXPECT_EQ(l.budget.max_cny, 1000000);
  EXPECT_EQ(l.deadline, "2027-06-30") << "a date cell becomes YYYY-MM-DD";
  EXPECT_EQ(l.region, "440305") << "a number cell becomes its digits";
  EXPECT_EQ(l.status, ListingStatus::kPublished);
  EXPECT_EQ(stored[1].deadline, "2027-01-15");
}

TEST_F(ImporterTest, AWorkbookIsReadAsOneWhateverTheFormatSays) {
  std::string book = testing::WorkbookOf({{"title", "abstract"}, {"成果", "摘要"}}, true);
  for (ImportFormat f : {ImportFormat::kAuto, ImportFormat::kCsv, ImportFormat::kXlsx}) {
    EXPECT_EQ(MustImport(ListingKind::kAchievement, book, f).created, 1);
  }
  // A caller that says XLSX for what is not a workbook is told so.
  auto csv_as_xlsx = importer_.Import(Actor::Of(admin_), ListingKind::kAchievement,
                                      "title,abstract\nx,y\n", ImportFormat::kXlsx);
  EXPECT_EQ(csv_as_xlsx.status().code(), "invalid_xlsx");
}

TEST_F(ImporterTest, ADamagedOrHugeWorkbookFailsAsAWholeWithA4xx) {
  std::string book = testing::WorkbookOf({{"title", "description"}, {"t", "d"}});
  auto damaged = importer_.Import(Actor::Of(admin_), ListingKind::kDemand,
                                  book.substr(0, book.size() - 100), ImportFormat::kAuto);
  EXPECT_EQ(damaged.status().kind(), ErrorKind::kBadInput);
  EXPECT_EQ(damaged.status().code(), "invalid_xlsx");
  auto bomb =
      importer_.Import(Actor::Of(admin_), ListingKind::kDemand,
                       testing::WorkbookOfParts(std::string(70u << 20, ' ')), ImportFormat::kAuto);
  EXPECT_EQ(bomb.status().kind(), ErrorKind::kTooLarge);
  auto headless = importer_.Import(Actor::Of(admin_), ListingKind::kDemand, testing::WorkbookOf({}),
                                   ImportFormat::kAuto);
  EXPECT_EQ(headless.status().code(), "empty_file");
  EXPECT_TRUE(AllListings().empty());
}

TEST_F(ImporterTest, OnlyAdminsImport) {
  const std::string line = R"({"title": "t", "description": "d"})";
  for (const User& u : {a_admin_, a_member_, reviewer_}) {
    auto r = importer_.Import(Actor::Of(u), ListingKind::kDemand, line, ImportFormat::kJsonl);
    EXPECT_EQ(r.status().kind(), ErrorKind::kForbidden) << u.username;
  }
  EXPECT_EQ(importer_.Import(Actor::Visitor(), ListingKind::kDemand, line, ImportFormat::kJsonl)
                .status()
                .kind(),
            ErrorKind::kUnauthorized);
  EXPECT_TRUE(AllListings().empty());
}

TEST_F(ImporterTest, LinesNamingAnOrganisationGoThere) {
  std::string text = R"({"title": "t", "description": "d", "org_id": )" +
                     std::to_string(org_b_.id) + "}\n" +
                     R"({"title": "t2", "description": "d", "org_id": 999})";
  ImportReport r = MustImport(ListingKind::kDemand, text);
  EXPECT_EQ(r.created, 1);
  EXPECT_THAT(Failures(r), ElementsAre(std::pair(2, "org_id:unknown_org")));
  EXPECT_EQ(AllListings()[0].org_id, org_b_.id);
}

TEST_F(ImporterTest, LineNumbersStayRightAcrossBatches) {
  std::string text;
  const int n = Importer::kBatch + 5;
  for (int i = 1; i <= n; ++i) {
    if (i == 3 || i == Importer::kBatch + 2) {
      text += R"({"description": "no title"})";
    } else {
      text += R"({"title": "第)" + std::to_string(i) + R"(项", "description": "d"})";
    }
    text += "\n";
  }
  ImportReport r = MustImport(ListingKind::kDemand, text);
  EXPECT_EQ(r.created, n - 2);
  EXPECT_THAT(Failures(r), ElementsAre(std::pair(3, "title:required"),
                                       std::pair(Importer::kBatch + 2, "title:required")));
  EXPECT_EQ(AllListings().size(), static_cast<size_t>(n - 2));
}

}  // namespace
}  // namespace kc
