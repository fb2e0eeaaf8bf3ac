#include "service/challenge_policy.h"

#include <algorithm>

namespace kc {

bool CanPostChallenge(const Actor& actor, const Listing& demand) {
  return actor.in_org(demand.org_id);
}

bool CanManageChallenge(const Actor& actor, const Challenge& challenge) {
  return actor.in_org(challenge.org_id);
}

bool IsJudge(const Actor& actor, const std::vector<int64_t>& judge_ids) {
  return actor.signed_in() &&
         std::find(judge_ids.begin(), judge_ids.end(), actor.user->id) != judge_ids.end();
}

bool SeesProposal(const Actor& actor, const Challenge& challenge, const Proposal& proposal,
                  bool is_judge) {
  const bool own = actor.user && actor.user->org_id && *actor.user->org_id == proposal.org_id;
  return CanManageChallenge(actor, challenge) || is_judge || own;
}

}  // namespace kc
