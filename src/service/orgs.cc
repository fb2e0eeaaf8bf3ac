#include "service/orgs.h"

#include <nlohmann/json.hpp>

#include "core/country_code.h"
#include "core/credit_code.h"
#include "core/region_code.h"
#include "core/trim.h"
#include "core/utf8.h"
#include "service/audit.h"
#include "service/org_policy.h"

namespace kc {

namespace {
Status CheckText(std::string_view field, const std::string& v, size_t max_chars) {
  if (!IsValidUtf8(v)) return Invalid(std::string(field), "invalid_utf8", "not valid UTF-8");
  if (Utf8Length(v) > max_chars) {
    return Invalid(
        std::string(field), "too_long",
        std::string(field) + " is longer than " + std::to_string(max_chars) + " characters");
  }
  return Status::Ok();
}

}  // namespace

Status ValidateOrg(Org& org) {
  org.name = Trim(org.name);
  if (org.name.empty()) return Invalid("name", "required", "name is required");
  KC_RETURN_IF_ERROR(CheckText("name", org.name, 100));
  KC_RETURN_IF_ERROR(CheckText("description", org.description, 5000));
  KC_RETURN_IF_ERROR(CheckText("website", org.website, 300));
  if (org.country.empty()) org.country = "CN";
  KC_RETURN_IF_ERROR(ValidateCountryCode(org.country));
  if (!org.region.empty()) {
    if (org.country != "CN") {
      return Invalid("region", "invalid_region", "a region code applies to China (country CN)");
    }
    KC_RETURN_IF_ERROR(ValidateRegionCode(org.region));
  }
  if (!org.credit_code.empty()) {
    org.credit_code = NormalizeCreditCode(org.credit_code);
    KC_RETURN_IF_ERROR(ValidateCreditCode(org.credit_code));
  }
  return Status::Ok();
}

Result<Org> Orgs::CreateIn(StoreTx& tx, Org org, std::optional<int64_t> actor_id, int64_t now) {
  KC_RETURN_IF_ERROR(ValidateOrg(org));
  auto existing = tx.FindOrgByName(org.name);
  if (!existing.ok()) return existing.status();
  if (existing->has_value()) {
    return Conflict("duplicate", "an organisation with this name already exists", "name");
  }
  org.created_at = now;
  auto id = tx.InsertOrg(org);
  if (!id.ok()) return id.status();
  org.id = *id;
  KC_RETURN_IF_ERROR(
      tx.AppendAudit(AuditOf(now, actor_id, "org", org.id, "create", {{"name", org.name}})));
  return org;
}

Result<Org> Orgs::Create(const Actor& actor, Org org) {
  if (!actor.signed_in()) return Unauthorized();
  if (!CanCreateOrg(actor)) {
    return Conflict("already_member", "you already belong to an organisation");
  }
  Result<Org> out = Org{};
  Status s = store_.Write([&](StoreTx& tx) -> Status {
    auto created = CreateIn(tx, org, actor.id(), clock_.Now());
    if (!created.ok()) return created.status();
    if (JoinsOrgItCreates(actor)) {
      // The creator manages it; a platform role (reviewer, editor) stays as it is.
      auto u = tx.GetUser(*actor.id());
      if (!u.ok()) return u.status();
      if (u->org_id) return Conflict("already_member", "you already belong to an organisation");
      u->org_id = created->id;
      u->org_role = OrgRole::kAdmin;
      u->requested_org_id.reset();
      KC_RETURN_IF_ERROR(tx.UpdateUser(*u));
    }
    out = *created;
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return out;
}

Result<Org> Orgs::Get(int64_t id) {
  Result<Org> out = Org{};
  Status s = store_.Read([&](StoreTx& tx) {
    out = tx.GetOrg(id);
    return out.status();
  });
  if (!s.ok()) return s;
  return out;
}

Result<Page<Org>> Orgs::List(const OrgQuery& query) {
  Result<Page<Org>> out = Page<Org>{};
  Status s = store_.Read([&](StoreTx& tx) {
    out = tx.ListOrgs(query);
    return out.status();
  });
  if (!s.ok()) return s;
  return out;
}

namespace {

// Appends a change for each listing of the organisation.
Status LogOrgListings(StoreTx& tx, int64_t org_id, int64_t now) {
  ListingQuery q;
  q.org_id = org_id;
  q.sort = ListingSort::kOldest;
  q.limit = 500;
  q.count_total = false;
  q.summary_only = true;
  for (;;) {
    auto page = tx.ListListings(q);
    if (!page.ok()) return page.status();
    for (const auto& l : page->items) {
      auto seq = tx.AppendChange(Change{0, "listing", l.id, "upsert", now});
      if (!seq.ok()) return seq.status();
    }
    if (page->items.size() < static_cast<size_t>(q.limit)) return Status::Ok();
    q.id_from = page->items.back().id + 1;
  }
}

}  // namespace

Result<Org> Orgs::Update(const Actor& actor, int64_t id, const OrgPatch& p) {
  if (!actor.signed_in()) return Unauthorized();
  Result<Org> out = Org{};
  Status s = store_.Write([&](StoreTx& tx) -> Status {
    auto org = tx.GetOrg(id);
    if (!org.ok()) return org.status();
    if (!CanEditOrg(actor, id)) return Forbidden("only the organisation's admins may edit it");
    Org o = *org;
    if (p.name) o.name = *p.name;
    if (p.type) {
      auto t = OrgTypeFromName(*p.type);
      if (!t) return Invalid("type", "invalid_type", "not an organisation type");
      o.type = *t;
    }
    if (p.region) o.region = *p.region;
    if (p.country) o.country = *p.country;
    if (p.credit_code) o.credit_code = *p.credit_code;
    if (p.description) o.description = *p.description;
    if (p.website) o.website = *p.website;
    if (p.shared_to_network) o.shared_to_network = *p.shared_to_network;
    KC_RETURN_IF_ERROR(ValidateOrg(o));
    if (o.name != org->name) {
      auto existing = tx.FindOrgByName(o.name);
      if (!existing.ok()) return existing.status();
      if (existing->has_value()) {
        return Conflict("duplicate", "an organisation with this name already exists", "name");
      }
    }
    KC_RETURN_IF_ERROR(tx.UpdateOrg(o));
    if (o.shared_to_network != org->shared_to_network) {
      // Every listing of the organisation enters the network feed again: as upserts or as
      // tombstones (docs/network.md §4.1).
      KC_RETURN_IF_ERROR(LogOrgListings(tx, id, clock_.Now()));
    }
    KC_RETURN_IF_ERROR(tx.AppendAudit(AuditOf(clock_.Now(), actor.id(), "org", id, "update", {})));
    out = o;
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return out;
}

Result<Page<User>> Orgs::Members(const Actor& actor, int64_t org_id, int64_t offset,
                                 int64_t limit) {
  if (!actor.signed_in()) return Unauthorized();
  Result<Page<User>> out = Page<User>{};
  Status s = store_.Read([&](StoreTx& tx) -> Status {
    auto org = tx.GetOrg(org_id);
    if (!org.ok()) return org.status();
    if (!CanSeeMembers(actor, org_id)) {
      return Forbidden("only members see an organisation's members");
    }
    UserQuery q;
    q.org_id = org_id;
    q.offset = offset;
    q.limit = limit;
    out = tx.ListUsers(q);
    return out.status();
  });
  if (!s.ok()) return s;
  return out;
}

Result<User> Orgs::AddMember(const Actor& actor, int64_t org_id, const std::string& username,
                             OrgRole role) {
  if (!actor.signed_in()) return Unauthorized();
  if (username.size() > 64) return Invalid("username", "unknown_user", "no user with this name");
  Result<User> out = User{};
  Status s = store_.Write([&](StoreTx& tx) -> Status {
    auto org = tx.GetOrg(org_id);
    if (!org.ok()) return org.status();
    if (!CanManageMembers(actor, org_id)) {
      return Forbidden("only the organisation's admins add members");
    }
    auto user = tx.FindUserByName(username);
    if (!user.ok()) {
      return user.status().kind() == ErrorKind::kNotFound
                 ? Invalid("username", "unknown_user", "no user with this name")
                 : user.status();
    }
    if (user->org_id && *user->org_id != org_id) {
      return Conflict("already_member", "this user belongs to another organisation", "username");
    }
    user->org_role = role;  // the platform role stays as it is
    user->org_id = org_id;
    user->requested_org_id.reset();  // an admin adding a user settles any request
    KC_RETURN_IF_ERROR(tx.UpdateUser(*user));
    KC_RETURN_IF_ERROR(tx.AppendAudit(
        AuditOf(clock_.Now(), actor.id(), "org", org_id, "add_member", {{"user_id", user->id}})));
    out = *user;
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return out;
}

Result<User> Orgs::SetMemberRole(const Actor& actor, int64_t org_id, int64_t user_id,
                                 OrgRole role) {
  if (!actor.signed_in()) return Unauthorized();
  Result<User> out = User{};
  Status s = store_.Write([&](StoreTx& tx) -> Status {
    if (!CanManageMembers(actor, org_id)) {
      return Forbidden("only the organisation's admins do this");
    }
    auto user = tx.GetUser(user_id);
    if (!user.ok()) return user.status();
    if (!user->org_id || *user->org_id != org_id) return NotFound("member");
    user->org_role = role;  // the platform role stays as it is
    KC_RETURN_IF_ERROR(tx.UpdateUser(*user));
    KC_RETURN_IF_ERROR(
        tx.AppendAudit(AuditOf(clock_.Now(), actor.id(), "org", org_id, "set_member_role",
                               {{"user_id", user_id}, {"role", OrgRoleName(role)}})));
    out = *user;
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return out;
}

Status Orgs::RemoveMember(const Actor& actor, int64_t org_id, int64_t user_id) {
  if (!actor.signed_in()) return Unauthorized();
  return store_.Write([&](StoreTx& tx) -> Status {
    if (!CanManageMembers(actor, org_id)) {
      return Forbidden("only the organisation's admins do this");
    }
    if (actor.user->id == user_id) {
      return Conflict("self_removal", "an org admin cannot remove themself");
    }
    auto user = tx.GetUser(user_id);
    if (!user.ok()) return user.status();
    if (!user->org_id || *user->org_id != org_id) return NotFound("member");
    user->org_id.reset();
    user->org_role = OrgRole::kMember;
    KC_RETURN_IF_ERROR(tx.UpdateUser(*user));
    KC_RETURN_IF_ERROR(tx.DeleteSessionsOfUser(user_id));
    return tx.AppendAudit(
        AuditOf(clock_.Now(), actor.id(), "org", org_id, "remove_member", {{"user_id", user_id}}));
  });
}

}  // namespace kc
