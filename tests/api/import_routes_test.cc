// Bulk import and export through the API.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <thread>

#include "api/api_fixture.h"

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
