#include "service/challenge_policy.h"

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

const std::map<std::string, ChallengePhase> kPhases = {
    {"open", ChallengePhase::kOpen},
    {"judging", ChallengePhase::kJudging},
    {"announced", ChallengePhase::kAnnounced},
};

bool Ask(const std::string& action, const std::string& state, const Caller& caller) {
  Listing demand;
  demand.kind = ListingKind::kDemand;
  demand.org_id = kOrg;
  Challenge challenge;
  challenge.org_id = kOrg;
  challenge.phase = kPhases.at(state);
  Proposal proposal;
  proposal.org_id = kOtherOrg;
  const std::vector<int64_t> judges = {IdOf("reviewer")};
  const Actor& a = caller.actor;
  if (action == "post") return CanPostChallenge(a, demand);
  if (action == "manage") return CanManageChallenge(a, challenge);
  if (action == "judge") return IsJudge(a, judges);
  if (action == "see_proposal") return SeesProposal(a, challenge, proposal, IsJudge(a, judges));
  ADD_FAILURE() << "no action " << action;
  return false;
}

TEST(ChallengePolicyTest, RoleByActionByPhase) {
  // Who may act does not change with the phase; whether the act fits the phase is the
  // service's 409.
  const testing::Callers posting_org = {"member", "org_admin", "admin"};
  std::vector<PolicyRow> rows;
  for (const auto& [phase, unused] : kPhases) {
    rows.push_back({"post", phase, posting_org});
    rows.push_back({"manage", phase, posting_org});
    rows.push_back({"judge", phase, {"reviewer"}});
    // A proposal: the challenge's organisation, its judges and the proposing organisation.
    rows.push_back(
        {"see_proposal", phase, {"member", "org_admin", "admin", "reviewer", "other_member"}});
  }
  CheckTable(rows, Ask);
}

}  // namespace
}  // namespace kc
