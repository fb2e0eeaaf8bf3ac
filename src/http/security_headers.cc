#include "http/security_headers.h"

namespace kc::http {

std::vector<std::pair<std::string_view, std::string_view>> SecurityHeaders(bool https) {
  std::vector<std::pair<std::string_view, std::string_view>> out = {
      {"Content-Security-Policy", kContentSecurityPolicy},
      {"X-Frame-Options", "DENY"},
      {"Referrer-Policy", "strict-origin-when-cross-origin"},
      {"X-Content-Type-Options", "nosniff"},
  };
  if (https) out.emplace_back("Strict-Transport-Security", kStrictTransportSecurity);
  return out;
}

}  // namespace kc::http
