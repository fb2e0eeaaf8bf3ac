// The callers every policy test asks about, and the table those tests are written as: one row
// per action and object state, naming the callers that are allowed.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/org.h"
#include "service/actor.h"

namespace kc::testing {

// The organisation the object under test belongs to, and another one.
inline constexpr int64_t kOrg = 1;
inline constexpr int64_t kOtherOrg = 2;

struct Caller {
  std::string name;
  Actor actor;
};

inline Actor SignedIn(int64_t id, Role role, std::optional<int64_t> org,
                      OrgRole org_role = OrgRole::kMember,
                      std::optional<int64_t> requested_org = std::nullopt) {
  User u;
  u.id = id;
  u.username = "user" + std::to_string(id);
  u.role = role;
  u.org_id = org;
  u.org_role = org_role;
  u.requested_org_id = requested_org;
  return Actor::Of(u);
}

// Every kind of caller, each with its own user id (1 to 9; the visitor has none).
inline std::vector<Caller> Everyone() {
  return {
      {"visitor", Actor::Visitor()},
      {"no_org", SignedIn(1, Role::kMember, std::nullopt)},
      {"pending", SignedIn(2, Role::kMember, std::nullopt, OrgRole::kMember, kOrg)},
      {"other_member", SignedIn(3, Role::kMember, kOtherOrg)},
      {"member", SignedIn(4, Role::kMember, kOrg)},
      {"org_admin", SignedIn(5, Role::kMember, kOrg, OrgRole::kAdmin)},
      {"reviewer", SignedIn(6, Role::kReviewer, std::nullopt)},
      {"editor", SignedIn(7, Role::kEditor, std::nullopt)},
      {"admin", SignedIn(8, Role::kAdmin, std::nullopt)},
  };
}

// The user id Everyone() gives caller `name`.
inline int64_t IdOf(const std::string& name) {
  for (const Caller& c : Everyone()) {
    if (c.name == name) return c.actor.user ? c.actor.user->id : 0;
  }
  ADD_FAILURE() << "no caller " << name;
  return 0;
}

// Names of callers, for a row's `allowed`.
using Callers = std::set<std::string>;
inline Callers All() {
  Callers out;
  for (const Caller& c : Everyone()) out.insert(c.name);
  return out;
}
inline Callers AllSignedIn() {
  Callers out = All();
  out.erase("visitor");
  return out;
}
inline const Callers kNobody = {};

// One row: `action` on an object in `state` is allowed to exactly the callers in `allowed`.
struct PolicyRow {
  std::string action;
  std::string state;
  Callers allowed;
};

// Asks `ask(action, state, caller)` for every row and every caller of Everyone(), expecting
// true exactly for the callers the row allows.
template <typename Ask>
void CheckTable(const std::vector<PolicyRow>& rows, Ask ask) {
  for (const PolicyRow& row : rows) {
    for (const Caller& caller : Everyone()) {
      EXPECT_EQ(ask(row.action, row.state, caller), row.allowed.count(caller.name) == 1)
          << row.action << " / " << row.state << " / " << caller.name;
    }
  }
}

}  // namespace kc::testing
