// Inquiries between nodes (docs/network.md §6). A member who opens a deal about a copy of a
// partner's listing opens an inquiry: the deal here is mirrored by one on the listing's origin,
// and every later message, stage move or withdrawn proposal on either side travels to the other
// as a signed message. Messages to partners are queued in the transaction of the change they
// report (the outbox, sent by OutboxSender) and received once each (the inbox), so a retry or a
// crash never loses or doubles one.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/clock.h"
#include "core/peer.h"
#include "core/status.h"
#include "service/deal_relay.h"
#include "service/deals.h"
#include "store/store.h"

namespace kc::net {

inline constexpr std::string_view kInquiriesPath = "/api/v1/net/inquiries";
inline constexpr std::string_view kInquiryEventsPath = "/api/v1/net/inquiry-events";

// What the receiver answers: the status (201 for a new inquiry, 200 otherwise) and the body.
struct InquiryReceipt {
  int status = 200;
  std::string body;  // {"inquiry": {…}} or {"event": {…}}
};

class Inquiries : public DealRelay {
 public:
  // `deals` opens and changes the deals that partners' messages ask for; register this object
  // as its relay (Deals::set_relay).
  Inquiries(Store& store, const Clock& clock, Deals& deals)
      : store_(store), clock_(clock), deals_(deals) {}

  // DealRelay: queues the §6 message that reports a local change of a deal with a partner, or
  // records a partner's message (Actor::relayed) as received.
  Status Relay(StoreTx& tx, const Actor& actor, const Deal& deal,
               const DealChange& change) override;

  // §6.1 received: `peer` (an active peer that signed the request) sends an inquiry about one
  // of this node's shared demands or achievements. Opens the deal at the intent stage with the
  // inquirer's organisation (made here once per partner organisation); 201 with this node's
  // deal id, or 200 with the same for an inquiry already received. 400 bad_message for a body
  // §6.1 does not allow, 404 unknown_listing when the listing is not one this node shares.
  Result<InquiryReceipt> ReceiveInquiry(const Peer& peer, std::string_view body);

  // §6.2 received: a message, stage move or withdrawn proposal on the deal of one of `peer`'s
  // inquiries, applied as that partner's party does it here (the same rules as a local party's:
  // 409 invalid_transition, 422 reason_required, …). 200, with "applied": false for an event
  // already received. 404 unknown_inquiry when the peer has no such inquiry here.
  Result<InquiryReceipt> ReceiveEvent(const Peer& peer, std::string_view body);

 private:
  // The actor standing for the partner's party of `deal` (the organisation of `peer` in it).
  Result<Actor> PartnerActor(int64_t peer_id, const Deal& deal, const std::string& author,
                             const std::string& message_id);

  Store& store_;
  const Clock& clock_;
  Deals& deals_;
};

}  // namespace kc::net
