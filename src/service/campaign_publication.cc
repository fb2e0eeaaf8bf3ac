// 发布: ranking the scored nominations and freezing the results.
#include <set>
#include <sstream>

#include "core/score_aggregation.h"
#include "service/audit.h"
#include "service/campaign_policy.h"
#include "service/campaigns.h"

namespace kc {

Result<PublishedCampaign> Campaigns::Publish(const Actor& actor, int64_t campaign_id) {
  if (!actor.signed_in()) return Unauthorized();
  if (!CanRunCampaigns(actor)) return Forbidden("only platform admins run campaigns");
  PublishedCampaign out;
  std::vector<CampaignResult>& rows = out.results;
  int64_t now = clock_.Now();
  Status s = store_.Write([&](StoreTx& tx) {
    auto c = Load(tx, campaign_id);
    if (!c.ok()) return c.status();
    KC_RETURN_IF_ERROR(CheckNotPublished(*c));
    if (c->status != CampaignStatus::kReview) {
      return Conflict("not_in_review", "start the review before publishing");
    }
    auto noms = tx.campaigns().ListNominations(campaign_id);
    if (!noms.ok()) return noms.status();
    auto scores = tx.campaigns().ListScores(campaign_id);
    if (!scores.ok()) return scores.status();
    // Only complete score sets count: a reviewer who scored every criterion of a nomination.
    std::map<std::pair<int64_t, int64_t>, size_t> per_set;
    for (const auto& e : *scores) ++per_set[{e.nomination_id, e.reviewer_id}];
    std::vector<ScoreEntry> complete;
    std::map<int64_t, int> reviewers;
    for (const auto& [key, count] : per_set) {
      if (count == c->criteria.size()) ++reviewers[key.first];
    }
    for (const auto& e : *scores) {
      if (per_set[{e.nomination_id, e.reviewer_id}] == c->criteria.size()) complete.push_back(e);
    }
    std::ostringstream missing;
    std::vector<int64_t> ids;
    for (const auto& n : *noms) {
      ids.push_back(n.id);
      if (reviewers[n.id] < c->min_reviewers) {
        missing << (missing.tellp() > 0 ? ", " : "") << n.id << " (" << reviewers[n.id] << "/"
                << c->min_reviewers << ")";
      }
    }
    if (missing.tellp() > 0) {
      return Conflict("reviews_incomplete",
                      "nominations without enough complete reviews: " + missing.str());
    }
    std::map<int64_t, std::string> names;
    for (const auto& n : *noms) names[n.id] = n.nominee_name;
    for (const auto& r : RankNominations(c->criteria, ids, complete)) {
      rows.push_back(CampaignResult{r.rank, r.nomination_id, names[r.nomination_id], r.total,
                                    r.breakdown, r.reviewers});
    }
    KC_RETURN_IF_ERROR(tx.campaigns().InsertResults(campaign_id, rows));
    c->status = CampaignStatus::kPublished;
    c->published_at = now;
    KC_RETURN_IF_ERROR(tx.campaigns().UpdateCampaign(*c));
    out.campaign = *c;
    return tx.AppendAudit(AuditOf(now, actor.id(), "campaign", campaign_id, "publish",
                                  {{"nominations", rows.size()}}));
  });
  if (!s.ok()) return s;
  return out;
}

Result<std::vector<CampaignResult>> Campaigns::Results(int64_t campaign_id) {
  std::vector<CampaignResult> rows;
  KC_RETURN_IF_ERROR(store_.Read([&](StoreTx& tx) {
    auto c = Load(tx, campaign_id);
    if (!c.ok()) return c.status();
    if (!HasPublicResults(*c)) return NotFound("published results");
    auto got = tx.campaigns().ListResults(campaign_id);
    if (!got.ok()) return got.status();
    rows = std::move(*got);
    return Status::Ok();
  }));
  return rows;
}

}  // namespace kc
