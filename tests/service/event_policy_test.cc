#include "service/event_policy.h"

#include <gtest/gtest.h>

#include <map>

#include "policy_table.h"

namespace kc {
namespace {

using testing::All;
using testing::Caller;
using testing::CheckTable;
using testing::IdOf;
using testing::kOrg;
using testing::PolicyRow;

const std::map<std::string, EventStatus> kStates = {
    {"draft", EventStatus::kDraft},
    {"published", EventStatus::kPublished},
    {"cancelled", EventStatus::kCancelled},
};

bool Ask(const std::string& action, const std::string& state, const Caller& caller) {
  Event event;
  event.org_id = kOrg;
  event.status = kStates.at(state);
  if (action == "organise") return CanOrganiseFor(caller.actor, kOrg);
  if (action == "manage") return CanManageEvent(caller.actor, event);
  if (action == "see") return CanSeeEvent(caller.actor, event);
  if (action == "see_registrations") return SeesRegistrations(caller.actor, event);
  ADD_FAILURE() << "no action " << action;
  return false;
}

TEST(EventPolicyTest, RoleByActionByState) {
  // The organising organisation's org admins and platform admins; not its plain members, not
  // another organisation, not reviewers or editors.
  const testing::Callers organisers = {"org_admin", "admin"};
  CheckTable(
      {
          {"organise", "draft", organisers},
          {"manage", "draft", organisers},
          {"manage", "published", organisers},
          {"manage", "cancelled", organisers},
          {"see", "draft", organisers},
          {"see", "published", All()},
          {"see", "cancelled", All()},
          {"see_registrations", "draft", organisers},
          {"see_registrations", "published", organisers},
          {"see_registrations", "cancelled", organisers},
      },
      Ask);
}

TEST(EventPolicyTest, ARegistrationIsOwnedByTheMemberWhoMadeIt) {
  EventRegistration mine;
  mine.user_id = IdOf("member");
  EventRegistration visitors;  // made by a visitor: nobody owns it by session
  for (const Caller& c : testing::Everyone()) {
    EXPECT_EQ(OwnsRegistration(c.actor, mine), c.name == "member") << c.name;
    EXPECT_FALSE(OwnsRegistration(c.actor, visitors)) << c.name;
  }
}

}  // namespace
}  // namespace kc
