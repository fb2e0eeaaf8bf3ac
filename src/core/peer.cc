#include "core/peer.h"

#include <algorithm>
#include <array>
#include <set>

namespace kc {

namespace {

constexpr std::array<std::pair<PeerStatus, std::string_view>, 4> kStatusNames = {{
    {PeerStatus::kRequested, "requested"},
    {PeerStatus::kActive, "active"},
    {PeerStatus::kSuspended, "suspended"},
    {PeerStatus::kRemoved, "removed"},
}};

}  // namespace

std::string_view PeerStatusName(PeerStatus status) {
  for (const auto& [s, name] : kStatusNames) {
    if (s == status) return name;
  }
  return "requested";
}

std::optional<PeerStatus> PeerStatusFromName(std::string_view name) {
  for (const auto& [s, n] : kStatusNames) {
    if (n == name) return s;
  }
  return std::nullopt;
}

const std::vector<PeerStatus>& AllPeerStatuses() {
  static const std::vector<PeerStatus> all = {PeerStatus::kRequested, PeerStatus::kActive,
                                              PeerStatus::kSuspended, PeerStatus::kRemoved};
  return all;
}

Result<PeerStatus> NextPeerStatus(PeerStatus from, PeerStatus to) {
  bool allowed = false;
  switch (from) {
    case PeerStatus::kRequested:
      allowed = to == PeerStatus::kActive || to == PeerStatus::kRemoved;
      break;
    case PeerStatus::kActive:
      allowed = to == PeerStatus::kSuspended || to == PeerStatus::kRemoved;
      break;
    case PeerStatus::kSuspended:
      allowed = to == PeerStatus::kActive || to == PeerStatus::kRemoved;
      break;
    case PeerStatus::kRemoved:
      break;
  }
  if (!allowed) {
    return Conflict("invalid_transition", "a peer cannot move from " +
                                              std::string(PeerStatusName(from)) + " to " +
                                              std::string(PeerStatusName(to)),
                    "status");
  }
  return to;
}

bool Exchanges(PeerStatus status) { return status == PeerStatus::kActive; }

const std::vector<std::string>& CooperationFrameworks() {
  static const std::vector<std::string> all = {"belt_and_road", "rcep", "cptpp",
                                               "china_japan_korea", "brics", "sco",
                                               "asean", "eu", "apec"};
  return all;
}

bool IsCooperationFramework(std::string_view code) {
  const auto& all = CooperationFrameworks();
  return std::find(all.begin(), all.end(), code) != all.end();
}

Status ValidateFrameworks(const std::vector<std::string>& codes, std::string_view field) {
  std::set<std::string_view> seen;
  for (const auto& code : codes) {
    if (!IsCooperationFramework(code)) {
      return Invalid(std::string(field), "invalid_framework",
                     "unknown cooperation framework: " + code.substr(0, 40));
    }
    if (!seen.insert(code).second) {
      return Invalid(std::string(field), "invalid_framework", "listed twice: " + code);
    }
  }
  return Status::Ok();
}

}  // namespace kc
