#include "service/deal_notices.h"

namespace kc {

Result<int> NotifyDealParties(StoreTx& tx, const Deal& deal, std::optional<int64_t> actor_id,
                              const std::string& kind, const std::string& message, int64_t now,
                              const nlohmann::json& detail) {
  auto users = tx.deals().PartyUserIds(deal);
  if (!users.ok()) return users.status();
  int n = 0;
  for (int64_t user : *users) {
    if (actor_id && user == *actor_id) continue;
    Notification note;
    note.user_id = user;
    note.kind = kind;
    note.deal_id = deal.id;
    note.call_id = deal.call_id.value_or(0);
    note.title = deal.title;
    note.message = message;
    note.created_at = now;
    note.detail = detail.dump();
    auto inserted = tx.InsertNotification(note);
    if (!inserted.ok()) return inserted.status();
    n += *inserted ? 1 : 0;
  }
  return n;
}

}  // namespace kc
