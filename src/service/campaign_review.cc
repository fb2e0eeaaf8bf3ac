// 评审: conflicts of interest, drawing reviewers from the expert pool, and scoring.
#include <set>

#include "core/reviewer_assignment.h"
#include "core/utf8.h"
#include "service/audit.h"
#include "service/campaign_policy.h"
#include "service/campaigns.h"
#include "service/listing_validation.h"

namespace kc {

namespace {

// The expert pool: owners of published expert listings, with their disciplines and
// organisations (the listing's and the account's).
Result<std::vector<ReviewerCandidate>> ExpertPool(
    StoreTx& tx, const std::vector<ConflictDeclaration>& declared) {
  ListingQuery q;
  q.kind = ListingKind::kExpert;
  q.statuses = {ListingStatus::kPublished};
  q.sort = ListingSort::kOldest;
  q.limit = 10000;
  auto experts = tx.ListListings(q);
  if (!experts.ok()) return experts.status();
  std::map<int64_t, ReviewerCandidate> by_user;
  for (const auto& l : experts->items) {
    ReviewerCandidate& c = by_user[l.owner_id];
    c.user_id = l.owner_id;
    if (!c.org_id) c.org_id = l.org_id;
    c.conflict_org_ids.insert(l.org_id);  // every organisation the expert is listed with
    if (!l.discipline.empty()) c.disciplines.insert(l.discipline);
    for (const auto& d : l.disciplines) c.disciplines.insert(d);
  }
  std::vector<ReviewerCandidate> out;
  for (auto& [user_id, c] : by_user) {
    auto u = tx.GetUser(user_id);
    if (!u.ok() || u->disabled) continue;
    if (u->org_id) c.conflict_org_ids.insert(*u->org_id);
    for (const auto& d : declared) {
      if (d.reviewer_id == user_id) c.conflict_org_ids.insert(d.org_id);
    }
    out.push_back(std::move(c));
  }
  return out;
}

NominationToReview NeedOf(const Nomination& n) {
  NominationToReview need;
  need.nomination_id = n.id;
  need.discipline = n.discipline;
  need.org_ids.insert(n.nominator_org_id);
  if (n.nominee_org_id) need.org_ids.insert(*n.nominee_org_id);
  return need;
}

}  // namespace

Status Campaigns::DeclareConflict(const Actor& actor, int64_t campaign_id, int64_t reviewer_id,
                                  int64_t org_id, const std::string& reason) {
  if (!actor.signed_in()) return Unauthorized();
  if (reviewer_id == 0) reviewer_id = *actor.id();
  if (!CanDeclareConflictFor(actor, reviewer_id)) {
    return Forbidden("reviewers declare their own conflicts");
  }
  if (!IsValidUtf8(reason)) return Invalid("reason", "invalid_utf8", "not valid UTF-8");
  if (Utf8Length(reason) > 2000) {
    return Invalid("reason", "too_long", "the reason is at most 2000 characters");
  }
  int64_t now = clock_.Now();
  return store_.Write([&](StoreTx& tx) {
    auto c = Load(tx, campaign_id);
    if (!c.ok()) return c.status();
    if (!CanSeeCampaign(actor, *c)) return NotFound("campaign");
    KC_RETURN_IF_ERROR(CheckNotPublished(*c));
    auto org = tx.GetOrg(org_id);
    if (!org.ok()) {
      return org.status().kind() == ErrorKind::kNotFound
                 ? Invalid("org_id", "unknown_org", "no such organisation")
                 : org.status();
    }
    auto reviewer = tx.GetUser(reviewer_id);
    if (!reviewer.ok()) {
      return reviewer.status().kind() == ErrorKind::kNotFound
                 ? Invalid("reviewer_id", "unknown_user", "no user with this id")
                 : reviewer.status();
    }
    KC_RETURN_IF_ERROR(tx.campaigns().InsertConflict(
        ConflictDeclaration{campaign_id, reviewer_id, org_id, reason, now}));
    // Withdraw the reviewer from nominations of that organisation.
    auto assignments = tx.campaigns().ListAssignments(campaign_id);
    if (!assignments.ok()) return assignments.status();
    for (const auto& a : *assignments) {
      if (a.reviewer_id != reviewer_id) continue;
      auto n = tx.campaigns().GetNomination(a.nomination_id);
      if (!n.ok()) return n.status();
      if (n->nominator_org_id == org_id || (n->nominee_org_id && *n->nominee_org_id == org_id)) {
        KC_RETURN_IF_ERROR(tx.campaigns().DeleteAssignment(a.nomination_id, reviewer_id));
      }
    }
    return tx.AppendAudit(AuditOf(now, actor.id(), "campaign", campaign_id, "declare_conflict",
                                  {{"reviewer_id", reviewer_id}, {"org_id", org_id}}));
  });
}

Result<AssignmentReport> Campaigns::StartReview(const Actor& actor, int64_t campaign_id) {
  if (!actor.signed_in()) return Unauthorized();
  if (!CanRunCampaigns(actor)) return Forbidden("only platform admins run campaigns");
  AssignmentReport report;
  int64_t now = clock_.Now();
  Status s = store_.Write([&](StoreTx& tx) {
    auto c = Load(tx, campaign_id);
    if (!c.ok()) return c.status();
    KC_RETURN_IF_ERROR(CheckNotPublished(*c));
    if (c->status == CampaignStatus::kDraft) {
      return Conflict("invalid_transition", "open the campaign for nominations first");
    }
    if (c->status == CampaignStatus::kOpen) {
      // Starting early closes nominations now and opens the review now.
      c->status = CampaignStatus::kReview;
      c->nomination_closes = std::min(c->nomination_closes, now);
      if (c->nomination_closes <= c->nomination_opens)
        c->nomination_opens = c->nomination_closes - 1;
      c->review_opens = std::min(c->review_opens, now);
      KC_RETURN_IF_ERROR(tx.campaigns().UpdateCampaign(*c));
    }
    auto noms = tx.campaigns().ListNominations(campaign_id);
    if (!noms.ok()) return noms.status();
    auto declared = tx.campaigns().ListConflicts(campaign_id);
    if (!declared.ok()) return declared.status();
    auto pool = ExpertPool(tx, *declared);
    if (!pool.ok()) return pool.status();
    auto existing = tx.campaigns().ListAssignments(campaign_id);
    if (!existing.ok()) return existing.status();
    std::map<int64_t, int> load;
    std::map<int64_t, std::set<int64_t>> already;
    for (const auto& a : *existing) {
      ++load[a.reviewer_id];
      already[a.nomination_id].insert(a.reviewer_id);
    }
    std::vector<NominationToReview> needs;
    for (const auto& n : *noms) {
      NominationToReview need = NeedOf(n);
      need.already = already[n.id];
      needs.push_back(std::move(need));
    }
    AssignmentPlan plan = PlanAssignments(*pool, needs, c->min_reviewers, load);
    for (const auto& [nomination_id, reviewers] : plan.added) {
      for (int64_t r : reviewers) {
        KC_RETURN_IF_ERROR(
            tx.campaigns().InsertAssignment(Assignment{campaign_id, nomination_id, r, now}));
        ++report.assigned;
      }
    }
    report.short_of = plan.short_of;
    return tx.AppendAudit(AuditOf(
        now, actor.id(), "campaign", campaign_id, "start_review",
        {{"assigned", report.assigned}, {"short", static_cast<int>(report.short_of.size())}}));
  });
  if (!s.ok()) return s;
  return report;
}

Result<std::vector<ReviewTask>> Campaigns::MyReviews(const Actor& actor) {
  if (!actor.signed_in()) return Unauthorized();
  std::vector<ReviewTask> out;
  KC_RETURN_IF_ERROR(store_.Read([&](StoreTx& tx) {
    auto mine = tx.campaigns().AssignmentsOfReviewer(*actor.id());
    if (!mine.ok()) return mine.status();
    std::map<int64_t, Campaign> campaigns;
    std::map<int64_t, std::vector<ScoreEntry>> scores;
    for (const auto& a : *mine) {
      if (!campaigns.count(a.campaign_id)) {
        auto c = Load(tx, a.campaign_id);
        if (!c.ok()) return c.status();
        campaigns[a.campaign_id] = *c;
        auto s = tx.campaigns().ListScores(a.campaign_id);
        if (!s.ok()) return s.status();
        scores[a.campaign_id] = *s;
      }
      const Campaign& c = campaigns[a.campaign_id];
      if (c.status != CampaignStatus::kReview) continue;
      auto n = tx.campaigns().GetNomination(a.nomination_id);
      if (!n.ok()) return n.status();
      ReviewTask task{c, *n, {}};
      for (const auto& s : scores[a.campaign_id]) {
        if (s.nomination_id == a.nomination_id && s.reviewer_id == *actor.id()) {
          task.my_scores[s.criterion] = s.value;
        }
      }
      out.push_back(std::move(task));
    }
    return Status::Ok();
  }));
  return out;
}

Status Campaigns::Score(const Actor& actor, int64_t nomination_id,
                        const std::map<std::string, double>& scores) {
  if (!actor.signed_in()) return Unauthorized();
  int64_t now = clock_.Now();
  return store_.Write([&](StoreTx& tx) {
    auto n = tx.campaigns().GetNomination(nomination_id);
    if (!n.ok()) return n.status();
    auto c = Load(tx, n->campaign_id);
    if (!c.ok()) return c.status();
    KC_RETURN_IF_ERROR(CheckNotPublished(*c));
    auto assigned = tx.campaigns().ListAssignments(c->id);
    if (!assigned.ok()) return assigned.status();
    if (!CanScore(actor, nomination_id, *assigned)) {
      return Forbidden("this nomination is not assigned to you");
    }
    if (c->status != CampaignStatus::kReview) {
      return Conflict("not_in_review", "the campaign is not under review");
    }
    if (now >= c->review_closes) return Conflict("review_closed", "the review window has closed");
    for (const auto& [key, value] : scores) {
      bool known = false;
      for (const auto& k : c->criteria) known = known || k.key == key;
      if (!known) return Invalid("scores", "unknown_criterion", "no criterion " + key);
    }
    for (const auto& k : c->criteria) {
      auto it = scores.find(k.key);
      if (it == scores.end()) {
        return Invalid("scores", "missing_criterion", "score every criterion: " + k.key);
      }
      if (!(it->second >= 0 && it->second <= k.max_score)) {
        return Invalid("scores", "out_of_range",
                       k.key + " is scored from 0 to " + std::to_string(k.max_score));
      }
    }
    for (const auto& [key, value] : scores) {
      KC_RETURN_IF_ERROR(
          tx.campaigns().PutScore(c->id, ScoreEntry{nomination_id, *actor.id(), key, value}, now));
    }
    return tx.AppendAudit(AuditOf(now, actor.id(), "nomination", nomination_id, "score", {}));
  });
}

}  // namespace kc
