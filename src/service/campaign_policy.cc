#include "service/campaign_policy.h"

namespace kc {

bool CanRunCampaigns(const Actor& actor) { return actor.is_admin(); }

bool SeesDraftCampaigns(const Actor& actor) { return actor.is_admin(); }

bool CanSeeCampaign(const Actor& actor, const Campaign& campaign) {
  return campaign.status != CampaignStatus::kDraft || SeesDraftCampaigns(actor);
}

bool HasPublicResults(const Campaign& campaign) {
  return campaign.status == CampaignStatus::kPublished;
}

bool CanNominateFor(const Actor& actor, int64_t nominator_org_id) {
  return actor.manages_org(nominator_org_id);
}

bool CanSeeNomination(const Actor& actor, const Nomination& nomination) {
  return actor.is_admin() || actor.in_org(nomination.nominator_org_id);
}

bool SeesNominator(const Actor& actor, const Nomination& nomination, bool as_reviewer) {
  return !as_reviewer && CanSeeNomination(actor, nomination);
}

bool CanDeclareConflictFor(const Actor& actor, int64_t reviewer_id) {
  return actor.is_admin() || (actor.signed_in() && actor.user->id == reviewer_id);
}

bool CanScore(const Actor& actor, int64_t nomination_id,
              const std::vector<Assignment>& assignments) {
  if (!actor.signed_in()) return false;
  for (const auto& a : assignments) {
    if (a.nomination_id == nomination_id && a.reviewer_id == actor.user->id) return true;
  }
  return false;
}

}  // namespace kc
