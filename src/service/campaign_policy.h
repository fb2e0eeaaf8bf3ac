// Who may see and act on a campaign (榜单与奖项), its nominations and their review: the one place
// these rules live (docs/architecture.md, "Permissions: one policy per domain").
#pragma once

#include <cstdint>
#include <vector>

#include "core/campaign.h"
#include "service/actor.h"
#include "store/campaign_tx.h"

namespace kc {

// True when the actor runs campaigns: creates, edits, opens, starts the review, publishes.
// Platform admins only.
bool CanRunCampaigns(const Actor& actor);

// True when the actor sees draft campaigns (and anything inside them): platform admins only.
// Everyone else is told a draft does not exist.
bool SeesDraftCampaigns(const Actor& actor);

// True when the actor may see the campaign: every campaign that is not a draft is public.
bool CanSeeCampaign(const Actor& actor, const Campaign& campaign);

// True when the campaign's results are public: once it is published, to everyone.
bool HasPublicResults(const Campaign& campaign);

// True when the actor may nominate on behalf of organisation `nominator_org_id`: its org admins
// and platform admins.
bool CanNominateFor(const Actor& actor, int64_t nominator_org_id);

// True when the actor may read the nomination: platform admins, and the members of the
// organisation that nominated it. (Assigned reviewers read theirs through their review tasks.)
bool CanSeeNomination(const Actor& actor, const Nomination& nomination);

// True when the actor is shown which organisation nominated. Reviewers score blind: reading a
// nomination as its assigned reviewer (`as_reviewer`) never shows the nominator, whatever the
// actor's other roles; otherwise those who may see the nomination see its nominator.
bool SeesNominator(const Actor& actor, const Nomination& nomination, bool as_reviewer);

// True when the actor may declare a conflict of interest for `reviewer_id`: the reviewer
// themself, or a platform admin for anyone.
bool CanDeclareConflictFor(const Actor& actor, int64_t reviewer_id);

// True when the actor is one of the reviewers `assignments` give nomination `nomination_id`, and
// so may score it.
bool CanScore(const Actor& actor, int64_t nomination_id,
              const std::vector<Assignment>& assignments);

}  // namespace kc
