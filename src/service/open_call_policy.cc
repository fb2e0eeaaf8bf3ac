#include "service/open_call_policy.h"

#include <algorithm>

namespace kc {

bool CanPostCall(const Actor& actor, const Listing& demand) { return actor.in_org(demand.org_id); }

bool CanManageCall(const Actor& actor, const OpenCall& call) { return actor.in_org(call.org_id); }

bool IsJudge(const Actor& actor, const std::vector<int64_t>& judge_ids) {
  return actor.signed_in() &&
         std::find(judge_ids.begin(), judge_ids.end(), actor.user->id) != judge_ids.end();
}

bool SeesProposal(const Actor& actor, const OpenCall& call, const Proposal& proposal,
                  bool is_judge) {
  const bool own = actor.user && actor.user->org_id && *actor.user->org_id == proposal.org_id;
  return CanManageCall(actor, call) || is_judge || own;
}

}  // namespace kc
