// Every kind of response of the real server carries the security headers (http/security_headers.h):
// API answers and errors, the built front end's files, the pages the server writes, the sitemap,
// refusals written before a request was read. HSTS only with --secure-cookies.
#include "http/security_headers.h"

#include <gtest/gtest.h>

#include <boost/asio.hpp>
#include <chrono>
#include <fstream>
#include <regex>
#include <sstream>
#include <thread>

#include "api/api_fixture.h"

namespace kc::testing {
namespace {

void ExpectSecurityHeaders(const HttpResult& r, bool https, const std::string& what) {
  SCOPED_TRACE(what + " (status " + std::to_string(r.status) + ")");
  EXPECT_EQ(r.Header("content-security-policy"), http::kContentSecurityPolicy);
  EXPECT_EQ(r.Header("x-frame-options"), "DENY");
  EXPECT_EQ(r.Header("referrer-policy"), "strict-origin-when-cross-origin");
  EXPECT_EQ(r.Header("x-content-type-options"), "nosniff");
  EXPECT_EQ(r.headers.count("x-content-type-options"), 1u);
  EXPECT_EQ(r.Header("strict-transport-security"),
            https ? std::string(http::kStrictTransportSecurity) : "");
}

// The header of a raw response, as the headers of an HttpResult.
HttpResult FromRaw(const std::string& raw) {
  HttpResult r;
  if (raw.size() > 12) r.status = std::stoi(raw.substr(9, 3));
  std::istringstream in(raw.substr(0, raw.find("\r\n\r\n")));
  std::string line;
  std::getline(in, line);  // the status line
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    auto colon = line.find(':');
    if (colon == std::string::npos) continue;
    std::string name = line.substr(0, colon);
    for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    r.headers.emplace(name, line.substr(colon + 2));
  }
  return r;
}

// The first script of the built front end's index.html ("" without a built front end).
std::string FirstAsset(const std::string& index_html) {
  std::smatch m;
  return std::regex_search(index_html, m, std::regex(R"re(src="(/assets/[^"]+\.js)")re"))
             ? m[1].str()
             : "";
}

class SecurityHeadersTest : public ApiTest {
 protected:
  void ExpectOnEveryKindOfResponse(bool https) {
    Client visitor = Anonymous();
    ExpectSecurityHeaders(visitor.Get("/api/v1/health"), https, "API answer");
    ExpectSecurityHeaders(visitor.Get("/api/v1/nothing"), https, "API 404");
    ExpectSecurityHeaders(visitor.Send("DELETE", "/api/v1/health", ""), https, "API 405");
    ExpectSecurityHeaders(visitor.Get("/api/v1/me"), https, "API 401");
    ExpectSecurityHeaders(visitor.Send("POST", "/api/v1/auth/login", "{"), https, "API 400");
    ExpectSecurityHeaders(visitor.Send("POST", "/api/v1/auth/login", std::string(100000, ' ')),
                          https, "413 before the body");
    ExpectSecurityHeaders(FromRaw(SendRaw(server_->port(), "NOT HTTP\r\n\r\n")), https,
                          "malformed request");
    ExpectSecurityHeaders(visitor.Get("/sitemap.xml"), https, "sitemap");
    ExpectSecurityHeaders(visitor.Get("/robots.txt"), https, "robots.txt");
    HttpResult home = visitor.Get("/");
    ExpectSecurityHeaders(home, https, "a page the server writes");
    ExpectSecurityHeaders(visitor.Get("/news"), https, "a list page");
    ExpectSecurityHeaders(visitor.Get("/no/such/page"), https, "404 page");
    if (home.Header("content-type").starts_with("text/html")) {  // a built front end is there
      ExpectSecurityHeaders(visitor.Get("/favicon.svg"), https, "static file");
      ExpectSecurityHeaders(visitor.Get("/workspace"), https, "a route of the app");
      std::string asset = FirstAsset(home.body);
      ASSERT_FALSE(asset.empty());
      ExpectSecurityHeaders(visitor.Get(asset), https, "hashed asset");
      ExpectSecurityHeaders(visitor.Get("/assets/missing.js"), https, "missing file");
    }
  }
};

TEST_F(SecurityHeadersTest, EveryKindOfResponseCarriesThem) { ExpectOnEveryKindOfResponse(false); }

class SecureSecurityHeadersTest : public SecurityHeadersTest {
 protected:
  std::vector<std::string> ServerArgs() override { return {"--no-demo", "--secure-cookies"}; }
};

TEST_F(SecureSecurityHeadersTest, BehindHttpsEveryResponseAlsoCarriesHsts) {
  ExpectOnEveryKindOfResponse(true);
}

class RefusalHeadersTest : public ApiTest {
 protected:
  std::vector<std::string> ServerArgs() override {
    return {"--no-demo", "--max-client-connections", "1"};
  }
};

TEST_F(RefusalHeadersTest, TheRefusalOverTheConnectionCapCarriesThemToo) {
  // One connection held open (a request stalled in its header) fills this address's share.
  boost::asio::io_context ioc;
  boost::asio::ip::tcp::socket held(ioc);
  held.connect({boost::asio::ip::make_address("127.0.0.1"), server_->port()});
  boost::asio::write(held, boost::asio::buffer(std::string("GET / HTTP/1.1\r\n")));
  // The held connection may wait in another I/O thread's accept queue for a while on a busy
  // machine; until that thread takes it, probes are served.
  std::string raw;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (!raw.starts_with("HTTP/1.1 503") && std::chrono::steady_clock::now() < deadline) {
    raw = SendRaw(server_->port(),
                  "GET /api/v1/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 1000);
    if (!raw.starts_with("HTTP/1.1 503")) {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  }
  HttpResult refused = FromRaw(raw);
  EXPECT_EQ(refused.status, 503) << raw;
  ExpectSecurityHeaders(refused, false, "503 over the cap");
}

}  // namespace
}  // namespace kc::testing
