// 技术交易: opening deals from a demand, an achievement or a match, reading and listing them,
// and moving them through their stages. Every change writes the deal, its audit entry and the
// parties' notices in one transaction. Only parties (and platform admins) see a deal; to anyone
// else it does not exist (NotFound).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/clock.h"
#include "core/deal.h"
#include "core/org.h"
#include "service/actor.h"
#include "service/deal_relay.h"
#include "store/store.h"

namespace kc {

// What a caller asks for when opening a deal. At least one listing; the side without a listing
// is `org_id`, or else the caller's organisation.
struct OpenDealRequest {
  std::optional<int64_t> demand_id;       // the buyer's demand
  std::optional<int64_t> achievement_id;  // the seller's achievement
  // A talent engagement (docs/talent.md) instead: the talent demand (the buyer's side) and/or
  // the talent profile (the seller's side); not together with demand_id or achievement_id.
  std::optional<int64_t> talent_demand_id;
  std::optional<int64_t> talent_id;
  std::optional<int64_t> org_id;         // the other side when only one listing is named
  std::optional<int64_t> broker_org_id;  // a service agency (implied when one opens it)
  std::string title;                     // defaults to the listings' titles
  std::string note;                      // the opening message, may be empty
  // For an inquiry that arrives from a partner platform (docs/network.md §6): the inquiry's id
  // there, which the deal keeps; the partner is the actor's Relayed::peer_id.
  std::string peer_ref;
};

// The partner platform of an inquiry (docs/network.md §6) and how the messages to it fare.
struct DealNetwork {
  int64_t peer_id = 0;
  std::string node_name;   // the partner's name
  std::string inquiry;     // the inquiry's id, the same on both nodes
  int64_t pending = 0;     // messages to the partner not delivered yet
  int64_t failed = 0;      // messages the partner refused
  std::string last_error;  // why the latest of those is not delivered
};

// A deal as its parties see it.
struct DealView {
  Deal deal;
  Org buyer, seller;
  std::optional<Org> broker;
  std::optional<Contract> contract;
  std::optional<DealNetwork> network;       // for an inquiry between nodes
  bool has_confidential = false;            // the achievement holds confidential details
  std::optional<std::string> confidential;  // and here they are, once ConfidentialVisible
  std::vector<AuditEntry> history;          // filled in by Get: every recorded step
  // Who did them, by user id: display name and organisation (filled in by Get).
  struct HistoryActor {
    std::string name;
    std::optional<int64_t> org_id;
  };
  std::map<int64_t, HistoryActor> actors;
};

class Deals {
 public:
  static constexpr size_t kMaxNote = 2000;  // characters of a reason's or opening's free text

  static constexpr size_t kMaxMessage = 5000;  // characters of a message
  static constexpr int64_t kMaxAttachmentBytes = 5 * 1024 * 1024;

  // Attachments are kept as files in `attachments_dir` (created on the first upload).
  Deals(Store& store, const Clock& clock, std::string attachments_dir = "")
      : store_(store), clock_(clock), attachments_dir_(std::move(attachments_dir)) {}

  // Mirrors deals about partners' listings on the partner (docs/network.md §6). Without a
  // relay, such deals stay local. Set before serving; not owned.
  void set_relay(DealRelay* relay) { relay_ = relay; }

  // Opens a deal in the intent stage. The caller must belong to the buyer or seller, or to a
  // service agency (who then brokers it), or be an admin. 422 for unknown listings or
  // organisations, a broker that is no service agency, or buyer and seller being one
  // organisation; 403 when the caller takes no part. A deal about a copy of a partner's listing
  // is an inquiry (docs/network.md §6): it is relayed to the partner, and may name no other
  // partner's listing (422 "remote_listing"). A relayed actor opens the deal for its own
  // organisation as it is (never as a broker), with the request's peer_ref.
  Result<DealView> Open(const Actor& actor, const OpenDealRequest& request);

  // The deal with its history; NotFound for non-parties.
  Result<DealView> Get(const Actor& actor, int64_t id);

  // The deals of the caller's organisation (every deal for an admin), newest first.
  Result<Page<DealView>> ListMine(const Actor& actor, std::optional<DealStage> stage,
                                  int64_t offset, int64_t limit);

  // Moves the deal to `to`: 409 "invalid_transition" when the stage machine forbids it; declined
  // and cancelled need a reason (422 "reason_required"); registered needs a contract record (422
  // "contract_required").
  // A step that binds both parties (signed, registered, completed: NeedsBothParties) is only
  // proposed by the first side that asks (the deal keeps its stage and shows the proposal) and
  // takes effect when the other side asks for the same step; 409 "awaiting_confirmation" when
  // the proposing side asks again, 403 "binding_step" for brokers and others who are neither
  // buyer nor seller. Any other move clears a proposal.
  Result<DealView> ChangeStage(const Actor& actor, int64_t id, DealStage to,
                               std::optional<DealReason> reason, const std::string& note);
  // Withdraws (the proposing side) or refuses (the other side) a proposed binding step: 404
  // when there is none, 403 "binding_step" for those who are neither buyer nor seller.
  Result<DealView> WithdrawProposal(const Actor& actor, int64_t id);

  // Messages and documents (deal_documents.cc). Only parties post and read them; each one is
  // audited and notified to the other parties.
  Result<DealMessage> PostMessage(const Actor& actor, int64_t deal_id, const std::string& text);
  Result<std::vector<DealMessage>> Messages(const Actor& actor, int64_t deal_id);
  // Stores an uploaded document: 413 "attachment_too_large" over kMaxAttachmentBytes; 422
  // "unsupported_type" unless the name's extension is an allowed type (pdf, doc(x), xls(x),
  // ppt(x), png, jpg, txt, zip) and the bytes look like it; 422 "empty_file" for no bytes.
  Result<DealAttachment> Attach(const Actor& actor, int64_t deal_id, const std::string& file_name,
                                const std::string& bytes);
  Result<std::vector<DealAttachment>> Attachments(const Actor& actor, int64_t deal_id);
  // A document and its bytes, for the deal's parties only.
  Result<std::pair<DealAttachment, std::string>> Download(const Actor& actor, int64_t deal_id,
                                                          int64_t attachment_id);

  // 技术合同登记 (deal_contract.cc): records the contract of a signed deal (409 "invalid_stage"
  // in other stages; 422 naming a bad field).
  Result<DealView> RecordContract(const Actor& actor, int64_t deal_id, Contract contract);
  // An achievement's confidential details: written and read by those who may edit the
  // achievement; deal parties see them through Get once ConfidentialVisible.
  Status SetConfidential(const Actor& actor, int64_t achievement_id, const std::string& details);
  Result<std::string> Confidential(const Actor& actor, int64_t achievement_id);

  // An organisation's deal history (deal_export.cc): one row per recorded step of every deal it
  // takes part in (deal, parties, current stage, time, actor, action, detail), as CSV or XLSX.
  // For the organisation's admins and platform admins (403 for others, 404 for no such
  // organisation).
  Result<std::string> ExportHistory(const Actor& actor, int64_t org_id, bool xlsx);

 protected:
  // Records `to` as proposed by the actor's `side` and notifies the parties.
  Status Propose(StoreTx& tx, const Actor& actor, Deal& deal, DealStage to, int64_t side,
                 const std::string& note, int64_t now);
  // Loads the deal for a party inside `tx`; NotFound for everyone else.
  static Result<Deal> PartyDeal(StoreTx& tx, const Actor& actor, int64_t id);
  // Fills in the organisations, contract and confidential details of `deal`.
  static Result<DealView> ViewOf(StoreTx& tx, Deal deal);
  // The same for many deals, in order, with one store call for each kind of detail.
  static Result<std::vector<DealView>> ViewsOf(StoreTx& tx, std::vector<Deal> deals);

  // Tells the relay of a change of a deal with a partner; nothing for local deals.
  Status Relay(StoreTx& tx, const Actor& actor, const Deal& deal, const DealChange& change);

  Store& store_;
  const Clock& clock_;
  std::string attachments_dir_;
  DealRelay* relay_ = nullptr;
};

}  // namespace kc
