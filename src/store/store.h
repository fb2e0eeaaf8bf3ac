// The Store: the only source of truth. One transaction per use case: a service passes a function
// to Read or Write, and everything that function does through the StoreTx commits or rolls back
// together. One implementation, sql/sql_store.h, on either database: sqlite/ (embedded, the
// default) or postgres/ (several nodes on one database).
#pragma once

#include <array>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/listing.h"
#include "core/org.h"
#include "core/status.h"
#include "store/base_tx.h"
#include "store/campaign_tx.h"
#include "store/deal_tx.h"
#include "store/event_tx.h"
#include "store/net_tx.h"
#include "store/news_tx.h"
#include "store/plan_tx.h"
#include "store/records.h"

namespace kc {

// The data-access calls available inside one transaction. Not thread-safe: a StoreTx belongs to
// the thread that runs the transaction and must not outlive the callback. Lookups of a missing
// row return a NotFound status; a unique value already taken returns a Conflict status naming
// the field.
class StoreTx {
 public:
  virtual ~StoreTx() = default;

  // Users.
  virtual Result<int64_t> InsertUser(const User& user) = 0;
  virtual Result<User> GetUser(int64_t id) = 0;
  // The users of the given ids, in no particular order; missing ids are skipped.
  virtual Result<std::vector<User>> GetUsers(const std::vector<int64_t>& ids) = 0;
  virtual Result<User> FindUserByName(std::string_view username) = 0;
  virtual Status UpdateUser(const User& user) = 0;
  virtual Result<Page<User>> ListUsers(const UserQuery& query) = 0;
  virtual Result<int64_t> CountUsers() = 0;

  // Sessions.
  virtual Status InsertSession(const Session& session) = 0;
  virtual Result<Session> GetSession(std::string_view token_hash) = 0;
  virtual Status DeleteSession(std::string_view token_hash) = 0;
  virtual Status DeleteSessionsOfUser(int64_t user_id) = 0;

  // Throttling of sign-ins and registrations (service/accounts.h): recent attempts by client
  // address, and by user name from one client.
  virtual Status RecordAttempt(const Attempt& attempt) = 0;
  // The attempts of `action` from `client` at or after `since`; only those for `username` when
  // it is given.
  virtual Result<AttemptCount> CountAttempts(std::string_view action, std::string_view client,
                                             std::optional<std::string_view> username,
                                             int64_t since) = 0;
  // Forgets the attempts of `action` for `username` from `client`.
  virtual Status ClearAttempts(std::string_view action, std::string_view client,
                               std::string_view username) = 0;
  // Forgets every attempt made before `before`; returns how many were forgotten.
  virtual Result<int64_t> PruneAttempts(int64_t before) = 0;

  // Organisations.
  virtual Result<int64_t> InsertOrg(const Org& org) = 0;
  virtual Result<Org> GetOrg(int64_t id) = 0;
  // Returns the organisations with these ids (missing ids are skipped), in one round trip.
  virtual Result<std::vector<Org>> GetOrgs(const std::vector<int64_t>& ids) = 0;
  virtual Result<std::optional<Org>> FindOrgByName(std::string_view name) = 0;
  virtual Status UpdateOrg(const Org& org) = 0;
  virtual Result<Page<Org>> ListOrgs(const OrgQuery& query) = 0;

  // Listings. Every insert, update and delete must be followed by AppendChange in the same
  // transaction (the services do this; the store does not guess).
  virtual Result<int64_t> InsertListing(const Listing& listing) = 0;
  virtual Result<Listing> GetListing(int64_t id) = 0;
  virtual Status UpdateListing(const Listing& listing) = 0;
  virtual Status DeleteListing(int64_t id) = 0;
  virtual Result<Page<Listing>> ListListings(const ListingQuery& query) = 0;
  // Returns the ids of published listings whose expiry time is before `now`.
  virtual Result<std::vector<int64_t>> ListExpired(int64_t now, int64_t limit) = 0;

  // The change log (outbox), in commit order.
  virtual Result<int64_t> AppendChange(const Change& change) = 0;
  virtual Result<std::vector<Change>> ChangesAfter(int64_t seq, int64_t limit) = 0;
  // The sequence number of the last change, 0 when there is none.
  virtual Result<int64_t> LastChangeSeq() = 0;

  // Subscriptions (saved searches, followed listings) and notifications.
  virtual Result<int64_t> InsertSubscription(const Subscription& s) = 0;
  virtual Result<std::vector<Subscription>> ListSubscriptions(int64_t user_id) = 0;
  // Every subscription of `kind`; for "listing" only those that follow `listing_id`.
  virtual Result<std::vector<Subscription>> SubscriptionsOfKind(std::string_view kind,
                                                                int64_t listing_id) = 0;
  // NotFound unless the subscription exists and belongs to `user_id`.
  virtual Status DeleteSubscription(int64_t id, int64_t user_id) = 0;
  // Inserts unless the subscription already notified about this listing; true when inserted.
  virtual Result<bool> InsertNotification(const Notification& n) = 0;
  virtual Result<Page<Notification>> ListNotifications(int64_t user_id, bool unread_only,
                                                       int64_t offset, int64_t limit) = 0;
  // NotFound unless the notification exists and belongs to `user_id`.
  virtual Status MarkNotificationRead(int64_t id, int64_t user_id, int64_t at) = 0;

  // The audit trail; append-only.
  virtual Status AppendAudit(const AuditEntry& entry) = 0;
  virtual Result<std::vector<AuditEntry>> ListAudit(std::string_view entity, int64_t entity_id) = 0;

  // Technology transactions, challenges and their statistics (store/deal_tx.h), in this
  // transaction.
  virtual DealTx& deals() = 0;

  // Small key-value settings (e.g. whether the demo data was loaded).
  virtual Result<std::optional<std::string>> GetMeta(std::string_view key) = 0;
  virtual Status SetMeta(std::string_view key, std::string_view value) = 0;

  // News articles, tags and columns, in this transaction (store/news_tx.h).
  virtual NewsTx& news() = 0;
  // Campaigns, nominations, reviews, results and bodies, in this transaction
  // (store/campaign_tx.h).
  virtual CampaignTx& campaigns() = 0;
  // The partner directory of the network, in this transaction (store/net_tx.h).
  virtual NetTx& net() = 0;
  // Events, their listings and registrations, in this transaction (store/event_tx.h).
  virtual EventTx& events() = 0;
  // Offshore innovation bases, their people and projects, in this transaction
  // (store/base_tx.h).
  virtual BaseTx& bases() = 0;
  // Action plans, their tasks, milestones and progress reports, in this transaction
  // (store/plan_tx.h).
  virtual PlanTx& plans() = 0;

  // Runs `fn` so that its writes are undone alone when it fails, while the enclosing
  // transaction goes on (a savepoint). Used by bulk import: one bad line loses nothing else.
  virtual Status Nested(const std::function<Status(StoreTx&)>& fn) = 0;
};

// The rows of one table as text (NULL as nullopt), for backups: the same table and column names
// in every backend, so a backup moves between them.
struct TableRows {
  std::string name;
  std::vector<std::string> columns;
  std::vector<std::vector<std::optional<std::string>>> rows;
};

// The tables a fresh database already has rows in, from its migrations (the news columns a
// platform starts with).
inline constexpr std::array<std::string_view, 1> kSeededTables = {"news_columns"};

// A database. Thread-safe: any thread may call Read and Write at any time.
class Store {
 public:
  virtual ~Store() = default;

  // Runs `fn` in a read-only transaction that sees one consistent snapshot.
  virtual Status Read(const std::function<Status(StoreTx&)>& fn) = 0;

  // Runs `fn` in a write transaction: commits when it returns Ok, rolls back otherwise, and
  // returns fn's status (or the commit's failure). Writes are serialised; a write that has
  // returned Ok is durable.
  virtual Status Write(const std::function<Status(StoreTx&)>& fn) = 0;

  // The schema version after migrations.
  virtual int SchemaVersion() const = 0;

  // Passes every table (except the schema version), parents before children, to `sink`, all
  // from one consistent snapshot; writers go on meanwhile. Stops at sink's first failure.
  virtual Status ExportTables(const std::function<Status(const TableRows&)>& sink) = 0;

  // Loads `tables` (as ExportTables gave them) into this database in one transaction. Refuses
  // (Conflict) unless the database holds no rows yet but those its migrations seed
  // (kSeededTables, which the backup's rows replace); afterwards new ids continue after the
  // loaded ones.
  virtual Status ImportTables(const std::vector<TableRows>& tables) = 0;

  // Blocks until the change log may have grown (a commit here or on another node sharing the
  // database) or `timeout` passes, and returns true. Returns false at once when the store cannot
  // tell: the embedded store has no other writer, and its caller simply polls.
  virtual bool WaitForChanges(std::chrono::milliseconds timeout) {
    (void)timeout;
    return false;
  }

  // True while this process is the one, among the nodes sharing the database, that runs the
  // background jobs (expiry), so that they run once and not once per node. The embedded store
  // has a single process, which always is.
  virtual bool LeadsBackgroundJobs() { return true; }
};

}  // namespace kc
