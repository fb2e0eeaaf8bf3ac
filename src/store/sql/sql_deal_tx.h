// DealTx written once over the SQL layer, for both databases: the deal, challenge and
// statistics queries, in the transaction (and savepoints) of the StoreTx that owns it. Lists are
// one statement each, with their total; a batch of match views is written in one statement and
// the dashboard's figures come back in one.
#pragma once

#include "store/deal_tx.h"
#include "store/sql/conn.h"

namespace kc::sql {

class SqlDealTx : public DealTx {
 public:
  explicit SqlDealTx(Conn& conn) : c_(conn) {}

  Result<int64_t> InsertDeal(const Deal& deal) override;
  Result<Deal> GetDeal(int64_t id) override;
  Status UpdateDeal(const Deal& deal) override;
  Result<Page<Deal>> ListDeals(const DealQuery& query) override;
  Result<std::vector<int64_t>> PartyUserIds(const Deal& deal) override;

  Result<int64_t> InsertMessage(const DealMessage& message) override;
  Result<std::vector<DealMessage>> ListMessages(int64_t deal_id) override;

  Result<int64_t> InsertAttachment(const DealAttachment& attachment) override;
  Result<DealAttachment> GetAttachment(int64_t id) override;
  Result<std::vector<DealAttachment>> ListAttachments(int64_t deal_id) override;

  Status PutContract(const Contract& contract) override;
  Result<std::optional<Contract>> GetContract(int64_t deal_id) override;
  Result<std::vector<Contract>> GetContracts(const std::vector<int64_t>& deal_ids) override;

  Status PutConfidential(int64_t listing_id, const std::string& details, int64_t by,
                         int64_t at) override;
  Result<std::optional<std::string>> GetConfidential(int64_t listing_id) override;
  Result<std::map<int64_t, std::string>> GetConfidentials(
      const std::vector<int64_t>& listing_ids) override;

  Result<std::vector<AuditEntry>> AuditOfOrgDeals(int64_t org_id) override;
  Result<std::vector<BrokeredDeal>> BrokeredDeals(int64_t org_id) override;

  Result<int64_t> InsertChallenge(const Challenge& challenge) override;
  Result<Challenge> GetChallenge(int64_t id) override;
  Status UpdateChallenge(const Challenge& challenge) override;
  Result<Page<Challenge>> ListChallenges(int64_t offset, int64_t limit) override;
  Status AddJudge(int64_t call_id, int64_t user_id) override;
  Result<std::vector<int64_t>> ListJudges(int64_t call_id) override;
  Result<int64_t> InsertProposal(const Proposal& proposal) override;
  Result<Proposal> GetProposal(int64_t id) override;
  Result<std::vector<Proposal>> ListProposals(int64_t call_id) override;
  Status PutScore(const ProposalScore& score) override;

  Status RecordMatchViews(const std::vector<MatchView>& views) override;
  Result<PlatformStats> Stats() override;

 private:
  Conn& c_;
};

}  // namespace kc::sql
