#include "service/offshore_bases.h"

#include <algorithm>
#include <set>

#include "service/audit.h"
#include "service/listing_policy.h"
#include "service/listing_validation.h"
#include "service/offshore_base_policy.h"

namespace kc {

namespace {

Status Unseen() { return NotFound("base"); }

// What a list shows this caller: the statuses (all when empty); with `or_org_id` also the
// drafts of that organisation's bases (an org admin's list); with `only_org_id` only that
// organisation's bases; nothing at all when `empty` (drafts asked for by someone who sees none).
struct ListScope {
  std::vector<BaseStatus> statuses;
  std::optional<int64_t> or_org_id;
  std::optional<int64_t> only_org_id;
  bool empty = false;
};

ListScope ScopeFor(const Actor& actor, std::optional<BaseStatus> asked) {
  ListScope s;
  if (SeesAllDraftBases(actor)) {
    if (asked) s.statuses = {*asked};
    return s;
  }
  const bool org_admin = actor.user && actor.user->org_id && actor.manages_org(*actor.user->org_id);
  if (asked == BaseStatus::kDraft) {
    if (org_admin) {
      s.statuses = {BaseStatus::kDraft};
      s.only_org_id = actor.user->org_id;
    } else {
      s.empty = true;
    }
    return s;
  }
  if (asked) {
    s.statuses = {*asked};
  } else if (org_admin) {
    s.or_org_id = actor.user->org_id;
  } else {
    s.statuses = {BaseStatus::kPublished, BaseStatus::kClosed};
  }
  return s;
}

}  // namespace

Status OffshoreBases::Check(StoreTx& tx, OffshoreBase& b) {
  KC_RETURN_IF_ERROR(ValidateOffshoreBase(b));
  KC_RETURN_IF_ERROR(ValidateContact(b.contact));
  if (b.org_id) {
    auto org = tx.GetOrg(*b.org_id);
    if (!org.ok()) {
      return org.status().kind() == ErrorKind::kNotFound
                 ? Invalid("org_id", "unknown_org", "no such organisation")
                 : org.status();
    }
  }
  return Status::Ok();
}

Result<OffshoreBase> OffshoreBases::LoadForMaintenance(StoreTx& tx, const Actor& actor,
                                                       int64_t id) {
  auto base = tx.bases().GetBase(id);
  if (!base.ok()) return base.status();
  if (!CanSeeBase(actor, *base)) return Unseen();
  if (!CanMaintainBase(actor, *base)) {
    return Forbidden("only the base's organisation admins and platform admins maintain it");
  }
  return base;
}

Result<OffshoreBase> OffshoreBases::CreateIn(StoreTx& tx, const Actor& actor, OffshoreBase b) {
  if (!actor.signed_in()) return Unauthorized();
  if (!CanCreateBase(actor, b.org_id)) {
    return Forbidden("platform admins add bases, and org admins for their own organisation");
  }
  b.id = 0;
  b.created_by = *actor.id();
  b.created_at = b.updated_at = clock_.Now();
  KC_RETURN_IF_ERROR(Check(tx, b));
  auto id = tx.bases().InsertBase(b);
  if (!id.ok()) return id.status();
  b.id = *id;
  KC_RETURN_IF_ERROR(tx.AppendAudit(AuditOf(b.created_at, actor.id(), "base", b.id, "create",
                                            {{"status", BaseStatusName(b.status)}})));
  return b;
}

Result<OffshoreBase> OffshoreBases::Create(const Actor& actor, OffshoreBase b) {
  if (!actor.signed_in()) return Unauthorized();
  OffshoreBase out;
  KC_RETURN_IF_ERROR(store_.Write([&](StoreTx& tx) -> Status {
    auto created = CreateIn(tx, actor, b);
    if (!created.ok()) return created.status();
    out = std::move(*created);
    return Status::Ok();
  }));
  return out;
}

Result<OffshoreBase> OffshoreBases::Update(const Actor& actor, OffshoreBase b) {
  if (!actor.signed_in()) return Unauthorized();
  Status s = store_.Write([&](StoreTx& tx) {
    auto old = LoadForMaintenance(tx, actor, b.id);
    if (!old.ok()) return old.status();
    if (b.org_id != old->org_id && !CanReassignBase(actor)) {
      return Forbidden("only platform admins hand a base to another organisation");
    }
    b.created_by = old->created_by;
    b.created_at = old->created_at;
    b.updated_at = clock_.Now();
    KC_RETURN_IF_ERROR(Check(tx, b));
    KC_RETURN_IF_ERROR(tx.bases().UpdateBase(b));
    nlohmann::json detail = {{"status", BaseStatusName(b.status)}};
    if (old->status != b.status) detail["from"] = BaseStatusName(old->status);
    return tx.AppendAudit(AuditOf(b.updated_at, actor.id(), "base", b.id, "update", detail));
  });
  if (!s.ok()) return s;
  return b;
}

Status OffshoreBases::Delete(const Actor& actor, int64_t id) {
  if (!actor.signed_in()) return Unauthorized();
  return store_.Write([&](StoreTx& tx) {
    auto old = LoadForMaintenance(tx, actor, id);
    if (!old.ok()) return old.status();
    KC_RETURN_IF_ERROR(tx.bases().DeleteBase(id));
    return tx.AppendAudit(
        AuditOf(clock_.Now(), actor.id(), "base", id, "delete", {{"name", old->name}}));
  });
}

Result<OffshoreBaseDetail> OffshoreBases::Get(const Actor& actor, int64_t id) {
  OffshoreBaseDetail out;
  KC_RETURN_IF_ERROR(store_.Read([&](StoreTx& tx) {
    auto base = tx.bases().GetBase(id);
    if (!base.ok()) return base.status();
    if (!CanSeeBase(actor, *base)) return Unseen();
    out.base = std::move(*base);
    auto people = tx.bases().ListPeople(id);
    if (!people.ok()) return people.status();
    out.people = std::move(*people);
    auto projects = tx.bases().ListProjects(id);
    if (!projects.ok()) return projects.status();
    for (auto& p : *projects) {
      if (CanRead(actor, p.listing)) out.projects.push_back(std::move(p));
    }
    return Status::Ok();
  }));
  return out;
}

Result<Page<OffshoreBase>> OffshoreBases::List(const Actor& actor, const BaseListFilter& f) {
  ListScope scope = ScopeFor(actor, f.status);
  if (scope.empty) return Page<OffshoreBase>{};
  BaseQuery q;
  q.statuses = scope.statuses;
  q.or_org_id = scope.or_org_id;
  q.org_id = scope.only_org_id ? scope.only_org_id : f.org_id;
  if (scope.only_org_id && f.org_id && *f.org_id != *scope.only_org_id) {
    return Page<OffshoreBase>{};
  }
  q.country = f.country;
  q.field = f.field;
  q.text = f.text;
  q.offset = std::max<int64_t>(0, f.offset);
  q.limit = std::clamp<int64_t>(f.limit, 1, 100);
  Page<OffshoreBase> out;
  KC_RETURN_IF_ERROR(store_.Read([&](StoreTx& tx) {
    auto page = tx.bases().ListBases(q);
    if (!page.ok()) return page.status();
    out = std::move(*page);
    return Status::Ok();
  }));
  return out;
}

Result<std::vector<BaseCountryCount>> OffshoreBases::CountByCountry() {
  std::vector<BaseCountryCount> out;
  KC_RETURN_IF_ERROR(store_.Read([&](StoreTx& tx) {
    auto got = tx.bases().CountByCountry({BaseStatus::kPublished, BaseStatus::kClosed});
    if (!got.ok()) return got.status();
    out = std::move(*got);
    return Status::Ok();
  }));
  return out;
}

Result<std::vector<BasePerson>> OffshoreBases::SetPeopleIn(StoreTx& tx, const Actor& actor,
                                                           int64_t id,
                                                           std::vector<BasePerson> people) {
  if (!actor.signed_in()) return Unauthorized();
  if (people.size() > kMaxBasePeople) {
    return Invalid("people", "too_many_people", "at most 50 people per base");
  }
  for (size_t i = 0; i < people.size(); ++i) {
    Status s = ValidateBasePerson(people[i]);
    if (!s.ok()) {
      return Invalid("people[" + std::to_string(i) + "]." + s.field(), s.code(), s.message());
    }
  }
  auto base = LoadForMaintenance(tx, actor, id);
  if (!base.ok()) return base.status();
  KC_RETURN_IF_ERROR(tx.bases().ReplacePeople(id, people));
  auto got = tx.bases().ListPeople(id);
  if (!got.ok()) return got.status();
  KC_RETURN_IF_ERROR(tx.AppendAudit(
      AuditOf(clock_.Now(), actor.id(), "base", id, "set_people", {{"count", got->size()}})));
  return got;
}

Result<std::vector<BasePerson>> OffshoreBases::SetPeople(const Actor& actor, int64_t id,
                                                         std::vector<BasePerson> people) {
  if (!actor.signed_in()) return Unauthorized();
  std::vector<BasePerson> out;
  KC_RETURN_IF_ERROR(store_.Write([&](StoreTx& tx) -> Status {
    auto got = SetPeopleIn(tx, actor, id, people);
    if (!got.ok()) return got.status();
    out = std::move(*got);
    return Status::Ok();
  }));
  return out;
}

Result<std::vector<BaseProjectView>> OffshoreBases::SetProjects(const Actor& actor, int64_t id,
                                                                std::vector<BaseProject> projects) {
  if (!actor.signed_in()) return Unauthorized();
  std::vector<BaseProject> unique;
  std::set<int64_t> seen;
  for (auto& p : projects) {
    if (seen.insert(p.listing_id).second) unique.push_back(std::move(p));
  }
  if (unique.size() > kMaxBaseProjects) {
    return Invalid("projects", "too_many_projects", "at most 50 projects per base");
  }
  for (size_t i = 0; i < unique.size(); ++i) {
    Status s = ValidateBaseProject(unique[i]);
    if (!s.ok()) {
      return Invalid("projects[" + std::to_string(i) + "]." + s.field(), s.code(), s.message());
    }
  }
  std::vector<BaseProjectView> out;
  KC_RETURN_IF_ERROR(store_.Write([&](StoreTx& tx) {
    auto base = LoadForMaintenance(tx, actor, id);
    if (!base.ok()) return base.status();
    for (size_t i = 0; i < unique.size(); ++i) {
      auto listing = tx.GetListing(unique[i].listing_id);
      if (!listing.ok() && listing.status().kind() != ErrorKind::kNotFound) {
        return listing.status();
      }
      if (!listing.ok() || !CanRead(actor, *listing)) {
        return Invalid("projects[" + std::to_string(i) + "].listing_id", "unknown_project",
                       "no such listing");
      }
    }
    KC_RETURN_IF_ERROR(tx.bases().ReplaceProjects(id, unique));
    auto got = tx.bases().ListProjects(id);
    if (!got.ok()) return got.status();
    out = std::move(*got);
    return tx.AppendAudit(
        AuditOf(clock_.Now(), actor.id(), "base", id, "set_projects", {{"count", out.size()}}));
  }));
  return out;
}

}  // namespace kc
