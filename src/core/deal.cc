#include "core/deal.h"

#include <array>
#include <utility>

namespace kc {

namespace {

constexpr std::array<std::pair<DealStage, std::string_view>, 8> kStageNames = {{
    {DealStage::kIntent, "intent"},
    {DealStage::kNda, "nda"},
    {DealStage::kNegotiating, "negotiating"},
    {DealStage::kSigned, "signed"},
    {DealStage::kRegistered, "registered"},
    {DealStage::kCompleted, "completed"},
    {DealStage::kDeclined, "declined"},
    {DealStage::kCancelled, "cancelled"},
}};

constexpr std::array<std::pair<DealKind, std::string_view>, 2> kKindNames = {{
    {DealKind::kTechnology, "technology"},
    {DealKind::kTalent, "talent"},
}};

constexpr std::array<std::pair<DealReason, std::string_view>, 6> kReasonNames = {{
    {DealReason::kTooEarly, "too_early"},
    {DealReason::kPrice, "price"},
    {DealReason::kTechnicalFit, "technical_fit"},
    {DealReason::kIpTerms, "ip_terms"},
    {DealReason::kCapacity, "capacity"},
    {DealReason::kOther, "other"},
}};

constexpr std::array<std::pair<ContractType, std::string_view>, 5> kContractNames = {{
    {ContractType::kDevelopment, "development"},
    {ContractType::kTransfer, "transfer"},
    {ContractType::kLicense, "license"},
    {ContractType::kConsulting, "consulting"},
    {ContractType::kService, "service"},
}};

template <typename E, size_t N>
std::string_view NameIn(const std::array<std::pair<E, std::string_view>, N>& table, E value) {
  for (const auto& [v, name] : table) {
    if (v == value) return name;
  }
  return "";
}

template <typename E, size_t N>
std::optional<E> ValueIn(const std::array<std::pair<E, std::string_view>, N>& table,
                         std::string_view name) {
  for (const auto& [v, n] : table) {
    if (n == name) return v;
  }
  return std::nullopt;
}

bool Allowed(DealStage from, DealStage to, DealKind kind) {
  using S = DealStage;
  // A talent engagement has no registration: signed → completed | cancelled, and nothing leads
  // to or leaves registered.
  if (kind == DealKind::kTalent &&
      (from == S::kSigned || from == S::kRegistered || to == S::kRegistered)) {
    return from == S::kSigned && (to == S::kCompleted || to == S::kCancelled);
  }
  switch (from) {
    case S::kIntent:
      return to == S::kNda || to == S::kNegotiating || to == S::kDeclined || to == S::kCancelled;
    case S::kNda:
      return to == S::kNegotiating || to == S::kDeclined || to == S::kCancelled;
    case S::kNegotiating:
      return to == S::kSigned || to == S::kDeclined || to == S::kCancelled;
    case S::kSigned:
      return to == S::kRegistered || to == S::kCancelled;
    case S::kRegistered:
      return to == S::kCompleted;
    case S::kCompleted:
    case S::kDeclined:
    case S::kCancelled:
      return false;
  }
  return false;
}

}  // namespace

std::string_view DealStageName(DealStage stage) { return NameIn(kStageNames, stage); }

std::optional<DealStage> DealStageFromName(std::string_view name) {
  return ValueIn(kStageNames, name);
}

const std::vector<DealStage>& AllDealStages() {
  static const std::vector<DealStage> all = [] {
    std::vector<DealStage> v;
    for (const auto& [s, name] : kStageNames) v.push_back(s);
    return v;
  }();
  return all;
}

std::string_view DealKindName(DealKind kind) { return NameIn(kKindNames, kind); }

std::optional<DealKind> DealKindFromName(std::string_view name) {
  return ValueIn(kKindNames, name);
}

Result<DealStage> NextDealStage(DealStage from, DealStage to, DealKind kind) {
  if (!Allowed(from, to, kind)) {
    return Conflict("invalid_transition", "a deal cannot move from " +
                                              std::string(DealStageName(from)) + " to " +
                                              std::string(DealStageName(to)));
  }
  return to;
}

bool NeedsBothParties(DealStage stage) {
  return stage == DealStage::kSigned || stage == DealStage::kRegistered ||
         stage == DealStage::kCompleted;
}

bool NeedsReason(DealStage stage) {
  return stage == DealStage::kDeclined || stage == DealStage::kCancelled;
}

bool IsFinal(DealStage stage) {
  return stage == DealStage::kCompleted || stage == DealStage::kDeclined ||
         stage == DealStage::kCancelled;
}

std::string_view DealReasonName(DealReason reason) { return NameIn(kReasonNames, reason); }

std::optional<DealReason> DealReasonFromName(std::string_view name) {
  return ValueIn(kReasonNames, name);
}

const std::vector<DealReason>& AllDealReasons() {
  static const std::vector<DealReason> all = [] {
    std::vector<DealReason> v;
    for (const auto& [r, name] : kReasonNames) v.push_back(r);
    return v;
  }();
  return all;
}

std::string_view ContractTypeName(ContractType type) { return NameIn(kContractNames, type); }

std::optional<ContractType> ContractTypeFromName(std::string_view name) {
  return ValueIn(kContractNames, name);
}

bool ConfidentialVisible(const Deal& deal) { return deal.nda_passed && !NeedsReason(deal.stage); }

}  // namespace kc
