#include "http/static_files.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>

namespace kc::http {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

// A web directory like the built front end's, in a fresh temporary directory.
class StaticFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::random_device rd;
    root_ = fs::temp_directory_path() / ("kc-web-" + std::to_string(rd()) + std::to_string(rd()));
    fs::create_directories(root_ / "assets");
    Write("index.html", "<!doctype html><title>科创</title>");
    Write("index.html.gz", "GZ-INDEX");
    Write("assets/index-3f2a9c.js", "console.log('app')");
    Write("assets/index-3f2a9c.js.gz", "GZ-JS");
    Write("assets/style-77aa.css", "body{}");
    Write("favicon.svg", "<svg/>");
    Write("robots.txt", "User-agent: *");
    auto files = StaticFiles::Load(root_.string());
    ASSERT_TRUE(files.ok()) << files.status().message();
    files_ = *files;
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(root_, ec);
  }

  void Write(const std::string& rel, const std::string& body) {
    std::ofstream(root_ / rel, std::ios::binary) << body;
  }

  // Serves `target` with optional headers; `handled` says whether the files answered at all.
  Response Get(std::string target, std::string accept_encoding = "",
               bhttp::verb method = bhttp::verb::get, std::string if_none_match = "") {
    BeastRequest raw{method, target, 11};
    if (!accept_encoding.empty()) raw.set(bhttp::field::accept_encoding, accept_encoding);
    if (!if_none_match.empty()) raw.set(bhttp::field::if_none_match, if_none_match);
    Request req(std::move(raw), "rid", "127.0.0.1");
    Response res;
    handled_ = files_->Serve(req, res);
    return res;
  }

  static std::string HeaderOf(const Response& r, std::string_view name) {
    for (const auto& [k, v] : r.headers) {
      if (k == name) return v;
    }
    return "";
  }

  fs::path root_;
  std::shared_ptr<const StaticFiles> files_;
  bool handled_ = false;
};

TEST_F(StaticFilesTest, LoadsEveryFileAndNeedsAnIndex) {
  EXPECT_EQ(files_->file_count(), 7u);
  fs::remove(root_ / "index.html");
  EXPECT_FALSE(StaticFiles::Load(root_.string()).ok());
  EXPECT_FALSE(StaticFiles::Load((root_ / "missing").string()).ok());
}

TEST_F(StaticFilesTest, RootServesIndexWithNoCache) {
  Response r = Get("/");
  ASSERT_TRUE(handled_);
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.content_type, "text/html; charset=utf-8");
  EXPECT_THAT(r.body, HasSubstr("科创"));
  EXPECT_EQ(HeaderOf(r, "Cache-Control"), "no-cache");
  EXPECT_FALSE(HeaderOf(r, "ETag").empty());
}

TEST_F(StaticFilesTest, SpaRoutesFallBackToIndex) {
  for (const char* target : {"/demands/12", "/workspace/listings?tab=draft", "/search?q=%E6%B0%A2",
                             "/admin/users/"}) {
    Response r = Get(target);
    ASSERT_TRUE(handled_) << target;
    EXPECT_EQ(r.status, 200) << target;
    EXPECT_THAT(r.body, HasSubstr("<!doctype html>")) << target;
    EXPECT_EQ(HeaderOf(r, "Cache-Control"), "no-cache") << target;
  }
}

TEST_F(StaticFilesTest, MissingFileWithExtensionIs404) {
  Response r = Get("/assets/index-old.js");
  ASSERT_TRUE(handled_);
  EXPECT_EQ(r.status, 404);
  EXPECT_THAT(r.body, HasSubstr("not_found"));
}

TEST_F(StaticFilesTest, HashedAssetsAreImmutable) {
  Response r = Get("/assets/style-77aa.css");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.content_type, "text/css; charset=utf-8");
  EXPECT_EQ(HeaderOf(r, "Cache-Control"), "public, max-age=31536000, immutable");
  EXPECT_EQ(r.body, "body{}");
}

TEST_F(StaticFilesTest, GzipWhenAccepted) {
  Response r = Get("/assets/index-3f2a9c.js", "gzip, deflate, br");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.content_type, "text/javascript; charset=utf-8");
  EXPECT_EQ(HeaderOf(r, "Content-Encoding"), "gzip");
  EXPECT_EQ(HeaderOf(r, "Vary"), "Accept-Encoding");
  EXPECT_EQ(r.body, "GZ-JS");

  Response plain = Get("/assets/index-3f2a9c.js");
  EXPECT_EQ(HeaderOf(plain, "Content-Encoding"), "");
  EXPECT_EQ(HeaderOf(plain, "Vary"), "Accept-Encoding");
  EXPECT_EQ(plain.body, "console.log('app')");
  EXPECT_NE(HeaderOf(plain, "ETag"), HeaderOf(r, "ETag"));

  Response refused = Get("/assets/index-3f2a9c.js", "gzip;q=0, br");
  EXPECT_EQ(HeaderOf(refused, "Content-Encoding"), "");
  EXPECT_EQ(refused.body, "console.log('app')");

  Response spa = Get("/experts/3", "gzip");
  EXPECT_EQ(HeaderOf(spa, "Content-Encoding"), "gzip");
  EXPECT_EQ(spa.body, "GZ-INDEX");
  EXPECT_EQ(spa.content_type, "text/html; charset=utf-8");

  Response no_twin = Get("/favicon.svg", "gzip");
  EXPECT_EQ(HeaderOf(no_twin, "Content-Encoding"), "");
  EXPECT_EQ(HeaderOf(no_twin, "Vary"), "");
  EXPECT_EQ(no_twin.content_type, "image/svg+xml");
}


TEST_F(StaticFilesTest, ContentTypes) {
  EXPECT_EQ(StaticFiles::ContentTypeOf("a/b.JS"), "text/javascript; charset=utf-8");
  EXPECT_EQ(StaticFiles::ContentTypeOf("robots.txt"), "text/plain; charset=utf-8");
  EXPECT_EQ(StaticFiles::ContentTypeOf("logo.png"), "image/png");
  EXPECT_EQ(StaticFiles::ContentTypeOf("font.woff2"), "font/woff2");
  EXPECT_EQ(StaticFiles::ContentTypeOf("sitemap.xml"), "application/xml");
  EXPECT_EQ(StaticFiles::ContentTypeOf("noext"), "application/octet-stream");
  EXPECT_EQ(StaticFiles::ContentTypeOf("dir.v2/noext"), "application/octet-stream");
}

TEST_F(StaticFilesTest, ApiPathsAndOtherMethodsBelongToTheRouter) {
  Get("/api/v1/health");
  EXPECT_FALSE(handled_);
  Get("/api");
  EXPECT_FALSE(handled_);
  Get("/", "", bhttp::verb::post);
  EXPECT_FALSE(handled_);
  Get("/apiary");  // only the /api segment is reserved
  EXPECT_TRUE(handled_);
}

TEST_F(StaticFilesTest, PathTraversalIsRefused) {
  for (const char* target : {"/../kc-secret", "/assets/../../etc/passwd", "/%2e%2e/etc/passwd",
                             "/assets/%2E%2E/%2E%2E/x.js", "//etc/passwd", "/a%5C..%5Cb",
                             "/..", "/x/.."}) {
    Response r = Get(target);
    ASSERT_TRUE(handled_) << target;
    EXPECT_EQ(r.status, 400) << target;
    EXPECT_THAT(r.body, HasSubstr("bad_path")) << target;
  }
  // Dots inside a name are fine.
  EXPECT_EQ(Get("/robots.txt").status, 200);
}

TEST_F(StaticFilesTest, HeadAnswersLikeGet) {
  // The server drops the body of a HEAD answer after setting Content-Length from it.
  Response r = Get("/assets/style-77aa.css", "", bhttp::verb::head);
  ASSERT_TRUE(handled_);
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "body{}");
  EXPECT_EQ(HeaderOf(r, "Cache-Control"), "public, max-age=31536000, immutable");
}

TEST_F(StaticFilesTest, IfNoneMatchAnswers304) {
  Response first = Get("/", "gzip");
  std::string etag = HeaderOf(first, "ETag");
  ASSERT_FALSE(etag.empty());
  Response again = Get("/", "gzip", bhttp::verb::get, "\"other\", " + etag);
  EXPECT_EQ(again.status, 304);
  EXPECT_TRUE(again.body.empty());
  EXPECT_EQ(Get("/", "", bhttp::verb::get, etag).status, 200);  // another representation
  EXPECT_EQ(Get("/", "gzip", bhttp::verb::get, "W/" + etag).status, 304);
}

}  // namespace
}  // namespace kc::http
