#include "api/client_address.h"

#include <algorithm>
#include <boost/asio/ip/address.hpp>
#include <charconv>
#include <optional>

namespace kc::api {

namespace {

namespace ip = boost::asio::ip;

std::string_view TrimSpaces(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// The address as IPv6 (IPv4 mapped into it), or nullopt when `text` is not an address.
std::optional<ip::address_v6> Parse6(std::string_view text) {
  if (text.empty() || text.size() > 64) return std::nullopt;
  boost::system::error_code ec;
  ip::address a = ip::make_address(std::string(text), ec);
  if (ec) return std::nullopt;
  if (a.is_v4()) return ip::make_address_v6(ip::v4_mapped, a.to_v4());
  return a.to_v6();
}

// The canonical text of an address: IPv4-mapped IPv6 addresses are written as IPv4.
std::string Canonical(const ip::address_v6& a) {
  return a.is_v4_mapped() ? ip::make_address_v4(ip::v4_mapped, a).to_string() : a.to_string();
}

}  // namespace

Result<TrustedProxies> TrustedProxies::Parse(const std::vector<std::string>& specs) {
  TrustedProxies out;
  for (const std::string& spec : specs) {
    auto bad = [&] {
      return BadInput("bad_flag",
                      "--trusted-proxy needs an address or CIDR range (10.0.0.0/8), not '" +
                          spec.substr(0, 64) + "'");
    };
    const size_t slash = spec.find('/');
    auto address = Parse6(std::string_view(spec).substr(0, slash));
    if (!address) return bad();
    const bool v4 = address->is_v4_mapped();
    Range range;
    range.bytes = address->to_bytes();
    range.prefix = 128;
    if (slash != std::string::npos) {
      int bits = -1;
      const char* first = spec.data() + slash + 1;
      const char* last = spec.data() + spec.size();
      auto [end, ec] = std::from_chars(first, last, bits);
      if (ec != std::errc() || end != last || first == last || bits < 0 || bits > (v4 ? 32 : 128)) {
        return bad();
      }
      range.prefix = v4 ? 96 + bits : bits;
    }
    out.ranges_.push_back(range);
  }
  return out;
}

bool TrustedProxies::Contains(std::string_view address) const {
  auto a = Parse6(address);
  if (!a) return false;
  const auto bytes = a->to_bytes();
  for (const Range& r : ranges_) {
    bool inside = true;
    for (int bit = 0; bit < r.prefix && inside; bit += 8) {
      const int i = bit / 8;
      const int take = std::min(8, r.prefix - bit);
      const uint8_t mask = static_cast<uint8_t>(0xFF << (8 - take));
      inside = (bytes[i] & mask) == (r.bytes[i] & mask);
    }
    if (inside) return true;
  }
  return false;
}

std::string TrustedProxies::ClientOf(std::string_view peer, std::string_view forwarded) const {
  auto peer6 = Parse6(peer);
  std::string client = peer6 ? Canonical(*peer6) : std::string(peer);  // the last trusted hop
  if (ranges_.empty() || forwarded.empty() || !Contains(client)) return client;
  size_t end = forwarded.size();
  for (int read = 0; read < 32; ++read) {
    const size_t comma = forwarded.rfind(',', end == 0 ? 0 : end - 1);
    const size_t begin = (comma == std::string_view::npos || comma >= end) ? 0 : comma + 1;
    auto hop = Parse6(TrimSpaces(forwarded.substr(begin, end - begin)));
    if (!hop) return client;
    client = Canonical(*hop);
    if (!Contains(client)) return client;
    if (begin == 0) return client;  // every hop was trusted: the left-most
    end = comma;
  }
  return client;
}

}  // namespace kc::api
