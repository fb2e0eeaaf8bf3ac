// 朋友圈: the partner directory (docs/network.md §2). An admin adds a partner platform by its
// base URL and the key fingerprint its admin gave out of band; the node document fetched from
// that URL must carry that key. Admins then move the partnership through its states; everyone
// sees the active partners.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/peer.h"
#include "net/node_fetch.h"
#include "service/actor.h"
#include "store/store.h"

namespace kc::net {

// What an admin changes on a peer; unset members stay as they are.
struct PeerChange {
  std::optional<PeerStatus> status;
  std::optional<std::string> country;
  std::optional<std::vector<std::string>> frameworks;
};

class Peers {
 public:
  // `own_node_id`: this node's id, which is never its own peer. `fetch` reads a node document.
  Peers(Store& store, const Clock& clock, std::string own_node_id, NodeDocumentFetcher fetch)
      : store_(store), clock_(clock), own_node_id_(std::move(own_node_id)),
        fetch_(std::move(fetch)) {}

  // Adds the node at `base_url` as `requested` (admins). Its document must pass
  // ParseNodeDocument (422 naming base_url and the document's fault otherwise) and carry a key
  // whose fingerprint is `fingerprint` (spaces and case ignored; 409 fingerprint_mismatch otherwise); 409
  // peer_exists when the node is in the directory (a removed one included), 422 for this node
  // itself or bad frameworks. 503 peer_unreachable when it cannot be fetched.
  Result<Peer> Add(const Actor& actor, const std::string& base_url, const std::string& fingerprint,
                   std::vector<std::string> frameworks);
  // Applies `change` (admins): a status move allowed by NextPeerStatus (409
  // invalid_transition), a country code, frameworks. Audited.
  Result<Peer> Change(const Actor& actor, int64_t id, const PeerChange& change);
  // Every peer, or those in `status` (admins).
  Result<std::vector<Peer>> List(const Actor& actor, std::optional<PeerStatus> status);
  Result<Peer> Get(const Actor& actor, int64_t id);
  // The active peers, for the public partners page.
  Result<std::vector<Peer>> ListPartners();

 private:
  Store& store_;
  const Clock& clock_;
  const std::string own_node_id_;
  const NodeDocumentFetcher fetch_;
};

}  // namespace kc::net
