// The seam between deals and the network (docs/network.md §6): a deal about a partner
// platform's listing (an inquiry) is mirrored on that platform, and every change one side makes
// travels to the other. Deals calls the relay inside the transaction of each such change, so the
// change and what reports it commit together or not at all.
#pragma once

#include <optional>
#include <string>

#include "core/deal.h"
#include "core/status.h"
#include "service/actor.h"
#include "store/store.h"

namespace kc {

// One change of a deal with a partner, as the other side must hear of it.
struct DealChange {
  enum class Kind {
    kOpened,    // the deal was opened: `text` is the opening note
    kMessage,   // a message: `text`
    kStage,     // a move to `stage` (or its proposal, for a binding step), with `reason`, `text`
    kWithdraw,  // the proposed binding step was withdrawn or refused
  };
  Kind kind = Kind::kMessage;
  std::string text;
  std::optional<DealStage> stage;
  std::optional<DealReason> reason;
};

class DealRelay {
 public:
  virtual ~DealRelay() = default;
  // Called inside `tx` after `deal` (one with a peer_id) has changed by `change`. For a local
  // actor it queues the message to the partner; for a relayed one (Actor::relayed) it records
  // the partner's message as received, Conflict("duplicate_message") when it already was. An
  // error rolls the whole change back.
  virtual Status Relay(StoreTx& tx, const Actor& actor, const Deal& deal,
                       const DealChange& change) = 0;
};

}  // namespace kc
