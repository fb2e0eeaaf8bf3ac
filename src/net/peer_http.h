// One HTTP/1.1 exchange with another node, over http:// or https:// (docs/network.md §3.4): a
// request goes out, the status, headers and body of the answer come back, within a deadline
// and a size cap.
#pragma once

#include <chrono>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/status.h"

namespace kc::net {

struct OutgoingRequest {
  std::string method = "GET";
  std::string url;  // http(s)://HOST[:PORT][/PATH][?QUERY]
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;  // sent with Content-Type: application/json when not empty
  // Whether the host may resolve to a loopback, private, link-local or otherwise internal
  // address (IsInternalAddress). Off in production: a URL given by another node must not make
  // this node reach its own network.
  bool allow_internal = false;
  // For https://: a PEM file of further certificate authorities to trust besides the system's
  // (a private network's own CA, tests); empty for the system's alone.
  std::string ca_file;
};

struct PeerReply {
  int status = 0;
  std::map<std::string, std::string> headers;  // names in lower case
  std::string body;
};

// True for the addresses a peer's URL must not lead to: loopback, unspecified, private (RFC
// 1918, fc00::/7), carrier-grade NAT (100.64/10), link-local (169.254/16, fe80::/10, where cloud
// metadata lives), multicast, broadcast and IPv4-mapped forms of these. `address` is the text of
// an IPv4 or IPv6 address; anything else counts as internal.
bool IsInternalAddress(const std::string& address);

// Sends `request` and reads the whole answer. Over https:// the server's certificate must chain
// to a trusted authority (the system's, or `ca_file`'s) and name the URL's host, with TLS 1.2 or
// later. Fails with invalid_url (422) for anything but an http(s):// URL with a host, internal_address (422) when the
// host resolves to an internal address and the request does not allow it (the check is on the
// very addresses connected to, so a name cannot change between check and use), and
// peer_unreachable (503,
// naming `what` and the cause) when the node cannot be reached, does not answer within
// `timeout` or sends a body over `max_body` bytes. Any HTTP status is a reply.
Result<PeerReply> Exchange(const OutgoingRequest& request, std::chrono::milliseconds timeout,
                           size_t max_body, const std::string& what);

}  // namespace kc::net
