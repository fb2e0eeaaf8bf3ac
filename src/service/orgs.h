// Organisations (机构) and their members: create, read, update; org admins manage members.
#pragma once

#include <optional>
#include <string>

#include "core/clock.h"
#include "core/org.h"
#include "service/actor.h"
#include "store/store.h"

namespace kc {

// Checks and normalises an organisation's fields (name, type, region, country, credit code).
// Returns a 422 status naming the first bad field.
Status ValidateOrg(Org& org);

// The changes a PATCH may make; empty members stay as they are.
struct OrgPatch {
  std::optional<std::string> name, type, region, country, credit_code, description, website;
  std::optional<bool> shared_to_network;
};

class Orgs {
 public:
  Orgs(Store& store, const Clock& clock) : store_(store), clock_(clock) {}

  // Creates an organisation. A signed-in user without an organisation becomes its org admin
  // (keeping their platform role); an admin may create any organisation without joining it.
  Result<Org> Create(const Actor& actor, Org org);
  // Inserts `org` inside an existing transaction (registration creates org and user at once).
  static Result<Org> CreateIn(StoreTx& tx, Org org, std::optional<int64_t> actor_id, int64_t now);

  Result<Org> Get(int64_t id);
  Result<Page<Org>> List(const OrgQuery& query);
  // Org admins of the organisation and platform admins only.
  Result<Org> Update(const Actor& actor, int64_t id, const OrgPatch& patch);

  // Members: visible to the organisation's members and admins.
  Result<Page<User>> Members(const Actor& actor, int64_t org_id, int64_t offset, int64_t limit);
  // Adds an existing user who belongs to no organisation yet, as member or org admin. Only the
  // organisation role is set: a platform role (reviewer, editor, admin) is never changed here.
  Result<User> AddMember(const Actor& actor, int64_t org_id, const std::string& username,
                         OrgRole role);
  // Changes a member's role within the organisation (member ↔ org_admin); the platform role
  // stays as it is.
  Result<User> SetMemberRole(const Actor& actor, int64_t org_id, int64_t user_id, OrgRole role);
  // Removes a member from the organisation (ending their sessions); an org admin cannot remove
  // themself. The platform role stays as it is.
  Status RemoveMember(const Actor& actor, int64_t org_id, int64_t user_id);

  // Joining (org_membership.cc; docs/api.md "Organisations and membership"). Registering with an
  // existing organisation, or RequestToJoin, only records a request: the account has no rights
  // in the organisation until one of its admins approves. Each step is audited and notified (the
  // organisation's admins hear of a request, the user of the decision).

  // Records the signed-in user's request to join `org_id`: 409 "already_member" when the user
  // belongs to an organisation, 422 "unknown_org" for no such organisation. A new request
  // replaces an earlier one.
  Result<User> RequestToJoin(const Actor& actor, int64_t org_id);
  // Withdraws the caller's own request (succeeds when there is none).
  Result<User> WithdrawRequest(const Actor& actor);
  // The users asking to join `org_id`, for its admins and platform admins (403 for others).
  Result<Page<User>> JoinRequests(const Actor& actor, int64_t org_id, int64_t offset,
                                  int64_t limit);
  // Approves (the user becomes a member) or rejects the request of `user_id` to join `org_id`,
  // for the organisation's admins: 404 when that user has no request for it. `reason` (≤ 500
  // characters) is shown to a rejected user.
  Result<User> DecideJoinRequest(const Actor& actor, int64_t org_id, int64_t user_id, bool approve,
                                 const std::string& reason);
  // Records a join request inside `tx` (registration) and notifies the organisation's admins.
  static Status RequestIn(StoreTx& tx, User& user, const Org& org, int64_t now);

 private:
  Store& store_;
  const Clock& clock_;
};

}  // namespace kc
