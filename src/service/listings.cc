#include "service/listings.h"

#include <ctime>
#include <map>

#include "core/utf8.h"
#include "service/audit.h"
#include "service/listing_json.h"
#include "service/listing_notices.h"
#include "service/listing_policy.h"
#include "service/listing_validation.h"

namespace kc {

namespace {

Status RecordChange(StoreTx& tx, const Listing& l, std::optional<int64_t> actor,
                    const std::string& action, const nlohmann::json& detail, int64_t now,
                    const char* op = "upsert") {
  auto seq = tx.AppendChange(Change{0, "listing", l.id, op, now});
  if (!seq.ok()) return seq.status();
  return tx.AppendAudit(AuditOf(now, actor, "listing", l.id, action, detail));
}

// End of the deadline day (UTC) when the listing has a deadline, else now + one year.
int64_t ExpiryFor(const Listing& l, int64_t now) {
  if (!l.deadline.empty()) {
    std::tm tm{};
    tm.tm_year = std::stoi(l.deadline.substr(0, 4)) - 1900;
    tm.tm_mon = std::stoi(l.deadline.substr(5, 2)) - 1;
    tm.tm_mday = std::stoi(l.deadline.substr(8, 2));
    int64_t end = static_cast<int64_t>(timegm(&tm)) + 24 * 3600 - 1;
    if (end > now) return end;
  }
  return now + Listings::kDefaultLifetime;
}

Result<Listing> Load(StoreTx& tx, const Actor& actor, ListingKind kind, int64_t id) {
  auto l = tx.GetListing(id);
  if (!l.ok()) return l.status();
  if (l->kind != kind || !CanRead(actor, *l)) return NotFound(std::string(KindName(kind)));
  return l;
}

Result<ListingWithOrg> WithOrg(StoreTx& tx, Listing l) {
  auto org = tx.GetOrg(l.org_id);
  if (!org.ok()) return org.status();
  return ListingWithOrg{std::move(l), *org};
}

// Fields that a PATCH replaced, for the audit trail.
// Names are the JSON names of the kind (an expert's name is "name", their rank "title").
nlohmann::json ChangedFields(const Listing& a, const Listing& b) {
  const bool expert = a.kind == ListingKind::kExpert;
  nlohmann::json out = nlohmann::json::array();
  auto check = [&](const char* name, bool differs) {
    if (differs) out.push_back(name);
  };
  check("ref", a.ref != b.ref);
  check(expert ? "name" : "title", a.title != b.title);
  check(BodyField(a.kind), a.body != b.body);
  check("keywords", a.keywords != b.keywords);
  check("category", a.category != b.category);
  check("discipline", a.discipline != b.discipline);
  check("region", a.region != b.region);
  check("visibility", a.visibility != b.visibility);
  check("contact", a.contact.name != b.contact.name || a.contact.phone != b.contact.phone ||
                       a.contact.email != b.contact.email);
  check("budget", a.budget.min_cny != b.budget.min_cny || a.budget.max_cny != b.budget.max_cny);
  check("deadline", a.deadline != b.deadline);
  check("cooperation_modes", a.cooperation_modes != b.cooperation_modes);
  check("maturity", a.maturity != b.maturity);
  check("patents", a.patents != b.patents);
  check("transfer_modes", a.transfer_modes != b.transfer_modes);
  check("price", a.price.min_cny != b.price.min_cny || a.price.max_cny != b.price.max_cny);
  check("inventors", a.inventors != b.inventors);
  if (expert) check("title", a.rank != b.rank);
  if (!expert) check("rank", a.rank != b.rank);
  check("affiliation", a.affiliation != b.affiliation);
  check("disciplines", a.disciplines != b.disciplines);
  // Talent and talent demand (docs/talent.md).
  check("name", a.person_name != b.person_name);
  check("talent_type", a.talent_type != b.talent_type);
  check("languages", a.languages != b.languages);
  check(a.kind == ListingKind::kTalent ? "seeking" : "offers", a.talent_modes != b.talent_modes);
  check("country", a.country != b.country);
  check("shared", a.shared != b.shared);
  return out;
}

}  // namespace

Result<Listing> Listings::CreateIn(StoreTx& tx, const Actor& actor, Listing l, bool publish,
                                   int64_t now) {
  if (!actor.signed_in()) return Unauthorized();
  if (l.org_id == 0) {
    if (!actor.user->org_id) {
      return Invalid("org_id", "no_org", "join or create an organisation before posting");
    }
    l.org_id = *actor.user->org_id;
  } else if (!actor.in_org(l.org_id)) {
    return Forbidden("you may post only for your own organisation");
  }
  auto org = tx.GetOrg(l.org_id);
  if (!org.ok()) return Invalid("org_id", "unknown_org", "no organisation with this id");
  KC_RETURN_IF_ERROR(ValidateListing(l));
  l.owner_id = actor.user->id;
  l.created_at = l.updated_at = now;
  l.status = ListingStatus::kDraft;
  l.published_at = l.expires_at = 0;
  l.reject_reason.clear();
  if (publish && actor.is_admin()) {
    l.status = ListingStatus::kPublished;
    l.published_at = now;
    l.expires_at = ExpiryFor(l, now);
  }
  auto id = tx.InsertListing(l);
  if (!id.ok()) {
    if (id.status().kind() == ErrorKind::kConflict) {
      return Conflict(
          "duplicate_ref",
          "this organisation already has a " + std::string(KindName(l.kind)) + " with ref " + l.ref,
          "ref");
    }
    return id.status();
  }
  l.id = *id;
  KC_RETURN_IF_ERROR(RecordChange(tx, l, actor.id(), publish ? "import" : "create",
                                  {{"status", StatusName(l.status)}}, now));
  return l;
}

Result<ListingWithOrg> Listings::Create(const Actor& actor, Listing draft, bool publish) {
  Result<ListingWithOrg> out = NotFound("listing");
  KC_RETURN_IF_ERROR(store_.Write([&](StoreTx& tx) -> Status {
    auto l = CreateIn(tx, actor, std::move(draft), publish, clock_.Now());
    if (!l.ok()) return l.status();
    out = WithOrg(tx, *l);
    return out.status();
  }));
  return out;
}

Result<ListingWithOrg> Listings::Get(const Actor& actor, ListingKind kind, int64_t id) {
  Result<ListingWithOrg> out = NotFound("listing");
  KC_RETURN_IF_ERROR(store_.Read([&](StoreTx& tx) -> Status {
    auto l = Load(tx, actor, kind, id);
    if (!l.ok()) return l.status();
    out = WithOrg(tx, std::move(*l));
    return out.status();
  }));
  return out;
}

Result<Page<ListingWithOrg>> Listings::List(const Actor& actor, ListingQuery q) {
  bool own_org = q.org_id && actor.in_org(*q.org_id);
  if (!actor.is_reviewer() && !own_org) {
    // Others see only what is published, whatever they ask for.
    if (!q.statuses.empty() &&
        (q.statuses.size() != 1 || q.statuses[0] != ListingStatus::kPublished)) {
      return Forbidden("only reviewers and the owning organisation list unpublished listings");
    }
    q.statuses = {ListingStatus::kPublished};
  } else if (!own_org && !actor.is_admin()) {
    // Reviewers list every status but drafts, which stay their organisation's.
    if (q.statuses.empty()) {
      q.statuses = {ListingStatus::kPending, ListingStatus::kPublished, ListingStatus::kRejected,
                    ListingStatus::kClosed, ListingStatus::kExpired};
    }
    std::erase(q.statuses, ListingStatus::kDraft);
    if (q.statuses.empty()) return Page<ListingWithOrg>{};
  }
  Page<ListingWithOrg> out;
  KC_RETURN_IF_ERROR(store_.Read([&](StoreTx& tx) -> Status {
    auto page = tx.ListListings(q);
    if (!page.ok()) return page.status();
    std::vector<int64_t> ids;
    for (const auto& l : page->items) ids.push_back(l.org_id);
    auto orgs = tx.GetOrgs(ids);
    if (!orgs.ok()) return orgs.status();
    std::map<int64_t, const Org*> by_id;
    for (const auto& o : *orgs) by_id[o.id] = &o;
    out.total = page->total;
    for (auto& l : page->items) {
      auto it = by_id.find(l.org_id);
      out.items.push_back({std::move(l), it == by_id.end() ? Org{} : *it->second});
    }
    return Status::Ok();
  }));
  return out;
}

Result<ListingWithOrg> Listings::Update(const Actor& actor, ListingKind kind, int64_t id,
                                        Listing edited) {
  if (!actor.signed_in()) return Unauthorized();
  Result<ListingWithOrg> out = NotFound("listing");
  KC_RETURN_IF_ERROR(store_.Write([&](StoreTx& tx) -> Status {
    auto cur = Load(tx, actor, kind, id);
    if (!cur.ok()) return cur.status();
    if (!CanFix(actor, *cur)) return Forbidden("only the owning organisation edits a listing");
    auto next = NextStatus(cur->status, ReviewAction::kEdit);
    if (!next.ok()) return next.status();
    KC_RETURN_IF_ERROR(ValidateListing(edited));
    // System fields stay; the editable ones come from `edited`.
    Listing l = *cur;
    l.ref = edited.ref;
    l.title = edited.title;
    l.body = edited.body;
    l.keywords = edited.keywords;
    l.category = edited.category;
    l.discipline = edited.discipline;
    l.region = edited.region;
    l.visibility = edited.visibility;
    l.contact = edited.contact;
    l.budget = edited.budget;
    l.deadline = edited.deadline;
    l.cooperation_modes = edited.cooperation_modes;
    l.maturity = edited.maturity;
    l.patents = edited.patents;
    l.transfer_modes = edited.transfer_modes;
    l.price = edited.price;
    l.inventors = edited.inventors;
    l.rank = edited.rank;
    l.affiliation = edited.affiliation;
    l.disciplines = edited.disciplines;
    l.shared = edited.shared;
    nlohmann::json changed = ChangedFields(*cur, l);
    if (changed.empty()) {
      out = WithOrg(tx, l);
      return out.status();
    }
    // Reviewers and admins fix listings in place; an owner's change to a live listing is
    // reviewed again, but for sharing it with partner platforms or not, which changes no text.
    const bool only_sharing = changed.size() == 1 && changed[0] == "shared";
    if (!actor.is_reviewer() && !only_sharing) l.status = *next;
    l.updated_at = clock_.Now();
    Status s = tx.UpdateListing(l);
    if (!s.ok() && s.kind() == ErrorKind::kConflict) {
      return Conflict("duplicate_ref", "this organisation already has a listing with this ref",
                      "ref");
    }
    KC_RETURN_IF_ERROR(s);
    KC_RETURN_IF_ERROR(RecordChange(tx, l, actor.id(), "update",
                                    {{"fields", changed}, {"status", StatusName(l.status)}},
                                    l.updated_at));
    out = WithOrg(tx, l);
    return out.status();
  }));
  return out;
}

Result<ListingWithOrg> Listings::Apply(const Actor& actor, ListingKind kind, int64_t id,
                                       ReviewAction action, const std::string& reason) {
  if (!actor.signed_in()) return Unauthorized();
  const bool review = action == ReviewAction::kApprove || action == ReviewAction::kReject;
  if (review && !CanReview(actor)) return Forbidden("only reviewers approve or reject");
  std::string why = reason;
  if (action == ReviewAction::kReject) {
    auto b = why.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) {
      return Invalid("reason", "required", "a rejection needs a reason the owner can act on");
    }
    if (Utf8Length(why) > 2000) return Invalid("reason", "too_long", "reason is too long");
  }
  Result<ListingWithOrg> out = NotFound("listing");
  KC_RETURN_IF_ERROR(store_.Write([&](StoreTx& tx) -> Status {
    auto cur = Load(tx, actor, kind, id);
    if (!cur.ok()) return cur.status();
    if (!review && !CanEdit(actor, *cur)) {
      return Forbidden("only the owning organisation does this");
    }
    auto next = NextStatus(cur->status, action);
    if (!next.ok()) return next.status();
    Listing l = *cur;
    const int64_t now = clock_.Now();
    l.status = *next;
    l.updated_at = now;
    nlohmann::json detail = {{"from", StatusName(cur->status)}, {"to", StatusName(l.status)}};
    switch (action) {
      case ReviewAction::kApprove:
        l.reject_reason.clear();
        l.published_at = now;
        l.expires_at = ExpiryFor(l, now);
        break;
      case ReviewAction::kReject:
        l.reject_reason = why;
        detail["reason"] = why;
        break;
      case ReviewAction::kRenew:
        l.expires_at = std::max(l.expires_at, now) + kDefaultLifetime;
        detail["expires_at"] = l.expires_at;
        break;
      default:
        break;
    }
    KC_RETURN_IF_ERROR(tx.UpdateListing(l));
    KC_RETURN_IF_ERROR(
        RecordChange(tx, l, actor.id(), std::string(ActionName(action)), detail, now));
    if (review) {
      // The owners hear the outcome: a type code and the reason, which clients put in words.
      const bool approved = action == ReviewAction::kApprove;
      KC_RETURN_IF_ERROR(NotifyListingOwners(tx, l, actor.id(),
                                             approved ? "listing_approved" : "listing_rejected",
                                             approved ? "" : why, now)
                             .status());
    }
    out = WithOrg(tx, l);
    return out.status();
  }));
  return out;
}

Status Listings::Delete(const Actor& actor, ListingKind kind, int64_t id) {
  if (!actor.signed_in()) return Unauthorized();
  return store_.Write([&](StoreTx& tx) -> Status {
    auto cur = Load(tx, actor, kind, id);
    if (!cur.ok()) return cur.status();
    if (!CanEdit(actor, *cur)) return Forbidden("only the owning organisation deletes a listing");
    KC_RETURN_IF_ERROR(tx.DeleteListing(id));
    return RecordChange(tx, *cur, actor.id(), "delete", {{"title", cur->title}}, clock_.Now(),
                        "delete");
  });
}

Result<std::vector<AuditEntry>> Listings::History(const Actor& actor, ListingKind kind,
                                                  int64_t id) {
  if (!actor.signed_in()) return Unauthorized();
  Result<std::vector<AuditEntry>> out = std::vector<AuditEntry>{};
  KC_RETURN_IF_ERROR(store_.Read([&](StoreTx& tx) -> Status {
    auto cur = Load(tx, actor, kind, id);
    if (!cur.ok()) return cur.status();
    if (!CanEdit(actor, *cur) && !actor.is_reviewer()) {
      return Forbidden("only the owning organisation and reviewers see a listing's history");
    }
    out = tx.ListAudit("listing", id);
    return out.status();
  }));
  return out;
}

Result<int> Listings::ExpireDue() {
  int n = 0;
  KC_RETURN_IF_ERROR(store_.Write([&](StoreTx& tx) -> Status {
    const int64_t now = clock_.Now();
    auto ids = tx.ListExpired(now, 1000);
    if (!ids.ok()) return ids.status();
    for (int64_t id : *ids) {
      auto l = tx.GetListing(id);
      if (!l.ok()) return l.status();
      l->status = ListingStatus::kExpired;
      l->updated_at = now;
      KC_RETURN_IF_ERROR(tx.UpdateListing(*l));
      KC_RETURN_IF_ERROR(RecordChange(tx, *l, std::nullopt, "expire", {}, now));
      ++n;
    }
    return Status::Ok();
  }));
  return n;
}

}  // namespace kc
