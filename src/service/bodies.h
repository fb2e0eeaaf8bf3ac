// 咨询委员会与联合体: the programme's bodies and their members. Admins maintain them;
// everyone reads them (the rules: body_policy.h).
#pragma once

#include <vector>

#include "core/body.h"
#include "core/clock.h"
#include "service/actor.h"
#include "store/store.h"

namespace kc {

// A body with its members.
struct BodyWithMembers {
  Body body;
  std::vector<BodyMember> members;
};

class Bodies {
 public:
  Bodies(Store& store, const Clock& clock) : store_(store), clock_(clock) {}

  // Admins; 409 "slug_taken", 422 for a bad field.
  Result<Body> Create(const Actor& actor, Body body);
  // Adds a member (admins); a member organisation must exist when `org_id` is set.
  Result<BodyMember> AddMember(const Actor& actor, std::string_view slug, BodyMember member);
  Status RemoveMember(const Actor& actor, std::string_view slug, int64_t member_id);

  Result<std::vector<Body>> List();
  Result<BodyWithMembers> Get(std::string_view slug);

 private:
  Store& store_;
  const Clock& clock_;
};

}  // namespace kc
