#include "service/open_call_policy.h"

#include <gtest/gtest.h>

#include <map>

#include "policy_table.h"

namespace kc {
namespace {

using testing::Caller;
using testing::CheckTable;
using testing::IdOf;
using testing::kOrg;
using testing::kOtherOrg;
using testing::PolicyRow;

const std::map<std::string, CallPhase> kPhases = {
    {"open", CallPhase::kOpen},
    {"judging", CallPhase::kJudging},
    {"announced", CallPhase::kAnnounced},
};

bool Ask(const std::string& action, const std::string& state, const Caller& caller) {
  Listing demand;
  demand.kind = ListingKind::kDemand;
  demand.org_id = kOrg;
  OpenCall call;
  call.org_id = kOrg;
  call.phase = kPhases.at(state);
  Proposal proposal;
  proposal.org_id = kOtherOrg;
  const std::vector<int64_t> judges = {IdOf("reviewer")};
  const Actor& a = caller.actor;
  if (action == "post") return CanPostCall(a, demand);
  if (action == "manage") return CanManageCall(a, call);
  if (action == "judge") return IsJudge(a, judges);
  if (action == "see_proposal") return SeesProposal(a, call, proposal, IsJudge(a, judges));
  ADD_FAILURE() << "no action " << action;
  return false;
}

TEST(OpenCallPolicyTest, RoleByActionByPhase) {
  // Who may act does not change with the phase; whether the act fits the phase is the
  // service's 409.
  const testing::Callers posting_org = {"member", "org_admin", "admin"};
  std::vector<PolicyRow> rows;
  for (const auto& [phase, unused] : kPhases) {
    rows.push_back({"post", phase, posting_org});
    rows.push_back({"manage", phase, posting_org});
    rows.push_back({"judge", phase, {"reviewer"}});
    // A proposal: the call's organisation, its judges and the proposing organisation.
    rows.push_back(
        {"see_proposal", phase, {"member", "org_admin", "admin", "reviewer", "other_member"}});
  }
  CheckTable(rows, Ask);
}

}  // namespace
}  // namespace kc
