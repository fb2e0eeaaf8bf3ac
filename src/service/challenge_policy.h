// Who may post, manage, judge and see the proposals of an open challenge (揭榜挂帅): the one place
// these rules live (docs/architecture.md, "Permissions: one policy per domain"). Challenges
// themselves, their judges and the number of proposals are public.
#pragma once

#include <cstdint>
#include <vector>

#include "core/challenge.h"
#include "core/listing.h"
#include "service/actor.h"

namespace kc {

// True when the actor may turn `demand` into an open challenge: members of the demand's
// organisation and platform admins.
bool CanPostChallenge(const Actor& actor, const Listing& demand);

// True when the actor manages the challenge (closes it early, announces the winner): members of the
// posting organisation and platform admins.
bool CanManageChallenge(const Actor& actor, const Challenge& challenge);

// True when the actor is one of `judge_ids`, the challenge's judges, and so scores its proposals.
bool IsJudge(const Actor& actor, const std::vector<int64_t>& judge_ids);

// True when the actor is shown the proposal: those who manage the challenge, its judges
// (`is_judge`, from IsJudge), and the members of the proposing organisation.
bool SeesProposal(const Actor& actor, const Challenge& challenge, const Proposal& proposal,
                  bool is_judge);

}  // namespace kc
