// A small synchronous HTTP/1.1 client for API tests (Boost.Beast), one connection per request.
#pragma once

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace kc::testing {

struct HttpResult {
  int status = 0;
  std::string body;
  nlohmann::json json;                              // parsed body, or discarded when it is not JSON
  std::multimap<std::string, std::string> headers;  // names in lower case

  std::string Header(const std::string& name) const;
  // The value of cookie `name` set by a Set-Cookie header, or "".
  std::string SetCookie(const std::string& name) const;
  // The error code of a JSON error body, or "".
  std::string ErrorCode() const;
  std::string ErrorField() const;
};

class Client {
 public:
  explicit Client(uint16_t port) : port_(port) {}

  // Signs in and keeps the bearer token for later requests; returns the login response.
  HttpResult Login(const std::string& username, const std::string& password);

  HttpResult Get(const std::string& target) { return Send("GET", target, ""); }
  HttpResult Post(const std::string& target, const nlohmann::json& body) {
    return Send("POST", target, body.dump());
  }
  HttpResult Patch(const std::string& target, const nlohmann::json& body) {
    return Send("PATCH", target, body.dump());
  }
  HttpResult Delete(const std::string& target) { return Send("DELETE", target, ""); }

  // Any request; `headers` are added as given; the bearer token (if any) is sent unless
  // `headers` holds an Authorization or Cookie header.
  HttpResult Send(const std::string& method, const std::string& target, const std::string& body,
                  std::map<std::string, std::string> headers = {},
                  const std::string& content_type = "application/json");

  std::string token;

 private:
  uint16_t port_;
};

// Sends raw bytes on a new connection and returns what came back until the server closed it
// or `timeout_ms` passed.
std::string SendRaw(uint16_t port, const std::string& bytes, int timeout_ms = 3000);

}  // namespace kc::testing
