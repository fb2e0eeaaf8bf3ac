#include "http/security_headers.h"

namespace kc::http {

namespace {

using Headers = std::vector<std::pair<std::string_view, std::string_view>>;

Headers Make(bool https) {
  Headers out = {
      {"Content-Security-Policy", kContentSecurityPolicy},
      {"X-Frame-Options", "DENY"},
      {"Referrer-Policy", "strict-origin-when-cross-origin"},
      {"X-Content-Type-Options", "nosniff"},
  };
  if (https) out.emplace_back("Strict-Transport-Security", kStrictTransportSecurity);
  return out;
}

}  // namespace

const Headers& SecurityHeaders(bool https) {
  static const Headers plain = Make(false), secure = Make(true);
  return https ? secure : plain;
}

}  // namespace kc::http
