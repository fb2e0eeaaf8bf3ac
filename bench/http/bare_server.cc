// The baseline of the HTTP benchmark: a bare Boost.Beast server on one thread that answers every
// request with a constant 40-byte JSON body, keep-alive. Usage: bare_server PORT
#include <utility>  // before Boost 1.74 Asio, which uses std::exchange without it

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <cstdlib>
#include <iostream>
#include <memory>

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

static const std::string kBody = R"({"status":"ok","version":"0.0.0-bare"})";  // 38 + padding
static const std::string kBody40 = kBody + "  ";

class Session : public std::enable_shared_from_this<Session> {
 public:
  explicit Session(tcp::socket s) : stream_(std::move(s)) {}
  void Read() {
    req_ = {};
    http::async_read(stream_, buf_, req_,
                     [self = shared_from_this()](beast::error_code ec, size_t) {
                       if (ec) return;
                       self->Write();
                     });
  }

 private:
  void Write() {
    auto res = std::make_shared<http::response<http::string_body>>(http::status::ok, 11);
    res->set(http::field::content_type, "application/json");
    res->keep_alive(req_.keep_alive());
    res->body() = kBody40;
    res->prepare_payload();
    http::async_write(stream_, *res, [self = shared_from_this(), res](beast::error_code ec, size_t) {
      if (ec || !res->keep_alive()) return;
      self->Read();
    });
  }
  beast::tcp_stream stream_;
  beast::flat_buffer buf_;
  http::request<http::string_body> req_;
};

void Accept(tcp::acceptor& a) {
  a.async_accept([&a](beast::error_code ec, tcp::socket s) {
    if (!ec) {
      s.set_option(tcp::no_delay(true));
      std::make_shared<Session>(std::move(s))->Read();
    }
    Accept(a);
  });
}

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: bare_server PORT\n";
    return 2;
  }
  asio::io_context ioc{1};
  tcp::acceptor a(ioc, tcp::endpoint(asio::ip::make_address("127.0.0.1"),
                                     static_cast<unsigned short>(std::atoi(argv[1]))));
  Accept(a);
  ioc.run();
}
