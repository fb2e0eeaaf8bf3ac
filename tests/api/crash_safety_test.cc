// Crash safety under a bounded concurrent write load: kill -9 loses no acknowledged write and
// leaves no half-written listing, and the search index agrees with the store after the
// restart; a PostgreSQL outage is answered with 503 and healed without restarting the server.
#include <gtest/gtest.h>

#include <atomic>
#include <fstream>
#include <mutex>
#include <set>
#include <thread>

#include "api/api_fixture.h"
#include "store/test_postgres.h"

namespace kc::testing {
namespace {

constexpr const char* kTerm = "%E5%B4%A9%E6%BA%83%E8%AF%95%E9%AA%8C";  // 崩溃试验, URL-encoded

class CrashSafetyTest : public ApiTest {
 protected:
  // Writers create demands (half of them published at once by the admin) until a request fails
  // or `per_writer` are done; returns the ids of the acknowledged creates and publications.
  void Load(int writers, int per_writer, std::atomic<bool>* stop) {
    std::vector<std::thread> threads;
    for (int w = 0; w < writers; ++w) {
      threads.emplace_back([this, w, per_writer, stop] {
        try {
          Write(w, per_writer, stop);
        } catch (const std::exception&) {
          // The connection was reset by the kill: this writer is done.
        }
      });
    }
    for (auto& t : threads) t.join();
  }

  void Write(int w, int per_writer, std::atomic<bool>* stop) {
    Client c(server_->port());
    c.token = owner_token_;
    Client admin(server_->port());
    admin.token = admin_token_;
    for (int i = 0; i < per_writer && !*stop; ++i) {
      auto r = c.Post("/api/v1/demands",
                      DemandBody("崩溃试验 " + std::to_string(w) + "-" + std::to_string(i)));
      if (r.status != 201) break;
      int64_t id = r.json.value("id", int64_t{0});
      Record(&created_, id);
      if (i % 2) continue;
      std::string base = "/api/v1/demands/" + std::to_string(id);
      if (c.Post(base + "/submit", nlohmann::json::object()).status != 200) break;
      if (admin.Post(base + "/approve", nlohmann::json::object()).status != 200) break;
      Record(&published_, id);
    }
  }

  void Record(std::set<int64_t>* ids, int64_t id) {
    std::lock_guard<std::mutex> lock(mu_);
    ids->insert(id);
  }

  void SignIn() {
    Client owner = RegisterWithOrg("crashowner", "崩溃试验公司");
    owner_token_ = owner.token;
    admin_token_ = Admin().token;
  }

  // Four writers create and publish demands; the server is killed (-9) under that load and
  // restarted; then every acknowledged create must be there, whole, and every acknowledged
  // publication published.
  void KillUnderWriteLoadAndRestart() {
    SignIn();
    std::atomic<bool> stop{false};
    std::thread load([&] { Load(4, 150, &stop); });
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    EXPECT_EQ(server_->Stop(SIGKILL), 128 + SIGKILL);
    stop = true;
    load.join();
    ASSERT_GT(created_.size(), 5u) << "the load wrote too little before the kill";

    server_->Restart();
    ASSERT_TRUE(server_->running());
    Client owner(server_->port());
    ASSERT_EQ(owner.Login("crashowner", PasswordOf("crashowner")).status, 200);
    for (int64_t id : created_) {
      auto r = owner.Get("/api/v1/demands/" + std::to_string(id));
      ASSERT_EQ(r.status, 200) << "acknowledged listing " << id << " lost";
      EXPECT_EQ(r.json["keywords"], nlohmann::json::array({"锂电池", "低温电解液"}));
      EXPECT_EQ(r.json["contact"]["name"], "王工");
      EXPECT_EQ(published_.count(id) ? "published" : r.json["status"], r.json["status"]);
    }
  }

  std::mutex mu_;
  std::set<int64_t> created_, published_;
  std::string owner_token_, admin_token_;
};

TEST_F(CrashSafetyTest, KillNineUnderWriteLoadLosesNoAcknowledgedWrite) {
  ASSERT_NO_FATAL_FAILURE(KillUnderWriteLoadAndRestart());
}

// After kill -9 under write load the restarted server's index catches up with the store: every
// published listing is found (with about 200 listings sharing the query's words, this also
// checks that a query whose every word is common still finds them).
TEST_F(CrashSafetyTest, AfterKillNineTheSearchIndexAgreesWithTheStore) {
  ASSERT_NO_FATAL_FAILURE(KillUnderWriteLoadAndRestart());
  // The search index agrees with the store: every published listing is found, nothing else.
  Client visitor = Anonymous();
  int64_t store_published = visitor.Get("/api/v1/demands?size=1").json.value("total", -1);
  EXPECT_GE(store_published, static_cast<int64_t>(published_.size()));
  EXPECT_LE(store_published, static_cast<int64_t>(published_.size()) + 4);
  int64_t found = -1;
  for (int i = 0; i < 400 && found != store_published; ++i) {
    found = visitor.Get(std::string("/api/v1/search?type=demand&size=1&q=") + kTerm)
                .json.value("total", -2);
    if (found != store_published) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  EXPECT_EQ(found, store_published)
      << visitor.Get(std::string("/api/v1/search?type=demand&size=1&q=") + kTerm).body;
}

// The server's own PostgreSQL, stopped and started under load.
TEST(PostgresOutageTest, TheServerAnswers503WhileTheDatabaseIsDownAndRecoversByItself) {
  if (!UsingPostgres()) GTEST_SKIP() << "PostgreSQL only (pg: run)";
  const std::string script = std::string(KC_SOURCE_DIR) + "/scripts/test-postgres.sh";
  const std::string dir = "/tmp/kc-outage-" + std::to_string(getpid());
  ASSERT_EQ(std::system((script + " start " + dir).c_str()), 0);
  std::ifstream in(dir + "/url");
  std::string url;
  std::getline(in, url);
  {
    ServerProcess server({"--no-demo", "--db", url + "/postgres"});
    ASSERT_TRUE(server.running());
    Client admin(server.port());
    ASSERT_EQ(admin.Login("admin", ServerProcess::kAdminPassword).status, 200);
    auto body = nlohmann::json{{"name", "停机组织0"}, {"type", "enterprise"}};
    ASSERT_EQ(admin.Post("/api/v1/orgs", body).status, 201);

    ASSERT_EQ(std::system((script + " halt " + dir).c_str()), 0);
    for (const char* target : {"/api/v1/orgs", "/api/v1/demands"}) {
      auto r = admin.Get(target);
      EXPECT_EQ(r.status, 503) << target << ": " << r.body;
      EXPECT_EQ(r.ErrorCode(), "database_unavailable") << r.body;
    }
    auto w = admin.Post("/api/v1/orgs", {{"name", "停机组织1"}, {"type", "enterprise"}});
    EXPECT_EQ(w.status, 503) << w.body;
    EXPECT_EQ(admin.Get("/api/v1/health").status, 200) << "health needs no database";

    ASSERT_EQ(std::system((script + " resume " + dir).c_str()), 0);
    int status = 0;
    for (int i = 0; i < 100 && status != 201; ++i) {
      status = admin.Post("/api/v1/orgs", {{"name", "恢复组织"}, {"type", "enterprise"}}).status;
      if (status != 201) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    EXPECT_EQ(status, 201) << "the server did not recover without a restart";
    auto list = admin.Get("/api/v1/orgs?size=100");
    EXPECT_EQ(list.status, 200);
  }
  (void)std::system((script + " stop " + dir).c_str());
}

}  // namespace
}  // namespace kc::testing
