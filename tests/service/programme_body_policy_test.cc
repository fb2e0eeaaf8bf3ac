#include "service/programme_body_policy.h"

#include <gtest/gtest.h>

#include "policy_table.h"

namespace kc {
namespace {

using testing::Caller;
using testing::CheckTable;

bool Ask(const std::string& action, const std::string&, const Caller& caller) {
  if (action == "maintain") return CanMaintainProgrammeBodies(caller.actor);
  ADD_FAILURE() << "no action " << action;
  return false;
}

TEST(ProgrammeBodyPolicyTest, RoleByAction) {
  // Neither editors nor reviewers nor org admins maintain the bodies.
  CheckTable({{"maintain", "-", {"admin"}}}, Ask);
}

}  // namespace
}  // namespace kc
