// The receiving side of docs/network.md §3.3: who signed a request from another node, checked
// in the order of that section, with the replay memory (in this process, and in the database for
// the other app nodes on it) and the peer's status.
#pragma once

#include <array>
#include <mutex>
#include <unordered_map>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/clock.h"
#include "core/peer.h"
#include "core/status.h"
#include "net/http_signature.h"
#include "net/node_key.h"
#include "net/nonce_cache.h"
#include "store/store.h"

namespace kc::net {

// A request as the HTTP layer received it.
struct ReceivedRequest {
  std::string method;          // "GET", "POST"
  std::string path_and_query;  // the request target as sent, e.g. "/api/v1/net/feed?after=0"
  std::string body;
  SignatureHeaders headers;    // "" for an absent header
};

class PeerAuth {
 public:
  // Signed requests a node may make per minute (§5 rate_limited): enough for an initial sync
  // of a large feed at full speed, not for a flood.
  static constexpr int kRequestsPerMinute = 1200;
  // Peer requests (§2 step 2) one client address may send per 10 minutes: anyone can make a
  // key, so these are counted by address, before any work.
  static constexpr int kPeerRequestsPer10Minutes = 10;

  // `base_url`: this node's, from which the signed @target-uri is rebuilt (§3.1).
  PeerAuth(Store& store, const Clock& clock, std::string base_url)
      : store_(store), clock_(clock), base_url_(std::move(base_url)) {}

  // The peer in the directory that signed `request` (§3.3 steps 2–8): unknown_key (401) for a
  // key id that is no peer's, the signature's own errors, replayed (401) for a nonce seen in the
  // last 600 s, rate_limited (429) beyond kRequestsPerMinute for one key, and peer_not_active
  // (403) when `need_active` and the peer is not active (a removed peer included). Every
  // refusal is logged with the key id.
  Result<Peer> Authenticate(const ReceivedRequest& request, bool need_active);

  // The same checks for a request signed by `public_key`, a node not yet in the directory (a
  // peer request, §2 step 2): its key id must be that key's node id.
  // rate_limited (429) when `client` sent kPeerRequestsPer10Minutes peer requests in the
  // current 10 minutes already; counts this one.
  Status AllowPeerRequest(const std::string& client);

  Result<VerifiedSignature> AuthenticateKey(
      const ReceivedRequest& request,
      const std::array<uint8_t, NodeKey::kPublicKeyBytes>& public_key);

 private:
  Result<VerifiedSignature> Check(const ReceivedRequest& request, const PublicKeyLookup& key_of);
  // Requests counted per key in fixed windows of `seconds`.
  class Window {
   public:
    Window(int64_t seconds, int limit) : seconds_(seconds), limit_(limit) {}
    // Counts one request of `key` at `now`; false beyond the limit.
    bool Count(const std::string& key, int64_t now);

   private:
    const int64_t seconds_;
    const int limit_;
    std::mutex mu_;
    int64_t window_ = 0;                          // the window the counts are for
    std::unordered_map<std::string, int> count_;  // key → requests in it
  };

  Store& store_;
  const Clock& clock_;
  const std::string base_url_;
  NonceCache nonces_;
  Window per_key_{60, kRequestsPerMinute};
  Window per_client_{600, kPeerRequestsPer10Minutes};
};

}  // namespace kc::net
