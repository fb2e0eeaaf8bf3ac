#include "api/context.h"

#include "http/router.h"

namespace kc::api {

Result<Actor> Context::Authenticate(const http::Request& req, bool write) {
  std::string_view auth = req.Header(http::bhttp::field::authorization);
  if (!auth.empty()) {
    constexpr std::string_view kBearer = "Bearer ";
    if (auth.substr(0, kBearer.size()) != kBearer) {
      return Unauthorized("use Authorization: Bearer TOKEN");
    }
    auto a = accounts.Authenticate(std::string(auth.substr(kBearer.size())));
    if (!a.ok()) return a.status();
    return Actor::Of(a->user);
  }
  std::string cookie = req.Cookie("kc_session");
  if (cookie.empty()) return Actor::Visitor();
  auto a = accounts.Authenticate(cookie);
  if (!a.ok()) {
    if (a.status().kind() == ErrorKind::kUnauthorized) return Actor::Visitor();
    return a.status();
  }
  if (write && req.Header("X-CSRF-Token") != a->session.csrf_token) {
    return Status::Error(ErrorKind::kForbidden, "csrf_failed",
                         "a cookie-authenticated write needs the X-CSRF-Token header");
  }
  return Actor::Of(a->user);
}

http::Handler Guarded(http::Handler handler) {
  return [handler = std::move(handler)](http::Request& req) -> http::Response {
    try {
      return handler(req);
    } catch (const std::exception& e) {
      // The server logs the detail with the request id (http/server.h).
      return http::ErrorResponse(Internal(std::string("exception: ") + e.what()));
    }
  };
}

}  // namespace kc::api
