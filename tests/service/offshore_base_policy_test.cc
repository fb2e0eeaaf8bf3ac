#include "service/offshore_base_policy.h"

#include <gtest/gtest.h>

#include <map>

#include "policy_table.h"

namespace kc {
namespace {

using testing::All;
using testing::Caller;
using testing::CheckTable;
using testing::kOrg;

// A base's state: its status, and whether it is run by the organisation kOrg or by none.
OffshoreBase BaseIn(const std::string& state) {
  OffshoreBase b;
  if (state.rfind("draft", 0) == 0) b.status = BaseStatus::kDraft;
  if (state.rfind("published", 0) == 0) b.status = BaseStatus::kPublished;
  if (state.rfind("closed", 0) == 0) b.status = BaseStatus::kClosed;
  if (state.find("of_org") != std::string::npos) b.org_id = kOrg;
  return b;
}

bool Ask(const std::string& action, const std::string& state, const Caller& caller) {
  OffshoreBase base = BaseIn(state);
  if (action == "create") return CanCreateBase(caller.actor, base.org_id);
  if (action == "maintain") return CanMaintainBase(caller.actor, base);
  if (action == "reassign") return CanReassignBase(caller.actor);
  if (action == "see") return CanSeeBase(caller.actor, base);
  if (action == "see_all_drafts") return SeesAllDraftBases(caller.actor);
  ADD_FAILURE() << "no action " << action;
  return false;
}

TEST(OffshoreBasePolicyTest, RoleByActionByState) {
  const testing::Callers admins = {"admin"};
  const testing::Callers org = {"org_admin", "admin"};
  CheckTable(
      {
          // An org admin adds bases for their own organisation; a base of no organisation, and
          // one of another organisation, is the platform admins' to add.
          {"create", "draft_of_org", org},
          {"create", "draft", admins},
          {"maintain", "draft_of_org", org},
          {"maintain", "published_of_org", org},
          {"maintain", "closed_of_org", org},
          {"maintain", "published", admins},
          {"reassign", "published_of_org", admins},
          // A draft is seen by those who maintain it; published and closed bases are public.
          {"see", "draft_of_org", org},
          {"see", "draft", admins},
          {"see", "published_of_org", All()},
          {"see", "closed", All()},
          {"see_all_drafts", "draft", admins},
      },
      Ask);
}

}  // namespace
}  // namespace kc
