#include "service/exporter.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>

#include "core/csv.h"
#include "service/fixture.h"
#include "service/importer.h"

namespace kc {
namespace {

using testing::AchievementDraft;
using ::testing::ElementsAre;

class ExporterTest : public testing::ServiceTest {
 protected:
  void SetUp() override { MakeWorld(); }

  // A published achievement of org A with text that needs CSV quoting.
  void AddPublished(const std::string& title) {
    Listing l = AchievementDraft(title);
    l.org_id = org_a_.id;
    l.body = "第一行，含逗号\n第二行 \"引号\"";
    l.keywords = {"声发射", "故障诊断"};
    l.patents = {"202210487361.8"};
    l.price = {100000, 200000};
    l.contact = {"王工", "010-12345678", "wang@example.com"};
    auto r = listings_.Create(Actor::Of(admin_), l, true);
    ASSERT_TRUE(r.ok()) << r.status().message();
  }

  std::string MustExport(const Actor& actor, ExportFormat format, ListingQuery q = {}) {
    auto out = exporter_.Export(actor, ListingKind::kAchievement, q, format);
    EXPECT_TRUE(out.ok()) << out.status().message();
    return out.ok() ? *out : "";
  }

  static std::vector<std::string> Lines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
      if (!line.empty()) out.push_back(line);
    }
    return out;
  }

  // Imports `file` (an export) as achievements into a fresh platform with an admin of its own;
  // expects `created` listings and no failures. Returns the imported listings.
  std::vector<Listing> ImportElsewhere(const std::string& file, int created) {
    testing::TempDir other_dir;
    auto other = testing::OpenOrDie(other_dir.File("other.db"));
    EXPECT_NE(other, nullptr);
    if (!other) return {};
    User admin;
    EXPECT_TRUE(other
                    ->Write([&](StoreTx& tx) -> Status {
                      Org org;
                      org.name = "平台运营方";
                      auto org_id = tx.InsertOrg(org);
                      KC_RETURN_IF_ERROR(org_id);
                      admin.username = "admin";
                      admin.display_name = "Admin";
                      admin.role = Role::kAdmin;
                      admin.org_id = *org_id;
                      admin.password_hash = "x";
                      auto id = tx.InsertUser(admin);
                      KC_RETURN_IF_ERROR(id);
                      admin.id = *id;
                      return Status::Ok();
                    })
                    .ok());
    Importer importer(*other, clock_);
    auto report =
        importer.Import(Actor::Of(admin), ListingKind::kAchievement, file, ImportFormat::kAuto);
    EXPECT_TRUE(report.ok()) << report.status().message();
    if (!report.ok()) return {};
    EXPECT_EQ(report->created, created);
    for (const auto& f : report->failed) ADD_FAILURE() << f.line << ": " << f.error.message();
    std::vector<Listing> out;
    EXPECT_TRUE(other
                    ->Read([&](StoreTx& tx) -> Status {
                      auto page = tx.ListListings(ListingQuery{});
                      KC_RETURN_IF_ERROR(page);
                      out = page->items;
                      return Status::Ok();
                    })
                    .ok());
    return out;
  }

  Listings listings_{store(), clock_};
  Exporter exporter_{listings_};
};

TEST_F(ExporterTest, CsvHasABomAHeaderAndImportsBackIntoAFreshStore) {
  AddPublished("轴承故障诊断");
  AddPublished("带,逗号的标题");
  AddPublished("带\"引号\"的标题");
  std::string csv = MustExport(Actor::Of(admin_), ExportFormat::kCsv);
  ASSERT_TRUE(csv.starts_with("\xEF\xBB\xBF")) << "a BOM for spreadsheet programs";

  CsvReader reader(csv);
  CsvRecord rec;
  Status err;
  std::vector<std::vector<std::string>> rows;
  while (reader.Next(&rec, &err)) {
    ASSERT_TRUE(err.ok()) << err.message();
    rows.push_back(rec.fields);
  }
  ASSERT_EQ(rows.size(), 4u);
  const auto& header = rows[0];
  EXPECT_EQ(header[0], "id");
  for (const char* col : {"ref", "title", "abstract", "keywords", "maturity", "patents",
                          "price_min", "price_max", "contact_email", "published_at"}) {
    EXPECT_NE(std::find(header.begin(), header.end(), col), header.end()) << col;
  }
  auto col = [&](const char* name) {
    return std::find(header.begin(), header.end(), name) - header.begin();
  };
  std::set<std::string> titles;
  for (size_t i = 1; i < rows.size(); ++i) {
    EXPECT_EQ(rows[i].size(), header.size());
    titles.insert(rows[i][col("title")]);
    EXPECT_EQ(rows[i][col("keywords")], "声发射; 故障诊断");
    EXPECT_EQ(rows[i][col("price_min")], "100000");
    EXPECT_EQ(rows[i][col("abstract")], "第一行，含逗号\n第二行 \"引号\"");
    EXPECT_EQ(rows[i][col("org")], "甲公司");
  }

  // Into a fresh platform: same titles and fields.
  std::set<std::string> imported;
  for (const Listing& l : ImportElsewhere(csv, 3)) {
    imported.insert(l.title);
    EXPECT_EQ(l.body, "第一行，含逗号\n第二行 \"引号\"");
    EXPECT_THAT(l.keywords, ElementsAre("声发射", "故障诊断"));
    EXPECT_EQ(l.maturity, 6);
    EXPECT_THAT(l.patents, ElementsAre("202210487361.8"));
    EXPECT_EQ(l.price.max_cny, 200000);
    EXPECT_EQ(l.contact.email, "wang@example.com");
    EXPECT_EQ(l.discipline, "机械工程");
  }
  EXPECT_EQ(imported, titles);
  EXPECT_EQ(imported.size(), 3u);
}

// Text that a spreadsheet program would take for a formula is written with a single quote in
// front; numbers are written as numbers; import drops the quote, so the export reads back as it
// was.
TEST_F(ExporterTest, CsvGuardsFormulaLikeTextAndImportsItBackUnchanged) {
  Listing l = AchievementDraft("=HYPERLINK(\"http://example.com\",\"详情\")");
  l.org_id = org_a_.id;
  l.body = "-30℃下容量保持率85%，已完成中试。";
  l.keywords = {"+号键", "故障诊断"};
  l.price = {100000, 200000};
  l.contact = {"@王工", "+86 755 2600 0000", "wang@example.com"};
  auto created = listings_.Create(Actor::Of(admin_), l, true);
  ASSERT_TRUE(created.ok()) << created.status().message();

  const std::string csv = MustExport(Actor::Of(admin_), ExportFormat::kCsv);
  CsvReader reader(csv);
  CsvRecord rec;
  Status err;
  std::vector<std::vector<std::string>> rows;
  while (reader.Next(&rec, &err)) {
    ASSERT_TRUE(err.ok()) << err.message();
    rows.push_back(rec.fields);
  }
  ASSERT_EQ(rows.size(), 2u);
  const auto& header = rows[0];
  auto cell = [&](const char* name) {
    return rows[1][std::find(header.begin(), header.end(), name) - header.begin()];
  };
  EXPECT_EQ(cell("title"), "'=HYPERLINK(\"http://example.com\",\"详情\")");
  EXPECT_EQ(cell("abstract"), "'-30℃下容量保持率85%，已完成中试。");
  EXPECT_EQ(cell("keywords"), "'+号键; 故障诊断");
  EXPECT_EQ(cell("contact_name"), "'@王工");
  EXPECT_EQ(cell("contact_phone"), "'+86 755 2600 0000");
  EXPECT_EQ(cell("price_min"), "100000") << "a number is not guarded";
  EXPECT_EQ(cell("id"), std::to_string(created->listing.id));
  for (const auto& c : rows[1]) EXPECT_FALSE(StartsLikeFormula(c)) << c;

  const auto imported = ImportElsewhere(csv, 1);
  ASSERT_EQ(imported.size(), 1u);
  EXPECT_EQ(imported[0].title, l.title);
  EXPECT_EQ(imported[0].body, l.body);
  EXPECT_THAT(imported[0].keywords, ElementsAre("+号键", "故障诊断"));
  EXPECT_EQ(imported[0].contact.name, "@王工");
  EXPECT_EQ(imported[0].contact.phone, "+86 755 2600 0000");
  EXPECT_EQ(imported[0].price.min_cny, 100000);

  // JSON Lines is not opened by spreadsheet programs: written exactly.
  const std::string jsonl = MustExport(Actor::Of(admin_), ExportFormat::kJsonl);
  EXPECT_EQ(nlohmann::json::parse(Lines(jsonl).at(0))["title"], l.title);
}

// Values of every shape a spreadsheet program takes for a formula (= + - @), in text and list
// cells: exported, imported into a fresh store, each reads back as it was. (A listing's text is
// stored trimmed, so a leading tab never reaches an export of listings; tests/core/csv_test.cc
// and the importer's test cover it.)
TEST_F(ExporterTest, FormulaLikeValuesRoundTrip) {
  Listing l = AchievementDraft("=1+2");
  l.org_id = org_a_.id;
  l.keywords = {"-5", "@x"};
  l.inventors = {"@张三", "李四"};
  l.contact = {"-王工", "+86 10 1234", "wang@example.com"};
  auto created = listings_.Create(Actor::Of(admin_), l, true);
  ASSERT_TRUE(created.ok()) << created.status().message();

  const std::string csv = MustExport(Actor::Of(admin_), ExportFormat::kCsv);
  for (const char* guarded : {"'=1+2", "'-5; @x", "'@张三; 李四", "'-王工", "'+86 10 1234"}) {
    EXPECT_NE(csv.find(guarded), std::string::npos) << guarded << " in " << csv;
  }
  const auto imported = ImportElsewhere(csv, 1);
  ASSERT_EQ(imported.size(), 1u);
  EXPECT_EQ(imported[0].title, "=1+2");
  EXPECT_THAT(imported[0].keywords, ElementsAre("-5", "@x"));
  EXPECT_THAT(imported[0].inventors, ElementsAre("@张三", "李四"));
  EXPECT_EQ(imported[0].contact.name, "-王工");
  EXPECT_EQ(imported[0].contact.phone, "+86 10 1234");
}

TEST_F(ExporterTest, JsonlLinesParseAndHideContactsFromOutsiders) {
  AddPublished("一");
  AddPublished("二");
  Listing draft = AchievementDraft("草稿");
  ASSERT_TRUE(listings_.Create(Actor::Of(a_member_), draft).ok());

  std::string visitor = MustExport(Actor::Visitor(), ExportFormat::kJsonl);
  auto lines = Lines(visitor);
  ASSERT_EQ(lines.size(), 2u) << "visitors get published listings only";
  for (const auto& line : lines) {
    auto j = nlohmann::json::parse(line, nullptr, false);
    ASSERT_TRUE(j.is_object()) << line;
    EXPECT_EQ(j["type"], "achievement");
    EXPECT_EQ(j["status"], "published");
    EXPECT_TRUE(j.contains("abstract"));
    EXPECT_FALSE(j.contains("contact"));
  }
  EXPECT_EQ(visitor.find("wang@example.com"), std::string::npos);

  // A member of another organisation: still no contact details in bulk.
  std::string outsider = MustExport(Actor::Of(b_member_), ExportFormat::kJsonl);
  EXPECT_EQ(outsider.find("wang@example.com"), std::string::npos);
  // The owning organisation exports its own, drafts and contacts included.
  ListingQuery own;
  own.org_id = org_a_.id;
  auto mine = Lines(MustExport(Actor::Of(a_member_), ExportFormat::kJsonl, own));
  ASSERT_EQ(mine.size(), 3u);
  EXPECT_EQ(nlohmann::json::parse(mine[1])["contact"]["email"], "wang@example.com");
}

TEST_F(ExporterTest, PagesThroughEveryListing) {
  std::string jsonl;
  for (int i = 0; i < 501; ++i) {
    jsonl += R"({"title": "成果)" + std::to_string(i) +
             R"(", "abstract": "摘要"})"
             "\n";
  }
  Importer importer(store(), clock_);
  auto r =
      importer.Import(Actor::Of(admin_), ListingKind::kAchievement, jsonl, ImportFormat::kJsonl);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->created, 501);
  auto lines = Lines(MustExport(Actor::Visitor(), ExportFormat::kJsonl));
  EXPECT_EQ(lines.size(), 501u);
  std::set<int64_t> ids;
  for (const auto& line : lines) ids.insert(nlohmann::json::parse(line)["id"].get<int64_t>());
  EXPECT_EQ(ids.size(), 501u) << "no listing twice, none left out";
}

TEST_F(ExporterTest, AnEmptyExportIsJustTheHeader) {
  std::string csv = MustExport(Actor::Visitor(), ExportFormat::kCsv);
  EXPECT_TRUE(
      csv.starts_with("\xEF\xBB\xBF"
                      "id,ref,status,org,title,abstract,"));
  EXPECT_EQ(Lines(csv).size(), 1u);
  EXPECT_EQ(MustExport(Actor::Visitor(), ExportFormat::kJsonl), "");
}

}  // namespace
}  // namespace kc
