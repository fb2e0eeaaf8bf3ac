// A small blocking HTTP/1.1 client for tests that talk to a real Server on a loopback port.
// Every call gives up after the client's timeout, so a broken server fails a test instead of
// hanging it.
#pragma once

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <chrono>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace kc::http::testing {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bh = boost::beast::http;
using ClientRequest = bh::request<bh::string_body>;
using ClientResponse = bh::response<bh::string_body>;

class TestClient {
 public:
  explicit TestClient(uint16_t port, std::chrono::milliseconds timeout = std::chrono::seconds(5))
      : stream_(ioc_), timeout_(timeout) {
    stream_.expires_after(timeout_);
    stream_.async_connect(asio::ip::tcp::endpoint(asio::ip::make_address("127.0.0.1"), port),
                          [this](beast::error_code ec) { connect_error_ = ec; });
    Run();
  }

  bool connected() const { return !connect_error_; }
  const beast::error_code& connect_error() const { return connect_error_; }

  // Writes a request (Content-Length is set from the body).
  beast::error_code Write(ClientRequest req) {
    req.prepare_payload();
    beast::error_code result;
    stream_.expires_after(timeout_);
    bh::async_write(stream_, req, [&](beast::error_code ec, size_t) { result = ec; });
    Run();
    return result;
  }

  // Writes bytes as they are: for malformed or oversized requests.
  beast::error_code WriteRaw(const std::string& bytes) {
    beast::error_code result;
    stream_.expires_after(timeout_);
    asio::async_write(stream_, asio::buffer(bytes),
                      [&](beast::error_code ec, size_t) { result = ec; });
    Run();
    return result;
  }

  // Reads one response; `head` when it answers a HEAD request (no body follows).
  beast::error_code Read(ClientResponse* out, bool head = false) {
    bh::response_parser<bh::string_body> parser;
    parser.body_limit(64 * 1024 * 1024);
    if (head) parser.skip(true);
    beast::error_code result;
    stream_.expires_after(timeout_);
    bh::async_read(stream_, buffer_, parser, [&](beast::error_code ec, size_t) { result = ec; });
    Run();
    if (!result) *out = parser.release();
    return result;
  }

  // Sends a request and reads its response; on failure returns a response with status 0 and
  // the error in `error`.
  ClientResponse Send(bh::verb method, const std::string& target, std::string body = "",
                      std::vector<std::pair<std::string, std::string>> headers = {}) {
    ClientRequest req{method, target, 11};
    req.set(bh::field::host, "127.0.0.1");
    for (auto& [k, v] : headers) req.set(k, v);
    req.body() = std::move(body);
    ClientResponse res;
    error = Write(std::move(req));
    if (!error) error = Read(&res, method == bh::verb::head);
    if (error) res.result(0u);
    return res;
  }
  ClientResponse Get(const std::string& target,
                     std::vector<std::pair<std::string, std::string>> headers = {}) {
    return Send(bh::verb::get, target, "", std::move(headers));
  }

  // True when the server closes the connection (end of stream or reset) within the timeout
  // without sending anything.
  bool WaitForClose() {
    char byte;
    beast::error_code result;
    size_t n = 0;
    if (buffer_.size() > 0) return false;
    stream_.expires_after(timeout_);
    stream_.async_read_some(asio::buffer(&byte, 1), [&](beast::error_code ec, size_t got) {
      result = ec;
      n = got;
    });
    Run();
    return n == 0 && (result == asio::error::eof || result == asio::error::connection_reset);
  }

  beast::error_code error;  // of the last Send

 private:
  void Run() {
    ioc_.restart();
    ioc_.run();
  }

  asio::io_context ioc_;
  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::chrono::milliseconds timeout_;
  beast::error_code connect_error_;
};

}  // namespace kc::http::testing
