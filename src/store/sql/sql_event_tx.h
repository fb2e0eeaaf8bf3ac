// EventTx written once over the SQL layer, for both databases: it runs in the transaction (and
// savepoints) of the StoreTx that owns it, through that transaction's sql::Conn. An event's
// listings are written in one statement and a page's listings read in one.
#pragma once

#include "store/event_tx.h"
#include "store/sql/conn.h"

namespace kc::sql {

class SqlEventTx : public EventTx {
 public:
  explicit SqlEventTx(Conn& conn) : c_(conn) {}

  Result<int64_t> InsertEvent(const Event& event) override;
  Result<Event> GetEvent(int64_t id) override;
  Status UpdateEvent(const Event& event) override;
  Result<Page<Event>> ListEvents(const EventQuery& query) override;

  Result<int64_t> InsertRegistration(const EventRegistration& registration) override;
  Status UpdateRegistration(const EventRegistration& registration) override;
  Result<EventRegistration> FindRegistrationByCode(int64_t event_id,
                                                   std::string_view code) override;
  Result<std::optional<EventRegistration>> FindRegistrationOfUser(int64_t event_id,
                                                                  int64_t user_id) override;
  Result<Page<EventRegistration>> ListRegistrations(int64_t event_id, bool with_cancelled,
                                                    int64_t offset, int64_t limit) override;
  Result<RegistrationCounts> CountRegistrations(int64_t event_id) override;
  Result<std::optional<EventRegistration>> FirstWaiting(int64_t event_id) override;

  Result<int64_t> CountDealsOnListings(const std::vector<int64_t>& listing_ids,
                                       int64_t since) override;

 private:
  Status ReplaceListings(int64_t event_id, const std::vector<int64_t>& listing_ids);
  // Fills the listing ids of the events, in one query.
  Status LoadListings(std::vector<Event>* events);

  Conn& c_;
};

}  // namespace kc::sql
