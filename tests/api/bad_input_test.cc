// Every class of bad input gets the JSON error shape with the right status, and loses nothing.
#include <gtest/gtest.h>

#include "api/api_fixture.h"

namespace kc::testing {
namespace {

using nlohmann::json;

class BadInputTest : public ApiTest {
 protected:
  std::vector<std::string> ServerArgs() override { return {"--no-demo", "--body-limit", "65536"}; }
};

void ExpectError(const HttpResult& r, int status, const std::string& code,
                 const std::string& field = "") {
  EXPECT_EQ(r.status, status) << r.body;
  ASSERT_TRUE(r.json.is_object()) << r.body;
  ASSERT_TRUE(r.json.contains("error")) << r.body;
  EXPECT_EQ(r.ErrorCode(), code) << r.body;
  EXPECT_FALSE(r.json["error"].value("message", "").empty());
  if (!field.empty()) {
    EXPECT_EQ(r.ErrorField(), field) << r.body;
  }
}

TEST_F(BadInputTest, MalformedJson) {
  Client c = RegisterWithOrg("bad1", "坏输入公司");
  ExpectError(c.Send("POST", "/api/v1/demands", "{\"title\": "), 400, "malformed_json");
  ExpectError(c.Send("POST", "/api/v1/demands", "[1,2]"), 400, "invalid_body");
  ExpectError(c.Send("POST", "/api/v1/auth/login", "not json"), 400, "malformed_json");
}

TEST_F(BadInputTest, WrongTypesMissingAndUnknownFields) {
  Client c = RegisterWithOrg("bad2", "类型错误公司");
  json body = DemandBody("类型");
  body["keywords"] = "不是数组";
  ExpectError(c.Post("/api/v1/demands", body), 422, "invalid_type", "keywords");
  body = DemandBody("类型");
  body["title"] = 42;
  ExpectError(c.Post("/api/v1/demands", body), 422, "invalid_type", "title");
  body = DemandBody("类型");
  body.erase("title");
  ExpectError(c.Post("/api/v1/demands", body), 422, "required", "title");
  body = DemandBody("类型");
  body["colour"] = "red";
  ExpectError(c.Post("/api/v1/demands", body), 400, "unknown_field", "colour");
  ExpectError(c.Post("/api/v1/auth/login", {{"username", "x"}}), 422, "required", "password");
  ExpectError(c.Post("/api/v1/auth/login", {{"username", 1}, {"password", "y"}}), 422,
              "invalid_type", "username");
  // Nothing was stored by the failed requests.
  EXPECT_EQ(c.Get("/api/v1/demands?org_id=mine&status=draft").json["total"], 0);
}

TEST_F(BadInputTest, InvalidFieldValuesName422Fields) {
  Client c = RegisterWithOrg("bad3", "值错误公司", "university");
  ExpectError(c.Post("/api/v1/achievements",
                     {{"title", "t"}, {"abstract", "a"}, {"patents", {"202010123456.7"}}}),
              422, "invalid_patent_number", "patents");
  ExpectError(c.Post("/api/v1/achievements", {{"title", "t"}, {"abstract", "a"}, {"maturity", 12}}),
              422, "invalid_maturity", "maturity");
  json bad_region = DemandBody("t");
  bad_region["region"] = "990000";
  ExpectError(c.Post("/api/v1/demands", bad_region), 422, "invalid_region", "region");
  json bad_cat = DemandBody("t");
  bad_cat["category"] = "不存在的门类";
  ExpectError(c.Post("/api/v1/demands", bad_cat), 422, "unknown_category", "category");
  json bad_date = DemandBody("t");
  bad_date["deadline"] = "2027-02-30";
  ExpectError(c.Post("/api/v1/demands", bad_date), 422, "invalid_date", "deadline");
  json bad_mode = DemandBody("t");
  bad_mode["cooperation_modes"] = {"barter"};
  ExpectError(c.Post("/api/v1/demands", bad_mode), 422, "invalid_mode", "cooperation_modes");
  ExpectError(c.Post("/api/v1/orgs", {{"name", "x"}, {"type", "enterprise"}}), 409,
              "already_member");
  Client lone = RegisterUser("lone1");
  ExpectError(
      lone.Post("/api/v1/orgs",
                {{"name", "某机构"}, {"type", "institute"}, {"credit_code", "91350100M000100Y4X"}}),
      422, "invalid_credit_code", "credit_code");
  ExpectError(lone.Post("/api/v1/orgs", {{"name", "某机构"}, {"type", "spaceship"}}), 422,
              "invalid_type", "type");
  ExpectError(
      lone.Post("/api/v1/orgs", {{"name", "某机构"}, {"type", "institute"}, {"country", "XX"}}),
      422, "invalid_country", "country");
}

TEST_F(BadInputTest, BodyOverTheLimitIs413) {
  Client c = RegisterWithOrg("bad4", "大包公司");
  json body = DemandBody("大");
  body["description"] = std::string(70000, 'a');
  ExpectError(c.Post("/api/v1/demands", body), 413, "body_too_large");
  // The server is still fine afterwards.
  EXPECT_EQ(c.Get("/api/v1/health").status, 200);
}

TEST_F(BadInputTest, UnknownRouteAndWrongMethod) {
  Client c = Anonymous();
  ExpectError(c.Get("/api/v1/no-such-thing"), 404, "not_found");
  ExpectError(c.Get("/api/v1/demands/999999"), 404, "not_found");
  ExpectError(c.Get("/api/v1/demands/abc"), 400, "invalid_parameter", "id");
  auto r = c.Send("PUT", "/api/v1/health", "");
  ExpectError(r, 405, "method_not_allowed");
  EXPECT_EQ(r.Header("allow"), "GET");
  ExpectError(c.Send("DELETE", "/api/v1/demands", ""), 405, "method_not_allowed");
}

TEST_F(BadInputTest, InvalidUtf8IsRefused) {
  Client c = RegisterWithOrg("bad5", "编码公司");
  std::string body =
      R"({"title":"bad )" + std::string("\xC3\x28") + R"(","description":"d","keywords":[]})";
  ExpectError(c.Send("POST", "/api/v1/demands", body), 400, "malformed_json");
  EXPECT_EQ(c.Get("/api/v1/demands?org_id=mine&status=draft").json["total"], 0);
}

TEST_F(BadInputTest, SqlAndScriptLookingTextIsStoredVerbatim) {
  Client c = RegisterWithOrg("bad6", "字符公司");
  const std::string title = "'; DROP TABLE listings; -- <script>alert(1)</script>";
  const std::string desc = "Robert'); DELETE FROM users WHERE ('1'='1 \" OR 1=1 -- 你好 %_\\";
  json body = DemandBody(title);
  body["description"] = desc;
  body["keywords"] = {"<img src=x onerror=alert(1)>", "' OR ''='"};
  auto r = c.Post("/api/v1/demands", body);
  ASSERT_EQ(r.status, 201) << r.body;
  auto got = c.Get("/api/v1/demands/" + std::to_string(r.json["id"].get<int64_t>()));
  EXPECT_EQ(got.json["title"], title);
  EXPECT_EQ(got.json["description"], desc);
  EXPECT_EQ(got.json["keywords"][0], "<img src=x onerror=alert(1)>");
  EXPECT_EQ(got.Header("content-type"), "application/json");
  // The tables are all still there.
  EXPECT_EQ(c.Get("/api/v1/me").status, 200);
  EXPECT_EQ(c.Get("/api/v1/demands?org_id=mine&status=draft").json["total"], 1);
  // LIKE wildcards in a search are literal.
  EXPECT_EQ(c.Get("/api/v1/demands?org_id=mine&status=draft&q=%25_").json["total"], 0);
}

TEST_F(BadInputTest, OversizedHeadersAndGarbageRequests) {
  std::string big =
      "GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(20000, 'a') + "\r\n\r\n";
  std::string reply = SendRaw(server_->port(), big);
  EXPECT_NE(reply.find("431"), std::string::npos) << reply.substr(0, 200);
  EXPECT_NE(reply.find("headers_too_large"), std::string::npos);
  std::string garbage = SendRaw(server_->port(), "HELLO THERE\r\n\r\n");
  EXPECT_NE(garbage.find("400"), std::string::npos) << garbage.substr(0, 200);
  EXPECT_EQ(Anonymous().Get("/api/v1/health").status, 200);
}

}  // namespace
}  // namespace kc::testing
