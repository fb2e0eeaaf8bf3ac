#include "service/deals.h"

#include <nlohmann/json.hpp>

#include "core/utf8.h"
#include "service/audit.h"
#include "service/crypto.h"
#include "service/deal_notices.h"
#include "service/deal_policy.h"
#include "service/listing_policy.h"
#include "service/listing_validation.h"

namespace kc {

namespace {

// The listing `id` of `kind` that the actor may read, or 422 naming `field`.
Result<Listing> ReadableListing(StoreTx& tx, const Actor& actor, int64_t id, ListingKind kind,
                                const char* field) {
  auto l = tx.GetListing(id);
  if (!l.ok() && l.status().kind() != ErrorKind::kNotFound) return l.status();
  if (!l.ok() || l->kind != kind || !CanRead(actor, *l)) {
    return Invalid(field, "unknown_listing",
                   "no " + std::string(KindName(kind)) + " with id " + std::to_string(id));
  }
  return l;
}

Result<Org> ExistingOrg(StoreTx& tx, int64_t id, const char* field) {
  auto o = tx.GetOrg(id);
  if (!o.ok() && o.status().kind() == ErrorKind::kNotFound) {
    return Invalid(field, "unknown_org", "no organisation with id " + std::to_string(id));
  }
  return o;
}

Status CheckNote(const std::string& note, const char* field) {
  if (Utf8Length(note) > Deals::kMaxNote) {
    return Invalid(
        field, "too_long",
        std::string(field) + " is at most " + std::to_string(Deals::kMaxNote) + " characters");
  }
  return Status::Ok();
}

}  // namespace

Status Deals::Relay(StoreTx& tx, const Actor& actor, const Deal& deal, const DealChange& change) {
  if (!deal.peer_id || relay_ == nullptr) return Status::Ok();
  return relay_->Relay(tx, actor, deal, change);
}

Result<Deal> Deals::PartyDeal(StoreTx& tx, const Actor& actor, int64_t id) {
  auto d = tx.deals().GetDeal(id);
  if (!d.ok()) return d.status();
  if (!IsDealParty(actor, *d)) return NotFound("deal");
  return d;
}

Result<DealView> Deals::ViewOf(StoreTx& tx, Deal deal) {
  std::vector<Deal> one;
  one.push_back(std::move(deal));
  auto views = ViewsOf(tx, std::move(one));
  if (!views.ok()) return views.status();
  return std::move(views->front());
}

Result<std::vector<DealView>> Deals::ViewsOf(StoreTx& tx, std::vector<Deal> deals) {
  std::vector<int64_t> org_ids, deal_ids, achievement_ids;
  for (const Deal& d : deals) {
    org_ids.push_back(d.buyer_org_id);
    org_ids.push_back(d.seller_org_id);
    if (d.broker_org_id) org_ids.push_back(*d.broker_org_id);
    deal_ids.push_back(d.id);
    if (d.achievement_id) achievement_ids.push_back(*d.achievement_id);
  }
  auto orgs = tx.GetOrgs(org_ids);
  if (!orgs.ok()) return orgs.status();
  auto contracts = tx.deals().GetContracts(deal_ids);
  if (!contracts.ok()) return contracts.status();
  auto secrets = tx.deals().GetConfidentials(achievement_ids);
  if (!secrets.ok()) return secrets.status();
  std::map<int64_t, const Org*> org_by_id;
  for (const Org& o : *orgs) org_by_id[o.id] = &o;
  std::map<int64_t, const Contract*> contract_by_deal;
  for (const Contract& c : *contracts) contract_by_deal[c.deal_id] = &c;

  std::vector<DealView> out;
  out.reserve(deals.size());
  for (Deal& deal : deals) {
    DealView v;
    if (auto o = org_by_id.find(deal.buyer_org_id); o != org_by_id.end()) v.buyer = *o->second;
    if (auto o = org_by_id.find(deal.seller_org_id); o != org_by_id.end()) v.seller = *o->second;
    if (deal.broker_org_id) {
      if (auto o = org_by_id.find(*deal.broker_org_id); o != org_by_id.end()) v.broker = *o->second;
    }
    if (auto c = contract_by_deal.find(deal.id); c != contract_by_deal.end()) {
      v.contract = *c->second;
    }
    if (deal.peer_id) {
      auto peer = tx.net().GetPeer(*deal.peer_id);
      if (!peer.ok()) return peer.status();
      auto delivery = tx.net().DealDelivery(deal.id);
      if (!delivery.ok()) return delivery.status();
      v.network = DealNetwork{peer->id,          peer->name,       deal.peer_ref,
                              delivery->pending, delivery->failed, delivery->last_error};
    }
    if (deal.achievement_id) {
      auto secret = secrets->find(*deal.achievement_id);
      v.has_confidential = secret != secrets->end();
      if (v.has_confidential && ConfidentialVisible(deal)) v.confidential = secret->second;
    }
    v.deal = std::move(deal);
    out.push_back(std::move(v));
  }
  return out;
}

Result<DealView> Deals::Open(const Actor& actor, const OpenDealRequest& req) {
  if (!actor.signed_in()) return Unauthorized();
  const bool talent = req.talent_demand_id || req.talent_id;
  if (talent && (req.demand_id || req.achievement_id)) {
    return Invalid(req.talent_id ? "talent_id" : "talent_demand_id", "mixed_listings",
                   "a deal is about technology listings or talent listings, not both");
  }
  const std::optional<int64_t> demand_id = talent ? req.talent_demand_id : req.demand_id;
  const std::optional<int64_t> achievement_id = talent ? req.talent_id : req.achievement_id;
  const char* demand_field = talent ? "talent_demand_id" : "demand_id";
  const char* achievement_field = talent ? "talent_id" : "achievement_id";
  if (!demand_id && !achievement_id) {
    return Invalid("demand_id", "listing_required",
                   "open a deal from a demand, an achievement or both (a match)");
  }
  if (demand_id && achievement_id && req.org_id) {
    return Invalid("org_id", "not_needed", "a deal between two listings names no other org_id");
  }
  KC_RETURN_IF_ERROR(CheckNote(req.note, "note"));
  if (Utf8Length(req.title) > 200) return Invalid("title", "too_long", "title is too long");
  Deal deal;
  const int64_t now = clock_.Now();
  Status s = store_.Write([&](StoreTx& tx) -> Status {
    std::optional<Listing> demand, achievement;
    if (demand_id) {
      auto l =
          ReadableListing(tx, actor, *demand_id,
                          talent ? ListingKind::kTalentDemand : ListingKind::kDemand, demand_field);
      if (!l.ok()) return l.status();
      demand = *l;
    }
    if (achievement_id) {
      auto l = ReadableListing(tx, actor, *achievement_id,
                               talent ? ListingKind::kTalent : ListingKind::kAchievement,
                               achievement_field);
      if (!l.ok()) return l.status();
      achievement = *l;
    }
    std::optional<Org> own;
    if (actor.user->org_id) {
      auto o = tx.GetOrg(*actor.user->org_id);
      if (!o.ok()) return o.status();
      own = *o;
    }
    const bool agency = !actor.relayed && own && own->type == OrgType::kServiceAgency;
    // The side without a listing: named, or the caller's own organisation.
    std::optional<int64_t> other = req.org_id;
    if (!other && !(demand && achievement)) {
      if (!own || agency) {
        return Invalid("org_id", "required", "name the organisation on the other side");
      }
      other = own->id;
    }
    if (other) KC_RETURN_IF_ERROR(ExistingOrg(tx, *other, "org_id"));
    deal.buyer_org_id = demand ? demand->org_id : *other;
    deal.seller_org_id = achievement ? achievement->org_id : *other;
    if (deal.buyer_org_id == deal.seller_org_id) {
      return Invalid("org_id", "same_org", "buyer and seller must be different organisations");
    }
    deal.broker_org_id = req.broker_org_id;
    if (agency && !deal.broker_org_id) deal.broker_org_id = own->id;
    if (deal.broker_org_id) {
      auto broker = ExistingOrg(tx, *deal.broker_org_id, "broker_org_id");
      if (!broker.ok()) return broker.status();
      if (broker->type != OrgType::kServiceAgency) {
        return Invalid("broker_org_id", "not_an_agency",
                       "a broker is a service agency (技术转移服务机构)");
      }
    }
    deal.opened_by = actor.user->id;
    if (!IsDealParty(actor, deal)) {
      return Forbidden("open deals for your own organisation, or broker them as a service agency");
    }
    deal.title = req.title;
    if (deal.title.empty()) {
      if (demand && achievement) {
        deal.title = demand->title + " ↔ " + achievement->title;
      } else {
        deal.title = demand ? demand->title : achievement->title;
      }
    }
    deal.kind = talent ? DealKind::kTalent : DealKind::kTechnology;
    deal.demand_id = demand_id;
    deal.achievement_id = achievement_id;
    // An inquiry: about a copy of one partner's listing, or arriving from a partner.
    if (actor.relayed) {
      deal.peer_id = actor.relayed->peer_id;
      deal.peer_ref = req.peer_ref;
    }
    for (const auto* l : {demand ? &*demand : nullptr, achievement ? &*achievement : nullptr}) {
      if (l == nullptr || !l->remote()) continue;
      if (deal.peer_id) {
        return Invalid(achievement && l == &*achievement ? "achievement_id" : "demand_id",
                       "remote_listing",
                       "an inquiry is about one partner platform's listing and your own");
      }
      deal.peer_id = l->origin_peer_id;
      deal.peer_ref = "iq-" + RandomHex(16);
    }
    deal.created_at = deal.updated_at = now;
    auto id = tx.deals().InsertDeal(deal);
    if (!id.ok()) return id.status();
    deal.id = *id;
    nlohmann::json detail = {{"stage", "intent"},
                             {"buyer_org_id", deal.buyer_org_id},
                             {"seller_org_id", deal.seller_org_id}};
    if (deal.broker_org_id) detail["broker_org_id"] = *deal.broker_org_id;
    if (!req.note.empty()) detail["note"] = req.note;
    KC_RETURN_IF_ERROR(tx.AppendAudit(AuditOf(now, actor.id(), "deal", deal.id, "open", detail)));
    KC_RETURN_IF_ERROR(Relay(tx, actor, deal, {DealChange::Kind::kOpened, req.note}));
    return NotifyDealParties(tx, deal, actor.id(), "deal_opened",
                             req.note.empty() ? deal.title : req.note, now)
        .status();
  });
  if (!s.ok()) return s;
  return Get(actor, deal.id);
}

Result<DealView> Deals::Get(const Actor& actor, int64_t id) {
  Result<DealView> out = NotFound("deal");
  KC_RETURN_IF_ERROR(store_.Read([&](StoreTx& tx) -> Status {
    auto d = PartyDeal(tx, actor, id);
    if (!d.ok()) return d.status();
    out = ViewOf(tx, *d);
    if (!out.ok()) return out.status();
    auto history = tx.ListAudit("deal", id);
    if (!history.ok()) return history.status();
    out->history = std::move(*history);
    std::vector<int64_t> actor_ids;
    for (const auto& e : out->history) {
      if (e.actor_id) actor_ids.push_back(*e.actor_id);
    }
    auto actors = tx.GetUsers(actor_ids);
    if (!actors.ok()) return actors.status();
    for (const User& u : *actors) out->actors[u.id] = {u.display_name, u.org_id};
    return Status::Ok();
  }));
  return out;
}

Result<Page<DealView>> Deals::ListMine(const Actor& actor, std::optional<DealStage> stage,
                                       int64_t offset, int64_t limit) {
  if (!actor.signed_in()) return Unauthorized();
  DealQuery q;
  q.all = actor.is_admin();
  if (actor.user->org_id) q.org_ids.push_back(*actor.user->org_id);
  q.stage = stage;
  q.offset = offset;
  q.limit = limit;
  Page<DealView> out;
  KC_RETURN_IF_ERROR(store_.Read([&](StoreTx& tx) -> Status {
    auto page = tx.deals().ListDeals(q);
    if (!page.ok()) return page.status();
    out.total = page->total;
    auto views = ViewsOf(tx, std::move(page->items));
    if (!views.ok()) return views.status();
    out.items = std::move(*views);
    return Status::Ok();
  }));
  return out;
}

namespace {

void ClearProposal(Deal& d) {
  d.proposed_stage.reset();
  d.proposed_by_org.reset();
  d.proposed_by.reset();
  d.proposed_at = 0;
}

}  // namespace

Result<DealView> Deals::ChangeStage(const Actor& actor, int64_t id, DealStage to,
                                    std::optional<DealReason> reason, const std::string& note) {
  if (!actor.signed_in()) return Unauthorized();
  KC_RETURN_IF_ERROR(CheckNote(note, "note"));
  const int64_t now = clock_.Now();
  Status s = store_.Write([&](StoreTx& tx) -> Status {
    auto d = PartyDeal(tx, actor, id);
    if (!d.ok()) return d.status();
    const DealStage from = d->stage;
    KC_RETURN_IF_ERROR(NextDealStage(from, to, d->kind));
    if (NeedsReason(to) && !reason) {
      return Invalid("reason", "reason_required",
                     "say why: too_early, price, technical_fit, ip_terms, capacity or other");
    }
    if (!NeedsReason(to) && reason) {
      return Invalid("reason", "not_needed", "only declined and cancelled take a reason");
    }
    if (reason && *reason == DealReason::kOther && note.empty()) {
      return Invalid("note", "required", "the reason 'other' needs a note");
    }
    // The contract is recorded on the node where the step is taken (docs/network.md §6).
    if (to == DealStage::kRegistered && !actor.relayed) {
      auto contract = tx.deals().GetContract(id);
      if (!contract.ok()) return contract.status();
      if (!contract->has_value()) {
        return Invalid("contract", "contract_required",
                       "record the contract (type, amount, signing date, registration number) "
                       "before registering");
      }
    }
    if (NeedsBothParties(to)) {
      auto side = BindingSide(actor, *d);
      if (!side) {
        return Status::Error(ErrorKind::kForbidden, "binding_step",
                             "only the buyer and the seller agree to sign, register or complete");
      }
      const bool confirms =
          d->proposed_stage == to && d->proposed_by_org && *d->proposed_by_org != *side;
      if (!confirms) {
        if (d->proposed_stage == to) {
          return Conflict("awaiting_confirmation",
                          "your side has proposed this step; the other party confirms it");
        }
        KC_RETURN_IF_ERROR(Propose(tx, actor, *d, to, *side, note, now));
        return Relay(tx, actor, *d, {DealChange::Kind::kStage, note, to, reason});
      }
    }
    nlohmann::json detail = {{"from", DealStageName(from)}, {"to", DealStageName(to)}};
    if (NeedsBothParties(to)) {
      detail["proposed_by"] = *d->proposed_by;
      detail["confirms"] = true;
    }
    ClearProposal(*d);
    if (from == DealStage::kNda && to == DealStage::kNegotiating) d->nda_passed = true;
    if (to == DealStage::kSigned) d->signed_at = now;
    if (to == DealStage::kRegistered) d->registered_at = now;
    if (NeedsReason(to)) {
      d->reason = reason;
      d->reason_note = note;
    }
    d->stage = to;
    d->updated_at = now;
    KC_RETURN_IF_ERROR(tx.deals().UpdateDeal(*d));
    if (reason) detail["reason"] = DealReasonName(*reason);
    if (!note.empty()) detail["note"] = note;
    KC_RETURN_IF_ERROR(tx.AppendAudit(AuditOf(now, actor.id(), "deal", id, "stage", detail)));
    KC_RETURN_IF_ERROR(Relay(tx, actor, *d, {DealChange::Kind::kStage, note, to, reason}));
    std::string message = std::string(DealStageName(from)) + " → " + std::string(DealStageName(to));
    if (reason) message += " (" + std::string(DealReasonName(*reason)) + ")";
    if (!note.empty()) message += ": " + note;
    return NotifyDealParties(tx, *d, actor.id(), "deal_stage", message, now, detail).status();
  });
  if (!s.ok()) return s;
  return Get(actor, id);
}

Status Deals::Propose(StoreTx& tx, const Actor& actor, Deal& d, DealStage to, int64_t side,
                      const std::string& note, int64_t now) {
  d.proposed_stage = to;
  d.proposed_by_org = side;
  d.proposed_by = actor.id();
  d.proposed_at = now;
  d.updated_at = now;
  KC_RETURN_IF_ERROR(tx.deals().UpdateDeal(d));
  nlohmann::json detail = {{"stage", DealStageName(to)}, {"org_id", side}};
  if (!note.empty()) detail["note"] = note;
  KC_RETURN_IF_ERROR(tx.AppendAudit(AuditOf(now, actor.id(), "deal", d.id, "propose", detail)));
  return NotifyDealParties(tx, d, actor.id(), "deal_proposal",
                           "→ " + std::string(DealStageName(to)), now, detail)
      .status();
}

Result<DealView> Deals::WithdrawProposal(const Actor& actor, int64_t id) {
  if (!actor.signed_in()) return Unauthorized();
  const int64_t now = clock_.Now();
  Status s = store_.Write([&](StoreTx& tx) -> Status {
    auto d = PartyDeal(tx, actor, id);
    if (!d.ok()) return d.status();
    if (!d->proposed_stage) return NotFound("proposal");
    auto side = BindingSide(actor, *d);
    if (!side) {
      return Status::Error(ErrorKind::kForbidden, "binding_step",
                           "only the buyer and the seller withdraw or refuse a step");
    }
    const bool own = *side == *d->proposed_by_org;
    nlohmann::json detail = {{"stage", DealStageName(*d->proposed_stage)}};
    ClearProposal(*d);
    d->updated_at = now;
    KC_RETURN_IF_ERROR(tx.deals().UpdateDeal(*d));
    const char* action = own ? "proposal_withdrawn" : "proposal_refused";
    KC_RETURN_IF_ERROR(tx.AppendAudit(AuditOf(now, actor.id(), "deal", id, action, detail)));
    KC_RETURN_IF_ERROR(Relay(tx, actor, *d, {DealChange::Kind::kWithdraw}));
    return NotifyDealParties(tx, *d, actor.id(), action, detail["stage"].get<std::string>(), now,
                             detail)
        .status();
  });
  if (!s.ok()) return s;
  return Get(actor, id);
}

}  // namespace kc
