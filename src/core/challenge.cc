#include "core/challenge.h"

namespace kc {

std::string_view ChallengePhaseName(ChallengePhase phase) {
  switch (phase) {
    case ChallengePhase::kOpen:
      return "open";
    case ChallengePhase::kJudging:
      return "judging";
    case ChallengePhase::kAnnounced:
      return "announced";
  }
  return "";
}

std::optional<ChallengePhase> ChallengePhaseFromName(std::string_view name) {
  for (ChallengePhase p :
       {ChallengePhase::kOpen, ChallengePhase::kJudging, ChallengePhase::kAnnounced}) {
    if (ChallengePhaseName(p) == name) return p;
  }
  return std::nullopt;
}

ChallengePhase EffectivePhase(const Challenge& challenge, std::string_view today) {
  // ISO dates compare as text.
  if (challenge.phase == ChallengePhase::kOpen && today > std::string_view(challenge.deadline)) {
    return ChallengePhase::kJudging;
  }
  return challenge.phase;
}

Status ValidateCriteria(const std::vector<ChallengeCriterion>& criteria) {
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

Result<double> WeightedScore(const std::vector<ChallengeCriterion>& criteria,
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
