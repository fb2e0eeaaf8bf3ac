// Two `kechuang serve` processes, each with its own data directory (search index), on one
// PostgreSQL database: what is written through one node is read and found through the other,
// sessions work on either, and only one runs the background jobs. PostgreSQL run only.
#include <gtest/gtest.h>

#include <chrono>
#include <pqxx/pqxx>
#include <thread>

#include "api/api_fixture.h"
#include "store/postgres/locks.h"
#include "store/test_postgres.h"

namespace kc::testing {
namespace {

class SeveralNodesTest : public ApiTest {
 protected:
  void SetUp() override {
    if (!UsingPostgres()) GTEST_SKIP() << "several nodes share a PostgreSQL database (pg: run)";
    ApiTest::SetUp();
    node_b_ = std::make_unique<ServerProcess>(
        std::vector<std::string>{"--no-demo", "--db", server_->DbUrl()});
    ASSERT_TRUE(node_b_->running());
  }

  // Retries `get` on `c` until `found` says yes or 2 s pass; returns whether it did.
  template <typename Found>
  static bool Within2s(Client& c, const std::string& target, Found found) {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(2);
    while (std::chrono::steady_clock::now() < deadline) {
      if (found(c.Get(target))) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return false;
  }

  std::unique_ptr<ServerProcess> node_b_;
};

TEST_F(SeveralNodesTest, AListingPublishedOnOneNodeIsReadAndFoundOnTheOtherWithin2s) {
  Client owner = RegisterWithOrg("nodeowner", "双节点公司");
  Client reviewer = Reviewer();
  auto start = std::chrono::steady_clock::now();
  int64_t id = PublishedDemand(owner, reviewer, "双节点超导磁体冷却需求");
  Client visitor_b(node_b_->port());
  EXPECT_TRUE(Within2s(visitor_b, "/api/v1/demands/" + std::to_string(id),
                       [](const HttpResult& r) { return r.status == 200; }));
  bool found =
      Within2s(visitor_b, "/api/v1/search?q=%E8%B6%85%E5%AF%BC%E7%A3%81%E4%BD%93",  // 超导磁体
               [&](const HttpResult& r) {
                 for (const auto& h : r.json["hits"]) {
                   if (h["id"] == id) return true;
                 }
                 return false;
               });
  EXPECT_TRUE(found) << "node B's indexer did not pick up node A's change";
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(4));
}

TEST_F(SeveralNodesTest, ASessionFromOneNodeWorksOnTheOtherAndLogoutEndsItOnBoth) {
  Client on_a = RegisterUser("roamer");
  Client on_b(node_b_->port());
  on_b.token = on_a.token;
  auto me = on_b.Get("/api/v1/me");
  ASSERT_EQ(me.status, 200) << me.body;
  EXPECT_EQ(me.json["username"], "roamer");
  // A write through B with A's session.
  auto r = on_b.Post("/api/v1/orgs", {{"name", "漫游组织"}, {"type", "enterprise"}});
  EXPECT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(on_b.Post("/api/v1/auth/logout", nlohmann::json::object()).status / 100, 2);
  EXPECT_EQ(on_a.Get("/api/v1/me").status, 401);
}

// The server process id of the session holding the background jobs lock on `url`'s database,
// 0 when none does.
int JobsLockHolder(const std::string& url) {
  pqxx::connection c(url);
  auto rows = pqxx::nontransaction(c).exec(
      "SELECT l.pid FROM pg_locks l JOIN pg_database d ON d.oid = l.database WHERE "
      "l.locktype = 'advisory' AND l.granted AND d.datname = current_database() AND "
      "((l.classid::bigint << 32) | l.objid::bigint) = " +
      std::to_string(pg::kJobsLock));
  return rows.empty() ? 0 : rows[0][0].as<int>();
}

// Waits up to 2 s for `done` to hold.
template <typename F>
bool TrueWithin2s(F done) {
  for (int i = 0; i < 100; ++i) {
    if (done()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return done();
}

TEST_F(SeveralNodesTest, OneNodeRunsTheBackgroundJobsAndAnotherTakesOverWhenItDies) {
  // Each worker asks for the lead when it starts; A started first and leads, B does not.
  const std::string url = server_->DbUrl();
  const int a = JobsLockHolder(url);
  ASSERT_NE(a, 0) << "one node leads";
  server_->Stop(SIGKILL);
  // The lock dies with its node: nobody holds it, or B took it at its next round.
  EXPECT_TRUE(TrueWithin2s([&] { return JobsLockHolder(url) != a; }))
      << "the lock dies with its node";
  // A node that starts now leads at once unless B already does: someone leads within 2 s.
  ServerProcess node_c({"--no-demo", "--db", url});
  ASSERT_TRUE(node_c.running());
  EXPECT_TRUE(TrueWithin2s([&] {
    const int holder = JobsLockHolder(url);
    return holder != 0 && holder != a;
  }));
}

}  // namespace
}  // namespace kc::testing
