// CampaignTx on PostgreSQL: in the transaction (and savepoints) of the PostgresTx that owns it.
// A campaign's published results are written in one statement.
#pragma once

#include "store/campaign_tx.h"
#include "store/postgres/query.h"

namespace kc::pg {

class PostgresCampaignTx : public CampaignTx {
 public:
  explicit PostgresCampaignTx(Txn& t) : t_(t) {}

  Result<int64_t> InsertCampaign(const Campaign& campaign) override;
  Result<Campaign> GetCampaign(int64_t id) override;
  Status UpdateCampaign(const Campaign& campaign) override;
  Result<Page<Campaign>> ListCampaigns(const CampaignQuery& query) override;

  Result<int64_t> InsertNomination(const Nomination& nomination) override;
  Result<Nomination> GetNomination(int64_t id) override;
  Result<std::vector<Nomination>> ListNominations(int64_t campaign_id) override;

  Status InsertAssignment(const Assignment& assignment) override;
  Result<std::vector<Assignment>> ListAssignments(int64_t campaign_id) override;
  Result<std::vector<Assignment>> AssignmentsOfReviewer(int64_t reviewer_id) override;
  Status DeleteAssignment(int64_t nomination_id, int64_t reviewer_id) override;
  Status InsertConflict(const ConflictDeclaration& conflict) override;
  Result<std::vector<ConflictDeclaration>> ListConflicts(int64_t campaign_id) override;

  Status PutScore(int64_t campaign_id, const ScoreEntry& score, int64_t at) override;
  Result<std::vector<ScoreEntry>> ListScores(int64_t campaign_id) override;

  Status InsertResults(int64_t campaign_id, const std::vector<CampaignResult>& rows) override;
  Result<std::vector<CampaignResult>> ListResults(int64_t campaign_id) override;

  Result<int64_t> InsertBody(const Body& body) override;
  Result<Body> GetBody(std::string_view slug) override;
  Result<std::vector<Body>> ListBodies() override;
  Result<int64_t> InsertBodyMember(const BodyMember& member) override;
  Result<std::vector<BodyMember>> ListBodyMembers(int64_t body_id) override;
  Status DeleteBodyMember(int64_t body_id, int64_t member_id) override;

 private:
  // The assignments where `column` (campaign_id or reviewer_id) is `value`.
  Result<std::vector<Assignment>> Assignments(const char* column, int64_t value);
  Result<std::vector<Body>> Bodies(const std::string& where, const Params& p);

  Txn& t_;
};

}  // namespace kc::pg
