// Bulk import and export through the API.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <thread>

#include "api/api_fixture.h"
#include "service/xlsx_files.h"
#include "service/xlsx_reader.h"

namespace kc::testing {
namespace {

using nlohmann::json;

class ImportRoutesTest : public ApiTest {};

TEST_F(ImportRoutesTest, JsonlReportsBadLinesAndImportsTheRest) {
  Client admin = Admin();
  std::string body =
      R"({"id":"csl-1","split":"dev","title":"基于深度学习的焊缝缺陷检测","abstract":"提出一种焊缝图像缺陷检测方法。","keywords":["焊缝","缺陷检测"],"discipline":"机械工程","category":"工学"})"
      "\n"
      "this is not json\n"
      "\n"
      R"({"title":"无摘要的成果"})"
      "\n"
      R"({"title":"专利号错误","abstract":"a","patents":["123"]})"
      "\n"
      R"({"title":"Corrosion-resistant coating","abstract":"A chromium-free coating for steel.","keywords":["coating"],"category":"Engineering"})"
      "\n";
  auto r = admin.Send("POST", "/api/v1/import/achievements", body, {}, "application/x-ndjson");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json["created"], 2);
  ASSERT_EQ(r.json["failed"].size(), 3u);
  EXPECT_EQ(r.json["failed"][0]["line"], 2);
  EXPECT_EQ(r.json["failed"][0]["error"]["code"], "malformed_json");
  EXPECT_EQ(r.json["failed"][1]["line"], 4);
  EXPECT_EQ(r.json["failed"][1]["error"]["field"], "abstract");
  EXPECT_EQ(r.json["failed"][2]["line"], 5);
  EXPECT_EQ(r.json["failed"][2]["error"]["field"], "patents");
  EXPECT_EQ(r.json["ignored_fields"], json::array({"split"}));

  // Imported listings are published at once and keep their ref.
  auto list = Anonymous().Get("/api/v1/achievements?sort=oldest");
  ASSERT_EQ(list.json["total"], 2);
  EXPECT_EQ(list.json["items"][0]["ref"], "csl-1");
  EXPECT_EQ(list.json["items"][0]["status"], "published");
  EXPECT_EQ(list.json["items"][1]["category"], "工学");
}

TEST_F(ImportRoutesTest, CsvWithChineseHeadersAndGb18030) {
  Client admin = Admin();
  // "标题,描述,关键词\r\n需求一,描述一,\"a；b\"\r\n" in GB18030.
  std::string gb =
      "\xB1\xEA\xCC\xE2,\xC3\xE8\xCA\xF6,\xB9\xD8\xBC\xFC\xB4\xCA\r\n"
      "\xD0\xE8\xC7\xF3\xD2\xBB,\xC3\xE8\xCA\xF6\xD2\xBB,\"a\xA3\xBB"
      "b\"\r\n";
  auto r = admin.Send("POST", "/api/v1/import/demands", gb, {}, "text/csv");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json["created"], 1) << r.body;
  auto list = Anonymous().Get("/api/v1/demands");
  ASSERT_EQ(list.json["items"].size(), 1u);
  EXPECT_EQ(list.json["items"][0]["title"], "需求一");
  EXPECT_EQ(list.json["items"][0]["keywords"], json::array({"a", "b"}));

  std::string csv =
      "\xEF\xBB\xBFtitle,description,keywords,budget_min,budget_max\r\n"
      "标题甲,\"多行\n描述\",\"x; y\",100,50\r\n"
      "好的,描述,z,100,200\r\n";
  auto r2 = admin.Send("POST", "/api/v1/import/demands?format=csv", csv, {}, "text/plain");
  ASSERT_EQ(r2.status, 200) << r2.body;
  EXPECT_EQ(r2.json["created"], 1);
  ASSERT_EQ(r2.json["failed"].size(), 1u);
  EXPECT_EQ(r2.json["failed"][0]["line"], 2);
  EXPECT_EQ(r2.json["failed"][0]["error"]["field"], "budget");
}

TEST_F(ImportRoutesTest, OnlyAdminsImport) {
  Client member = RegisterWithOrg("imp1", "导入公司");
  auto r = member.Send("POST", "/api/v1/import/demands", "{\"title\":\"x\"}\n");
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(Admin().Send("POST", "/api/v1/import/widgets", "{}\n").status, 404);
}

TEST_F(ImportRoutesTest, TemplatesInCsvAndXlsxHoldTheColumnsTheImportReads) {
  Client visitor = Anonymous();
  auto csv = visitor.Get("/api/v1/import/achievements/template");
  ASSERT_EQ(csv.status, 200) << csv.body;
  EXPECT_EQ(csv.Header("content-type"), "text/csv; charset=utf-8");
  EXPECT_EQ(csv.Header("content-disposition"),
            "attachment; filename=\"achievements-template.csv\"");
  EXPECT_TRUE(csv.body.starts_with("\xEF\xBB\xBFref,title,abstract,keywords,")) << csv.body;
  auto xlsx = visitor.Get("/api/v1/import/experts/template?format=xlsx");
  ASSERT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.Header("content-type"),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  auto rows = ReadXlsxSheet(xlsx.body);
  ASSERT_TRUE(rows.ok()) << rows.status().message();
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ((*rows)[0].cells[1], "name");
  EXPECT_EQ(visitor.Get("/api/v1/import/experts/template?format=pdf").status, 400);
  EXPECT_EQ(visitor.Get("/api/v1/import/widgets/template").status, 404);
}

TEST_F(ImportRoutesTest, AFilledInXlsxTemplateImportsAndBadRowsAreReportedByRow) {
  Client admin = Admin();
  auto download = admin.Get("/api/v1/import/demands/template?format=xlsx");
  ASSERT_EQ(download.status, 200);
  auto rows = ReadXlsxSheet(download.body);
  ASSERT_TRUE(rows.ok()) << rows.status().message();
  const std::vector<std::string> header = (*rows)[0].cells;
  auto cell = [&](std::vector<std::string>& row, const std::string& column) -> std::string& {
    auto at = std::find(header.begin(), header.end(), column) - header.begin();
    row.resize(header.size());
    return row[static_cast<size_t>(at)];
  };
  // As a person fills it in: the example row replaced, numbers and dates typed as such.
  std::vector<std::vector<std::string>> sheet = {header};
  for (int i = 1; i <= 3; ++i) {
    std::vector<std::string> row;
    cell(row, "ref") = "X-" + std::to_string(i);
    cell(row, "title") = i == 2 ? "" : "需求" + std::to_string(i);
    cell(row, "description") = "描述" + std::to_string(i);
    cell(row, "keywords") = "锂电池、电解液";
    cell(row, "budget_min") = "#200000";
    cell(row, "deadline") = "@2027-03-0" + std::to_string(i);
    cell(row, "region") = "#110108";
    sheet.push_back(row);
  }
  auto r = admin.Send("POST", "/api/v1/import/demands", WorkbookOf(sheet), {},
                      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json["created"], 2);
  ASSERT_EQ(r.json["failed"].size(), 1u);
  EXPECT_EQ(r.json["failed"][0]["line"], 3) << "the sheet's row number";
  EXPECT_EQ(r.json["failed"][0]["error"]["field"], "title");
  EXPECT_EQ(r.json["ignored_fields"], json::array());
  auto list = Anonymous().Get("/api/v1/demands?sort=oldest&view=full");
  ASSERT_EQ(list.json["total"], 2);
  EXPECT_EQ(list.json["items"][0]["ref"], "X-1");
  EXPECT_EQ(list.json["items"][0]["deadline"], "2027-03-01");
  EXPECT_EQ(list.json["items"][1]["deadline"], "2027-03-03");
  EXPECT_EQ(list.json["items"][1]["region"], "110108");
  EXPECT_EQ(list.json["items"][1]["keywords"], json::array({"锂电池", "电解液"}));
}

TEST_F(ImportRoutesTest, ACorruptOrHugeWorkbookIsAClearClientError) {
  Client admin = Admin();
  std::string book = WorkbookOf({{"title", "description"}, {"t", "d"}});
  auto corrupt = admin.Send("POST", "/api/v1/import/demands", book.substr(0, book.size() / 2), {},
                            "application/octet-stream");
  EXPECT_EQ(corrupt.status, 400) << corrupt.body;
  EXPECT_EQ(corrupt.ErrorCode(), "invalid_xlsx");
  auto not_a_workbook = admin.Send("POST", "/api/v1/import/demands?format=xlsx", "title\nx\n");
  EXPECT_EQ(not_a_workbook.status, 400);
  EXPECT_EQ(not_a_workbook.ErrorCode(), "invalid_xlsx");
  auto bomb =
      admin.Send("POST", "/api/v1/import/demands", WorkbookOfParts(std::string(70u << 20, ' ')), {},
                 "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_EQ(bomb.status, 413) << bomb.body;
  EXPECT_EQ(bomb.ErrorCode(), "xlsx_too_large");
  EXPECT_EQ(Anonymous().Get("/api/v1/demands").json["total"], 0);
}

TEST_F(ImportRoutesTest, ExportRoundTripsThroughImport) {
  Client admin = Admin();
  std::string body =
      R"({"ref":"R1","title":"需求甲","description":"描述甲","keywords":["k1","k2"],"region":"110108"})"
      "\n"
      R"({"ref":"R2","title":"Demand B, with comma","description":"line1\nline2 \"quoted\""})"
      "\n";
  ASSERT_EQ(admin.Send("POST", "/api/v1/import/demands", body).json["created"], 2);
  auto csv = admin.Get("/api/v1/demands/export?format=csv");
  ASSERT_EQ(csv.status, 200);
  EXPECT_EQ(csv.Header("content-type"), "text/csv; charset=utf-8");
  EXPECT_EQ(csv.body.substr(0, 3), "\xEF\xBB\xBF");
  auto jsonl = admin.Get("/api/v1/demands/export?format=jsonl");
  ASSERT_EQ(jsonl.status, 200);
  EXPECT_EQ(std::count(jsonl.body.begin(), jsonl.body.end(), '\n'), 2);
  EXPECT_EQ(Anonymous().Get("/api/v1/demands/export").status, 401);

  // A second platform reads the CSV back.
  ServerProcess other;
  Client admin2(other.port());
  admin2.Login("admin", ServerProcess::kAdminPassword);
  auto r = admin2.Send("POST", "/api/v1/import/demands", csv.body, {}, "text/csv");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json["created"], 2) << r.body;
  auto list = Client(other.port()).Get("/api/v1/demands?sort=title&view=full");
  EXPECT_EQ(list.json["items"][0]["title"], "Demand B, with comma");
  EXPECT_EQ(list.json["items"][0]["description"], "line1\nline2 \"quoted\"");
  EXPECT_EQ(list.json["items"][1]["keywords"], json::array({"k1", "k2"}));
}

TEST_F(ImportRoutesTest, CommandLineImportBesideARunningServerBecomesSearchable) {
  std::string file = server_->data_dir() + "/cli.jsonl";
  std::ofstream(file)
      << R"({"ref":"CLI-1","title":"命令行导入的超导量子比特成果","abstract":"超导量子比特相干时间提升。"})"
      << "\n";
  std::string cmd = std::string(KC_BINARY) + " import achievements " + file + " " +
                    server_->StoreFlags() + " > /dev/null 2>&1";
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  Client visitor = Anonymous();
  auto list = visitor.Get("/api/v1/achievements");
  ASSERT_EQ(list.json["total"], 1);
  int64_t id = list.json["items"][0]["id"];
  // The server's indexer follows the change log the other process wrote.
  bool found = false;
  for (int i = 0; i < 40 && !found; ++i) {
    auto r = visitor.Get("/api/v1/search?q=%E8%B6%85%E5%AF%BC%E9%87%8F%E5%AD%90");  // 超导量子
    for (const auto& h : r.json["hits"]) found = found || h["id"] == id;
    if (!found) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace kc::testing
