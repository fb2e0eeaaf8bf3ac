// Drawing reviewers for nominations from the expert pool (评审专家分配), with conflict-of-
// interest exclusion. Pure and deterministic: the same input gives the same assignment.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace kc {

// An expert who may review: their account, organisation and disciplines, and the
// organisations they declared a conflict of interest with.
struct ReviewerCandidate {
  int64_t user_id = 0;
  std::optional<int64_t> org_id;
  std::set<std::string> disciplines;
  std::set<int64_t> conflict_org_ids;
};

// What a nomination needs from its reviewers.
struct NominationToReview {
  int64_t nomination_id = 0;
  std::string discipline;     // empty: any discipline
  std::set<int64_t> org_ids;  // the nominee's and the nominator's organisations
  std::set<int64_t> already;  // reviewers already assigned (kept, counted)
};

struct AssignmentPlan {
  std::map<int64_t, std::vector<int64_t>> added;  // nomination → reviewers newly assigned
  // Nominations that could not get `per_nomination` reviewers: nomination → how many eligible
  // reviewers there are in all.
  std::map<int64_t, int> short_of;
};

// True when `c` may review `n`: the discipline matches (or `n` has none), `c` belongs to none of
// `n`'s organisations, and `c` declared no conflict with any of them.
bool MayReview(const ReviewerCandidate& c, const NominationToReview& n);

// Gives every nomination up to `per_nomination` reviewers (counting those already assigned).
// Among eligible candidates it picks the least loaded (assignments in this plan plus
// `existing_load`), then the smallest user id: the load stays even and the result is fixed.
AssignmentPlan PlanAssignments(const std::vector<ReviewerCandidate>& candidates,
                               const std::vector<NominationToReview>& nominations,
                               int per_nomination,
                               const std::map<int64_t, int>& existing_load = {});

}  // namespace kc
