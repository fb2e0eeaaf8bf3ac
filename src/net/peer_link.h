// Signed calls from this node to another (docs/network.md §3): each request carries an RFC 9421
// signature made with the node's key, and a feed answer must carry the partner's.
#pragma once

#include <array>
#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/clock.h"
#include "core/status.h"
#include "net/node_key.h"
#include "net/peer_http.h"

namespace kc::net {

class PeerLink {
 public:
  // `allow_internal` and `ca_file` as in OutgoingRequest (peer_http.h).
  PeerLink(const NodeKey& key, const Clock& clock, std::chrono::milliseconds timeout,
           bool allow_internal = false, std::string ca_file = "")
      : key_(key), clock_(clock), timeout_(timeout), allow_internal_(allow_internal),
        ca_file_(std::move(ca_file)) {}
  virtual ~PeerLink() = default;

  // A signed POST of the JSON `body` to `base_url` + `path`. Any HTTP status is a reply; fails
  // as Exchange does (peer_http.h) when the node cannot be reached. Answers are capped at 64 KiB.
  virtual Result<PeerReply> Post(const std::string& base_url, std::string_view path,
                                 const std::string& body);

  // A signed GET of `base_url` + `path_and_query`, capped at `max_body` bytes. A 200 answer
  // must be signed by `peer_key` for this very request (§3.3 steps 2–6 on the response):
  // otherwise the call fails with the check's error (signature_invalid, …). Other statuses are
  // returned unchecked, for the caller to report.
  virtual Result<PeerReply> GetSigned(const std::string& base_url, std::string_view path_and_query,
                                      const std::array<uint8_t, NodeKey::kPublicKeyBytes>& peer_key,
                                      size_t max_body);

  const NodeKey& key() const { return key_; }

 private:
  Result<PeerReply> Send(const std::string& method, const std::string& url,
                         const std::string& body, size_t max_body);

  const NodeKey& key_;
  const Clock& clock_;
  const std::chrono::milliseconds timeout_;
  const bool allow_internal_;
  const std::string ca_file_;
};

}  // namespace kc::net
