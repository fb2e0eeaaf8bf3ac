// Unit tests of the strict JSON readers shared by the handlers.
#include "api/json_io.h"

#include <gtest/gtest.h>

namespace kc::api {
namespace {

http::Request MakeRequest(const std::string& target, const std::string& body) {
  http::BeastRequest raw(http::bhttp::verb::post, target, 11);
  raw.body() = body;
  return http::Request(std::move(raw), "id", "127.0.0.1");
}

TEST(JsonIoTest, ParseObjectRejectsNonObjects) {
  EXPECT_TRUE(ParseObject(MakeRequest("/", "{\"a\":1}")).ok());
  EXPECT_EQ(ParseObject(MakeRequest("/", "{")).status().code(), "malformed_json");
  EXPECT_EQ(ParseObject(MakeRequest("/", "[]")).status().code(), "invalid_body");
  EXPECT_EQ(ParseObject(MakeRequest("/", "")).status().code(), "malformed_json");
}

TEST(JsonIoTest, FieldReadersNameTheField) {
  json body = {{"s", "x"}, {"n", 3}, {"b", true}, {"bad", 1.5}};
  std::string s;
  EXPECT_TRUE(RequireString(body, "s", &s).ok());
  EXPECT_EQ(s, "x");
  Status missing = RequireString(body, "nope", &s);
  EXPECT_EQ(missing.field(), "nope");
  EXPECT_EQ(missing.code(), "required");
  std::optional<int64_t> n;
  EXPECT_TRUE(OptInt(body, "n", &n).ok());
  EXPECT_EQ(n, 3);
  EXPECT_EQ(OptInt(body, "bad", &n).code(), "invalid_type");
  std::optional<bool> b;
  EXPECT_EQ(OptBool(body, "s", &b).field(), "s");
  EXPECT_EQ(AllowOnly(body, {"s", "n", "b"}).field(), "bad");
  EXPECT_TRUE(AllowOnly(body, {"s", "n", "b", "bad"}).ok());
}

TEST(JsonIoTest, PagesAreBounded) {
  auto p = ReadPage(MakeRequest("/x?page=3&size=10", ""));
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->offset(), 20);
  EXPECT_FALSE(ReadPage(MakeRequest("/x?size=101", "")).ok());
  EXPECT_FALSE(ReadPage(MakeRequest("/x?page=0", "")).ok());
  EXPECT_FALSE(ReadPage(MakeRequest("/x?page=abc", "")).ok());
  EXPECT_FALSE(ParseId("12a", "id").ok());
  EXPECT_EQ(*ParseId("42", "id"), 42);
}

TEST(JsonIoTest, ResponsesNeverFailOnInvalidUtf8) {
  auto r = JsonResponse(200, {{"t", std::string("\xC3\x28")}});
  EXPECT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("\xEF\xBF\xBD"), std::string::npos);
}

}  // namespace
}  // namespace kc::api
