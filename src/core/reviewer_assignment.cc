#include "core/reviewer_assignment.h"

#include <algorithm>

namespace kc {

bool MayReview(const ReviewerCandidate& c, const NominationToReview& n) {
  if (!n.discipline.empty() && !c.disciplines.count(n.discipline)) return false;
  for (int64_t org : n.org_ids) {
    if (c.org_id && *c.org_id == org) return false;
    if (c.conflict_org_ids.count(org)) return false;
  }
  return true;
}

AssignmentPlan PlanAssignments(const std::vector<ReviewerCandidate>& candidates,
                               const std::vector<NominationToReview>& nominations,
                               int per_nomination, const std::map<int64_t, int>& existing_load) {
  AssignmentPlan plan;
  std::map<int64_t, int> load = existing_load;
  // The hardest nominations first (fewest eligible reviewers), so that scarce reviewers go
  // where they are needed; then by id.
  std::vector<std::pair<int, const NominationToReview*>> order;
  for (const auto& n : nominations) {
    int eligible = 0;
    for (const auto& c : candidates) eligible += MayReview(c, n);
    order.emplace_back(eligible, &n);
  }
  std::sort(order.begin(), order.end(), [](const auto& a, const auto& b) {
    if (a.first != b.first) return a.first < b.first;
    return a.second->nomination_id < b.second->nomination_id;
  });
  for (const auto& [eligible, n] : order) {
    int have = static_cast<int>(n->already.size());
    std::vector<const ReviewerCandidate*> pool;
    for (const auto& c : candidates) {
      if (MayReview(c, *n) && !n->already.count(c.user_id)) pool.push_back(&c);
    }
    std::sort(pool.begin(), pool.end(),
              [&](const ReviewerCandidate* a, const ReviewerCandidate* b) {
                int la = load[a->user_id], lb = load[b->user_id];
                if (la != lb) return la < lb;
                return a->user_id < b->user_id;
              });
    auto& added = plan.added[n->nomination_id];
    for (const ReviewerCandidate* c : pool) {
      if (have >= per_nomination) break;
      added.push_back(c->user_id);
      ++load[c->user_id];
      ++have;
    }
    if (have < per_nomination) plan.short_of[n->nomination_id] = eligible;
  }
  return plan;
}

}  // namespace kc
