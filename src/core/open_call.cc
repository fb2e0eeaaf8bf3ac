#include "core/open_call.h"

namespace kc {

std::string_view CallPhaseName(CallPhase phase) {
  switch (phase) {
    case CallPhase::kOpen:
      return "open";
    case CallPhase::kJudging:
      return "judging";
    case CallPhase::kAnnounced:
      return "announced";
  }
  return "";
}

std::optional<CallPhase> CallPhaseFromName(std::string_view name) {
  for (CallPhase p : {CallPhase::kOpen, CallPhase::kJudging, CallPhase::kAnnounced}) {
    if (CallPhaseName(p) == name) return p;
  }
  return std::nullopt;
}

CallPhase EffectivePhase(const OpenCall& call, std::string_view today) {
  // ISO dates compare as text.
  if (call.phase == CallPhase::kOpen && today > std::string_view(call.deadline)) {
    return CallPhase::kJudging;
  }
  return call.phase;
}

Status ValidateCriteria(const std::vector<CallCriterion>& criteria) {
  if (criteria.empty() || criteria.size() > 10) {
    return Invalid("criteria", "invalid_criteria", "give 1 to 10 judging criteria");
  }
  for (const auto& c : criteria) {
    if (c.name.find_first_not_of(' ') == std::string::npos || c.name.size() > 200) {
      return Invalid("criteria", "invalid_criteria", "every criterion needs a short name");
    }
    if (!(c.weight > 0 && c.weight <= 100)) {
      return Invalid("criteria", "invalid_criteria",
                     "a criterion's weight is above 0, at most 100");
    }
  }
  return Status::Ok();
}

Result<double> WeightedScore(const std::vector<CallCriterion>& criteria,
                             const std::vector<double>& scores) {
  if (scores.size() != criteria.size()) {
    return Invalid("scores", "invalid_scores",
                   "give one score per criterion (" + std::to_string(criteria.size()) + ")");
  }
  double sum = 0, weights = 0;
  for (size_t i = 0; i < scores.size(); ++i) {
    if (!(scores[i] >= 0 && scores[i] <= 100)) {
      return Invalid("scores", "invalid_scores", "a score is 0 to 100");
    }
    sum += scores[i] * criteria[i].weight;
    weights += criteria[i].weight;
  }
  return weights > 0 ? sum / weights : 0.0;
}

}  // namespace kc
