// The request and response that handlers see; a thin layer over Boost.Beast's messages.
#pragma once

#include <boost/beast/http.hpp>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/status.h"

namespace kc::http {

namespace bhttp = boost::beast::http;
using BeastRequest = bhttp::request<bhttp::string_body>;

// An incoming request. Path parameters are filled in by the router.
class Request {
 public:
  Request(BeastRequest&& raw, std::string request_id, std::string remote);

  bhttp::verb method() const { return raw_.method(); }
  std::string_view method_name() const { return raw_.method_string(); }
  std::string_view target() const { return raw_.target(); }
  // The percent-decoded path, without the query string, except that an encoded slash ("%2F")
  // stays encoded: every '/' in it is a separator the client wrote as one, so a path cannot
  // pass a proxy's path rules encoded and be read differently here.
  const std::string& path() const { return path_; }
  // The first value of a query parameter, percent-decoded; nullopt when absent.
  std::optional<std::string> Query(std::string_view name) const;
  const std::vector<std::pair<std::string, std::string>>& query_params() const { return query_; }
  // A header's value, or "" when absent.
  std::string_view Header(bhttp::field f) const;
  std::string_view Header(std::string_view name) const;
  // The value of a cookie, or "" when absent.
  std::string Cookie(std::string_view name) const;
  const std::string& body() const { return raw_.body(); }
  const std::string& request_id() const { return request_id_; }
  const std::string& remote() const { return remote_; }
  bool keep_alive() const { return raw_.keep_alive(); }

  // A path parameter by name ("id" in /demands/{id}); "" when absent.
  std::string_view Param(std::string_view name) const;
  void SetParams(std::vector<std::pair<std::string, std::string>> params) {
    params_ = std::move(params);
  }

 private:
  BeastRequest raw_;
  std::string request_id_;
  std::string remote_;
  std::string path_;
  std::vector<std::pair<std::string, std::string>> query_;
  std::vector<std::pair<std::string, std::string>> params_;
};

// An outgoing response.
struct Response {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
  // Why an internal error happened: written to the server log with the request id, never sent.
  std::string log_detail;

  void AddHeader(std::string name, std::string value) {
    headers.emplace_back(std::move(name), std::move(value));
  }
};

// The HTTP status for an error kind (DESIGN §5).
int HttpStatusOf(ErrorKind kind);

// A JSON error response: {"error":{"code","message","field"?}}. Internal errors are shown as a
// generic message, never with their detail, which goes to `log_detail` for the server log.
Response ErrorResponse(const Status& status);
Response ErrorResponse(int http_status, std::string_view code, std::string_view message);

// Percent-decodes a URL component ('+' becomes a space when `plus_is_space`).
std::string PercentDecode(std::string_view s, bool plus_is_space);

// Percent-encodes `s` for a URL component: every byte but RFC 3986's unreserved characters
// (letters, digits, '-', '.', '_', '~') as %XX, so PercentDecode gives `s` back.
std::string PercentEncode(std::string_view s);

// Percent-decodes a path except for encoded slashes, which stay as "%2F" (Request::path).
std::string DecodePathKeepingSlashes(std::string_view raw_path);

// The path segments of a request target (the part before '?'), split on the slashes as sent
// and then each percent-decoded: "/a%2Fb/c" is {"a/b", "c"}. Empty segments are skipped.
std::vector<std::string> PathSegments(std::string_view target);

}  // namespace kc::http
