// Exchange against a real socket on loopback that answers one canned HTTP response (the approach
// of node_fetch_test.cc), reading the whole request first so that the test can see it.
#include "net/peer_http.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <thread>

namespace kc::net {
namespace {

using std::chrono::milliseconds;

// Listens on 127.0.0.1 (a free port), reads one whole request (headers and Content-Length bytes
// of body), writes `response`, and then, when `hold` is set, keeps the connection open until the
// client closes it (at most 3 s), so that a client which waits for more times out instead of
// seeing the end of the stream. An empty `response` with `hold` is a node that never answers.
class OneShotServer {
 public:
  explicit OneShotServer(std::string response, bool hold = false)
      : response_(std::move(response)), hold_(hold) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    EXPECT_EQ(::bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
    socklen_t len = sizeof addr;
    ::getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
    EXPECT_EQ(::listen(fd_, 4), 0);
    thread_ = std::thread([this] { Serve(); });
  }
  // The same on ::1; ok() is false where the machine has no IPv6 loopback.
  struct V6 {};
  OneShotServer(V6, std::string response) : response_(std::move(response)), hold_(false) {
    fd_ = ::socket(AF_INET6, SOCK_STREAM, 0);
    sockaddr_in6 addr{};
    addr.sin6_family = AF_INET6;
    addr.sin6_addr = in6addr_loopback;
    if (fd_ < 0 || ::bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
        ::listen(fd_, 4) != 0) {
      ok_ = false;
      return;
    }
    socklen_t len = sizeof addr;
    ::getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin6_port);
    thread_ = std::thread([this] { Serve(); });
  }
  bool ok() const { return ok_; }
  ~OneShotServer() {
    if (fd_ < 0) return;
    ::shutdown(fd_, SHUT_RDWR);
    if (thread_.joinable()) thread_.join();
    ::close(fd_);
  }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  uint16_t port() const { return port_; }
  // What the server read, once the exchange is over.
  const std::string& request() const { return request_; }

 private:
  // Reads into request_ until `done` says the request is whole; false on EOF, error or 3 s.
  bool ReadUntil(int c, const std::function<bool()>& done) {
    char buf[8192];
    while (!done()) {
      pollfd p{c, POLLIN, 0};
      if (::poll(&p, 1, 3000) <= 0) return false;
      const ssize_t n = ::read(c, buf, sizeof buf);
      if (n <= 0) return false;
      request_.append(buf, static_cast<size_t>(n));
    }
    return true;
  }

  void Serve() {
    const int c = ::accept(fd_, nullptr, nullptr);
    if (c < 0) return;
    size_t header_end = std::string::npos;
    const bool got_header = ReadUntil(c, [&] {
      header_end = request_.find("\r\n\r\n");
      return header_end != std::string::npos;
    });
    if (got_header) {
      std::string lower = request_.substr(0, header_end);
      for (char& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      size_t body_len = 0;
      const size_t at = lower.find("\r\ncontent-length:");
      if (at != std::string::npos) body_len = std::stoul(lower.substr(at + 17));
      ReadUntil(c, [&] { return request_.size() >= header_end + 4 + body_len; });
      size_t sent = 0;
      while (sent < response_.size()) {
        const ssize_t w = ::send(c, response_.data() + sent, response_.size() - sent, MSG_NOSIGNAL);
        if (w <= 0) break;
        sent += static_cast<size_t>(w);
      }
      if (hold_) {
        // Until the client closes (read gives 0) or gives up.
        char buf[256];
        for (;;) {
          pollfd p{c, POLLIN, 0};
          if (::poll(&p, 1, 3000) <= 0) break;
          if (::read(c, buf, sizeof buf) <= 0) break;
        }
      }
    }
    ::close(c);
  }

  std::string response_;
  bool hold_;
  bool ok_ = true;
  int fd_ = -1;
  uint16_t port_ = 0;
  std::string request_;
  std::thread thread_;
};

std::string Http(int status, const std::string& body, const std::string& extra_headers = "") {
  return "HTTP/1.1 " + std::to_string(status) + " X\r\nContent-Type: application/json\r\n" +
         extra_headers + "Content-Length: " + std::to_string(body.size()) +
         "\r\nConnection: close\r\n\r\n" + body;
}

// The request's header block in lower case, for finding a header whatever its case.
std::string LowerHeaders(const std::string& request) {
  std::string h = request.substr(0, request.find("\r\n\r\n") + 2);
  for (char& c : h) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return h;
}

std::string BodyOf(const std::string& request) {
  const size_t at = request.find("\r\n\r\n");
  return at == std::string::npos ? "" : request.substr(at + 4);
}

constexpr size_t kCap = 64 * 1024;

Result<PeerReply> Get(const std::string& url, milliseconds timeout = milliseconds(2000),
                      size_t cap = kCap) {
  OutgoingRequest r;
  r.url = url;
  r.allow_internal = true;  // the test server is on loopback
  return Exchange(r, timeout, cap, "the test node");
}

TEST(PeerHttpTest, StatusHeadersAndBodyComeBackWithHeaderNamesInLowerCase) {
  OneShotServer server(Http(200, R"({"entries":[]})",
                            "Signature-Input: kc=(\"@status\")\r\nX-Mixed-CASE: Value Kept\r\n"));
  auto reply = Get(server.url() + "/api/v1/net/feed");
  ASSERT_TRUE(reply.ok()) << reply.status().message();
  EXPECT_EQ(reply->status, 200);
  EXPECT_EQ(reply->body, R"({"entries":[]})");
  EXPECT_EQ(reply->headers["content-type"], "application/json");
  EXPECT_EQ(reply->headers["signature-input"], "kc=(\"@status\")");
  EXPECT_EQ(reply->headers["x-mixed-case"], "Value Kept") << "values keep their case";
  EXPECT_EQ(reply->headers.count("X-Mixed-CASE"), 0u);
  EXPECT_EQ(reply->headers.count("Content-Type"), 0u);
  EXPECT_EQ(server.request().rfind("GET /api/v1/net/feed HTTP/1.1\r\n", 0), 0u) << server.request();
}

TEST(PeerHttpTest, AnyHttpStatusIsAReply) {
  for (int status : {404, 410, 500}) {
    OneShotServer server(Http(status, R"({"error":{"code":"x","message":"y"}})"));
    auto reply = Get(server.url() + "/x");
    ASSERT_TRUE(reply.ok()) << status << ": " << reply.status().message();
    EXPECT_EQ(reply->status, status);
    EXPECT_EQ(reply->body, R"({"error":{"code":"x","message":"y"}})");
  }
}

TEST(PeerHttpTest, APostSendsItsBodyWithAJsonContentTypeAndTheGivenHeaders) {
  OneShotServer server(Http(202, "{}"));
  OutgoingRequest r;
  r.method = "POST";
  r.url = server.url() + "/api/v1/net/peer-requests";
  r.allow_internal = true;
  r.body = R"({"node":{"node_id":"kc1abc","name":"東京"}})";
  r.headers = {{"Content-Digest", "sha-256=:abc=:"}, {"Signature", "kc=:AAAA:"}};
  auto reply = Exchange(r, milliseconds(2000), kCap, "the test node");
  ASSERT_TRUE(reply.ok()) << reply.status().message();
  EXPECT_EQ(reply->status, 202);
  const std::string& req = server.request();
  EXPECT_EQ(req.rfind("POST /api/v1/net/peer-requests HTTP/1.1\r\n", 0), 0u) << req;
  const std::string h = LowerHeaders(req);
  EXPECT_NE(h.find("\r\ncontent-type: application/json\r\n"), std::string::npos) << req;
  EXPECT_NE(h.find("\r\ncontent-length: " + std::to_string(r.body.size()) + "\r\n"),
            std::string::npos)
      << req;
  EXPECT_NE(req.find("sha-256=:abc=:"), std::string::npos) << req;
  EXPECT_NE(req.find("kc=:AAAA:"), std::string::npos) << req;
  EXPECT_NE(h.find("\r\nhost: 127.0.0.1:" + std::to_string(server.port()) + "\r\n"),
            std::string::npos)
      << req;
  EXPECT_EQ(BodyOf(req), r.body);
}

TEST(PeerHttpTest, AGetWithoutBodySendsNoContentType) {
  OneShotServer server(Http(200, "{}"));
  auto reply = Get(server.url() + "/x");
  ASSERT_TRUE(reply.ok()) << reply.status().message();
  EXPECT_EQ(LowerHeaders(server.request()).find("content-type"), std::string::npos)
      << server.request();
  EXPECT_EQ(BodyOf(server.request()), "");
}

TEST(PeerHttpTest, TheQueryReachesTheServer) {
  {
    OneShotServer server(Http(200, "{}"));
    auto reply = Get(server.url() + "/api/v1/net/feed?after=42&limit=200");
    ASSERT_TRUE(reply.ok()) << reply.status().message();
    EXPECT_EQ(server.request().rfind("GET /api/v1/net/feed?after=42&limit=200 HTTP/1.1\r\n", 0), 0u)
        << server.request();
  }
  {  // A query right after the authority gets the root path.
    OneShotServer server(Http(200, "{}"));
    auto reply = Get(server.url() + "?after=1");
    ASSERT_TRUE(reply.ok()) << reply.status().message();
    EXPECT_EQ(server.request().rfind("GET /?after=1 HTTP/1.1\r\n", 0), 0u) << server.request();
  }
  {  // No path at all is "/".
    OneShotServer server(Http(200, "{}"));
    ASSERT_TRUE(Get(server.url()).ok());
    EXPECT_EQ(server.request().rfind("GET / HTTP/1.1\r\n", 0), 0u) << server.request();
  }
}

TEST(PeerHttpTest, ABodyAtTheCapIsReadOneByteOverIsNot) {
  {
    OneShotServer server(Http(200, std::string(kCap, 'x')));
    auto reply = Get(server.url() + "/x");
    ASSERT_TRUE(reply.ok()) << reply.status().message();
    EXPECT_EQ(reply->body.size(), kCap);
  }
  {
    OneShotServer server(Http(200, std::string(kCap + 1, 'x')));
    auto reply = Get(server.url() + "/x");
    EXPECT_EQ(reply.status().code(), "peer_unreachable");
    EXPECT_EQ(reply.status().kind(), ErrorKind::kUnavailable);
    EXPECT_NE(reply.status().message().find("the test node"), std::string::npos)
        << reply.status().message();
  }
}

// A declared length over the cap is refused from the header, before any body is waited for:
// the server sends none and holds the connection open, so a client that read on would time out.
TEST(PeerHttpTest, ADeclaredLengthOverTheCapIsRefusedFromTheHeader) {
  OneShotServer server(
      "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1073741824\r\n\r\n",
      /*hold=*/true);
  const auto start = std::chrono::steady_clock::now();
  auto reply = Get(server.url() + "/x", milliseconds(2000));
  EXPECT_EQ(reply.status().code(), "peer_unreachable");
  EXPECT_NE(reply.status().message().find("over"), std::string::npos) << reply.status().message();
  EXPECT_LT(std::chrono::steady_clock::now() - start, milliseconds(1500));
}

TEST(PeerHttpTest, AChunkedBodyOverTheCapIsRefused) {
  std::string chunked =
      "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
      "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n";
  const std::string chunk(16 * 1024, 'y');
  for (int i = 0; i < 5; ++i) chunked += "4000\r\n" + chunk + "\r\n";  // 80 KiB > 64 KiB
  chunked += "0\r\n\r\n";
  {
    OneShotServer server(chunked);
    auto reply = Get(server.url() + "/x");
    EXPECT_EQ(reply.status().code(), "peer_unreachable");
    EXPECT_NE(reply.status().message().find("over"), std::string::npos) << reply.status().message();
  }
  {  // The same chunks under a larger cap are read whole.
    OneShotServer server(chunked);
    auto reply = Get(server.url() + "/x", milliseconds(2000), 128 * 1024);
    ASSERT_TRUE(reply.ok()) << reply.status().message();
    EXPECT_EQ(reply->body.size(), 5 * chunk.size());
  }
}

TEST(PeerHttpTest, ABodyUntilCloseOverTheCapIsRefused) {
  OneShotServer server(
      "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
      "Connection: close\r\n\r\n" +
      std::string(kCap + 100, 'z'));
  auto reply = Get(server.url() + "/x");
  EXPECT_EQ(reply.status().code(), "peer_unreachable");
}

TEST(PeerHttpTest, ANodeThatDoesNotAnswerInTimeIsUnreachable) {
  {
    OneShotServer silent("", /*hold=*/true);  // reads the request, never answers
    const auto start = std::chrono::steady_clock::now();
    auto reply = Get(silent.url() + "/x", milliseconds(300));
    EXPECT_EQ(reply.status().code(), "peer_unreachable");
    EXPECT_NE(reply.status().message().find("in time"), std::string::npos)
        << reply.status().message();
    EXPECT_LT(std::chrono::steady_clock::now() - start, milliseconds(1000));
  }
  {  // The deadline covers the body too: a header, then silence.
    OneShotServer stalls("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc", /*hold=*/true);
    const auto start = std::chrono::steady_clock::now();
    auto reply = Get(stalls.url() + "/x", milliseconds(300));
    EXPECT_EQ(reply.status().code(), "peer_unreachable");
    EXPECT_LT(std::chrono::steady_clock::now() - start, milliseconds(1000));
  }
}

TEST(PeerHttpTest, AClosedPortIsUnreachable) {
  std::string url;
  {
    OneShotServer server(Http(200, "{}"));
    url = server.url();
    // Served once (so that the destructor does not wait), then the port closes.
    ASSERT_TRUE(Get(url).ok());
  }
  auto reply = Get(url + "/x", milliseconds(1000));
  EXPECT_EQ(reply.status().code(), "peer_unreachable");
  EXPECT_EQ(reply.status().kind(), ErrorKind::kUnavailable);
}

TEST(PeerHttpTest, OnlyHttpAndHttpsUrlsWithAHostAreUsed) {
  for (const char* bad :
       {"ftp://x/", "http://", "http:///path", "http://host:port/", "http://host:/",
        "kc.example.org", "", "HTTP//x", "http://[::1", "http://[::1]x/", "https://",
        "https://host:port/"}) {
    auto r = Get(bad, milliseconds(100));
    EXPECT_EQ(r.status().code(), "invalid_url") << bad;
    EXPECT_EQ(r.status().kind(), ErrorKind::kInvalid) << bad;
  }
}

TEST(PeerHttpTest, AnIpv6LiteralIsReached) {
  OneShotServer server(OneShotServer::V6{}, Http(200, "{}"));
  if (!server.ok()) GTEST_SKIP() << "no IPv6 loopback here";
  auto reply = Get("http://[::1]:" + std::to_string(server.port()) + "/api/v1/net/feed");
  ASSERT_TRUE(reply.ok()) << reply.status().message();
  EXPECT_EQ(reply->status, 200);
  EXPECT_EQ(server.request().rfind("GET /api/v1/net/feed HTTP/1.1\r\n", 0), 0u);
}

// BUG (src/net/peer_http.cc:87, the Host header): for http://[::1]:PORT/ the request says
// "Host: ::1:PORT"; RFC 9110 §7.2 / RFC 3986 §3.2.2 write an IPv6 host as an IP-literal in
// brackets ("Host: [::1]:PORT"), and strict servers and proxies refuse the unbracketed form with
// 400. Fix: bracket target->host when it holds a ':' before appending the port (and keep the
// brackets when the port is 80). Disabled until fixed.
TEST(PeerHttpTest, AnIpv6HostIsInBracketsInTheHostHeader) {
  OneShotServer server(OneShotServer::V6{}, Http(200, "{}"));
  if (!server.ok()) GTEST_SKIP() << "no IPv6 loopback here";
  const std::string port = std::to_string(server.port());
  auto reply = Get("http://[::1]:" + port + "/api/v1/net/feed");
  ASSERT_TRUE(reply.ok()) << reply.status().message();
  EXPECT_NE(LowerHeaders(server.request()).find("\r\nhost: [::1]:" + port + "\r\n"),
            std::string::npos)
      << server.request();
}

TEST(PeerHttpTest, AnUnknownMethodIsRefused) {
  OneShotServer server(Http(200, "{}"));
  OutgoingRequest r;
  r.method = "BREW";
  r.url = server.url() + "/x";
  r.allow_internal = true;
  auto reply = Exchange(r, milliseconds(500), kCap, "the test node");
  EXPECT_FALSE(reply.ok());
  EXPECT_EQ(reply.status().code(), "invalid_method");
  // The server got nothing; let its accept return.
  OutgoingRequest ok;
  ok.url = server.url() + "/x";
  ok.allow_internal = true;
  EXPECT_TRUE(Exchange(ok, milliseconds(2000), kCap, "the test node").ok());
}

// A URL given by another node must not lead into this node's own network: loopback, private and
// link-local addresses (cloud metadata at 169.254.169.254) are refused unless allowed, before
// anything is sent.
TEST(PeerHttpTest, InternalAddressesAreRefusedUnlessAllowed) {
  OneShotServer server(Http(200, "{}"));
  OutgoingRequest r;
  r.url = server.url() + "/x";
  auto refused = Exchange(r, milliseconds(1000), kCap, "the test node");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().code(), "internal_address");
  r.url = "http://localhost:" + server.url().substr(server.url().rfind(':') + 1) + "/x";
  EXPECT_EQ(Exchange(r, milliseconds(1000), kCap, "the test node").status().code(),
            "internal_address")
      << "a name that resolves to loopback";
  r.allow_internal = true;
  r.url = server.url() + "/x";
  EXPECT_TRUE(Exchange(r, milliseconds(2000), kCap, "the test node").ok());
}

TEST(PeerHttpTest, InternalAddressesAreTheLoopbackPrivateLinkLocalAndSpecialRanges) {
  for (const char* a : {"127.0.0.1", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1",
                        "169.254.169.254", "100.64.0.1", "0.0.0.0", "224.0.0.1",
                        "255.255.255.255", "::1", "::", "fe80::1", "fc00::1", "fd12:3456::1",
                        "ff02::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "not an address"}) {
    EXPECT_TRUE(IsInternalAddress(a)) << a;
  }
  for (const char* a : {"8.8.8.8", "172.32.0.1", "100.128.0.1", "192.169.0.1", "203.0.113.9",
                        "2001:db8::1", "2400:3200::1", "::ffff:8.8.8.8"}) {
    EXPECT_FALSE(IsInternalAddress(a)) << a;
  }
}

// https:// (docs/network.md §3.4): a TLS server on loopback with a certificate the test makes.
// A self-signed certificate for `san` (e.g. "IP:127.0.0.1") in `dir`: cert.pem and key.pem.
bool MakeCertificate(const std::filesystem::path& dir, const std::string& san) {
  std::filesystem::create_directories(dir);
  const std::string cmd =
      "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 "
      "-subj /CN=kechuang-test -addext subjectAltName=" + san + " -keyout " +
      (dir / "key.pem").string() + " -out " + (dir / "cert.pem").string() + " 2>/dev/null";
  return std::system(cmd.c_str()) == 0;
}

// Accepts one TLS connection on 127.0.0.1, reads one request and answers 200 with `body`. A
// client that gives up during the handshake just ends the exchange.
class OneShotTlsServer {
 public:
  OneShotTlsServer(const std::filesystem::path& dir, std::string body)
      : context_(boost::asio::ssl::context::tls_server),
        acceptor_(io_, {boost::asio::ip::make_address("127.0.0.1"), 0}),
        body_(std::move(body)) {
    context_.use_certificate_chain_file((dir / "cert.pem").string());
    context_.use_private_key_file((dir / "key.pem").string(), boost::asio::ssl::context::pem);
    thread_ = std::thread([this] { Serve(); });
  }
  ~OneShotTlsServer() {
    boost::system::error_code ec;
    acceptor_.close(ec);
    if (thread_.joinable()) thread_.join();
  }
  std::string url() const {
    return "https://127.0.0.1:" + std::to_string(acceptor_.local_endpoint().port());
  }
  const std::string& target() const { return target_; }

 private:
  void Serve() {
    namespace beast = boost::beast;
    boost::system::error_code ec;
    boost::asio::ip::tcp::socket socket(io_);
    acceptor_.accept(socket, ec);
    if (ec) return;
    beast::ssl_stream<boost::asio::ip::tcp::socket> stream(std::move(socket), context_);
    stream.handshake(boost::asio::ssl::stream_base::server, ec);
    if (ec) return;
    beast::flat_buffer buffer;
    beast::http::request<beast::http::string_body> req;
    beast::http::read(stream, buffer, req, ec);
    if (ec) return;
    target_ = std::string(req.target());
    beast::http::response<beast::http::string_body> res(beast::http::status::ok, 11);
    res.set(beast::http::field::content_type, "application/json");
    res.body() = body_;
    res.prepare_payload();
    beast::http::write(stream, res, ec);
    stream.shutdown(ec);
  }

  boost::asio::io_context io_;
  boost::asio::ssl::context context_;
  boost::asio::ip::tcp::acceptor acceptor_;
  std::string body_;
  std::string target_;
  std::thread thread_;
};

class PeerHttpsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // A directory of this test's own: ctest runs the tests of this file in parallel.
    dir_ = std::filesystem::path(::testing::TempDir()) /
           ("peer-https-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    if (!MakeCertificate(dir_ / "good", "IP:127.0.0.1") ||
        !MakeCertificate(dir_ / "other", "IP:10.9.8.7")) {
      GTEST_SKIP() << "the openssl command is not available";
    }
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  OutgoingRequest Get(const std::string& url, const std::string& ca_file) {
    OutgoingRequest r;
    r.url = url + "/.well-known/kechuang-node";
    r.allow_internal = true;
    r.ca_file = ca_file;
    return r;
  }

  std::filesystem::path dir_;
};

TEST_F(PeerHttpsTest, AnHttpsPartnerWithATrustedCertificateForItsAddressAnswers) {
  OneShotTlsServer server(dir_ / "good", "{\"node_id\":\"kc1\"}");
  auto reply = Exchange(Get(server.url(), (dir_ / "good" / "cert.pem").string()),
                        milliseconds(5000), 64 * 1024, "the test node");
  ASSERT_TRUE(reply.ok()) << reply.status().message();
  EXPECT_EQ(reply->status, 200);
  EXPECT_EQ(reply->body, "{\"node_id\":\"kc1\"}");
  EXPECT_EQ(server.target(), "/.well-known/kechuang-node");
}

TEST_F(PeerHttpsTest, ACertificateNoAuthorityVouchesForIsRefused) {
  OneShotTlsServer server(dir_ / "good", "{}");
  auto reply = Exchange(Get(server.url(), ""), milliseconds(5000), 64 * 1024, "the test node");
  ASSERT_FALSE(reply.ok());
  EXPECT_EQ(reply.status().code(), "peer_unreachable");
  EXPECT_NE(reply.status().message().find("certificate verify failed"), std::string::npos)
      << reply.status().message();
}

TEST_F(PeerHttpsTest, ACertificateForAnotherAddressIsRefusedEvenFromATrustedAuthority) {
  OneShotTlsServer server(dir_ / "other", "{}");
  auto reply = Exchange(Get(server.url(), (dir_ / "other" / "cert.pem").string()),
                        milliseconds(5000), 64 * 1024, "the test node");
  ASSERT_FALSE(reply.ok());
  EXPECT_EQ(reply.status().code(), "peer_unreachable");
}

TEST_F(PeerHttpsTest, PlainHttpToAnHttpsPartnerFailsRatherThanSendingInClear) {
  OneShotTlsServer server(dir_ / "good", "{}");
  std::string url = server.url();
  url.replace(0, 5, "http");
  auto reply = Exchange(Get(url, ""), milliseconds(3000), 64 * 1024, "the test node");
  EXPECT_FALSE(reply.ok() && reply->status == 200);
}

}  // namespace
}  // namespace kc::net
