// 朋友圈: a partner platform (peer) in the network's directory (docs/network.md §2), the states
// its partnership moves through, and the cooperation frameworks it can belong to. No I/O.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace kc {

// requested: one side's admin asked, the other has not accepted; active: both accepted, the
// feed is served and pulled; suspended: paused by an admin (its listings leave search, the
// cursor is kept); removed: ended (its listings are deleted).
enum class PeerStatus { kRequested, kActive, kSuspended, kRemoved };
std::string_view PeerStatusName(PeerStatus status);
std::optional<PeerStatus> PeerStatusFromName(std::string_view name);
const std::vector<PeerStatus>& AllPeerStatuses();

// Returns `to` when a peer in `from` may move there, or Conflict ("invalid_transition") naming
// both. Allowed: requested → active | removed; active → suspended | removed;
// suspended → active | removed. removed is final; staying is not a move.
Result<PeerStatus> NextPeerStatus(PeerStatus from, PeerStatus to);

// True when the peer's feed is served to it and pulled from it (active only).
bool Exchanges(PeerStatus status);

// The cooperation frameworks a peer can be tagged with, by code: belt_and_road (一带一路),
// rcep, cptpp, china_japan_korea (中日韩), brics (金砖), sco (上合组织), asean (东盟),
// eu (欧盟), apec.
const std::vector<std::string>& CooperationFrameworks();
bool IsCooperationFramework(std::string_view code);

// Checks a peer's list of frameworks: known codes, no repeats, at most all of them; otherwise
// Invalid(field, "invalid_framework", naming the first bad code).
Status ValidateFrameworks(const std::vector<std::string>& codes,
                          std::string_view field = "frameworks");

// A partner platform as this node keeps it (docs/network.md §2): what its node document said,
// corrected by an admin where the protocol allows (country, frameworks), and the partnership's
// state.
struct Peer {
  int64_t id = 0;
  std::string node_id;  // unique among peers: "kc1…" (docs/network.md §1)
  std::string name;
  std::string base_url;
  std::string public_key;   // base64url, 32 bytes
  std::string fingerprint;  // 64 lowercase hex digits
  std::string country;      // ISO 3166-1 alpha-2
  std::vector<std::string> languages;
  std::vector<std::string> frameworks;  // CooperationFrameworks() codes
  PeerStatus status = PeerStatus::kRequested;
  bool incoming = false;  // the other node asked first (§2 step 2); false: this node's admin did
  // Pulling its feed (§4): the cursor reached, the last successful pull (UNIX s, 0: never),
  // the last pull's failure (empty when it succeeded).
  int64_t feed_cursor = 0;
  int64_t synced_at = 0;
  std::string sync_error;
  // A full pass of its feed after 410 cursor_expired (§4): the change log's end when it began;
  // at its end the copies not rewritten since are closed. 0: no full pass under way.
  int64_t resync_seq = 0;
  int64_t created_at = 0;
  int64_t updated_at = 0;
};

}  // namespace kc
