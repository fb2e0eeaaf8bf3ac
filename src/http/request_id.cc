#include "http/request_id.h"

#include <atomic>
#include <cstdint>
#include <cstdio>
#include <random>

namespace kc::http {

std::string NewRequestId() {
  static const uint32_t prefix = std::random_device{}();
  static std::atomic<uint32_t> counter{0};
  char buf[17];
  std::snprintf(buf, sizeof(buf), "%08x%08x", prefix, counter.fetch_add(1) + 1);
  return buf;
}

std::string RequestIdFrom(std::string_view v) {
  if (v.empty() || v.size() > 64) return NewRequestId();
  for (char c : v) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '.' || c == '_' || c == '-';
    if (!ok) return NewRequestId();
  }
  return std::string(v);
}

}  // namespace kc::http
