// 榜单与奖项: running a ranked list or an award from set-up to publication.
//
// Who does what: platform admins create campaigns (from a template or from scratch), open
// them, start the review (which draws reviewers), and publish. Organisation admins nominate on
// their organisation's behalf. Reviewers are experts: the owners of published expert listings
// whose discipline matches a nomination's; they declare conflicts and score what they are
// assigned. Visitors see every campaign that is not a draft, and the published results.
// These rules live in campaign_policy.h; reviewers never see who nominated (SeesNominator).
//
// Files: campaigns.cc (set-up), nominations.cc, campaign_review.cc (conflicts, assignment,
// scoring), campaign_publication.cc (publishing and results).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/campaign.h"
#include "core/clock.h"
#include "service/actor.h"
#include "store/store.h"

namespace kc {

// What StartReview did.
struct AssignmentReport {
  int assigned = 0;  // assignments added now
  // Nominations that still have fewer than min_reviewers reviewers: id → eligible experts.
  std::map<int64_t, int> short_of;
};

// One nomination a reviewer is to score, with what they need to score it.
struct ReviewTask {
  Campaign campaign;
  Nomination nomination;
  std::map<std::string, double> my_scores;  // criterion key → score, when already scored
};

// A campaign as published, with its frozen results in rank order.
struct PublishedCampaign {
  Campaign campaign;
  std::vector<CampaignResult> results;
};

class Campaigns {
 public:
  Campaigns(Store& store, const Clock& clock) : store_(store), clock_(clock) {}

  // Set-up (admins). Create stores a draft; Update replaces the fields of a draft or open
  // campaign (409 "campaign_in_review" / "campaign_published" later); Open makes a draft take
  // nominations.
  Result<Campaign> Create(const Actor& actor, Campaign campaign);
  Result<Campaign> Update(const Actor& actor, Campaign campaign);
  Result<Campaign> Open(const Actor& actor, int64_t id);
  // A campaign; drafts are for admins only (404 to others).
  Result<Campaign> Get(const Actor& actor, int64_t id);
  // Campaigns, newest year first; non-admins never see drafts.
  Result<Page<Campaign>> List(const Actor& actor, CampaignQuery query);

  // Nominates on behalf of `nomination.nominator_org_id` (org admins of it, or admins). The
  // nomination is checked against the campaign's rules (422 "ineligible" with the reason).
  Result<Nomination> Nominate(const Actor& actor, int64_t campaign_id, Nomination nomination);
  // The nominations an actor may see: all for admins, their organisation's for its members.
  Result<std::vector<Nomination>> Nominations(const Actor& actor, int64_t campaign_id);

  // A reviewer declares a conflict of interest with an organisation (admins may declare for
  // `reviewer_id`); any assignment it touches is withdrawn with its scores.
  Status DeclareConflict(const Actor& actor, int64_t campaign_id, int64_t reviewer_id,
                         int64_t org_id, const std::string& reason);
  // Closes nominations, opens the review, and draws reviewers for every nomination up to
  // min_reviewers (again after conflicts were declared, to top up). Admins.
  Result<AssignmentReport> StartReview(const Actor& actor, int64_t campaign_id);
  // The review tasks of the signed-in reviewer, in campaigns under review.
  Result<std::vector<ReviewTask>> MyReviews(const Actor& actor);
  // Records the actor's scores of a nomination assigned to them: every criterion, each from 0
  // to its max_score. 409 outside the review or after publication.
  Status Score(const Actor& actor, int64_t nomination_id,
               const std::map<std::string, double>& scores);

  // Ranks the nominations (core/score_aggregation.h), freezes the results and returns them with
  // the campaign as published. Admins; 409 "reviews_incomplete" while a nomination has fewer
  // than min_reviewers complete score sets, 409 "campaign_published" the second time.
  Result<PublishedCampaign> Publish(const Actor& actor, int64_t campaign_id);
  // The published results; 404 until published.
  Result<std::vector<CampaignResult>> Results(int64_t campaign_id);

  // 409 "campaign_published" once results are out: nothing about a published campaign changes.
  static Status CheckNotPublished(const Campaign& campaign);

 private:
  Result<Campaign> Load(StoreTx& tx, int64_t id);

  Store& store_;
  const Clock& clock_;
};

}  // namespace kc
