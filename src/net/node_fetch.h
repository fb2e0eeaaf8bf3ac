// Fetching a node's document (docs/network.md §1.1) from its base URL over HTTP.
#pragma once

#include <chrono>
#include <functional>
#include <string>

#include "core/status.h"

namespace kc::net {

// Returns the body of GET `base_url`/.well-known/kechuang-node, over http:// or https://
// (Exchange, peer_http.h). Refuses, with
// peer_unreachable (503), a node that cannot be reached or does not answer within `timeout`,
// an answer other than 200, and a body over 64 KiB.
// `allow_internal` and `ca_file` as in OutgoingRequest (peer_http.h).
Result<std::string> FetchNodeDocument(const std::string& base_url,
                                      std::chrono::milliseconds timeout,
                                      bool allow_internal = false,
                                      const std::string& ca_file = "");

// The fetch as a function, so that services can be given another (docs, tests).
using NodeDocumentFetcher = std::function<Result<std::string>(const std::string& base_url)>;

}  // namespace kc::net
