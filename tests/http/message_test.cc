#include "http/message.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

namespace kc::http {
namespace {

using nlohmann::json;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;
using ::testing::Pair;

Request MakeRequest(std::string target,
                    std::vector<std::pair<std::string, std::string>> headers = {}) {
  BeastRequest raw{bhttp::verb::get, target, 11};
  for (auto& [k, v] : headers) raw.set(k, v);
  raw.body() = "the body";
  return Request(std::move(raw), "0123456789abcdef", "10.0.0.1");
}

TEST(PercentEncodeTest, KeepsUnreservedCharactersAndEncodesEveryOtherByte) {
  EXPECT_EQ(PercentEncode("aZ09-._~"), "aZ09-._~");
  EXPECT_EQ(PercentEncode("a b&c=d#e/f?+%"), "a%20b%26c%3Dd%23e%2Ff%3F%2B%25");
  EXPECT_EQ(PercentEncode("路演"), "%E8%B7%AF%E6%BC%94");
  for (const std::string s : {"科创 & 中国", "100%", "a+b", "\"<x>\""}) {
    EXPECT_EQ(PercentDecode(PercentEncode(s), true), s);
  }
}

TEST(PercentDecodeTest, DecodesEscapesInEitherCase) {
  EXPECT_EQ(PercentDecode("a%20b", false), "a b");
  EXPECT_EQ(PercentDecode("%2f%2F", false), "//");
  EXPECT_EQ(PercentDecode("%E9%9C%80%E6%B1%82", false), "需求");
  EXPECT_EQ(PercentDecode("x%41", false), "xA");  // an escape at the very end
  EXPECT_EQ(PercentDecode("%00", false), std::string(1, '\0'));
}

TEST(PercentDecodeTest, PlusIsASpaceOnlyWhenAsked) {
  EXPECT_EQ(PercentDecode("a+b", true), "a b");
  EXPECT_EQ(PercentDecode("a+b", false), "a+b");
  EXPECT_EQ(PercentDecode("a%2Bb", true), "a+b");  // an encoded plus stays a plus
}

TEST(PercentDecodeTest, LeavesMalformedEscapesAsTheyAre) {
  EXPECT_EQ(PercentDecode("100%", false), "100%");
  EXPECT_EQ(PercentDecode("%4", false), "%4");
  EXPECT_EQ(PercentDecode("%zz", false), "%zz");
  EXPECT_EQ(PercentDecode("%g1x", false), "%g1x");
  EXPECT_EQ(PercentDecode("%%41", false), "%A");
  EXPECT_EQ(PercentDecode("", true), "");
}

TEST(RequestTest, ThePathIsDecodedAndHasNoQuery) {
  Request r = MakeRequest("/api/v1/search%20x/a+b?q=1");
  EXPECT_EQ(r.path(), "/api/v1/search x/a+b");  // '+' in a path is a plus
  EXPECT_EQ(r.target(), "/api/v1/search%20x/a+b?q=1");
  EXPECT_EQ(r.method(), bhttp::verb::get);
  EXPECT_EQ(r.method_name(), "GET");
  EXPECT_EQ(r.request_id(), "0123456789abcdef");
  EXPECT_EQ(r.remote(), "10.0.0.1");
  EXPECT_EQ(r.body(), "the body");
}

TEST(RequestTest, AnEncodedSlashStaysEncodedInThePath) {
  Request r = MakeRequest("/api%2fv1%2Fhealth/%41?q=%2f");
  EXPECT_EQ(r.path(), "/api%2Fv1%2Fhealth/A");
  EXPECT_EQ(r.Query("q"), "/");  // in the query it is only data
}

TEST(DecodePathKeepingSlashesTest, DecodesEverythingButSlashes) {
  EXPECT_EQ(DecodePathKeepingSlashes("/a%20b/c"), "/a b/c");
  EXPECT_EQ(DecodePathKeepingSlashes("/a%2Fb%2f"), "/a%2Fb%2F");
  EXPECT_EQ(DecodePathKeepingSlashes("%2F"), "%2F");
  EXPECT_EQ(DecodePathKeepingSlashes("/%2"), "/%2");
  EXPECT_EQ(DecodePathKeepingSlashes("/%252F"), "/%2F");  // an escaped '%' is data
}

TEST(PathSegmentsTest, SplitsOnTheSlashesAsSentThenDecodes) {
  EXPECT_EQ(PathSegments("/api%2Fv1%2fhealth"), std::vector<std::string>{"api/v1/health"});
  EXPECT_EQ(PathSegments("/a/b%20c/?x=/y"), (std::vector<std::string>{"a", "b c"}));
  EXPECT_EQ(PathSegments("//a//b/"), (std::vector<std::string>{"a", "b"}));
  EXPECT_TRUE(PathSegments("/").empty());
}

TEST(RequestTest, ParsesTheQueryWithPercentDecodingAndPlus) {
  Request r = MakeRequest("/search?q=%E6%9C%BA%E5%99%A8+%E8%A7%86%E8%A7%89&type=demand&page=2");
  EXPECT_EQ(r.Query("q"), "机器 视觉");
  EXPECT_EQ(r.Query("type"), "demand");
  EXPECT_EQ(r.Query("page"), "2");
  EXPECT_EQ(r.Query("size"), std::nullopt);
  EXPECT_EQ(r.Query("Q"), std::nullopt);  // names are case-sensitive
}

TEST(RequestTest, TheFirstOfRepeatedParametersWinsAndAllAreKeptInOrder) {
  Request r = MakeRequest("/x?k=1&k=2&other=3");
  EXPECT_EQ(r.Query("k"), "1");
  EXPECT_THAT(r.query_params(), ElementsAre(Pair("k", "1"), Pair("k", "2"), Pair("other", "3")));
}

TEST(RequestTest, QueryEdgeCases) {
  Request r = MakeRequest("/x?flag&empty=&&a%26b=c%3Dd&=v&x=1=2");
  EXPECT_EQ(r.Query("flag"), "");  // present without a value: not absent
  EXPECT_EQ(r.Query("empty"), "");
  EXPECT_EQ(r.Query("a&b"), "c=d");  // encoded separators are data
  EXPECT_EQ(r.Query(""), "v");
  EXPECT_EQ(r.Query("x"), "1=2");          // only the first '=' separates
  EXPECT_EQ(r.query_params().size(), 5u);  // the empty pair between "&&" is skipped

  EXPECT_THAT(MakeRequest("/x").query_params(), IsEmpty());
  EXPECT_THAT(MakeRequest("/x?").query_params(), IsEmpty());
  EXPECT_EQ(MakeRequest("/x?").path(), "/x");
}

TEST(RequestTest, HeadersAreFoundByFieldOrByNameWhateverTheCase) {
  Request r = MakeRequest("/", {{"Content-Type", "text/csv"}, {"X-Request-Id", "abc"}});
  EXPECT_EQ(r.Header(bhttp::field::content_type), "text/csv");
  EXPECT_EQ(r.Header("content-type"), "text/csv");
  EXPECT_EQ(r.Header("x-request-id"), "abc");
  EXPECT_EQ(r.Header("X-Missing"), "");
  EXPECT_EQ(r.Header(bhttp::field::authorization), "");
}

TEST(RequestTest, CookiesAreFoundByExactName) {
  Request r = MakeRequest(
      "/", {{"Cookie", "kc_session_old=stale; kc_session=tok123;theme=dark; pref=a=b"}});
  EXPECT_EQ(r.Cookie("kc_session"), "tok123");
  EXPECT_EQ(r.Cookie("kc_session_old"), "stale");
  EXPECT_EQ(r.Cookie("theme"), "dark");  // no space after ';'
  EXPECT_EQ(r.Cookie("pref"), "a=b");    // only the first '=' separates
  EXPECT_EQ(r.Cookie("kc"), "");
  EXPECT_EQ(r.Cookie("missing"), "");
  EXPECT_EQ(MakeRequest("/").Cookie("kc_session"), "");
}

TEST(RequestTest, KeepAliveFollowsTheRequest) {
  EXPECT_TRUE(MakeRequest("/").keep_alive());  // HTTP/1.1 default
  EXPECT_FALSE(MakeRequest("/", {{"Connection", "close"}}).keep_alive());
}

TEST(RequestTest, ParamsAreEmptyUntilTheRouterSetsThem) {
  Request r = MakeRequest("/demands/7");
  EXPECT_EQ(r.Param("id"), "");
  r.SetParams({{"id", "7"}, {"step", "submit"}});
  EXPECT_EQ(r.Param("id"), "7");
  EXPECT_EQ(r.Param("step"), "submit");
  EXPECT_EQ(r.Param("other"), "");
}

TEST(HttpStatusOfTest, MapsEveryErrorKindAsDesignSection5Says) {
  EXPECT_EQ(HttpStatusOf(ErrorKind::kBadInput), 400);
  EXPECT_EQ(HttpStatusOf(ErrorKind::kUnauthorized), 401);
  EXPECT_EQ(HttpStatusOf(ErrorKind::kForbidden), 403);
  EXPECT_EQ(HttpStatusOf(ErrorKind::kNotFound), 404);
  EXPECT_EQ(HttpStatusOf(ErrorKind::kConflict), 409);
  EXPECT_EQ(HttpStatusOf(ErrorKind::kTooLarge), 413);
  EXPECT_EQ(HttpStatusOf(ErrorKind::kInvalid), 422);
  EXPECT_EQ(HttpStatusOf(ErrorKind::kTooMany), 429);
  EXPECT_EQ(HttpStatusOf(ErrorKind::kUnavailable), 503);
  EXPECT_EQ(HttpStatusOf(ErrorKind::kInternal), 500);
}

// The body of an error response, checked to have exactly the documented shape.
json ErrorBody(const Response& r) {
  EXPECT_EQ(r.content_type, "application/json");
  json j = json::parse(r.body, nullptr, false);
  EXPECT_TRUE(j.is_object()) << r.body;
  if (!j.is_object()) return json::object();
  EXPECT_EQ(j.size(), 1u) << r.body;
  EXPECT_TRUE(j.contains("error")) << r.body;
  return j.value("error", json::object());
}

TEST(ErrorResponseTest, HasTheDocumentedShapeWithFieldOnlyWhenOneIsToBlame) {
  Response r = ErrorResponse(Invalid("region", "invalid_region", "not a GB/T 2260 code"));
  EXPECT_EQ(r.status, 422);
  json e = ErrorBody(r);
  EXPECT_EQ(
      e,
      (json{{"code", "invalid_region"}, {"message", "not a GB/T 2260 code"}, {"field", "region"}}));

  r = ErrorResponse(Conflict("invalid_transition", "cannot approve a listing that is draft"));
  EXPECT_EQ(r.status, 409);
  e = ErrorBody(r);
  EXPECT_EQ(e, (json{{"code", "invalid_transition"},
                     {"message", "cannot approve a listing that is draft"}}));
  EXPECT_FALSE(e.contains("field"));
}

TEST(ErrorResponseTest, UsesTheStatusOfEveryKind) {
  for (ErrorKind kind : {ErrorKind::kBadInput, ErrorKind::kUnauthorized, ErrorKind::kForbidden,
                         ErrorKind::kNotFound, ErrorKind::kConflict, ErrorKind::kTooLarge,
                         ErrorKind::kInvalid, ErrorKind::kTooMany, ErrorKind::kUnavailable}) {
    Response r = ErrorResponse(Status::Error(kind, "some_code", "some message"));
    EXPECT_EQ(r.status, HttpStatusOf(kind));
    json e = ErrorBody(r);
    EXPECT_EQ(e.value("code", ""), "some_code");
    EXPECT_EQ(e.value("message", ""), "some message");
  }
}

TEST(ErrorResponseTest, InternalErrorsNeverLeakTheirDetail) {
  Status s = Status::Error(ErrorKind::kInternal, "sqlite_corrupt",
                           "SELECT * FROM users: database disk image is malformed at /var/db",
                           "password_hash");
  Response r = ErrorResponse(s);
  EXPECT_EQ(r.status, 500);
  EXPECT_THAT(r.body, Not(HasSubstr("SELECT")));
  EXPECT_THAT(r.body, Not(HasSubstr("/var/db")));
  EXPECT_THAT(r.body, Not(HasSubstr("sqlite_corrupt")));
  EXPECT_THAT(r.body, Not(HasSubstr("password_hash")));
  json e = ErrorBody(r);
  EXPECT_EQ(e.value("code", ""), "internal");
  EXPECT_FALSE(e.value("message", "").empty());
  EXPECT_FALSE(e.contains("field"));

  // The shorthand too.
  r = ErrorResponse(Internal("open /etc/secret failed"));
  EXPECT_EQ(r.status, 500);
  EXPECT_THAT(r.body, Not(HasSubstr("/etc/secret")));
  // The detail is kept for the server log only.
  EXPECT_EQ(r.log_detail, "internal: open /etc/secret failed");
  EXPECT_TRUE(ErrorResponse(NotFound("x")).log_detail.empty());
}

TEST(ErrorResponseTest, ExplicitStatusCodeAndMessage) {
  Response r = ErrorResponse(431, "headers_too_large", "the request headers exceed 16384 bytes");
  EXPECT_EQ(r.status, 431);
  EXPECT_EQ(ErrorBody(r), (json{{"code", "headers_too_large"},
                                {"message", "the request headers exceed 16384 bytes"}}));
}

TEST(ErrorResponseTest, InvalidUtf8InAMessageStillGivesValidJson) {
  Response r = ErrorResponse(BadInput("bad_name", std::string("name \xff\xfe is bad"), "name"));
  EXPECT_EQ(r.status, 400);
  json e = ErrorBody(r);
  EXPECT_EQ(e.value("code", ""), "bad_name");
  EXPECT_EQ(e.value("field", ""), "name");
  EXPECT_THAT(e.value("message", ""), HasSubstr("is bad"));
}

TEST(ErrorResponseTest, NonAsciiMessagesAreKeptAsUtf8) {
  Response r = ErrorResponse(Invalid("title", "required", "标题不能为空"));
  EXPECT_EQ(ErrorBody(r).value("message", ""), "标题不能为空");
}

}  // namespace
}  // namespace kc::http
