// GET /health, /taxonomy and /openapi.json against the real binary.
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <filesystem>
#include <regex>
#include <set>
#include <thread>

#include "api/api_fixture.h"
#include "core/resources.h"

namespace kc::testing {
namespace {

class MetaRoutesTest : public ApiTest {};

TEST_F(MetaRoutesTest, HealthReportsStatusAndVersion) {
  auto r = Anonymous().Get("/api/v1/health");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.json["status"], "ok");
  EXPECT_FALSE(r.json.value("version", "").empty());
  EXPECT_FALSE(r.Header("x-request-id").empty());
}

// The search index's progress: the last change it holds, the store's last change, the lag
// between them and its state; a new change is applied within moments (docs/operations.md).
TEST_F(MetaRoutesTest, HealthReportsTheSearchIndexProgress) {
  auto r = Anonymous().Get("/api/v1/health");
  ASSERT_EQ(r.status, 200);
  ASSERT_TRUE(r.json.contains("index")) << r.body;
  const auto& index = r.json["index"];
  for (const char* key : {"applied_seq", "latest_seq", "lag"}) {
    EXPECT_TRUE(index[key].is_number_integer()) << key << ": " << r.body;
  }
  EXPECT_TRUE(index["state"].is_string()) << r.body;

  Client owner = RegisterWithOrg("healthy", "健康检查公司");
  auto created = owner.Post("/api/v1/demands", {{"title", "索引进度检查用的技术需求"},
                                                {"description", "用于检查搜索索引是否跟上。"}});
  ASSERT_EQ(created.status, 201) << created.body;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  nlohmann::json last;
  do {
    last = Anonymous().Get("/api/v1/health").json;
    if (last["index"].value("lag", -1) == 0 && last["index"].value("latest_seq", 0) > 0) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  } while (std::chrono::steady_clock::now() < deadline);
  EXPECT_EQ(last["status"], "ok") << last.dump();
  EXPECT_EQ(last["index"]["state"], "ok") << last.dump();
  EXPECT_EQ(last["index"]["lag"], 0) << last.dump();
  EXPECT_GT(last["index"]["latest_seq"].get<int64_t>(), 0) << last.dump();
  EXPECT_EQ(last["index"]["applied_seq"], last["index"]["latest_seq"]) << last.dump();
}

// The re-ranking model in use (docs/ranking.md, "The model in use"): the built-in one without a
// model file; a corrupt file leaves it serving, says why in the log and in /health; a good file
// written while the server runs is picked up without a restart.
TEST_F(MetaRoutesTest, HealthNamesTheReRankerAndACorruptModelFileLeavesTheBuiltInOne) {
  auto fresh = Anonymous().Get("/api/v1/health");
  ASSERT_EQ(fresh.status, 200);
  EXPECT_EQ(fresh.json["ranker"]["source"], "built-in") << fresh.body;
  EXPECT_TRUE(fresh.json["ranker"].value("model", "").starts_with("built-in@")) << fresh.body;
  EXPECT_FALSE(fresh.json["ranker"].contains("file_error")) << fresh.body;

  const std::string file = server_->data_dir() + "/ranker.json";
  server_->Stop();
  std::ofstream(file) << R"({"learner": {"gradient_booster": {"model": {"trees": [)";
  server_->Restart();
  ASSERT_TRUE(server_->running());
  auto corrupt = Anonymous().Get("/api/v1/health");
  ASSERT_EQ(corrupt.status, 200);
  EXPECT_EQ(corrupt.json["status"], "ok") << corrupt.body;
  EXPECT_EQ(corrupt.json["ranker"]["source"], "built-in") << corrupt.body;
  // The code alone: the message names the data directory's path, not for anonymous callers.
  EXPECT_EQ(corrupt.json["ranker"].value("file_error", ""), "bad_ranker_model") << corrupt.body;
  EXPECT_EQ(Anonymous().Get("/api/v1/search?q=%E7%94%B5%E6%B1%A0%E6%9D%90%E6%96%99").status, 200);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (server_->Log().find("re-ranker: cannot use " + file) == std::string::npos &&
         std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  EXPECT_NE(server_->Log().find("re-ranker: cannot use " + file), std::string::npos)
      << server_->Log();

  // A good model file, written beside the running server.
  const auto model = Resource("data/ranker/builtin.json");
  ASSERT_TRUE(model.has_value());
  std::ofstream(file + ".tmp") << *model;
  std::filesystem::rename(file + ".tmp", file);
  nlohmann::json last;
  while (std::chrono::steady_clock::now() < deadline + std::chrono::seconds(5)) {
    last = Anonymous().Get("/api/v1/health").json;
    if (last["ranker"]["source"] == "file") break;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  EXPECT_EQ(last["ranker"]["source"], "file") << last.dump();
  EXPECT_TRUE(last["ranker"].value("model", "").starts_with("ranker.json@")) << last.dump();
  EXPECT_FALSE(last["ranker"].contains("file_error")) << last.dump();
}

TEST_F(MetaRoutesTest, TaxonomyHasThirteenCategories) {
  auto r = Anonymous().Get("/api/v1/taxonomy");
  ASSERT_EQ(r.status, 200);
  ASSERT_EQ(r.json["categories"].size(), 13u);
  bool found = false;
  for (const auto& c : r.json["categories"]) {
    if (c["name"] == "工学") {
      for (const auto& d : c["disciplines"]) found = found || d["name"] == "计算机科学与技术";
    }
  }
  EXPECT_TRUE(found);
}

TEST_F(MetaRoutesTest, OpenApiDocumentsTheContractRoutes) {
  auto r = Anonymous().Get("/api/v1/openapi.json");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.json["openapi"], "3.1.0");
  const auto& paths = r.json["paths"];
  // The routes of DESIGN §5 and the foundation issue: a missing one fails here.
  std::vector<std::pair<std::string, std::string>> expected = {
      {"get", "/api/v1/health"},
      {"get", "/api/v1/openapi.json"},
      {"get", "/api/v1/taxonomy"},
      {"post", "/api/v1/auth/register"},
      {"post", "/api/v1/auth/login"},
      {"post", "/api/v1/auth/logout"},
      {"get", "/api/v1/me"},
      {"get", "/api/v1/users"},
      {"get", "/api/v1/users/{id}"},
      {"patch", "/api/v1/users/{id}"},
      {"get", "/api/v1/orgs"},
      {"post", "/api/v1/orgs"},
      {"get", "/api/v1/orgs/{id}"},
      {"patch", "/api/v1/orgs/{id}"},
      {"get", "/api/v1/orgs/{id}/members"},
      {"post", "/api/v1/orgs/{id}/members"},
      {"patch", "/api/v1/orgs/{id}/members/{user_id}"},
      {"delete", "/api/v1/orgs/{id}/members/{user_id}"},
      {"post", "/api/v1/import/{kind}"},
      {"get", "/api/v1/import/{kind}/template"},
  };
  for (std::string kind : {"demands", "achievements", "experts"}) {
    std::string base = "/api/v1/" + kind;
    for (auto [m, p] : std::vector<std::pair<std::string, std::string>>{{"get", ""},
                                                                        {"post", ""},
                                                                        {"get", "/export"},
                                                                        {"get", "/{id}"},
                                                                        {"patch", "/{id}"},
                                                                        {"delete", "/{id}"},
                                                                        {"post", "/{id}/submit"},
                                                                        {"post", "/{id}/approve"},
                                                                        {"post", "/{id}/reject"},
                                                                        {"post", "/{id}/close"},
                                                                        {"post", "/{id}/renew"},
                                                                        {"get", "/{id}/history"}}) {
      expected.emplace_back(m, base + p);
    }
  }
  for (const auto& [method, path] : expected) {
    ASSERT_TRUE(paths.contains(path)) << "missing path " << path;
    EXPECT_TRUE(paths[path].contains(method)) << "missing " << method << " " << path;
    if (paths[path].contains(method)) {
      EXPECT_TRUE(paths[path][method].contains("responses")) << path;
    }
  }
  EXPECT_TRUE(r.json["components"]["schemas"].contains("Error"));
}

TEST_F(MetaRoutesTest, EveryDocumentedOperationIsRouted) {
  Client c = Anonymous();
  auto doc = c.Get("/api/v1/openapi.json").json;
  int checked = 0;
  for (const auto& [path, ops] : doc["paths"].items()) {
    std::string target = std::regex_replace(path, std::regex(R"(\{kind\})"), "demands");
    target = std::regex_replace(target, std::regex(R"(\{[a-z_]+\})"), "999999");
    for (const auto& [method, op] : ops.items()) {
      std::string m = method;
      for (auto& ch : m) ch = static_cast<char>(std::toupper(ch));
      auto r = c.Send(m, target, m == "GET" || m == "DELETE" ? "" : "{}");
      EXPECT_NE(r.ErrorCode(), "method_not_allowed") << m << " " << target;
      EXPECT_EQ(r.body.find("no route for"), std::string::npos) << m << " " << target;
      ++checked;
    }
  }
  EXPECT_GT(checked, 50);
}

}  // namespace
}  // namespace kc::testing
