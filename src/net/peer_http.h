// One HTTP/1.1 exchange with another node (docs/network.md §7: plain http:// for now): a
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
  std::string url;  // http://HOST[:PORT][/PATH][?QUERY]
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;  // sent with Content-Type: application/json when not empty
};

struct PeerReply {
  int status = 0;
  std::map<std::string, std::string> headers;  // names in lower case
  std::string body;
};

// Sends `request` and reads the whole answer. Fails with unsupported_url (422) for https://,
// invalid_url (422) for anything but an http:// URL with a host, and peer_unreachable (503,
// naming `what` and the cause) when the node cannot be reached, does not answer within
// `timeout` or sends a body over `max_body` bytes. Any HTTP status is a reply.
Result<PeerReply> Exchange(const OutgoingRequest& request, std::chrono::milliseconds timeout,
                           size_t max_body, const std::string& what);

}  // namespace kc::net
