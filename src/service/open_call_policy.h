// Who may post, manage, judge and see the proposals of an open call (揭榜挂帅): the one place
// these rules live (docs/architecture.md, "Permissions: one policy per domain"). Calls
// themselves, their judges and the number of proposals are public.
#pragma once

#include <cstdint>
#include <vector>

#include "core/listing.h"
#include "core/open_call.h"
#include "service/actor.h"

namespace kc {

// True when the actor may turn `demand` into an open call: members of the demand's
// organisation and platform admins.
bool CanPostCall(const Actor& actor, const Listing& demand);

// True when the actor manages the call (closes it early, announces the winner): members of the
// posting organisation and platform admins.
bool CanManageCall(const Actor& actor, const OpenCall& call);

// True when the actor is one of `judge_ids`, the call's judges, and so scores its proposals.
bool IsJudge(const Actor& actor, const std::vector<int64_t>& judge_ids);

// True when the actor is shown the proposal: those who manage the call, its judges
// (`is_judge`, from IsJudge), and the members of the proposing organisation.
bool SeesProposal(const Actor& actor, const OpenCall& call, const Proposal& proposal,
                  bool is_judge);

}  // namespace kc
