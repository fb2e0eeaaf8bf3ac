#include "api/http_client.h"

#include <boost/asio.hpp>
#include <functional>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include "api/response_log.h"

namespace kc::testing {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;

std::string HttpResult::Header(const std::string& name) const {
  auto it = headers.find(name);
  return it == headers.end() ? "" : it->second;
}

std::string HttpResult::SetCookie(const std::string& name) const {
  auto range = headers.equal_range("set-cookie");
  for (auto it = range.first; it != range.second; ++it) {
    const std::string& v = it->second;
    if (v.rfind(name + "=", 0) == 0) {
      auto end = v.find(';');
      return v.substr(name.size() + 1, end - name.size() - 1);
    }
  }
  return "";
}

std::string HttpResult::ErrorCode() const {
  if (!json.is_object() || !json.contains("error")) return "";
  return json["error"].value("code", "");
}

std::string HttpResult::ErrorField() const {
  if (!json.is_object() || !json.contains("error")) return "";
  return json["error"].value("field", "");
}

HttpResult Client::Login(const std::string& username, const std::string& password) {
  token.clear();
  auto r = Post("/api/v1/auth/login", {{"username", username}, {"password", password}});
  if (r.status == 200) token = r.json.value("token", "");
  return r;
}

HttpResult Client::Send(const std::string& method, const std::string& target,
                        const std::string& body, std::map<std::string, std::string> headers,
                        const std::string& content_type) {
  asio::io_context ioc;
  tcp::resolver resolver(ioc);
  beast::tcp_stream stream(ioc);
  stream.expires_after(std::chrono::seconds(60));
  stream.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port_));
  bhttp::request<bhttp::string_body> req(bhttp::string_to_verb(method), target, 11);
  req.set(bhttp::field::host, "127.0.0.1");
  if (!token.empty() && !headers.count("Authorization") && !headers.count("Cookie")) {
    req.set(bhttp::field::authorization, "Bearer " + token);
  }
  for (const auto& [k, v] : headers) req.set(k, v);
  if (!body.empty() || method == "POST" || method == "PATCH") {
    req.set(bhttp::field::content_type, content_type);
    req.body() = body;
  }
  req.prepare_payload();
  bhttp::write(stream, req);
  beast::flat_buffer buffer;
  bhttp::response_parser<bhttp::string_body> parser;
  parser.body_limit(256 * 1024 * 1024);
  bhttp::read(stream, buffer, parser);
  auto res = parser.release();
  HttpResult out;
  out.status = static_cast<int>(res.result_int());
  out.body = res.body();
  for (const auto& f : res) {
    std::string name(f.name_string());
    for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    out.headers.emplace(name, std::string(f.value()));
  }
  out.json = nlohmann::json::parse(out.body, nullptr, false);
  RecordResponse(method, target, out.status, out.headers, out.body);
  beast::error_code ec;
  stream.socket().shutdown(tcp::socket::shutdown_both, ec);
  return out;
}

std::string SendRaw(uint16_t port, const std::string& bytes, int timeout_ms) {
  // Asynchronous reads: a Beast stream's expiry applies to them only, and a server that keeps
  // the connection open (keep-alive, a stalled answer) must not hold the caller past the timeout.
  asio::io_context ioc;
  beast::tcp_stream stream(ioc);
  stream.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
  beast::error_code ec;
  asio::write(stream.socket(), asio::buffer(bytes), ec);
  std::string out;
  char buf[4096];
  std::function<void(beast::error_code, size_t)> on_read = [&](beast::error_code read_ec,
                                                               size_t n) {
    out.append(buf, n);
    if (read_ec) return;
    stream.expires_after(std::chrono::milliseconds(timeout_ms));
    stream.async_read_some(asio::buffer(buf), on_read);
  };
  stream.expires_after(std::chrono::milliseconds(timeout_ms));
  stream.async_read_some(asio::buffer(buf), on_read);
  ioc.run();
  return out;
}

}  // namespace kc::testing
