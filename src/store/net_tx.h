// The network part of a store transaction (docs/network.md): the partner directory (朋友圈).
// Reached through StoreTx::net(); everything it does belongs to the enclosing transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "core/peer.h"
#include "core/status.h"

namespace kc {

// Not thread-safe; belongs to its transaction like StoreTx. Lookups of a missing row return
// NotFound("peer"); a node id already in the directory returns Conflict("peer_exists",
// field "node_id").
class NetTx {
 public:
  virtual ~NetTx() = default;

  // Stores a new peer (its id is ignored) and returns its id.
  virtual Result<int64_t> InsertPeer(const Peer& peer) = 0;
  virtual Result<Peer> GetPeer(int64_t id) = 0;
  // The peer with this node id, or nullopt.
  virtual Result<std::optional<Peer>> FindPeerByNodeId(std::string_view node_id) = 0;
  // Writes every field but id, node_id and created_at.
  virtual Status UpdatePeer(const Peer& peer) = 0;
  // The peers in `status` (every peer without one), by name then id.
  virtual Result<std::vector<Peer>> ListPeers(std::optional<PeerStatus> status) = 0;
};

}  // namespace kc
