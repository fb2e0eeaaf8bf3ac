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
#include "net/node_document.h"
#include "net/node_fetch.h"
#include "net/peer_link.h"
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
  // With a `link` (and this node's document, `own_document`), adding and accepting a peer send
  // the signed messages of §2 steps 2 and 3; without, only the directory changes here.
  Peers(Store& store, const Clock& clock, std::string own_node_id, NodeDocumentFetcher fetch,
        PeerLink* link = nullptr, std::string own_document = "")
      : store_(store), clock_(clock), own_node_id_(std::move(own_node_id)),
        fetch_(std::move(fetch)), link_(link), own_document_(std::move(own_document)) {}

  // Adds the node at `base_url` as `requested` (admins), after sending it this node's peer
  // request (§2 step 2; 503 peer_refused when it does not take it, and nothing is stored). Its document must pass
  // ParseNodeDocument (422 naming base_url and the document's fault otherwise) and carry a key
  // whose fingerprint is `fingerprint` (spaces and case ignored; 409 fingerprint_mismatch otherwise); 409
  // peer_exists when the node is in the directory (a removed one included), 422 for this node
  // itself or bad frameworks. 503 peer_unreachable when it cannot be fetched.
  Result<Peer> Add(const Actor& actor, const std::string& base_url, const std::string& fingerprint,
                   std::vector<std::string> frameworks);
  // Applies `change` (admins): a status move allowed by NextPeerStatus (409
  // invalid_transition), a country code, frameworks. Audited. Accepting an incoming request
  // (requested → active) first sends the acceptance (§2 step 3; 503 peer_refused when it is not
  // taken); a request this node sent becomes active only by the partner's acceptance (409
  // awaiting_acceptance). Suspending or removing closes the peer's copies (feed_apply.h).
  Result<Peer> Change(const Actor& actor, int64_t id, const PeerChange& change);
  // Every peer, or those in `status` (admins).
  Result<std::vector<Peer>> List(const Actor& actor, std::optional<PeerStatus> status);
  Result<Peer> Get(const Actor& actor, int64_t id);
  // The active peers, for the public partners page.
  Result<std::vector<Peer>> ListPartners();
  // Where the partners' listings among `listing_ids` come from (public: copies are published).
  Result<std::vector<NetTx::CopyOrigin>> OriginsOf(const std::vector<int64_t>& listing_ids);

  // §2 step 2 received: `node`, whose signature the caller checked, asks to be a partner. It is
  // stored as an incoming `requested` peer (its document's base URL must serve the same key:
  // 409 fingerprint_mismatch otherwise); asking again while requested changes nothing; 409
  // peer_exists for a node in any other state, 422 own_node for this node itself.
  Result<Peer> Receive(const NodeDocument& node);
  // §2 step 3 received: `peer` (the signer) accepted this node's request; it becomes active.
  // Accepting twice changes nothing; 409 invalid_transition unless this node asked.
  Result<Peer> Accepted(const Peer& peer);

 private:
  Store& store_;
  const Clock& clock_;
  const std::string own_node_id_;
  const NodeDocumentFetcher fetch_;
  PeerLink* const link_;
  const std::string own_document_;
};

}  // namespace kc::net
