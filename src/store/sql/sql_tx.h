// StoreTx written once over the SQL layer, for both databases: users, sessions, throttling,
// organisations, listings, the change log, subscriptions, notifications, the audit trail and
// settings, with the deal, news, campaign, network, event, base and plan areas on the same
// connection. A SqlStore (sql_store.h) makes one per transaction around the transaction's
// sql::Conn.
#pragma once

#include "store/sql/conn.h"
#include "store/sql/sql_base_tx.h"
#include "store/sql/sql_campaign_tx.h"
#include "store/sql/sql_deal_tx.h"
#include "store/sql/sql_event_tx.h"
#include "store/sql/sql_net_tx.h"
#include "store/sql/sql_news_tx.h"
#include "store/sql/sql_plan_tx.h"
#include "store/store.h"

namespace kc::sql {

class SqlTx : public StoreTx {
 public:
  explicit SqlTx(Conn& conn)
      : c_(conn),
        deals_(conn),
        news_(conn),
        campaigns_(conn),
        net_(conn),
        events_(conn),
        bases_(conn),
        plans_(conn) {}

  Result<int64_t> InsertUser(const User& user) override;
  Result<User> GetUser(int64_t id) override;
  Result<std::vector<User>> GetUsers(const std::vector<int64_t>& ids) override;
  Result<User> FindUserByName(std::string_view username) override;
  Status UpdateUser(const User& user) override;
  Result<Page<User>> ListUsers(const UserQuery& query) override;
  Result<int64_t> CountUsers() override;

  Status InsertSession(const Session& session) override;
  Result<Session> GetSession(std::string_view token_hash) override;
  Status DeleteSession(std::string_view token_hash) override;
  Status DeleteSessionsOfUser(int64_t user_id) override;

  Status RecordAttempt(const Attempt& attempt) override;
  Result<AttemptCount> CountAttempts(std::string_view action, std::string_view client,
                                     std::optional<std::string_view> username,
                                     int64_t since) override;
  Status ClearAttempts(std::string_view action, std::string_view client,
                       std::string_view username) override;
  Result<int64_t> PruneAttempts(int64_t before) override;

  Result<int64_t> InsertOrg(const Org& org) override;
  Result<Org> GetOrg(int64_t id) override;
  Result<std::vector<Org>> GetOrgs(const std::vector<int64_t>& ids) override;
  Result<std::optional<Org>> FindOrgByName(std::string_view name) override;
  Status UpdateOrg(const Org& org) override;
  Result<Page<Org>> ListOrgs(const OrgQuery& query) override;

  Result<int64_t> InsertListing(const Listing& listing) override;
  Result<Listing> GetListing(int64_t id) override;
  Status UpdateListing(const Listing& listing) override;
  Status DeleteListing(int64_t id) override;
  Result<Page<Listing>> ListListings(const ListingQuery& query) override;
  Result<std::vector<int64_t>> ListExpired(int64_t now, int64_t limit) override;

  Result<int64_t> AppendChange(const Change& change) override;
  Result<std::vector<Change>> ChangesAfter(int64_t seq, int64_t limit) override;
  Result<int64_t> LastChangeSeq() override;

  Result<int64_t> InsertSubscription(const Subscription& s) override;
  Result<std::vector<Subscription>> ListSubscriptions(int64_t user_id) override;
  Result<std::vector<Subscription>> SubscriptionsOfKind(std::string_view kind,
                                                        int64_t listing_id) override;
  Status DeleteSubscription(int64_t id, int64_t user_id) override;
  Result<bool> InsertNotification(const Notification& n) override;
  Result<Page<Notification>> ListNotifications(int64_t user_id, bool unread_only, int64_t offset,
                                               int64_t limit) override;
  Status MarkNotificationRead(int64_t id, int64_t user_id, int64_t at) override;

  Status AppendAudit(const AuditEntry& entry) override;
  Result<std::vector<AuditEntry>> ListAudit(std::string_view entity, int64_t entity_id) override;

  DealTx& deals() override { return deals_; }
  Result<std::optional<std::string>> GetMeta(std::string_view key) override;
  Status SetMeta(std::string_view key, std::string_view value) override;
  NewsTx& news() override { return news_; }
  CampaignTx& campaigns() override { return campaigns_; }
  NetTx& net() override { return net_; }
  EventTx& events() override { return events_; }
  BaseTx& bases() override { return bases_; }
  PlanTx& plans() override { return plans_; }

  // A savepoint, the same in both databases; on PostgreSQL rolling back to it also clears a
  // failed statement's abort of the transaction.
  Status Nested(const std::function<Status(StoreTx&)>& fn) override;

 private:
  Conn& c_;
  SqlDealTx deals_;
  SqlNewsTx news_;
  SqlCampaignTx campaigns_;
  SqlNetTx net_;
  SqlEventTx events_;
  SqlBaseTx bases_;
  SqlPlanTx plans_;
};

}  // namespace kc::sql
