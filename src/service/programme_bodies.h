// 咨询委员会与联合体: the programme's bodies and their members. Admins maintain them;
// everyone reads them (the rules: body_policy.h).
#pragma once

#include <vector>

#include "core/clock.h"
#include "core/programme_body.h"
#include "service/actor.h"
#include "store/store.h"

namespace kc {

// A body with its members.
struct ProgrammeBodyWithMembers {
  ProgrammeBody body;
  std::vector<ProgrammeBodyMember> members;
};

class ProgrammeBodies {
 public:
  ProgrammeBodies(Store& store, const Clock& clock) : store_(store), clock_(clock) {}

  // Admins; 409 "slug_taken", 422 for a bad field.
  Result<ProgrammeBody> Create(const Actor& actor, ProgrammeBody body);
  // Adds a member (admins); a member organisation must exist when `org_id` is set.
  Result<ProgrammeBodyMember> AddMember(const Actor& actor, std::string_view slug,
                                        ProgrammeBodyMember member);
  Status RemoveMember(const Actor& actor, std::string_view slug, int64_t member_id);

  Result<std::vector<ProgrammeBody>> List();
  Result<ProgrammeBodyWithMembers> Get(std::string_view slug);

 private:
  Store& store_;
  const Clock& clock_;
};

}  // namespace kc
