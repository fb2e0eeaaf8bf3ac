// Joining an organisation by request and approval (docs/api.md "Organisations and membership").
#include <nlohmann/json.hpp>

#include "core/utf8.h"
#include "service/audit.h"
#include "service/listing_validation.h"
#include "service/org_policy.h"
#include "service/orgs.h"

namespace kc {

namespace {

constexpr size_t kMaxReasonChars = 500;

Status Notify(StoreTx& tx, int64_t user_id, const std::string& kind, const std::string& title,
              const std::string& message, const nlohmann::json& detail, int64_t now) {
  Notification n;
  n.user_id = user_id;
  n.kind = kind;
  n.title = title;
  n.message = message;
  n.detail = detail.dump();
  n.created_at = now;
  return tx.InsertNotification(n).status();
}

// Every active org admin of `org_id`.
Result<std::vector<User>> OrgAdmins(StoreTx& tx, int64_t org_id) {
  UserQuery q;
  q.org_id = org_id;
  q.org_role = std::string(OrgRoleName(OrgRole::kAdmin));
  q.limit = 200;
  auto page = tx.ListUsers(q);
  if (!page.ok()) return page.status();
  std::vector<User> out;
  for (auto& u : page->items) {
    if (!u.disabled) out.push_back(std::move(u));
  }
  return out;
}

}  // namespace

Status Orgs::RequestIn(StoreTx& tx, User& user, const Org& org, int64_t now) {
  user.requested_org_id = org.id;
  KC_RETURN_IF_ERROR(tx.UpdateUser(user));
  KC_RETURN_IF_ERROR(
      tx.AppendAudit(AuditOf(now, user.id, "org", org.id, "join_request", {{"user_id", user.id}})));
  auto admins = OrgAdmins(tx, org.id);
  if (!admins.ok()) return admins.status();
  nlohmann::json detail = {{"org_id", org.id},
                           {"org_name", org.name},
                           {"user_id", user.id},
                           {"username", user.username}};
  for (const User& admin : *admins) {
    KC_RETURN_IF_ERROR(
        Notify(tx, admin.id, "join_request", user.display_name, user.username, detail, now));
  }
  return Status::Ok();
}

Result<User> Orgs::RequestToJoin(const Actor& actor, int64_t org_id) {
  if (!actor.signed_in()) return Unauthorized();
  Result<User> out = User{};
  Status s = store_.Write([&](StoreTx& tx) -> Status {
    auto user = tx.GetUser(actor.user->id);
    if (!user.ok()) return user.status();
    if (user->org_id) {
      return Conflict("already_member", "you already belong to an organisation", "org_id");
    }
    auto org = tx.GetOrg(org_id);
    if (!org.ok()) {
      return org.status().kind() == ErrorKind::kNotFound
                 ? Invalid("org_id", "unknown_org", "no organisation with this id")
                 : org.status();
    }
    KC_RETURN_IF_ERROR(RequestIn(tx, *user, *org, clock_.Now()));
    out = *user;
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return out;
}

Result<User> Orgs::WithdrawRequest(const Actor& actor) {
  if (!actor.signed_in()) return Unauthorized();
  Result<User> out = User{};
  Status s = store_.Write([&](StoreTx& tx) -> Status {
    auto user = tx.GetUser(actor.user->id);
    if (!user.ok()) return user.status();
    if (user->requested_org_id) {
      int64_t org_id = *user->requested_org_id;
      user->requested_org_id.reset();
      KC_RETURN_IF_ERROR(tx.UpdateUser(*user));
      KC_RETURN_IF_ERROR(tx.AppendAudit(AuditOf(clock_.Now(), user->id, "org", org_id,
                                                "join_withdrawn", {{"user_id", user->id}})));
    }
    out = *user;
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return out;
}

Result<Page<User>> Orgs::JoinRequests(const Actor& actor, int64_t org_id, int64_t offset,
                                      int64_t limit) {
  if (!actor.signed_in()) return Unauthorized();
  Result<Page<User>> out = Page<User>{};
  Status s = store_.Read([&](StoreTx& tx) -> Status {
    auto org = tx.GetOrg(org_id);
    if (!org.ok()) return org.status();
    if (!CanManageMembers(actor, org_id)) {
      return Forbidden("only the organisation's admins see requests to join it");
    }
    UserQuery q;
    q.requested_org_id = org_id;
    q.offset = offset;
    q.limit = limit;
    out = tx.ListUsers(q);
    return out.status();
  });
  if (!s.ok()) return s;
  return out;
}

Result<User> Orgs::DecideJoinRequest(const Actor& actor, int64_t org_id, int64_t user_id,
                                     bool approve, const std::string& reason) {
  if (!actor.signed_in()) return Unauthorized();
  if (!IsValidUtf8(reason) || Utf8Length(reason) > kMaxReasonChars) {
    return Invalid("reason", "too_long", "a reason is UTF-8 of at most 500 characters");
  }
  Result<User> out = User{};
  Status s = store_.Write([&](StoreTx& tx) -> Status {
    auto org = tx.GetOrg(org_id);
    if (!org.ok()) return org.status();
    if (!CanManageMembers(actor, org_id)) {
      return Forbidden("only the organisation's admins decide requests to join it");
    }
    auto user = tx.GetUser(user_id);
    if (!user.ok()) return user.status();
    if (!user->requested_org_id || *user->requested_org_id != org_id) {
      return NotFound("join request");
    }
    const int64_t now = clock_.Now();
    user->requested_org_id.reset();
    if (approve) {
      if (user->org_id) {
        return Conflict("already_member", "this user belongs to another organisation");
      }
      user->org_id = org_id;
      user->org_role = OrgRole::kMember;
    }
    KC_RETURN_IF_ERROR(tx.UpdateUser(*user));
    nlohmann::json audit = {{"user_id", user_id}};
    if (!reason.empty()) audit["reason"] = reason;
    KC_RETURN_IF_ERROR(tx.AppendAudit(AuditOf(now, actor.id(), "org", org_id,
                                              approve ? "join_approved" : "join_rejected", audit)));
    nlohmann::json detail = {{"org_id", org_id}, {"org_name", org->name}};
    if (!reason.empty()) detail["reason"] = reason;
    KC_RETURN_IF_ERROR(Notify(tx, user_id, approve ? "join_approved" : "join_rejected", org->name,
                              reason, detail, now));
    out = *user;
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return out;
}

}  // namespace kc
