// An internal error (500) says "the server log has the details": the log has them, with the
// request id the client was given, and the response has none of them. The error is provoked
// for real: a table the server reads is dropped behind its back.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <pqxx/pqxx>
#include <thread>

#include "api/api_fixture.h"
#include "http/security_headers.h"

namespace kc::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class InternalErrorLogTest : public ApiTest {
 protected:
  // Damages the database: the news tags are gone.
  void DropNewsTags() {
    if (!server_->DbUrl().empty()) {
      pqxx::connection c(server_->DbUrl());
      pqxx::nontransaction(c).exec("DROP TABLE news_tags");
      return;
    }
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open((server_->data_dir() + "/kechuang.db").c_str(), &db), SQLITE_OK);
    sqlite3_busy_timeout(db, 5000);
    char* error = nullptr;
    int rc = sqlite3_exec(db, "DROP TABLE news_tags", nullptr, nullptr, &error);
    std::string message = error ? error : "";
    sqlite3_free(error);
    sqlite3_close(db);
    ASSERT_EQ(rc, SQLITE_OK) << message;
  }

  // Waits (up to 5 s) for `text` in the server's output.
  std::string WaitForLog(const std::string& text) {
    std::string log = server_->Log();
    for (int i = 0; i < 50 && log.find(text) == std::string::npos; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
      log = server_->Log();
    }
    return log;
  }
};

TEST_F(InternalErrorLogTest, EveryInternalErrorIsLoggedWithItsRequestId) {
  ASSERT_EQ(Anonymous().Get("/api/v1/news/tags").status, 200);
  DropNewsTags();
  HttpResult r =
      Anonymous().Send("GET", "/api/v1/news/tags", "", {{"X-Request-Id", "tags-after-damage-7"}});
  ASSERT_EQ(r.status, 500) << r.body;
  EXPECT_EQ(r.ErrorCode(), "internal");
  EXPECT_EQ(r.Header("x-request-id"), "tags-after-damage-7");
  EXPECT_THAT(r.body, HasSubstr("the server log has the details"));
  EXPECT_THAT(r.body, Not(HasSubstr("news_tags")));  // no detail leaves the server
  EXPECT_EQ(r.Header("content-security-policy"), http::kContentSecurityPolicy);

  const std::string log = WaitForLog("tags-after-damage-7");
  auto at = log.find("tags-after-damage-7");
  ASSERT_NE(at, std::string::npos) << "not in the server's log:\n" << log;
  const std::string line = log.substr(at, log.find('\n', at) - at);
  EXPECT_THAT(line, HasSubstr("GET /api/v1/news/tags"));
  EXPECT_THAT(line, HasSubstr("news_tags"));  // the detail the response left out
  EXPECT_THAT(log.substr(log.rfind('\n', at) + 1, at - log.rfind('\n', at)), HasSubstr("error"));
}

}  // namespace
}  // namespace kc::testing
