// 揭榜挂帅: open challenges made from demands. The demand's organisation (or an admin) posts a
// challenge with a reward, a deadline, criteria and judges; other organisations' members propose;
// judges score; the poster announces the winner, which opens a deal between the two organisations.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/challenge.h"
#include "core/clock.h"
#include "core/org.h"
#include "service/actor.h"
#include "store/store.h"

namespace kc {

// What a caller gives to post a challenge.
struct NewChallenge {
  int64_t demand_id = 0;
  std::string title;  // defaults to the demand's title
  std::string description;
  int64_t reward_cny = 0;
  std::string deadline;  // YYYY-MM-DD, not in the past
  std::vector<ChallengeCriterion> criteria;
  std::vector<std::string> judges;  // usernames
};

// A challenge as a caller sees it. Proposals are listed for the poster's organisation, the judges
// and admins; a proposer sees its own; everyone sees how many there are.
struct ChallengeView {
  Challenge challenge;
  ChallengePhase phase = ChallengePhase::kOpen;  // the effective phase today
  Org org;
  std::vector<User> judges;  // id, username and display name only
  int64_t proposal_count = 0;
  std::vector<Proposal> proposals;
  bool can_manage = false;  // the caller may close the challenge and announce the winner
  bool is_judge = false;
};

class Challenges {
 public:
  Challenges(Store& store, const Clock& clock) : store_(store), clock_(clock) {}

  // 422 naming the field for a bad demand (not published, not the caller's), deadline,
  // criteria, reward or unknown judge; 403 when the caller may not post for the demand.
  Result<ChallengeView> Create(const Actor& actor, const NewChallenge& challenge);
  Result<ChallengeView> Get(const Actor& actor, int64_t id);
  Result<Page<ChallengeView>> List(const Actor& actor, int64_t offset, int64_t limit);

  // A proposal from the caller's organisation: 409 "call_closed" after the deadline, 409
  // "duplicate" for a second one, 422 for the poster's own organisation or an empty summary.
  // The poster's organisation and the judges are notified.
  Result<Proposal> Propose(const Actor& actor, int64_t call_id, const std::string& summary,
                           std::optional<int64_t> achievement_id);
  // Ends the proposal phase before the deadline (poster or admin).
  Result<ChallengeView> Close(const Actor& actor, int64_t call_id);
  // A judge scores a proposal while the challenge is judging: one score (0..100) per criterion.
  Result<Proposal> Score(const Actor& actor, int64_t call_id, int64_t proposal_id,
                         const std::vector<double>& scores);
  // Announces the winner (poster or admin, while judging) and opens a deal in the intent stage
  // between the poster's and the winner's organisations; the proposers are notified.
  Result<ChallengeView> Announce(const Actor& actor, int64_t call_id, int64_t proposal_id);

 private:
  Result<ChallengeView> ViewOf(StoreTx& tx, const Actor& actor, Challenge challenge);
  std::string Today() const;

  Store& store_;
  const Clock& clock_;
};

}  // namespace kc
