#include "net/inquiries.h"

#include <nlohmann/json.hpp>

#include "core/utf8.h"
#include "net/feed.h"
#include "service/crypto.h"

namespace kc::net {

namespace {

using nlohmann::json;

Status BadMessage(const std::string& field, const std::string& why) {
  return BadInput("bad_message", field + ": " + why, field);
}

// The object `name` of a §6 body: {"inquiry": {…}} or {"event": {…}}.
Result<json> Envelope(std::string_view body, const char* name) {
  json j = json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object() || !j.contains(name) || !(*j.find(name)).is_object()) {
    return BadMessage(name, std::string("the body is {\"") + name + "\": {…}}");
  }
  return j[name];
}

// The string member `key` of `j`: "" when absent and optional, else it must be a string of at
// most `max` characters (and, with `id`, an id as §4 allows).
Result<std::string> Text(const json& j, const char* key, size_t max, bool required,
                         bool id = false) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) {
    if (required) return BadMessage(key, "required");
    return std::string();
  }
  if (!it->is_string()) return BadMessage(key, "must be a string");
  std::string v = it->get<std::string>();
  if (!IsValidUtf8(v)) return BadMessage(key, "must be UTF-8");
  if (Utf8Length(v) > max) return BadMessage(key, "at most " + std::to_string(max) + " characters");
  if (required && v.empty()) return BadMessage(key, "required");
  if (id && !v.empty() && !IsOriginId(v)) return BadMessage(key, "1 to 64 of [A-Za-z0-9_-]");
  return v;
}

// How a partner's party is named here: "author (organisation)", or the organisation.
std::string Label(const std::string& author, const std::string& org_name) {
  return author.empty() ? org_name : author + " (" + org_name + ")";
}

// The `_network` account acting for a partner's party: in organisation `org_id` here, named
// `label`, for the partner's message `message_id` (Actor::relayed).
Actor PartnerParty(int64_t network_user, int64_t org_id, std::string label, int64_t peer_id,
                   const std::string& message_id) {
  User u;
  u.id = network_user;
  u.username = "_network";
  u.display_name = std::move(label);
  u.org_id = org_id;
  Actor actor = Actor::Of(std::move(u));
  actor.relayed = Actor::Relayed{peer_id, message_id};
  return actor;
}

Status UnknownInquiry() {
  return Status::Error(ErrorKind::kNotFound, "unknown_inquiry",
                       "this partner has no inquiry with that id here");
}

}  // namespace

Status Inquiries::Relay(StoreTx& tx, const Actor& actor, const Deal& deal,
                        const DealChange& change) {
  const int64_t now = clock_.Now();
  if (actor.relayed) {
    return tx.net().RecordReceived(actor.relayed->peer_id, actor.relayed->message_id, deal.id,
                                   now);
  }
  NetTx::OutboxMessage m;
  m.peer_id = *deal.peer_id;
  m.deal_id = deal.id;
  m.created_at = m.next_at = now;
  const std::string author = actor.user ? actor.user->display_name : "";
  json body;
  if (change.kind == DealChange::Kind::kOpened) {
    // The copy is the listing from the partner; the other side is this node's party.
    std::optional<Listing> copy;
    for (auto id : {deal.achievement_id, deal.demand_id}) {
      if (!id) continue;
      auto l = tx.GetListing(*id);
      if (!l.ok()) return l.status();
      if (l->remote()) copy = *l;
    }
    if (!copy) return Internal("an inquiry without a partner's listing");
    const int64_t party =
        copy->kind == ListingKind::kAchievement ? deal.buyer_org_id : deal.seller_org_id;
    auto org = tx.GetOrg(party);
    if (!org.ok()) return org.status();
    m.path = std::string(kInquiriesPath);
    m.message_id = deal.peer_ref;
    body["inquiry"] = {{"id", deal.peer_ref},
                       {"listing_id", copy->origin_id},
                       {"title", Utf8Prefix(deal.title, 200)},
                       {"text", change.text},
                       {"author", Utf8Prefix(author, 200)},
                       {"org",
                        {{"id", std::to_string(org->id)},
                         {"name", Utf8Prefix(org->name, 200)},
                         {"type", OrgTypeName(org->type)},
                         {"country", org->country}}}};
  } else {
    m.path = std::string(kInquiryEventsPath);
    m.message_id = "ev-" + RandomHex(16);
    json e = {{"id", m.message_id},
              {"inquiry", deal.peer_ref},
              {"author", Utf8Prefix(author, 200)}};
    switch (change.kind) {
      case DealChange::Kind::kMessage:
        e["type"] = "message";
        e["text"] = change.text;
        break;
      case DealChange::Kind::kStage:
        e["type"] = "stage";
        e["stage"] = DealStageName(*change.stage);
        if (change.reason) e["reason"] = DealReasonName(*change.reason);
        e["text"] = change.text;
        break;
      default:
        e["type"] = "withdraw";
        break;
    }
    body["event"] = std::move(e);
  }
  m.body = body.dump();
  return tx.net().Enqueue(m).status();
}

Result<InquiryReceipt> Inquiries::ReceiveInquiry(const Peer& peer, std::string_view body) {
  auto j = Envelope(body, "inquiry");
  if (!j.ok()) return j.status();
  KC_ASSIGN_OR_RETURN(id, Text(*j, "id", 64, true, true));
  KC_ASSIGN_OR_RETURN(listing_id, Text(*j, "listing_id", 64, true, true));
  KC_ASSIGN_OR_RETURN(title, Text(*j, "title", 200, false));
  KC_ASSIGN_OR_RETURN(text, Text(*j, "text", Deals::kMaxNote, false));
  KC_ASSIGN_OR_RETURN(author, Text(*j, "author", 200, false));
  auto org_it = j->find("org");
  if (org_it == j->end() || !org_it->is_object()) return BadMessage("org", "required");
  KC_ASSIGN_OR_RETURN(org_id, Text(*org_it, "id", 64, true, true));
  KC_ASSIGN_OR_RETURN(org_name, Text(*org_it, "name", 200, true));
  KC_ASSIGN_OR_RETURN(org_type_name, Text(*org_it, "type", 40, false));
  KC_ASSIGN_OR_RETURN(country, Text(*org_it, "country", 2, false));
  auto org_type = org_type_name->empty() ? std::optional<OrgType>(OrgType::kEnterprise)
                                         : OrgTypeFromName(*org_type_name);
  if (!org_type) return BadMessage("org.type", "not an organisation type");
  for (char c : *country) {
    if (c < 'A' || c > 'Z') return BadMessage("org.country", "an ISO 3166-1 alpha-2 code");
  }

  auto answer = [&](int status, int64_t deal_id) {
    return InquiryReceipt{
        status, json{{"inquiry", {{"id", *id}, {"deal_id", std::to_string(deal_id)}}}}.dump()};
  };
  auto earlier = [&]() -> Result<std::optional<int64_t>> {
    std::optional<int64_t> deal;
    KC_RETURN_IF_ERROR(store_.Read([&](StoreTx& tx) -> Status {
      auto seen = tx.net().Received(peer.id, *id);
      if (!seen.ok()) return seen.status();
      if (*seen) deal = seen->value_or(0);
      return Status::Ok();
    }));
    return deal;
  };
  KC_ASSIGN_OR_RETURN(seen, earlier());
  if (*seen) return answer(200, **seen);

  const Status unknown = Status::Error(ErrorKind::kNotFound, "unknown_listing",
                                       "no demand or achievement this node shares has that id");
  Actor actor;
  OpenDealRequest request;
  KC_RETURN_IF_ERROR(store_.Write([&](StoreTx& tx) -> Status {
    if (listing_id->find_first_not_of("0123456789") != std::string::npos ||
        listing_id->size() > 18) {
      return unknown;
    }
    auto listing = tx.GetListing(std::stoll(*listing_id));
    if (!listing.ok()) return listing.status().kind() == ErrorKind::kNotFound ? unknown : listing.status();
    if (listing->kind == ListingKind::kExpert) return unknown;
    auto owner = tx.GetOrg(listing->org_id);
    if (!owner.ok()) return owner.status();
    if (!IsShared(*listing, owner->shared_to_network)) return unknown;
    auto org = tx.net().RemoteOrg(peer, *org_id, *org_name, *org_type, *country, clock_.Now());
    if (!org.ok()) return org.status();
    auto user = tx.net().NetworkUserId();
    if (!user.ok()) return user.status();
    actor = PartnerParty(*user, *org, Label(*author, *org_name), peer.id, *id);
    (listing->kind == ListingKind::kDemand ? request.demand_id : request.achievement_id) =
        listing->id;
    return Status::Ok();
  }));
  request.title = *title;
  request.note = *text;
  request.peer_ref = *id;
  auto view = deals_.Open(actor, request);
  if (!view.ok()) {
    // The same inquiry, received at the same moment by another thread.
    KC_ASSIGN_OR_RETURN(again, earlier());
    if (*again) return answer(200, **again);
    return view.status();
  }
  return answer(201, view->deal.id);
}

Result<Actor> Inquiries::PartnerActor(int64_t peer_id, const Deal& deal, const std::string& author,
                                      const std::string& message_id) {
  Actor actor;
  KC_RETURN_IF_ERROR(store_.Write([&](StoreTx& tx) -> Status {
    auto orgs = tx.GetOrgs({deal.buyer_org_id, deal.seller_org_id});
    if (!orgs.ok()) return orgs.status();
    auto user = tx.net().NetworkUserId();
    if (!user.ok()) return user.status();
    for (const Org& o : *orgs) {
      if (o.peer_id != peer_id) continue;
      actor = PartnerParty(*user, o.id, Label(author, o.name), peer_id, message_id);
      return Status::Ok();
    }
    return Internal("the partner takes no part in its inquiry's deal");
  }));
  return actor;
}

Result<InquiryReceipt> Inquiries::ReceiveEvent(const Peer& peer, std::string_view body) {
  auto j = Envelope(body, "event");
  if (!j.ok()) return j.status();
  KC_ASSIGN_OR_RETURN(id, Text(*j, "id", 64, true, true));
  KC_ASSIGN_OR_RETURN(inquiry, Text(*j, "inquiry", 64, true, true));
  KC_ASSIGN_OR_RETURN(type, Text(*j, "type", 20, true));
  KC_ASSIGN_OR_RETURN(author, Text(*j, "author", 200, false));
  const size_t max_text = *type == "message" ? Deals::kMaxMessage : Deals::kMaxNote;
  KC_ASSIGN_OR_RETURN(text, Text(*j, "text", max_text, *type == "message"));
  KC_ASSIGN_OR_RETURN(stage_name, Text(*j, "stage", 20, *type == "stage"));
  KC_ASSIGN_OR_RETURN(reason_name, Text(*j, "reason", 20, false));
  if (*type != "message" && *type != "stage" && *type != "withdraw") {
    return BadMessage("type", "message, stage or withdraw");
  }
  const auto stage = DealStageFromName(*stage_name);
  if (*type == "stage" && !stage) return BadMessage("stage", "not a deal stage");
  const auto reason = DealReasonFromName(*reason_name);
  if (!reason_name->empty() && !reason) return BadMessage("reason", "not a reason");

  auto answer = [&](bool applied) {
    return InquiryReceipt{200, json{{"event", {{"id", *id}, {"applied", applied}}}}.dump()};
  };
  std::optional<Deal> deal;
  bool seen = false;
  auto look = [&]() {
    return store_.Read([&](StoreTx& tx) -> Status {
      auto received = tx.net().Received(peer.id, *id);
      if (!received.ok()) return received.status();
      seen = received->has_value();
      auto deal_id = tx.net().FindPeerDeal(peer.id, *inquiry);
      if (!deal_id.ok()) return deal_id.status();
      if (!*deal_id) return UnknownInquiry();
      auto d = tx.deals().GetDeal(**deal_id);
      if (!d.ok()) return d.status();
      deal = *d;
      return Status::Ok();
    });
  };
  KC_RETURN_IF_ERROR(look());
  if (seen) return answer(false);
  KC_ASSIGN_OR_RETURN(actor, PartnerActor(peer.id, *deal, *author, *id));
  Status applied = Status::Ok();
  if (*type == "message") {
    applied = deals_.PostMessage(*actor, deal->id, *text).status();
  } else if (*type == "stage") {
    applied = deals_.ChangeStage(*actor, deal->id, *stage, reason, *text).status();
  } else {
    applied = deals_.WithdrawProposal(*actor, deal->id).status();
  }
  if (!applied.ok()) {
    // The same event, received at the same moment by another thread.
    if (look().ok() && seen) return answer(false);
    return applied;
  }
  return answer(true);
}

}  // namespace kc::net
