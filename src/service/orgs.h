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
};

class Orgs {
 public:
  Orgs(Store& store, const Clock& clock) : store_(store), clock_(clock) {}

  // Creates an organisation. A signed-in user without an organisation becomes its org admin;
  // an admin may create any organisation without joining it.
  Result<Org> Create(const Actor& actor, Org org);
  // Inserts `org` inside an existing transaction (registration creates org and user at once).
  static Result<Org> CreateIn(StoreTx& tx, Org org, std::optional<int64_t> actor_id, int64_t now);

  Result<Org> Get(int64_t id);
  Result<Page<Org>> List(const OrgQuery& query);
  // Org admins of the organisation and platform admins only.
  Result<Org> Update(const Actor& actor, int64_t id, const OrgPatch& patch);

  // Members: visible to the organisation's members and admins.
  Result<Page<User>> Members(const Actor& actor, int64_t org_id, int64_t offset, int64_t limit);
  // Adds an existing user who belongs to no organisation yet, as member or org_admin.
  Result<User> AddMember(const Actor& actor, int64_t org_id, const std::string& username,
                         Role role);
  // Changes a member's role within the organisation (member ↔ org_admin).
  Result<User> SetMemberRole(const Actor& actor, int64_t org_id, int64_t user_id, Role role);
  // Removes a member from the organisation; an org admin cannot remove themself.
  Status RemoveMember(const Actor& actor, int64_t org_id, int64_t user_id);

 private:
  Store& store_;
  const Clock& clock_;
};

}  // namespace kc
