// CampaignTx written once over the SQL layer, for both databases: it runs in the transaction (and
// savepoints) of the StoreTx that owns it, through that transaction's sql::Conn. A refused
// duplicate leaves the transaction usable (ON CONFLICT DO NOTHING rather than a failed
// statement); a campaign's published results are written in one statement.
#pragma once

#include "store/campaign_tx.h"
#include "store/sql/conn.h"

namespace kc::sql {

class SqlCampaignTx : public CampaignTx {
 public:
  explicit SqlCampaignTx(Conn& conn) : c_(conn) {}

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

  Result<int64_t> InsertProgrammeBody(const ProgrammeBody& body) override;
  Result<ProgrammeBody> GetProgrammeBody(std::string_view slug) override;
  Result<std::vector<ProgrammeBody>> ListProgrammeBodies() override;
  Result<int64_t> InsertProgrammeBodyMember(const ProgrammeBodyMember& member) override;
  Result<std::vector<ProgrammeBodyMember>> ListProgrammeBodyMembers(int64_t body_id) override;
  Status DeleteProgrammeBodyMember(int64_t body_id, int64_t member_id) override;

 private:
  Conn& c_;
};

}  // namespace kc::sql
