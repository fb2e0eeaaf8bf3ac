// Who is calling a use case: a signed-in user or a visitor.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/org.h"

namespace kc {

struct Actor {
  std::optional<User> user;  // empty for a visitor
  // Set when the action comes from a partner platform (docs/network.md §6): `user` then stands
  // for the partner's party (the `_network` account in that party's organisation, with the
  // author's name), and the message is recorded once and not sent back.
  struct Relayed {
    int64_t peer_id = 0;
    std::string message_id;
  };
  std::optional<Relayed> relayed;

  static Actor Visitor() { return Actor{}; }
  static Actor Of(User u) { return Actor{std::move(u), std::nullopt}; }

  bool signed_in() const { return user.has_value(); }
  bool is_admin() const { return user && user->role == Role::kAdmin; }
  bool is_reviewer() const {
    return user && (user->role == Role::kReviewer || user->role == Role::kAdmin);
  }
  // True when the actor may write and publish news: editors and admins.
  bool is_editor() const {
    return user && (user->role == Role::kEditor || user->role == Role::kAdmin);
  }
  // True when the actor belongs to `org_id` (an admin belongs everywhere).
  bool in_org(int64_t org_id) const {
    return is_admin() || (user && user->org_id && *user->org_id == org_id);
  }
  // True when the actor may manage `org_id`'s members and listings: its org admins (whatever
  // their platform role) and platform admins.
  bool manages_org(int64_t org_id) const {
    return is_admin() ||
           (user && user->org_role == OrgRole::kAdmin && user->org_id && *user->org_id == org_id);
  }
  std::optional<int64_t> id() const {
    return user ? std::optional<int64_t>(user->id) : std::nullopt;
  }
};

}  // namespace kc
