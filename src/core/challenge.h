// 揭榜挂帅: an open challenge made from an enterprise's demand, with a reward, a deadline and
// judging criteria; experts and institutions submit proposals, judges score them, a winner is
// announced. No I/O.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace kc {

// The phases a challenge goes through: proposals are taken while open, scored while judging, and
// the winner is known once announced.
enum class ChallengePhase { kOpen, kJudging, kAnnounced };
std::string_view ChallengePhaseName(ChallengePhase phase);
std::optional<ChallengePhase> ChallengePhaseFromName(std::string_view name);

// One judging criterion and its weight (weights are relative; they need not sum to 1).
struct ChallengeCriterion {
  std::string name;
  double weight = 1;
};

struct Challenge {
  int64_t id = 0;
  int64_t demand_id = 0;
  int64_t org_id = 0;  // the enterprise that posts it (the demand's organisation)
  std::string title;
  std::string description;
  int64_t reward_cny = 0;
  std::string deadline;  // YYYY-MM-DD, the last day proposals are taken
  std::vector<ChallengeCriterion> criteria;
  ChallengePhase phase = ChallengePhase::kOpen;  // as stored; see EffectivePhase
  std::optional<int64_t> winner_proposal_id;
  std::optional<int64_t> deal_id;  // the deal opened with the winner
  int64_t created_by = 0;
  int64_t created_at = 0;
  int64_t announced_at = 0;
};

// The phase a challenge is in on `today` (YYYY-MM-DD): an open challenge whose deadline has passed
// is judging.
ChallengePhase EffectivePhase(const Challenge& challenge, std::string_view today);

// Checks criteria: 1 to 10, each with a name and a weight in (0, 100]. Invalid status naming
// "criteria" otherwise.
Status ValidateCriteria(const std::vector<ChallengeCriterion>& criteria);

// A judge's scores (one per criterion, each 0 to 100) folded into one weighted score of 0 to
// 100; Invalid ("scores") when the count or a value is wrong.
Result<double> WeightedScore(const std::vector<ChallengeCriterion>& criteria,
                             const std::vector<double>& scores);

// 揭榜方案: an organisation's answer to a challenge.
struct Proposal {
  int64_t id = 0;
  int64_t call_id = 0;
  int64_t org_id = 0;
  int64_t author_id = 0;
  std::string summary;
  std::optional<int64_t> achievement_id;  // an achievement it builds on, if any
  int64_t created_at = 0;
  // Filled in by lists:
  std::string org_name;
  double score = 0;  // the mean of the judges' weighted scores
  int judges_scored = 0;
};

// One judge's scores of one proposal.
struct ProposalScore {
  int64_t proposal_id = 0;
  int64_t judge_id = 0;
  std::vector<double> scores;
  double total = 0;
  int64_t scored_at = 0;
};

}  // namespace kc
