#include "service/challenges.h"

#include <map>
#include <nlohmann/json.hpp>

#include "core/iso_time.h"
#include "core/utf8.h"
#include "service/audit.h"
#include "service/challenge_policy.h"
#include "service/deal_notices.h"
#include "service/listing_policy.h"
#include "service/listing_validation.h"

namespace kc {

namespace {

// Tells every active member of `org_id` about a challenge.
Status NotifyOrg(StoreTx& tx, int64_t org_id, const Challenge& challenge, const std::string& kind,
                 const std::string& message, int64_t now, std::optional<int64_t> except) {
  UserQuery q;
  q.org_id = org_id;
  q.limit = 1000;
  auto users = tx.ListUsers(q);
  if (!users.ok()) return users.status();
  for (const User& u : users->items) {
    if (u.disabled || (except && u.id == *except)) continue;
    Notification n;
    n.user_id = u.id;
    n.kind = kind;
    n.call_id = challenge.id;
    n.title = challenge.title;
    n.message = message;
    n.created_at = now;
    KC_RETURN_IF_ERROR(tx.InsertNotification(n));
  }
  return Status::Ok();
}

}  // namespace

std::string Challenges::Today() const { return IsoTime(clock_.Now()).substr(0, 10); }

Result<ChallengeView> Challenges::ViewOf(StoreTx& tx, const Actor& actor, Challenge challenge) {
  ChallengeView v;
  v.phase = EffectivePhase(challenge, Today());
  auto org = tx.GetOrg(challenge.org_id);
  if (!org.ok()) return org.status();
  v.org = *org;
  auto judges = tx.deals().ListJudges(challenge.id);
  if (!judges.ok()) return judges.status();
  auto users = tx.GetUsers(*judges);
  if (!users.ok()) return users.status();
  std::map<int64_t, const User*> by_id;
  for (const User& u : *users) by_id[u.id] = &u;
  for (int64_t id : *judges) {  // in the challenge's order
    auto it = by_id.find(id);
    if (it == by_id.end()) continue;
    User shown;
    shown.id = id;
    shown.username = it->second->username;
    shown.display_name = it->second->display_name;
    v.judges.push_back(shown);
  }
  v.is_judge = IsJudge(actor, *judges);
  v.can_manage = CanManageChallenge(actor, challenge);
  auto proposals = tx.deals().ListProposals(challenge.id);
  if (!proposals.ok()) return proposals.status();
  v.proposal_count = static_cast<int64_t>(proposals->size());
  for (Proposal& p : *proposals) {
    if (SeesProposal(actor, challenge, p, v.is_judge)) v.proposals.push_back(std::move(p));
  }
  v.challenge = std::move(challenge);
  return v;
}

Result<ChallengeView> Challenges::Create(const Actor& actor, const NewChallenge& in) {
  if (!actor.signed_in()) return Unauthorized();
  if (!IsIsoDate(in.deadline)) {
    return Invalid("deadline", "invalid_date", "deadline is a date as YYYY-MM-DD");
  }
  if (in.deadline < Today()) return Invalid("deadline", "in_the_past", "the deadline has passed");
  if (in.reward_cny < 0) return Invalid("reward_cny", "invalid_amount", "the reward is ≥ 0 yuan");
  KC_RETURN_IF_ERROR(ValidateCriteria(in.criteria));
  if (Utf8Length(in.title) > 200) return Invalid("title", "too_long", "title is too long");
  if (Utf8Length(in.description) > 10000) {
    return Invalid("description", "too_long", "description is too long");
  }
  Challenge challenge;
  const int64_t now = clock_.Now();
  KC_RETURN_IF_ERROR(store_.Write([&](StoreTx& tx) -> Status {
    auto demand = tx.GetListing(in.demand_id);
    if (!demand.ok() || demand->kind != ListingKind::kDemand || !CanRead(actor, *demand)) {
      return Invalid("demand_id", "unknown_listing", "no demand with this id");
    }
    if (!CanPostChallenge(actor, *demand)) {
      return Forbidden("only the demand's organisation turns it into a challenge");
    }
    if (demand->status != ListingStatus::kPublished) {
      return Invalid("demand_id", "not_published", "publish the demand before calling for it");
    }
    challenge.demand_id = demand->id;
    challenge.org_id = demand->org_id;
    challenge.title = in.title.empty() ? demand->title : in.title;
    challenge.description = in.description.empty() ? demand->body : in.description;
    challenge.reward_cny = in.reward_cny;
    challenge.deadline = in.deadline;
    challenge.criteria = in.criteria;
    challenge.created_by = actor.user->id;
    challenge.created_at = now;
    auto id = tx.deals().InsertChallenge(challenge);
    if (!id.ok()) return id.status();
    challenge.id = *id;
    for (const std::string& name : in.judges) {
      auto judge = tx.FindUserByName(name);
      if (!judge.ok()) return Invalid("judges", "unknown_user", "no user named " + name);
      KC_RETURN_IF_ERROR(tx.deals().AddJudge(challenge.id, judge->id));
    }
    return tx.AppendAudit(AuditOf(now, actor.id(), "call", challenge.id, "create",
                                  {{"demand_id", challenge.demand_id},
                                   {"reward_cny", challenge.reward_cny},
                                   {"deadline", challenge.deadline}}));
  }));
  return Get(actor, challenge.id);
}

Result<ChallengeView> Challenges::Get(const Actor& actor, int64_t id) {
  Result<ChallengeView> out = NotFound("call");
  KC_RETURN_IF_ERROR(store_.Read([&](StoreTx& tx) -> Status {
    auto challenge = tx.deals().GetChallenge(id);
    if (!challenge.ok()) return challenge.status();
    out = ViewOf(tx, actor, *challenge);
    return out.status();
  }));
  return out;
}

Result<Page<ChallengeView>> Challenges::List(const Actor& actor, int64_t offset, int64_t limit) {
  Page<ChallengeView> out;
  KC_RETURN_IF_ERROR(store_.Read([&](StoreTx& tx) -> Status {
    auto page = tx.deals().ListChallenges(offset, limit);
    if (!page.ok()) return page.status();
    out.total = page->total;
    for (Challenge& c : page->items) {
      auto v = ViewOf(tx, actor, std::move(c));
      if (!v.ok()) return v.status();
      out.items.push_back(std::move(*v));
    }
    return Status::Ok();
  }));
  return out;
}

Result<Proposal> Challenges::Propose(const Actor& actor, int64_t call_id,
                                     const std::string& summary,
                                     std::optional<int64_t> achievement_id) {
  if (!actor.signed_in()) return Unauthorized();
  if (!actor.user->org_id) {
    return Invalid("org_id", "org_required",
                   "join an organisation (an institute, a university, "
                   "an expert's studio) to propose");
  }
  if (summary.find_first_not_of(" \t\r\n") == std::string::npos) {
    return Invalid("summary", "required", "describe the proposal");
  }
  if (Utf8Length(summary) > 10000) return Invalid("summary", "too_long", "summary is too long");
  Proposal p;
  const int64_t now = clock_.Now();
  KC_RETURN_IF_ERROR(store_.Write([&](StoreTx& tx) -> Status {
    auto challenge = tx.deals().GetChallenge(call_id);
    if (!challenge.ok()) return challenge.status();
    if (EffectivePhase(*challenge, Today()) != ChallengePhase::kOpen) {
      return Conflict("call_closed", "the call no longer takes proposals");
    }
    if (*actor.user->org_id == challenge->org_id) {
      return Invalid("org_id", "own_call", "an organisation does not answer its own call");
    }
    if (achievement_id) {
      auto a = tx.GetListing(*achievement_id);
      if (!a.ok() || a->kind != ListingKind::kAchievement || a->org_id != *actor.user->org_id) {
        return Invalid("achievement_id", "unknown_listing",
                       "name one of your organisation's achievements");
      }
    }
    p.call_id = call_id;
    p.org_id = *actor.user->org_id;
    p.author_id = actor.user->id;
    p.summary = summary;
    p.achievement_id = achievement_id;
    p.created_at = now;
    auto id = tx.deals().InsertProposal(p);
    if (!id.ok()) {
      if (id.status().kind() == ErrorKind::kConflict) {
        return Conflict("duplicate", "your organisation has already proposed");
      }
      return id.status();
    }
    p.id = *id;
    KC_RETURN_IF_ERROR(tx.AppendAudit(
        AuditOf(now, actor.id(), "call", call_id, "propose", {{"proposal_id", p.id}})));
    auto org = tx.GetOrg(p.org_id);
    const std::string message = org.ok() ? org->name : "";
    KC_RETURN_IF_ERROR(
        NotifyOrg(tx, challenge->org_id, *challenge, "call_proposal", message, now, std::nullopt));
    auto judges = tx.deals().ListJudges(call_id);
    if (!judges.ok()) return judges.status();
    for (int64_t judge : *judges) {
      Notification n;
      n.user_id = judge;
      n.kind = "call_proposal";
      n.call_id = call_id;
      n.title = challenge->title;
      n.message = message;
      n.created_at = now;
      KC_RETURN_IF_ERROR(tx.InsertNotification(n));
    }
    return Status::Ok();
  }));
  return p;
}

Result<ChallengeView> Challenges::Close(const Actor& actor, int64_t call_id) {
  if (!actor.signed_in()) return Unauthorized();
  KC_RETURN_IF_ERROR(store_.Write([&](StoreTx& tx) -> Status {
    auto challenge = tx.deals().GetChallenge(call_id);
    if (!challenge.ok()) return challenge.status();
    if (!CanManageChallenge(actor, *challenge))
      return Forbidden("only the call's organisation closes it");
    if (challenge->phase != ChallengePhase::kOpen) {
      return Conflict("invalid_phase",
                      "the call is already " + std::string(ChallengePhaseName(challenge->phase)));
    }
    challenge->phase = ChallengePhase::kJudging;
    KC_RETURN_IF_ERROR(tx.deals().UpdateChallenge(*challenge));
    return tx.AppendAudit(AuditOf(clock_.Now(), actor.id(), "call", call_id, "close", {}));
  }));
  return Get(actor, call_id);
}

Result<Proposal> Challenges::Score(const Actor& actor, int64_t call_id, int64_t proposal_id,
                                   const std::vector<double>& scores) {
  if (!actor.signed_in()) return Unauthorized();
  Result<Proposal> out = NotFound("proposal");
  const int64_t now = clock_.Now();
  KC_RETURN_IF_ERROR(store_.Write([&](StoreTx& tx) -> Status {
    auto challenge = tx.deals().GetChallenge(call_id);
    if (!challenge.ok()) return challenge.status();
    auto judges = tx.deals().ListJudges(call_id);
    if (!judges.ok()) return judges.status();
    if (!IsJudge(actor, *judges)) {
      return Forbidden("only the call's judges score proposals");
    }
    if (EffectivePhase(*challenge, Today()) != ChallengePhase::kJudging) {
      return Conflict("invalid_phase", "proposals are scored while the call is judging");
    }
    auto p = tx.deals().GetProposal(proposal_id);
    if (!p.ok()) return p.status();
    if (p->call_id != call_id) return NotFound("proposal");
    auto total = WeightedScore(challenge->criteria, scores);
    if (!total.ok()) return total.status();
    KC_RETURN_IF_ERROR(tx.deals().PutScore({proposal_id, actor.user->id, scores, *total, now}));
    KC_RETURN_IF_ERROR(tx.AppendAudit(AuditOf(now, actor.id(), "call", call_id, "score",
                                              {{"proposal_id", proposal_id}, {"total", *total}})));
    out = tx.deals().GetProposal(proposal_id);
    return out.status();
  }));
  return out;
}

Result<ChallengeView> Challenges::Announce(const Actor& actor, int64_t call_id,
                                           int64_t proposal_id) {
  if (!actor.signed_in()) return Unauthorized();
  const int64_t now = clock_.Now();
  KC_RETURN_IF_ERROR(store_.Write([&](StoreTx& tx) -> Status {
    auto challenge = tx.deals().GetChallenge(call_id);
    if (!challenge.ok()) return challenge.status();
    if (!CanManageChallenge(actor, *challenge))
      return Forbidden("only the call's organisation announces");
    if (EffectivePhase(*challenge, Today()) != ChallengePhase::kJudging) {
      return Conflict("invalid_phase", "announce the winner after the proposal phase, once");
    }
    auto winner = tx.deals().GetProposal(proposal_id);
    if (!winner.ok() || winner->call_id != call_id) {
      return Invalid("proposal_id", "unknown_proposal", "no proposal with this id in the call");
    }
    Deal deal;
    deal.title = challenge->title;
    deal.demand_id = challenge->demand_id;
    deal.achievement_id = winner->achievement_id;
    deal.call_id = call_id;
    deal.buyer_org_id = challenge->org_id;
    deal.seller_org_id = winner->org_id;
    deal.opened_by = actor.user->id;
    deal.created_at = deal.updated_at = now;
    auto deal_id = tx.deals().InsertDeal(deal);
    if (!deal_id.ok()) return deal_id.status();
    deal.id = *deal_id;
    KC_RETURN_IF_ERROR(tx.AppendAudit(AuditOf(now, actor.id(), "deal", deal.id, "open",
                                              {{"stage", "intent"},
                                               {"call_id", call_id},
                                               {"buyer_org_id", deal.buyer_org_id},
                                               {"seller_org_id", deal.seller_org_id}})));
    challenge->phase = ChallengePhase::kAnnounced;
    challenge->winner_proposal_id = proposal_id;
    challenge->deal_id = deal.id;
    challenge->announced_at = now;
    KC_RETURN_IF_ERROR(tx.deals().UpdateChallenge(*challenge));
    KC_RETURN_IF_ERROR(
        tx.AppendAudit(AuditOf(now, actor.id(), "call", call_id, "announce",
                               {{"proposal_id", proposal_id}, {"deal_id", deal.id}})));
    auto proposals = tx.deals().ListProposals(call_id);
    if (!proposals.ok()) return proposals.status();
    for (const Proposal& p : *proposals) {
      KC_RETURN_IF_ERROR(
          NotifyOrg(tx, p.org_id, *challenge, "call_winner", winner->org_name, now, std::nullopt));
    }
    return NotifyDealParties(tx, deal, actor.id(), "deal_opened", deal.title, now).status();
  }));
  return Get(actor, call_id);
}

}  // namespace kc
