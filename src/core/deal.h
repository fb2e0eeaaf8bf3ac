// 技术交易: a technology transaction between a buyer and a seller organisation, optionally
// brokered by a service agency, and the stage machine it moves through. No I/O.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace kc {

// The stages of a deal. The forward path is intent → nda (optional) → negotiating → signed →
// registered → completed; declined and cancelled end a deal early.
enum class DealStage {
  kIntent,       // 意向: one side has shown interest
  kNda,          // 保密协议: a non-disclosure agreement is in force
  kNegotiating,  // 谈判
  kSigned,       // 签约: the contract is signed
  kRegistered,   // 技术合同登记: the contract is registered
  kCompleted,    // 履约完成
  kDeclined,     // 婉拒: the other side said no (with a reason)
  kCancelled,    // 撤销: withdrawn (with a reason)
};
std::string_view DealStageName(DealStage stage);
std::optional<DealStage> DealStageFromName(std::string_view name);
// Every stage, in the order above.
const std::vector<DealStage>& AllDealStages();

// What a deal is about: a technology transaction (a demand and/or an achievement), or a talent
// engagement (引才引智, docs/talent.md: a talent demand and/or a talent profile), which moves
// through the same stages but has no technology contract to register.
enum class DealKind { kTechnology, kTalent };
std::string_view DealKindName(DealKind kind);  // "technology", "talent"
std::optional<DealKind> DealKindFromName(std::string_view name);

// Returns `to` when a deal in `from` may move there, or a Conflict status
// ("invalid_transition") naming both stages. Allowed moves:
//   intent → nda | negotiating | declined | cancelled
//   nda → negotiating | declined | cancelled
//   negotiating → signed | declined | cancelled
//   signed → registered | cancelled
//   registered → completed
// completed, declined and cancelled are final; staying in the same stage is not a move. A talent
// engagement goes signed → completed | cancelled instead: it is never registered.
Result<DealStage> NextDealStage(DealStage from, DealStage to,
                                DealKind kind = DealKind::kTechnology);

// True for the steps that bind both parties (signed, registered, completed): one side proposes
// them and they take effect only when the other side confirms.
bool NeedsBothParties(DealStage stage);

// True for the stages that end a deal early and so need a reason.
bool NeedsReason(DealStage stage);
// True for completed, declined and cancelled.
bool IsFinal(DealStage stage);

// Why a deal was declined or cancelled: a fixed list, plus free text in the deal's note.
enum class DealReason { kTooEarly, kPrice, kTechnicalFit, kIpTerms, kCapacity, kOther };
std::string_view DealReasonName(DealReason reason);
std::optional<DealReason> DealReasonFromName(std::string_view name);
const std::vector<DealReason>& AllDealReasons();

// 技术合同类型: the five kinds of technology contract that can be registered.
enum class ContractType { kDevelopment, kTransfer, kLicense, kConsulting, kService };
std::string_view ContractTypeName(ContractType type);
std::optional<ContractType> ContractTypeFromName(std::string_view name);

// A deal. Parties are organisations; the broker is a service agency (技术转移服务机构).
struct Deal {
  int64_t id = 0;
  std::string title;
  DealKind kind = DealKind::kTechnology;
  // The buyer's demand it started from, if any (a talent demand in a talent engagement).
  std::optional<int64_t> demand_id;
  // The seller's achievement it is about, if any (a talent profile in a talent engagement).
  std::optional<int64_t> achievement_id;
  std::optional<int64_t> call_id;  // the challenge it was awarded by, if any
  int64_t buyer_org_id = 0;
  int64_t seller_org_id = 0;
  std::optional<int64_t> broker_org_id;
  DealStage stage = DealStage::kIntent;
  std::optional<DealReason> reason;  // set when declined or cancelled
  std::string reason_note;           // free text the other side sees
  bool nda_passed = false;           // the deal went from nda to negotiating
  int64_t opened_by = 0;             // user id
  int64_t created_at = 0;
  int64_t updated_at = 0;
  int64_t signed_at = 0;      // 0 until signed
  int64_t registered_at = 0;  // 0 until registered
  // A binding step (NeedsBothParties) that one side asked for and the other has not confirmed.
  std::optional<DealStage> proposed_stage;
  std::optional<int64_t> proposed_by_org;  // the buyer or the seller organisation
  std::optional<int64_t> proposed_by;      // the user who proposed it
  int64_t proposed_at = 0;
  // An inquiry between nodes (docs/network.md §6): the partner platform that holds the other
  // copy of this deal, and the inquiry's id, the same on both nodes. Empty for local deals.
  std::optional<int64_t> peer_id;
  std::string peer_ref;
};

// True when a party may see the confidential details of the deal's achievement: only after an
// NDA has been in force and the deal went on past it, and while the deal is not declined or
// cancelled.
bool ConfidentialVisible(const Deal& deal);

// 技术合同登记: the contract record a deal needs to enter the registered stage.
struct Contract {
  int64_t deal_id = 0;
  ContractType type = ContractType::kDevelopment;
  int64_t amount_cny = 0;
  std::string signed_on;  // YYYY-MM-DD
  std::string registration_no;
  int64_t recorded_by = 0;
  int64_t recorded_at = 0;
};

// A text message inside a deal.
struct DealMessage {
  int64_t id = 0;
  int64_t deal_id = 0;
  int64_t author_id = 0;
  std::string author_name;  // filled in by lists: author_label, else the user's name
  std::string text;
  int64_t created_at = 0;
  // The author as a partner platform named them (docs/network.md §6); empty for local authors.
  std::string author_label;
};

// A document inside a deal; the bytes live in the data directory under `stored_name`.
struct DealAttachment {
  int64_t id = 0;
  int64_t deal_id = 0;
  int64_t uploader_id = 0;
  std::string file_name;     // as uploaded, for the download
  std::string content_type;  // checked against the allowed types
  int64_t size = 0;
  std::string stored_name;  // the file's name under <data>/attachments/
  int64_t created_at = 0;
};

}  // namespace kc
