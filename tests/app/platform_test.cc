#include "app/platform.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <stdlib.h>
#include <xapian.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>
#include <string>
#include <thread>

#include "http/test_client.h"
#include "search/index.h"

namespace kc::app {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using namespace std::chrono_literals;

// A fresh directory under the system's temp directory, removed with everything in it.
class TempDir {
 public:
  TempDir() {
    std::string templ = (std::filesystem::temp_directory_path() / "kc-platform-XXXXXX").string();
    path_ = mkdtemp(templ.data());
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const std::string& path() const { return path_; }
  std::string data() const { return path_ + "/data"; }

 private:
  std::string path_;
};

Config TestConfig(const std::string& data_dir, bool demo) {
  Config c;
  c.data_dir = data_dir;
  c.demo = demo;
  c.access_log = "off";
  c.admin_password = "Test-Keeper-password";
  c.server.host = "127.0.0.1";
  c.server.port = 0;
  c.server.threads = 1;
  c.server.blocking_threads = 1;
  c.server.shutdown_grace = 5s;
  return c;
}

struct Counts {
  int64_t demands = -1, achievements = -1, experts = -1, orgs = -1, users = -1;
  int64_t demo_listings = -1;
};

Counts CountAll(Platform& p) {
  Counts c;
  Status s = p.store().Read([&](StoreTx& tx) -> Status {
    for (auto [kind, out] : {std::pair{ListingKind::kDemand, &c.demands},
                             std::pair{ListingKind::kAchievement, &c.achievements},
                             std::pair{ListingKind::kExpert, &c.experts}}) {
      ListingQuery q;
      q.kind = kind;
      q.limit = 1;
      auto page = tx.ListListings(q);
      if (!page.ok()) return page.status();
      *out = page->total;
    }
    ListingQuery all;
    all.limit = 1000;
    auto page = tx.ListListings(all);
    if (!page.ok()) return page.status();
    c.demo_listings = 0;
    for (const auto& l : page->items) c.demo_listings += l.demo ? 1 : 0;
    OrgQuery oq;
    oq.limit = 1;
    auto orgs = tx.ListOrgs(oq);
    if (!orgs.ok()) return orgs.status();
    c.orgs = orgs->total;
    auto users = tx.CountUsers();
    if (!users.ok()) return users.status();
    c.users = *users;
    return Status::Ok();
  });
  EXPECT_TRUE(s.ok()) << s.message();
  return c;
}

// Keeps the KECHUANG_* environment as it was around each test.
class PlatformTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const char* name : {"KECHUANG_DATA", "KECHUANG_LISTEN", "KECHUANG_ADMIN_PASSWORD"}) {
      if (const char* v = std::getenv(name)) saved_[name] = v;
      unsetenv(name);
    }
  }
  void TearDown() override {
    for (const char* name : {"KECHUANG_DATA", "KECHUANG_LISTEN", "KECHUANG_ADMIN_PASSWORD"}) {
      auto it = saved_.find(name);
      if (it != saved_.end()) {
        setenv(name, it->second.c_str(), 1);
      } else {
        unsetenv(name);
      }
    }
  }
  std::map<std::string, std::string> saved_;
  TempDir dir_;
};

TEST_F(PlatformTest, OpenLoadsTheDemoOnAFreshDirectoryExactlyOnce) {
  {
    Platform p(TestConfig(dir_.data(), /*demo=*/true));
    ::testing::internal::CaptureStdout();
    Status s = p.Open();
    std::string out = ::testing::internal::GetCapturedStdout();
    ASSERT_TRUE(s.ok()) << s.message();
    EXPECT_THAT(out, HasSubstr("Loaded 59 demo listings"));
    Counts c = CountAll(p);
    EXPECT_EQ(c.demands, 20);
    EXPECT_EQ(c.achievements, 20);
    EXPECT_EQ(c.experts, 10);
    EXPECT_EQ(c.demo_listings, 59);
    EXPECT_EQ(c.orgs, 12 + 1);  // the demo's and the platform's own
    EXPECT_EQ(c.users, 1);      // the admin
  }
  EXPECT_TRUE(std::filesystem::exists(dir_.data() + "/kechuang.db"));
  {
    Platform p(TestConfig(dir_.data(), /*demo=*/true));
    ::testing::internal::CaptureStdout();
    Status s = p.Open();
    std::string out = ::testing::internal::GetCapturedStdout();
    ASSERT_TRUE(s.ok()) << s.message();
    EXPECT_THAT(out, Not(HasSubstr("demo")));
    Counts c = CountAll(p);
    EXPECT_EQ(c.demands, 20);
    EXPECT_EQ(c.achievements, 20);
    EXPECT_EQ(c.experts, 10);
    EXPECT_EQ(c.orgs, 12 + 1);
    EXPECT_EQ(c.users, 1);
  }
}

TEST_F(PlatformTest, NoDemoStartsEmptyAndAReopenDoesNotLoadItLater) {
  {
    Platform p(TestConfig(dir_.data(), /*demo=*/false));
    ASSERT_TRUE(p.Open().ok());
    Counts c = CountAll(p);
    EXPECT_EQ(c.demands + c.achievements + c.experts, 0);
    EXPECT_EQ(c.orgs, 1);  // only the platform's own, which the admin belongs to
    EXPECT_EQ(c.users, 1);
    Status s = p.store().Read([](StoreTx& tx) -> Status {
      auto admin = tx.FindUserByName("admin");
      if (!admin.ok()) return admin.status();
      EXPECT_EQ(admin->role, Role::kAdmin);
      if (!admin->org_id) return NotFound("the admin's organisation");
      auto org = tx.GetOrg(*admin->org_id);
      if (!org.ok()) return org.status();
      EXPECT_EQ(org->name, Accounts::kPlatformOrgName);
      return Status::Ok();
    });
    EXPECT_TRUE(s.ok()) << s.message();
  }
  {
    // The directory is no longer fresh: enabling the demo now loads nothing.
    Platform p(TestConfig(dir_.data(), /*demo=*/true));
    ASSERT_TRUE(p.Open().ok());
    Counts c = CountAll(p);
    EXPECT_EQ(c.demands + c.achievements + c.experts, 0);
    EXPECT_EQ(c.orgs, 1);
    EXPECT_EQ(c.users, 1);
  }
}

TEST_F(PlatformTest, TheAdminPasswordComesFromTheEnvironmentOnTheFirstStart) {
  setenv("KECHUANG_ADMIN_PASSWORD", "env-chosen-password", 1);
  auto config = ParseConfig({"--data", dir_.data(), "--no-demo", "--access-log", "off"});
  ASSERT_TRUE(config.ok()) << config.status().message();
  {
    Platform p(*config);
    ::testing::internal::CaptureStdout();
    Status s = p.Open();
    std::string out = ::testing::internal::GetCapturedStdout();
    ASSERT_TRUE(s.ok()) << s.message();
    EXPECT_THAT(out, Not(HasSubstr("env-chosen-password")));  // a chosen password is not shown
    auto ok = p.context().accounts.Login("admin", "env-chosen-password", "127.0.0.1");
    ASSERT_TRUE(ok.ok()) << ok.status().message();
    EXPECT_EQ(ok->user.role, Role::kAdmin);
    EXPECT_FALSE(ok->token.empty());
    EXPECT_FALSE(p.context().accounts.Login("admin", "another-password", "127.0.0.1").ok());
  }
  // Later starts keep the first password whatever the environment says.
  setenv("KECHUANG_ADMIN_PASSWORD", "a-later-password", 1);
  auto later = ParseConfig({"--data", dir_.data(), "--no-demo", "--access-log", "off"});
  ASSERT_TRUE(later.ok());
  Platform p(*later);
  ASSERT_TRUE(p.Open().ok());
  EXPECT_TRUE(p.context().accounts.Login("admin", "env-chosen-password", "127.0.0.1").ok());
  EXPECT_FALSE(p.context().accounts.Login("admin", "a-later-password", "127.0.0.1").ok());
}

TEST_F(PlatformTest, WithoutAChosenPasswordOneIsGeneratedAndPrintedOnce) {
  Config config = TestConfig(dir_.data(), /*demo=*/false);
  config.admin_password.reset();
  std::string password;
  {
    Platform p(config);
    ::testing::internal::CaptureStderr();
    Status s = p.Open();
    std::string out = ::testing::internal::GetCapturedStderr();
    ASSERT_TRUE(s.ok()) << s.message();
    std::smatch m;
    ASSERT_TRUE(std::regex_search(out, m, std::regex("password '([^']+)'"))) << out;
    password = m[1];
    EXPECT_GE(password.size(), 8u);
    EXPECT_TRUE(p.context().accounts.Login("admin", password, "127.0.0.1").ok());
  }
  Platform p(config);
  ::testing::internal::CaptureStderr();
  ASSERT_TRUE(p.Open().ok());
  EXPECT_THAT(::testing::internal::GetCapturedStderr(), Not(HasSubstr("password")));
}

TEST_F(PlatformTest, ServeAnswersHealthOnTheBoundPortAndStopIsIdempotent) {
  Platform p(TestConfig(dir_.data(), /*demo=*/false));
  ASSERT_TRUE(p.Open().ok());
  EXPECT_EQ(p.port(), 0);  // not serving yet
  Status s = p.Serve();
  ASSERT_TRUE(s.ok()) << s.message();
  const uint16_t port = p.port();
  ASSERT_NE(port, 0);
  {
    http::testing::TestClient c(port);
    ASSERT_TRUE(c.connected()) << c.connect_error().message();
    auto res = c.Get("/api/v1/health");
    ASSERT_FALSE(c.error) << c.error.message();
    EXPECT_EQ(res.result_int(), 200);
    auto body = nlohmann::json::parse(res.body(), nullptr, false);
    EXPECT_EQ(body.value("status", ""), "ok") << res.body();
    EXPECT_EQ(body.value("version", ""), kVersion) << res.body();
    EXPECT_EQ(body["index"].value("state", ""), "ok") << res.body();
    EXPECT_EQ(std::string(kVersion), "0.1.0");
  }
  auto start = std::chrono::steady_clock::now();
  p.Stop();
  p.Stop();
  EXPECT_LT(std::chrono::steady_clock::now() - start, 3s);  // the worker wakes up at once
  http::testing::TestClient late(port);
  EXPECT_FALSE(late.connected());
}

TEST_F(PlatformTest, AnIndexInAnEarlierLayoutIsRebuiltWhenServing) {
  const std::string index_dir = dir_.data() + "/index";
  auto layout = [&] { return Xapian::Database(index_dir).get_metadata(search::kLayoutKey); };
  {
    Platform p(TestConfig(dir_.data(), /*demo=*/true));
    ASSERT_TRUE(p.Open().ok());
    ASSERT_TRUE(p.Serve().ok());
    p.Stop();
  }
  ASSERT_EQ(layout(), search::kLayout);
  ASSERT_GT(Xapian::Database(index_dir).get_doccount(), 0u);
  {
    // As an earlier version left it: documents, and no layout key.
    Xapian::WritableDatabase db(index_dir, Xapian::DB_OPEN);
    db.set_metadata(search::kLayoutKey, "");
    db.commit();
  }
  Platform p(TestConfig(dir_.data(), /*demo=*/true));
  ASSERT_TRUE(p.Open().ok());
  ASSERT_TRUE(p.Serve().ok());
  const auto deadline = std::chrono::steady_clock::now() + 10s;
  while (layout() != search::kLayout && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(50ms);
  }
  EXPECT_EQ(layout(), search::kLayout);
  EXPECT_EQ(Xapian::Database(index_dir).get_doccount(), 59u);
  p.Stop();
}

TEST_F(PlatformTest, StopWithoutServeIsHarmless) {
  Platform p(TestConfig(dir_.data(), /*demo=*/false));
  p.Stop();
  ASSERT_TRUE(p.Open().ok());
  p.Stop();
  p.Stop();
}

TEST_F(PlatformTest, OpenFailsWhenTheDataDirectoryCannotBeCreated) {
  std::string file = dir_.path() + "/a-file";
  std::ofstream(file) << "x";
  Platform p(TestConfig(file + "/data", /*demo=*/false));
  Status s = p.Open();
  EXPECT_FALSE(s.ok());
}

// The only test that turns on the access log: spdlog registers it by name once per process.
TEST_F(PlatformTest, TheAccessLogRecordsEachRequestWithItsRequestId) {
  Config config = TestConfig(dir_.data(), /*demo=*/false);
  config.access_log = dir_.path() + "/logs/access.log";
  Platform p(config);
  ASSERT_TRUE(p.Open().ok());
  ASSERT_TRUE(p.Serve().ok());
  {
    http::testing::TestClient c(p.port());
    auto res = c.Get("/api/v1/health", {{"X-Request-Id", "access-log-test-7"}});
    ASSERT_FALSE(c.error) << c.error.message();
    EXPECT_EQ(res["X-Request-Id"], "access-log-test-7");
  }
  p.Stop();
  // The logger is asynchronous: give its thread a moment to write.
  std::string log;
  for (int i = 0; i < 50 && log.find("access-log-test-7") == std::string::npos; ++i) {
    std::this_thread::sleep_for(50ms);
    std::ifstream in(config.access_log);
    std::stringstream buf;
    buf << in.rdbuf();
    log = buf.str();
  }
  EXPECT_THAT(log, HasSubstr("access-log-test-7"));
  EXPECT_THAT(log, HasSubstr("\"GET /api/v1/health\" 200"));
}

}  // namespace
}  // namespace kc::app
