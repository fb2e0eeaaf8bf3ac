// The data-access calls of technology transactions (deals), reached through StoreTx::deals() so
// they run inside the caller's transaction (and its savepoints). Same contract as StoreTx: not
// thread-safe, must not outlive the transaction; a missing row is a NotFound status.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/challenge.h"
#include "core/deal.h"
#include "core/status.h"
#include "store/records.h"

namespace kc {

// A list of matches served to a viewer (the first step of the dashboard's funnel). The store
// keeps the first of each listing, day and viewer; later ones of the same day are not counted.
struct MatchView {
  int64_t listing_id = 0;
  std::string day;                 // YYYY-MM-DD in Asia/Shanghai
  std::string viewer;              // "u<user id>", or "a" + a hash for a visitor
  std::optional<int64_t> user_id;  // none for a visitor
  int64_t hits = 0;
  int64_t at = 0;
};

// Filters of a deal list; empty members do not filter.
struct DealQuery {
  // Deals where one of these organisations is buyer, seller or broker. Empty with `all` false
  // matches nothing; `all` lists every deal (platform admins).
  std::vector<int64_t> org_ids;
  bool all = false;
  std::optional<int64_t> broker_org_id;  // only deals brokered by this organisation
  std::optional<DealStage> stage;
  int64_t offset = 0;
  int64_t limit = 20;
};

// A count under a key (a month "YYYY-MM", a category, a province code, a reason).
struct CountRow {
  std::string key;
  int64_t n = 0;
};

// The platform's figures for the dashboard. Listings count when published (by the month they
// were published); deals by the month they were opened, the category of their demand (else
// achievement) and the province (first two digits of the region) of the buyer.
struct PlatformStats {
  std::vector<CountRow> demands_by_month, achievements_by_month, deals_by_month;
  std::vector<CountRow> demands_by_category, achievements_by_category, deals_by_category;
  std::vector<CountRow> demands_by_region, achievements_by_region, deals_by_region;
  // Lists of matches served: distinct viewers per listing and day (Asia/Shanghai).
  int64_t matches_shown = 0;
  int64_t deals_opened = 0, deals_signed = 0, deals_registered = 0;
  std::vector<CountRow> declined_by_reason;
};

// A deal an agency brokered, with its registered contract amount (0 without one) and the
// discipline of its demand (else achievement).
struct BrokeredDeal {
  Deal deal;
  int64_t amount_cny = 0;
  std::string discipline;
};

class DealTx {
 public:
  virtual ~DealTx() = default;

  // Deals. Ids are assigned by InsertDeal; UpdateDeal writes every field but id and created_at.
  virtual Result<int64_t> InsertDeal(const Deal& deal) = 0;
  virtual Result<Deal> GetDeal(int64_t id) = 0;
  virtual Status UpdateDeal(const Deal& deal) = 0;
  // Newest first.
  virtual Result<Page<Deal>> ListDeals(const DealQuery& query) = 0;
  // The active users of the deal's buyer, seller and broker organisations (for notices).
  virtual Result<std::vector<int64_t>> PartyUserIds(const Deal& deal) = 0;

  // Messages, oldest first, with the author's display name.
  virtual Result<int64_t> InsertMessage(const DealMessage& message) = 0;
  virtual Result<std::vector<DealMessage>> ListMessages(int64_t deal_id) = 0;

  // Attachment metadata (the bytes are files the service keeps).
  virtual Result<int64_t> InsertAttachment(const DealAttachment& attachment) = 0;
  virtual Result<DealAttachment> GetAttachment(int64_t id) = 0;
  virtual Result<std::vector<DealAttachment>> ListAttachments(int64_t deal_id) = 0;

  // The contract record of a deal: PutContract inserts or replaces it.
  virtual Status PutContract(const Contract& contract) = 0;
  virtual Result<std::optional<Contract>> GetContract(int64_t deal_id) = 0;
  // The contract records of these deals (deals without one are left out), in one round trip.
  virtual Result<std::vector<Contract>> GetContracts(const std::vector<int64_t>& deal_ids) = 0;

  // An achievement's confidential details; empty optional when it has none.
  virtual Status PutConfidential(int64_t listing_id, const std::string& details, int64_t by,
                                 int64_t at) = 0;
  virtual Result<std::optional<std::string>> GetConfidential(int64_t listing_id) = 0;
  // The confidential details of these achievements by listing id (those without any are left
  // out), in one round trip.
  virtual Result<std::map<int64_t, std::string>> GetConfidentials(
      const std::vector<int64_t>& listing_ids) = 0;

  // The audit entries of every deal of `org_id` (buyer, seller or broker), by deal then time.
  virtual Result<std::vector<AuditEntry>> AuditOfOrgDeals(int64_t org_id) = 0;

  // Every deal brokered by `org_id`, oldest first.
  virtual Result<std::vector<BrokeredDeal>> BrokeredDeals(int64_t org_id) = 0;

  // Challenges, newest first in lists.
  virtual Result<int64_t> InsertChallenge(const Challenge& challenge) = 0;
  virtual Result<Challenge> GetChallenge(int64_t id) = 0;
  virtual Status UpdateChallenge(const Challenge& challenge) = 0;
  virtual Result<Page<Challenge>> ListChallenges(int64_t offset, int64_t limit) = 0;
  // Judges of a challenge; adding one twice is adding once.
  virtual Status AddJudge(int64_t call_id, int64_t user_id) = 0;
  virtual Result<std::vector<int64_t>> ListJudges(int64_t call_id) = 0;
  // Proposals: one per organisation and challenge (Conflict otherwise). Lists come oldest first
  // with the organisation's name and the mean of the judges' scores.
  virtual Result<int64_t> InsertProposal(const Proposal& proposal) = 0;
  virtual Result<Proposal> GetProposal(int64_t id) = 0;
  virtual Result<std::vector<Proposal>> ListProposals(int64_t call_id) = 0;
  // A judge's scores of a proposal; scoring again replaces them.
  virtual Status PutScore(const ProposalScore& score) = 0;

  // Statistics: served lists of matches (written in one statement; a view whose listing, day
  // and viewer are already recorded is skipped), and the dashboard's figures.
  virtual Status RecordMatchViews(const std::vector<MatchView>& views) = 0;
  virtual Result<PlatformStats> Stats() = 0;
};

}  // namespace kc
