#include "core/reviewer_assignment.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace kc {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

ReviewerCandidate Expert(int64_t id, int64_t org, std::string discipline,
                         std::set<int64_t> conflicts = {}) {
  return ReviewerCandidate{id, org, {std::move(discipline)}, std::move(conflicts)};
}

TEST(ReviewerAssignmentTest, NeverAReviewerOfTheNomineesOwnOrganisation) {
  NominationToReview n{1, "材料科学与工程", {100, 200}, {}};
  EXPECT_FALSE(MayReview(Expert(1, 100, "材料科学与工程"), n)) << "the nominee's organisation";
  EXPECT_FALSE(MayReview(Expert(2, 200, "材料科学与工程"), n)) << "the nominator's organisation";
  EXPECT_FALSE(MayReview(Expert(3, 300, "材料科学与工程", {100}), n)) << "a declared conflict";
  EXPECT_FALSE(MayReview(Expert(4, 300, "化学"), n)) << "another discipline";
  EXPECT_TRUE(MayReview(Expert(5, 300, "材料科学与工程"), n));
  EXPECT_TRUE(MayReview(Expert(6, 300, "化学"), NominationToReview{2, "", {100}, {}}))
      << "no discipline: anyone without a conflict";
}

TEST(ReviewerAssignmentTest, ConflictedExpertsAreNeverAssignedEvenWhenShort) {
  std::vector<ReviewerCandidate> pool = {Expert(1, 100, "物理学"), Expert(2, 300, "物理学", {100}),
                                         Expert(3, 300, "物理学"), Expert(4, 400, "物理学")};
  std::vector<NominationToReview> noms = {{7, "物理学", {100}, {}}};
  AssignmentPlan plan = PlanAssignments(pool, noms, 3);
  EXPECT_THAT(plan.added[7], ElementsAre(3, 4));
  EXPECT_EQ(plan.short_of.at(7), 2) << "two eligible reviewers for three places";
}

TEST(ReviewerAssignmentTest, LoadIsSpreadAndTheResultIsFixed) {
  std::vector<ReviewerCandidate> pool;
  for (int64_t id = 1; id <= 4; ++id) pool.push_back(Expert(id, 1000 + id, "化学"));
  std::vector<NominationToReview> noms;
  for (int64_t n = 1; n <= 4; ++n) noms.push_back({n, "化学", {500}, {}});
  AssignmentPlan plan = PlanAssignments(pool, noms, 2);
  EXPECT_THAT(plan.short_of, IsEmpty());
  std::map<int64_t, int> load;
  for (const auto& [n, reviewers] : plan.added) {
    EXPECT_EQ(reviewers.size(), 2u);
    for (int64_t r : reviewers) ++load[r];
  }
  for (const auto& [r, count] : load) EXPECT_EQ(count, 2) << "reviewer " << r;
  EXPECT_THAT(plan.added[1], ElementsAre(1, 2));
  EXPECT_THAT(plan.added[2], ElementsAre(3, 4));
  AssignmentPlan again = PlanAssignments(pool, noms, 2);
  EXPECT_EQ(again.added, plan.added);
}

TEST(ReviewerAssignmentTest, ExistingAssignmentsCountTowardsTheTarget) {
  std::vector<ReviewerCandidate> pool = {Expert(1, 10, "数学"), Expert(2, 20, "数学"),
                                         Expert(3, 30, "数学")};
  std::vector<NominationToReview> noms = {{1, "数学", {99}, {2}}};
  AssignmentPlan plan = PlanAssignments(pool, noms, 2, {{1, 5}});
  EXPECT_THAT(plan.added[1], ElementsAre(3)) << "2 is there already; 1 is busier than 3";
}

}  // namespace
}  // namespace kc
