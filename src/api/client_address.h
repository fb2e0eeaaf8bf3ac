// The client's address behind reverse proxies: X-Forwarded-For is believed only when the
// connection comes from a configured trusted proxy (--trusted-proxy; docs/operations.md).
// Throttling (service/throttle.h) keys on this address, so a forged header must never choose it.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace kc::api {

class TrustedProxies {
 public:
  // No proxy is trusted: every client is its connection's peer.
  TrustedProxies() = default;

  // Parses addresses and CIDR ranges: "10.0.0.5", "10.0.0.0/8", "::1", "fd00::/8". Fails with
  // 400 "bad_flag" naming the first one that is neither.
  static Result<TrustedProxies> Parse(const std::vector<std::string>& specs);

  bool empty() const { return ranges_.empty(); }
  // True when `address` (an IPv4 or IPv6 address, IPv4-mapped ones included) is trusted.
  bool Contains(std::string_view address) const;

  // The client of a request whose connection comes from `peer`, with the X-Forwarded-For value
  // `forwarded` ("" when absent). When the peer is not trusted, the peer. Otherwise the header is
  // read from the right (each proxy appends the address it saw): the first address that is not
  // a trusted proxy is the client; when every one is trusted, the left-most; a malformed entry
  // ends the walk at the last trusted hop before it. At most 32 entries are read.
  std::string ClientOf(std::string_view peer, std::string_view forwarded) const;

 private:
  struct Range {
    std::array<uint8_t, 16> bytes{};  // IPv4 as IPv4-mapped IPv6
    int prefix = 128;                 // in bits of the 128
  };
  std::vector<Range> ranges_;
};

}  // namespace kc::api
