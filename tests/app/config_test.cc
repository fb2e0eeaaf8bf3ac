#include "app/config.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace kc::app {
namespace {

using ::testing::HasSubstr;

constexpr const char* kEnvVars[] = {
    "KECHUANG_DATA", "KECHUANG_LISTEN",          "KECHUANG_ADMIN_PASSWORD",
    "KECHUANG_DB",   "KECHUANG_TRUSTED_PROXIES", "KECHUANG_BASE_URL"};

// Clears the KECHUANG_* variables for each test and puts the old values back afterwards.
class ConfigTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const char* name : kEnvVars) {
      if (const char* v = std::getenv(name)) saved_[name] = v;
      unsetenv(name);
    }
  }
  void TearDown() override {
    for (const char* name : kEnvVars) {
      auto it = saved_.find(name);
      if (it != saved_.end()) {
        setenv(name, it->second.c_str(), 1);
      } else {
        unsetenv(name);
      }
    }
  }

  // Parses `args` and expects a bad-input error whose message names `flag`.
  void ExpectErrorNaming(const std::vector<std::string>& args, const std::string& flag) {
    std::string joined;
    for (const auto& a : args) joined += a + " ";
    SCOPED_TRACE(joined);
    Result<Config> c = ParseConfig(args);
    ASSERT_FALSE(c.ok());
    EXPECT_EQ(c.status().kind(), ErrorKind::kBadInput);
    EXPECT_EQ(c.status().code(), "bad_flag");
    EXPECT_THAT(c.status().message(), HasSubstr(flag));
  }

  std::map<std::string, std::string> saved_;
};

TEST_F(ConfigTest, DefaultsWithoutFlagsOrEnvironment) {
  Result<Config> c = ParseConfig({});
  ASSERT_TRUE(c.ok()) << c.status().message();
  EXPECT_EQ(c->data_dir, "var");
  EXPECT_EQ(c->db, "sqlite");
  EXPECT_EQ(c->listen, "127.0.0.1:8080");
  EXPECT_EQ(c->server.host, "127.0.0.1");
  EXPECT_EQ(c->server.port, 8080);
  EXPECT_TRUE(c->demo);
  EXPECT_EQ(c->access_log, "var/logs/access.log");
  EXPECT_FALSE(c->secure_cookies);
  EXPECT_EQ(c->admin_password, std::nullopt);
  EXPECT_EQ(c->server.threads, 0);
  EXPECT_EQ(c->server.search_threads, 0);  // one per core
  EXPECT_EQ(c->server.search_queue, 64u);
  EXPECT_EQ(c->server.body_limit, 8u * 1024 * 1024);
  EXPECT_EQ(c->server.json_body_limit, 1024u * 1024);
  EXPECT_EQ(c->server.anonymous_body_limit, 64u * 1024);
  EXPECT_EQ(c->server.header_limit, 16u * 1024);
  EXPECT_EQ(c->server.max_connections, 0u);  // from the open-file limit
  EXPECT_EQ(c->server.max_client_connections, 128u);
  EXPECT_FALSE(c->server.https);
  EXPECT_EQ(c->base_url, "");  // derived from the address served on
  EXPECT_EQ(c->rerank_depth, 0);
}

TEST_F(ConfigTest, EveryFlagIsApplied) {
  Result<Config> c = ParseConfig({"--data",
                                  "/tmp/kc-data",
                                  "--listen",
                                  "0.0.0.0:9090",
                                  "--db",
                                  "sqlite",
                                  "--no-demo",
                                  "--threads",
                                  "4",
                                  "--search-threads",
                                  "3",
                                  "--search-queue",
                                  "0",
                                  "--body-limit",
                                  "2048",
                                  "--header-limit",
                                  "4096",
                                  "--access-log",
                                  "-",
                                  "--secure-cookies",
                                  "--json-body-limit",
                                  "3072",
                                  "--anonymous-body-limit",
                                  "1024",
                                  "--max-connections",
                                  "500",
                                  "--max-client-connections",
                                  "0",
                                  "--base-url",
                                  "https://kc.example.org"});
  ASSERT_TRUE(c.ok()) << c.status().message();
  EXPECT_EQ(c->server.json_body_limit, 3072u);
  EXPECT_EQ(c->server.anonymous_body_limit, 1024u);
  EXPECT_EQ(c->server.max_connections, 500u);
  EXPECT_EQ(c->server.max_client_connections, 0u);
  EXPECT_EQ(c->base_url, "https://kc.example.org");
  EXPECT_TRUE(c->server.https);  // HSTS behind HTTPS
  EXPECT_EQ(c->data_dir, "/tmp/kc-data");
  EXPECT_EQ(c->listen, "0.0.0.0:9090");
  EXPECT_EQ(c->server.host, "0.0.0.0");
  EXPECT_EQ(c->server.port, 9090);
  EXPECT_EQ(c->db, "sqlite");
  EXPECT_FALSE(c->demo);
  EXPECT_EQ(c->server.threads, 4);
  EXPECT_EQ(c->server.search_threads, 3);
  EXPECT_EQ(c->server.search_queue, 0u);
  EXPECT_EQ(c->server.body_limit, 2048u);
  EXPECT_EQ(c->server.header_limit, 4096u);
  EXPECT_EQ(c->access_log, "-");
  EXPECT_TRUE(c->secure_cookies);
}

TEST_F(ConfigTest, TheAccessLogDefaultsIntoTheDataDirectory) {
  Result<Config> c = ParseConfig({"--data", "/srv/kc"});
  ASSERT_TRUE(c.ok()) << c.status().message();
  EXPECT_EQ(c->access_log, "/srv/kc/logs/access.log");

  c = ParseConfig({"--access-log", "off", "--data", "/srv/kc"});
  ASSERT_TRUE(c.ok()) << c.status().message();
  EXPECT_EQ(c->access_log, "off");

  c = ParseConfig({"--access-log", "/var/log/kc.log"});
  ASSERT_TRUE(c.ok()) << c.status().message();
  EXPECT_EQ(c->access_log, "/var/log/kc.log");
}

TEST_F(ConfigTest, ListenAcceptsPortZeroAndBracketedIpv6) {
  Result<Config> c = ParseConfig({"--listen", "127.0.0.1:0"});
  ASSERT_TRUE(c.ok()) << c.status().message();
  EXPECT_EQ(c->server.port, 0);

  c = ParseConfig({"--listen", "[::1]:8443"});
  ASSERT_TRUE(c.ok()) << c.status().message();
  EXPECT_EQ(c->server.host, "::1");
  EXPECT_EQ(c->server.port, 8443);
  EXPECT_EQ(c->listen, "[::1]:8443");

  c = ParseConfig({"--listen", "127.0.0.1:65535"});
  ASSERT_TRUE(c.ok()) << c.status().message();
  EXPECT_EQ(c->server.port, 65535);
}

TEST_F(ConfigTest, TheLastOfARepeatedFlagWins) {
  Result<Config> c = ParseConfig({"--threads", "2", "--threads", "8"});
  ASSERT_TRUE(c.ok()) << c.status().message();
  EXPECT_EQ(c->server.threads, 8);
}

TEST_F(ConfigTest, NumbersAtTheirBoundsAreAccepted) {
  Result<Config> c =
      ParseConfig({"--threads", "1", "--body-limit", "1024", "--header-limit", "1024"});
  ASSERT_TRUE(c.ok()) << c.status().message();
  EXPECT_EQ(c->server.threads, 1);
  EXPECT_EQ(c->server.body_limit, 1024u);
  EXPECT_EQ(c->server.header_limit, 1024u);

  c = ParseConfig({"--threads", "256", "--body-limit", "4294967296", "--header-limit", "1048576"});
  ASSERT_TRUE(c.ok()) << c.status().message();
  EXPECT_EQ(c->server.threads, 256);
  EXPECT_EQ(c->server.body_limit, size_t{1} << 32);
  EXPECT_EQ(c->server.header_limit, 1u << 20);
}

TEST_F(ConfigTest, TheRerankDepthIsANumberFromZeroWhichTurnsTheReRankerOff) {
  for (const auto& [flag, depth] : {std::pair{"0", 0}, {"20", 20}, {"1000", 1000}}) {
    Result<Config> c = ParseConfig({"--rerank-depth", flag});
    ASSERT_TRUE(c.ok()) << c.status().message();
    EXPECT_EQ(c->rerank_depth, depth);
  }
  for (const char* bad : {"-1", "1001", "deep", ""}) {
    ExpectErrorNaming({"--rerank-depth", bad}, "--rerank-depth");
  }
  EXPECT_NE(Usage().find("--rerank-depth N"), std::string::npos);
}

TEST_F(ConfigTest, FeedbackDocsIsANumberFromZeroWhichTurnsFeedbackOff) {
  EXPECT_EQ(ParseConfig({})->feedback_docs, 4);
  for (const auto& [flag, docs] : {std::pair{"0", 0}, {"10", 10}, {"100", 100}}) {
    Result<Config> c = ParseConfig({"--feedback-docs", flag});
    ASSERT_TRUE(c.ok()) << c.status().message();
    EXPECT_EQ(c->feedback_docs, docs);
  }
  for (const char* bad : {"-1", "101", "many", ""}) {
    ExpectErrorNaming({"--feedback-docs", bad}, "--feedback-docs");
  }
  EXPECT_NE(Usage().find("--feedback-docs N"), std::string::npos);
}

TEST_F(ConfigTest, BadNumbersAreErrorsNamingTheFlag) {
  for (const char* bad : {"0", "257", "-1", "abc", "4x", "", " 4", "4.0"}) {
    ExpectErrorNaming({"--threads", bad}, "--threads");
  }
  for (const char* bad : {"1023", "4294967297", "1e6", "-5", "99999999999999999999"}) {
    ExpectErrorNaming({"--body-limit", bad}, "--body-limit");
  }
  for (const char* bad : {"1023", "1048577", "big"}) {
    ExpectErrorNaming({"--header-limit", bad}, "--header-limit");
  }
  for (const char* bad : {"0", "257", "-1"}) {
    ExpectErrorNaming({"--search-threads", bad}, "--search-threads");
  }
  for (const char* bad : {"-1", "100001", "many"}) {
    ExpectErrorNaming({"--search-queue", bad}, "--search-queue");
  }
}

TEST_F(ConfigTest, BadListenAddressesAreErrorsNamingTheFlag) {
  for (const char* bad : {"8080", "localhost", "127.0.0.1:", "127.0.0.1:65536", "127.0.0.1:http",
                          "127.0.0.1:-1", "[::1]"}) {
    ExpectErrorNaming({"--listen", bad}, "--listen");
  }
}

TEST_F(ConfigTest, DbIsSqliteOrAPostgresUrl) {
  for (const char* url : {"postgres://kc@127.0.0.1:5432/kc", "postgresql://db.internal/kc"}) {
    auto c = ParseConfig({"--db", url});
    ASSERT_TRUE(c.ok()) << c.status().message();
    EXPECT_EQ(c->db, url);
  }
  ExpectErrorNaming({"--db", "mysql://localhost/kc"}, "--db");
  ExpectErrorNaming({"--db", "SQLite"}, "--db");
  ExpectErrorNaming({"--db", "postgres:/kc"}, "--db");
}

TEST_F(ConfigTest, AFlagWithoutItsValueIsAnErrorNamingIt) {
  for (const char* flag : {"--data", "--listen", "--db", "--threads", "--body-limit",
                           "--header-limit", "--access-log"}) {
    ExpectErrorNaming({"--no-demo", flag}, flag);
  }
}

TEST_F(ConfigTest, UnknownFlagsAndStrayArgumentsAreErrorsNamingThem) {
  ExpectErrorNaming({"--verbose"}, "--verbose");
  ExpectErrorNaming({"--data", "d", "--demo"}, "--demo");
  ExpectErrorNaming({"-d"}, "-d");
  ExpectErrorNaming({"stray"}, "stray");
  ExpectErrorNaming({"--data=d"}, "--data=d");
}

TEST_F(ConfigTest, EnvironmentVariablesSetTheDataDirectoryListenAndAdminPassword) {
  setenv("KECHUANG_DATA", "/env/data", 1);
  setenv("KECHUANG_LISTEN", "0.0.0.0:7000", 1);
  setenv("KECHUANG_ADMIN_PASSWORD", "s3cret-pass", 1);
  Result<Config> c = ParseConfig({});
  ASSERT_TRUE(c.ok()) << c.status().message();
  EXPECT_EQ(c->data_dir, "/env/data");
  EXPECT_EQ(c->access_log, "/env/data/logs/access.log");
  EXPECT_EQ(c->listen, "0.0.0.0:7000");
  EXPECT_EQ(c->server.host, "0.0.0.0");
  EXPECT_EQ(c->server.port, 7000);
  EXPECT_EQ(c->admin_password, "s3cret-pass");
}

TEST_F(ConfigTest, KechuangDbChoosesTheDatabaseAndTheFlagOverridesIt) {
  setenv("KECHUANG_DB", "postgres://kc@10.0.0.5/kc", 1);
  Result<Config> c = ParseConfig({});
  ASSERT_TRUE(c.ok()) << c.status().message();
  EXPECT_EQ(c->db, "postgres://kc@10.0.0.5/kc");
  c = ParseConfig({"--db", "sqlite"});
  ASSERT_TRUE(c.ok()) << c.status().message();
  EXPECT_EQ(c->db, "sqlite");
  setenv("KECHUANG_DB", "oracle", 1);
  ExpectErrorNaming({}, "--db");
}

TEST_F(ConfigTest, FlagsOverrideTheEnvironment) {
  setenv("KECHUANG_DATA", "/env/data", 1);
  setenv("KECHUANG_LISTEN", "0.0.0.0:7000", 1);
  Result<Config> c = ParseConfig({"--data", "/flag/data", "--listen", "127.0.0.1:7001"});
  ASSERT_TRUE(c.ok()) << c.status().message();
  EXPECT_EQ(c->data_dir, "/flag/data");
  EXPECT_EQ(c->access_log, "/flag/data/logs/access.log");
  EXPECT_EQ(c->server.port, 7001);
  EXPECT_EQ(c->server.host, "127.0.0.1");
}

TEST_F(ConfigTest, EmptyEnvironmentVariablesAreIgnored) {
  setenv("KECHUANG_DATA", "", 1);
  setenv("KECHUANG_LISTEN", "", 1);
  setenv("KECHUANG_ADMIN_PASSWORD", "", 1);
  Result<Config> c = ParseConfig({});
  ASSERT_TRUE(c.ok()) << c.status().message();
  EXPECT_EQ(c->data_dir, "var");
  EXPECT_EQ(c->server.port, 8080);
  EXPECT_EQ(c->admin_password, std::nullopt);
}

TEST_F(ConfigTest, ABadListenInTheEnvironmentIsAnError) {
  setenv("KECHUANG_LISTEN", "no-port-here", 1);
  Result<Config> c = ParseConfig({});
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.status().kind(), ErrorKind::kBadInput);
  EXPECT_THAT(c.status().message(), HasSubstr("listen"));
}

TEST_F(ConfigTest, TrustedProxiesAndTheRegistrationLimit) {
  Result<Config> none = ParseConfig({});
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->trusted_proxies.empty()) << "no proxy is trusted unless named";
  EXPECT_EQ(none->registrations_per_client, 5);

  setenv("KECHUANG_TRUSTED_PROXIES", "10.0.0.5, 10.0.1.0/24", 1);
  Result<Config> c = ParseConfig(
      {"--trusted-proxy", "::1", "--trusted-proxy", "fd00::/8", "--registrations-per-client", "0"});
  ASSERT_TRUE(c.ok()) << c.status().message();
  EXPECT_EQ(c->trusted_proxies,
            (std::vector<std::string>{"10.0.0.5", "10.0.1.0/24", "::1", "fd00::/8"}));
  EXPECT_EQ(c->registrations_per_client, 0);

  ExpectErrorNaming({"--trusted-proxy", "proxy.example"}, "--trusted-proxy");
  ExpectErrorNaming({"--trusted-proxy", "10.0.0.0/40"}, "--trusted-proxy");
  ExpectErrorNaming({"--registrations-per-client", "-1"}, "--registrations-per-client");
  setenv("KECHUANG_TRUSTED_PROXIES", "nonsense", 1);
  ExpectErrorNaming({}, "--trusted-proxy");
}

TEST_F(ConfigTest, TheBaseUrlIsAnHttpUrlKeptWithoutItsTrailingSlash) {
  Result<Config> c = ParseConfig({"--base-url", "https://kc.example.org:8443/portal/"});
  ASSERT_TRUE(c.ok()) << c.status().message();
  EXPECT_EQ(c->base_url, "https://kc.example.org:8443/portal");
  for (const char* bad : {"kc.example.org", "ftp://kc.example.org", "https://", "http://a b",
                          "https://x\"><script>", "https://x/?q=1", "https://x/#top"}) {
    ExpectErrorNaming({"--base-url", bad}, "--base-url");
  }
  setenv("KECHUANG_BASE_URL", "http://10.0.0.5:8080", 1);
  c = ParseConfig({});
  ASSERT_TRUE(c.ok()) << c.status().message();
  EXPECT_EQ(c->base_url, "http://10.0.0.5:8080");
}

TEST(DefaultBaseUrlTest, IsTheAddressServedOn) {
  EXPECT_EQ(DefaultBaseUrl("127.0.0.1", 8080), "http://127.0.0.1:8080");
  EXPECT_EQ(DefaultBaseUrl("0.0.0.0", 80), "http://localhost:80");
  EXPECT_EQ(DefaultBaseUrl("::", 8080), "http://localhost:8080");
  EXPECT_EQ(DefaultBaseUrl("::1", 8080), "http://[::1]:8080");
}

TEST(UsageTest, NamesEveryCommandAndFlag) {
  std::string u = Usage();
  for (const char* word : {"serve",
                           "import",
                           "export",
                           "version",
                           "--data",
                           "--listen",
                           "--db",
                           "--no-demo",
                           "--threads",
                           "--body-limit",
                           "--header-limit",
                           "--access-log",
                           "--secure-cookies",
                           "--json-body-limit",
                           "--anonymous-body-limit",
                           "--max-connections",
                           "--max-client-connections",
                           "--base-url",
                           "--format",
                           "KECHUANG_DATA",
                           "KECHUANG_LISTEN",
                           "KECHUANG_ADMIN_PASSWORD",
                           "--trusted-proxy",
                           "--registrations-per-client",
                           "KECHUANG_TRUSTED_PROXIES",
                           "KECHUANG_BASE_URL"}) {
    EXPECT_THAT(u, HasSubstr(word));
  }
}

}  // namespace
}  // namespace kc::app
