// Unit tests of the strict JSON readers shared by the handlers.
#include "api/json_io.h"

#include <gtest/gtest.h>

#include <chrono>

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

// Arrays and objects `depth` deep inside the field "a" of an object (which is one level).
std::string Nested(int depth) {
  std::string open, close;
  for (int i = 0; i < depth; ++i) {
    open += i % 2 ? "{\"k\":" : "[";
    close.insert(0, i % 2 ? "}" : "]");
  }
  return "{\"a\":" + open + "1" + close + "}";
}

TEST(JsonIoTest, NestingIsLimited) {
  auto ok = ParseObject(Nested(kJsonMaxDepth - 1));
  ASSERT_TRUE(ok.ok()) << ok.status().message();
  auto deep = ParseObject(Nested(kJsonMaxDepth));
  EXPECT_EQ(deep.status().code(), "too_deep");
  EXPECT_EQ(deep.status().kind(), ErrorKind::kBadInput);  // 400
  // Brackets in strings are text, not nesting.
  EXPECT_TRUE(ParseObject("{\"a\":\"" + std::string(1000, '[') + "\"}").ok());
}

TEST(JsonIoTest, AHugelyNestedBodyIsRefusedWithoutBeingBuilt) {
  // 4 M levels would take gigabytes as a document; the reader stops at level 65.
  std::string body = "{\"a\":" + std::string(4 << 20, '[');
  auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(ParseObject(MakeRequest("/", body)).status().code(), "too_deep");
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(200));
  // Malformed input that is not deep keeps its own error.
  EXPECT_EQ(ParseObject("{\"a\":[[[").status().code(), "malformed_json");
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
