// The data-access calls of technology transactions (deals), reached through StoreTx::deals() so
// they run inside the caller's transaction (and its savepoints). Same contract as StoreTx: not
// thread-safe, must not outlive the transaction; a missing row is a NotFound status.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/deal.h"
#include "core/status.h"
#include "store/records.h"

namespace kc {

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

  // An achievement's confidential details; empty optional when it has none.
  virtual Status PutConfidential(int64_t listing_id, const std::string& details, int64_t by,
                                 int64_t at) = 0;
  virtual Result<std::optional<std::string>> GetConfidential(int64_t listing_id) = 0;

  // The audit entries of every deal of `org_id` (buyer, seller or broker), by deal then time.
  virtual Result<std::vector<AuditEntry>> AuditOfOrgDeals(int64_t org_id) = 0;
};

}  // namespace kc
