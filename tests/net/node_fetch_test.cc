// FetchNodeDocument against a real socket on loopback that answers one canned HTTP response.
#include "net/node_fetch.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <thread>

namespace kc::net {
namespace {

using std::chrono::milliseconds;

// Listens on 127.0.0.1 (a free port) and answers the first request with `response`, or keeps
// silent when it is empty; remembers the request it read.
class OneShotServer {
 public:
  explicit OneShotServer(std::string response) : response_(std::move(response)) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    EXPECT_EQ(::bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
    socklen_t len = sizeof addr;
    ::getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
    EXPECT_EQ(::listen(fd_, 4), 0);
    thread_ = std::thread([this] {
      const int c = ::accept(fd_, nullptr, nullptr);
      if (c < 0) return;
      char buf[4096];
      const ssize_t n = ::read(c, buf, sizeof buf);
      if (n > 0) request_.assign(buf, static_cast<size_t>(n));
      if (response_.empty()) {
        std::this_thread::sleep_for(milliseconds(1500));
      } else {
        size_t sent = 0;
        while (sent < response_.size()) {
          const ssize_t w =
              ::send(c, response_.data() + sent, response_.size() - sent, MSG_NOSIGNAL);
          if (w <= 0) break;
          sent += static_cast<size_t>(w);
        }
      }
      ::close(c);
    });
  }
  ~OneShotServer() {
    ::shutdown(fd_, SHUT_RDWR);
    thread_.join();
    ::close(fd_);
  }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  const std::string& request() const { return request_; }

 private:
  std::string response_;
  int fd_ = -1;
  uint16_t port_ = 0;
  std::string request_;
  std::thread thread_;
};

std::string Http(int status, const std::string& body) {
  return "HTTP/1.1 " + std::to_string(status) + " X\r\nContent-Type: application/json\r\n" +
         "Content-Length: " + std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
}

TEST(NodeFetchTest, ReadsTheDocumentFromTheWellKnownPathUnderTheBaseUrl) {
  OneShotServer server(Http(200, R"({"protocol":"kechuang-net"})"));
  auto body = FetchNodeDocument(server.url() + "/kc", milliseconds(2000), true);
  ASSERT_TRUE(body.ok()) << body.status().message();
  EXPECT_EQ(*body, R"({"protocol":"kechuang-net"})");
  EXPECT_EQ(server.request().rfind("GET /kc/.well-known/kechuang-node HTTP/1.1", 0), 0u)
      << server.request();
}

TEST(NodeFetchTest, AnErrorStatusAnOversizedBodyAndSilenceAreUnreachable) {
  {
    OneShotServer server(Http(404, "{}"));
    auto r = FetchNodeDocument(server.url(), milliseconds(2000), true);
    EXPECT_EQ(r.status().code(), "peer_unreachable");
    EXPECT_NE(r.status().message().find("404"), std::string::npos);
  }
  {
    OneShotServer server(Http(200, std::string(70 * 1024, ' ')));
    auto r = FetchNodeDocument(server.url(), milliseconds(2000), true);
    EXPECT_EQ(r.status().code(), "peer_unreachable");
  }
  {
    OneShotServer server("");  // reads the request, never answers
    const auto start = std::chrono::steady_clock::now();
    auto r = FetchNodeDocument(server.url(), milliseconds(300), true);
    EXPECT_EQ(r.status().code(), "peer_unreachable");
    EXPECT_EQ(r.status().kind(), ErrorKind::kUnavailable);
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(1));
  }
}

TEST(NodeFetchTest, AClosedPortIsUnreachable) {
  std::string url;
  { OneShotServer server(Http(200, "{}")); url = server.url(); }
  auto r = FetchNodeDocument(url, milliseconds(1000), true);
  EXPECT_EQ(r.status().code(), "peer_unreachable");
}

TEST(NodeFetchTest, OnlyHttpAndHttpsUrlsAreFetched) {
  for (const char* bad : {"ftp://x", "http://", "http://host:port", "kc.example.org",
                          "http://[::1"}) {
    auto r = FetchNodeDocument(bad, milliseconds(100), true);
    EXPECT_EQ(r.status().code(), "invalid_url") << bad;
    EXPECT_EQ(r.status().field(), "base_url") << bad;
  }
}

TEST(NodeFetchTest, ALoopbackUrlIsRefusedUnlessInternalAddressesAreAllowed) {
  EXPECT_EQ(FetchNodeDocument("http://127.0.0.1:9", milliseconds(500)).status().code(),
            "internal_address");
}

}  // namespace
}  // namespace kc::net
