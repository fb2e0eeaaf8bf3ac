#include "service/campaign_policy.h"

#include <gtest/gtest.h>

#include <map>

#include "policy_table.h"

namespace kc {
namespace {

using testing::All;
using testing::AllSignedIn;
using testing::Caller;
using testing::CheckTable;
using testing::IdOf;
using testing::kNobody;
using testing::kOrg;
using testing::PolicyRow;

const std::map<std::string, CampaignStatus> kStates = {
    {"draft", CampaignStatus::kDraft},
    {"open", CampaignStatus::kOpen},
    {"review", CampaignStatus::kReview},
    {"published", CampaignStatus::kPublished},
};

// A nomination by kOrg, assigned to the caller "reviewer".
Nomination NominatedByOrg() {
  Nomination n;
  n.id = 30;
  n.nominator_org_id = kOrg;
  return n;
}

bool Ask(const std::string& action, const std::string& state, const Caller& caller) {
  Campaign c;
  c.status = kStates.at(state);
  const Actor& a = caller.actor;
  const Nomination n = NominatedByOrg();
  const std::vector<Assignment> assigned = {{c.id, n.id, IdOf("reviewer"), 0}};
  if (action == "run") return CanRunCampaigns(a);
  if (action == "see") return CanSeeCampaign(a, c);
  if (action == "see_results") return HasPublicResults(c);
  if (action == "nominate_for_org") return CanNominateFor(a, kOrg);
  if (action == "see_nomination") return CanSeeNomination(a, n);
  if (action == "see_nominator") return SeesNominator(a, n, false);
  if (action == "see_nominator_as_reviewer") return SeesNominator(a, n, true);
  if (action == "declare_own_conflict") return CanDeclareConflictFor(a, a.id().value_or(-1));
  if (action == "declare_reviewer_conflict") return CanDeclareConflictFor(a, IdOf("reviewer"));
  if (action == "score_assigned") return CanScore(a, n.id, assigned);
  if (action == "score_unassigned") return CanScore(a, n.id + 1, assigned);
  ADD_FAILURE() << "no action " << action;
  return false;
}

TEST(CampaignPolicyTest, RoleByActionByState) {
  const testing::Callers admin = {"admin"};
  const testing::Callers nominators = {"org_admin", "admin"};
  const testing::Callers nominating_org = {"member", "org_admin", "admin"};
  std::vector<PolicyRow> rows;
  for (const auto& [state, status] : kStates) {
    rows.push_back({"run", state, admin});
    // Drafts are the admins' work in progress; everything else is public.
    rows.push_back({"see", state, status == CampaignStatus::kDraft ? admin : All()});
    rows.push_back({"see_results", state, status == CampaignStatus::kPublished ? All() : kNobody});
    rows.push_back({"nominate_for_org", state, nominators});
    rows.push_back({"see_nomination", state, nominating_org});
    rows.push_back({"see_nominator", state, nominating_org});
    // Reviewers score blind, even an admin who reviews.
    rows.push_back({"see_nominator_as_reviewer", state, kNobody});
    rows.push_back({"declare_own_conflict", state, AllSignedIn()});
    rows.push_back({"declare_reviewer_conflict", state, {"reviewer", "admin"}});
    rows.push_back({"score_assigned", state, {"reviewer"}});
    rows.push_back({"score_unassigned", state, kNobody});
  }
  CheckTable(rows, Ask);
}

}  // namespace
}  // namespace kc
