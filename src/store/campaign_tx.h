// The ranked-lists-and-awards part of a store transaction: campaigns, nominations, reviewer
// assignments and declared conflicts, scores, published results, and the programme's bodies
// (advisory committee, consortium) with their members. Reached through StoreTx::campaigns();
// everything it does belongs to the enclosing transaction.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/campaign.h"
#include "core/programme_body.h"
#include "core/score_aggregation.h"
#include "core/status.h"
#include "store/records.h"

namespace kc {

// Filters of a campaign list; empty members do not filter. Newest year first, then id.
struct CampaignQuery {
  std::string series;
  std::vector<CampaignStatus> statuses;  // any of these
  int64_t offset = 0;
  int64_t limit = 20;
};

// A reviewer assigned to a nomination.
struct Assignment {
  int64_t campaign_id = 0;
  int64_t nomination_id = 0;
  int64_t reviewer_id = 0;
  int64_t assigned_at = 0;
};

// A reviewer's declared conflict of interest with an organisation, for one campaign.
struct ConflictDeclaration {
  int64_t campaign_id = 0;
  int64_t reviewer_id = 0;
  int64_t org_id = 0;
  std::string reason;
  int64_t declared_at = 0;
};

// One line of a published list: frozen at publication.
struct CampaignResult {
  int rank = 0;
  int64_t nomination_id = 0;
  std::string nominee_name;
  double total = 0;
  std::map<std::string, double> breakdown;
  int reviewers = 0;
};

// Not thread-safe; belongs to its transaction like StoreTx. Lookups of a missing row return
// NotFound; a unique value already taken returns Conflict naming the field.
class CampaignTx {
 public:
  virtual ~CampaignTx() = default;

  // Campaigns. Conflict "series" when the series already has an edition that year.
  virtual Result<int64_t> InsertCampaign(const Campaign& campaign) = 0;
  virtual Result<Campaign> GetCampaign(int64_t id) = 0;
  virtual Status UpdateCampaign(const Campaign& campaign) = 0;
  virtual Result<Page<Campaign>> ListCampaigns(const CampaignQuery& query) = 0;

  // Nominations. Conflict "nominee_name" when the campaign already has that nominee.
  virtual Result<int64_t> InsertNomination(const Nomination& nomination) = 0;
  virtual Result<Nomination> GetNomination(int64_t id) = 0;
  // The campaign's nominations, oldest first.
  virtual Result<std::vector<Nomination>> ListNominations(int64_t campaign_id) = 0;

  // Assignments and conflicts.
  virtual Status InsertAssignment(const Assignment& assignment) = 0;
  virtual Result<std::vector<Assignment>> ListAssignments(int64_t campaign_id) = 0;
  virtual Result<std::vector<Assignment>> AssignmentsOfReviewer(int64_t reviewer_id) = 0;
  // Removes one assignment with the reviewer's scores of that nomination.
  virtual Status DeleteAssignment(int64_t nomination_id, int64_t reviewer_id) = 0;
  // Conflict when the same reviewer, campaign and organisation is declared twice.
  virtual Status InsertConflict(const ConflictDeclaration& conflict) = 0;
  virtual Result<std::vector<ConflictDeclaration>> ListConflicts(int64_t campaign_id) = 0;

  // Scores: one value per nomination, reviewer and criterion; a second write replaces it.
  virtual Status PutScore(int64_t campaign_id, const ScoreEntry& score, int64_t at) = 0;
  virtual Result<std::vector<ScoreEntry>> ListScores(int64_t campaign_id) = 0;

  // Results, written once at publication, by rank.
  virtual Status InsertResults(int64_t campaign_id, const std::vector<CampaignResult>& rows) = 0;
  virtual Result<std::vector<CampaignResult>> ListResults(int64_t campaign_id) = 0;

  // ProgrammeBodies and their members. Conflict "slug" for a slug taken.
  virtual Result<int64_t> InsertProgrammeBody(const ProgrammeBody& body) = 0;
  virtual Result<ProgrammeBody> GetProgrammeBody(std::string_view slug) = 0;
  virtual Result<std::vector<ProgrammeBody>> ListProgrammeBodies() = 0;
  virtual Result<int64_t> InsertProgrammeBodyMember(const ProgrammeBodyMember& member) = 0;
  // Members by position, then id.
  virtual Result<std::vector<ProgrammeBodyMember>> ListProgrammeBodyMembers(int64_t body_id) = 0;
  // NotFound unless the member exists and belongs to `body_id`.
  virtual Status DeleteProgrammeBodyMember(int64_t body_id, int64_t member_id) = 0;
};

}  // namespace kc
