#include "http/router.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

namespace kc::http {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

Request MakeRequest(bhttp::verb method, std::string target) {
  BeastRequest raw{method, target, 11};
  return Request(std::move(raw), "rid", "127.0.0.1");
}

// A handler that answers with its own name, so a test sees which route was found.
Handler Named(std::string name) {
  return [name](Request&) {
    Response r;
    r.body = name;
    return r;
  };
}

// Finds the route for `method target` and runs its handler; "" when nothing matched.
std::string Dispatch(const Router& router, bhttp::verb method, std::string target) {
  Request req = MakeRequest(method, std::move(target));
  auto m = router.Find(req);
  return m.route ? m.route->handler(req).body : "";
}

class RouterTest : public ::testing::Test {
 protected:
  RouterTest() {
    router_.Add(bhttp::verb::get, "/api/v1/health", Named("health"), {});
    router_.Add(bhttp::verb::get, "/api/v1/demands", Named("list"), {});
    router_.Add(bhttp::verb::post, "/api/v1/demands", Named("create"), {});
    router_.Add(bhttp::verb::get, "/api/v1/demands/{id}", Named("get"), {});
    router_.Add(bhttp::verb::patch, "/api/v1/demands/{id}", Named("update"), {});
    router_.Add(bhttp::verb::delete_, "/api/v1/demands/{id}", Named("delete"), {});
    router_.Add(bhttp::verb::get, "/api/v1/demands/export", Named("export"), {});
    router_.Add(bhttp::verb::post, "/api/v1/demands/{id}/submit", Named("submit"), {});
    router_.Add(bhttp::verb::post, "/api/v1/orgs/{org}/members/{user}", Named("member"), {});
  }
  Router router_;
};

TEST_F(RouterTest, FindsLiteralRoutesByMethod) {
  EXPECT_EQ(Dispatch(router_, bhttp::verb::get, "/api/v1/health"), "health");
  EXPECT_EQ(Dispatch(router_, bhttp::verb::get, "/api/v1/demands"), "list");
  EXPECT_EQ(Dispatch(router_, bhttp::verb::post, "/api/v1/demands"), "create");
}

TEST_F(RouterTest, FillsPathParameters) {
  Request req = MakeRequest(bhttp::verb::post, "/api/v1/orgs/12/members/345");
  auto m = router_.Find(req);
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.status, 200);
  EXPECT_EQ(m.route->pattern, "/api/v1/orgs/{org}/members/{user}");
  EXPECT_EQ(req.Param("org"), "12");
  EXPECT_EQ(req.Param("user"), "345");
  EXPECT_EQ(req.Param("id"), "");
}

TEST_F(RouterTest, ParametersArePercentDecodedAndIgnoreTheQuery) {
  Request req = MakeRequest(bhttp::verb::get, "/api/v1/demands/a%20b?x=1");
  auto m = router_.Find(req);
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(req.Param("id"), "a b");
}

TEST_F(RouterTest, AnEncodedSlashIsNeverASeparator) {
  EXPECT_EQ(Dispatch(router_, bhttp::verb::get, "/api%2fv1%2fhealth"), "");
  EXPECT_EQ(Dispatch(router_, bhttp::verb::get, "/api/v1%2Fhealth"), "");
  EXPECT_EQ(router_.Find(bhttp::verb::get, "/api%2Fv1/health").status, 404);
  // Other escapes are decoded before comparing.
  EXPECT_EQ(Dispatch(router_, bhttp::verb::get, "/api/v1/%68ealth"), "health");
}

TEST_F(RouterTest, FindsByMethodAndRawTargetWithoutARequest) {
  auto m = router_.Find(bhttp::verb::get, "/api/v1/demands/a%2Fb?x=1");
  ASSERT_NE(m.route, nullptr);
  ASSERT_EQ(m.params.size(), 1u);
  EXPECT_EQ(m.params[0].second, "a/b");
}

TEST_F(RouterTest, LiteralSegmentsBeatParametersWhateverTheOrderOfAdding) {
  // "export" was added after "{id}" and still wins for its own path.
  EXPECT_EQ(Dispatch(router_, bhttp::verb::get, "/api/v1/demands/export"), "export");
  EXPECT_EQ(Dispatch(router_, bhttp::verb::get, "/api/v1/demands/7"), "get");

  Router r;
  r.Add(bhttp::verb::get, "/demands/export", Named("export"), {});
  r.Add(bhttp::verb::get, "/demands/{id}", Named("get"), {});
  EXPECT_EQ(Dispatch(r, bhttp::verb::get, "/demands/export"), "export");
  EXPECT_EQ(Dispatch(r, bhttp::verb::get, "/demands/exports"), "get");
}

TEST_F(RouterTest, AParameterRouteForAnotherMethodDoesNotHideTheLiteralRoute) {
  // PATCH /demands/export matches only the {id} pattern: it is the update of a listing "export".
  EXPECT_EQ(Dispatch(router_, bhttp::verb::patch, "/api/v1/demands/export"), "update");
}

TEST_F(RouterTest, TheFirstOfTwoIdenticalPatternsWins) {
  Router r;
  r.Add(bhttp::verb::get, "/x/{id}", Named("first"), {});
  r.Add(bhttp::verb::get, "/x/{id}", Named("second"), {});
  EXPECT_EQ(Dispatch(r, bhttp::verb::get, "/x/1"), "first");
}

TEST_F(RouterTest, UnknownPathsAre404) {
  for (const char* target : {"/", "/api/v1", "/api/v1/nothing", "/api/v1/demands/7/submit/now",
                             "/api/v2/health", "/api/v1/Health"}) {
    SCOPED_TRACE(target);
    Request req = MakeRequest(bhttp::verb::get, target);
    auto m = router_.Find(req);
    EXPECT_EQ(m.route, nullptr);
    EXPECT_EQ(m.status, 404);
    EXPECT_EQ(m.allow, "");
  }
}

TEST_F(RouterTest, AKnownPathWithAnotherMethodIs405ListingTheAllowedMethods) {
  Request req = MakeRequest(bhttp::verb::put, "/api/v1/demands/7");
  auto m = router_.Find(req);
  EXPECT_EQ(m.route, nullptr);
  EXPECT_EQ(m.status, 405);
  EXPECT_THAT(m.allow, HasSubstr("GET"));
  EXPECT_THAT(m.allow, HasSubstr("PATCH"));
  EXPECT_THAT(m.allow, HasSubstr("DELETE"));
  EXPECT_THAT(m.allow, Not(HasSubstr("POST")));
  EXPECT_THAT(m.allow, Not(HasSubstr("PUT")));

  Request post = MakeRequest(bhttp::verb::delete_, "/api/v1/demands");
  m = router_.Find(post);
  EXPECT_EQ(m.status, 405);
  EXPECT_EQ(m.allow, "GET, POST");

  Request submit = MakeRequest(bhttp::verb::get, "/api/v1/demands/7/submit");
  m = router_.Find(submit);
  EXPECT_EQ(m.status, 405);
  EXPECT_EQ(m.allow, "POST");
}

TEST_F(RouterTest, AllowNamesEachMethodOnce) {
  Router r;
  r.Add(bhttp::verb::get, "/x/{a}", Named("a"), {});
  r.Add(bhttp::verb::get, "/x/{b}", Named("b"), {});
  r.Add(bhttp::verb::post, "/x/y", Named("c"), {});
  Request req = MakeRequest(bhttp::verb::delete_, "/x/y");
  auto m = r.Find(req);
  EXPECT_EQ(m.status, 405);
  EXPECT_EQ(m.allow, "GET, POST");
}

TEST_F(RouterTest, HeadMatchesGetRoutes) {
  EXPECT_EQ(Dispatch(router_, bhttp::verb::head, "/api/v1/health"), "health");
  EXPECT_EQ(Dispatch(router_, bhttp::verb::head, "/api/v1/demands/export"), "export");
  // HEAD does not match other methods.
  Request req = MakeRequest(bhttp::verb::head, "/api/v1/demands/7/submit");
  auto m = router_.Find(req);
  EXPECT_EQ(m.route, nullptr);
  EXPECT_EQ(m.status, 405);
}

TEST_F(RouterTest, RepeatedAndTrailingSlashesAreIgnored) {
  EXPECT_EQ(Dispatch(router_, bhttp::verb::get, "/api/v1/health/"), "health");
  EXPECT_EQ(Dispatch(router_, bhttp::verb::get, "//api//v1/health"), "health");
}

TEST_F(RouterTest, AnEmptySegmentIsNotAParameter) {
  // "/api/v1/demands//submit" has no id; it must not reach the submit handler with id "".
  EXPECT_NE(Dispatch(router_, bhttp::verb::post, "/api/v1/demands//submit"), "submit");
}

TEST_F(RouterTest, MatchingOneRequestDoesNotLeakParametersFromEarlierPatterns) {
  // The member route is tried after several {id} routes that fail on a later segment.
  Request req = MakeRequest(bhttp::verb::post, "/api/v1/demands/9/submit");
  auto m = router_.Find(req);
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(req.Param("id"), "9");
  EXPECT_EQ(req.Param("org"), "");
}

TEST_F(RouterTest, KeepsEveryRouteWithItsDocumentation) {
  Router r;
  RouteDoc doc;
  doc.summary = "Health";
  doc.tag = "meta";
  doc.success_status = 200;
  Route& added = r.Add(bhttp::verb::get, "/health", Named("h"), doc, Pool::kBlocking);
  EXPECT_EQ(added.doc.summary, "Health");
  EXPECT_EQ(added.pool, Pool::kBlocking);
  ASSERT_EQ(r.routes().size(), 1u);
  EXPECT_EQ(r.routes()[0].pattern, "/health");
  EXPECT_EQ(router_.routes().size(), 9u);
}

}  // namespace
}  // namespace kc::http
