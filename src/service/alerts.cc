#include "service/alerts.h"

#include <algorithm>
#include <string>
#include <vector>

namespace kc {

namespace {

Result<int64_t> ReadCursor(StoreTx& tx) {
  auto stored = tx.GetMeta(Alerts::kCursorKey);
  if (!stored.ok()) return stored.status();
  if (!*stored) return 0;
  try {
    return std::stoll(**stored);
  } catch (const std::exception&) {
    return Internal(std::string("meta ") + Alerts::kCursorKey + " is not a number");
  }
}

}  // namespace

Result<int64_t> Alerts::Cursor() const {
  Result<int64_t> cursor = 0;
  KC_RETURN_IF_ERROR(store_.Read([&](StoreTx& tx) -> Status {
    cursor = ReadCursor(tx);
    return cursor.status();
  }));
  return cursor;
}

Result<int64_t> Alerts::CatchUp() {
  int64_t created = 0;
  while (true) {
    const int64_t indexed = index_.applied_seq();
    int64_t last = 0;  // the batch's last change, where the cursor moves
    std::vector<int64_t> listings;  // changed in the batch
    KC_RETURN_IF_ERROR(store_.Read([&](StoreTx& tx) -> Status {
      auto cursor = ReadCursor(tx);
      if (!cursor.ok()) return cursor.status();
      if (*cursor >= indexed) return Status::Ok();
      auto changes = tx.ChangesAfter(*cursor, kBatch);
      if (!changes.ok()) return changes.status();
      for (const Change& c : *changes) {
        if (c.seq > indexed) break;
        last = c.seq;
        if (c.entity == "listing") listings.push_back(c.entity_id);
      }
      return Status::Ok();
    }));
    if (last == 0) return created;
    auto n = subscriptions_.Announce(listings);
    if (!n.ok()) return n.status();
    created += *n;
    KC_RETURN_IF_ERROR(
        store_.Write([&](StoreTx& tx) { return tx.SetMeta(kCursorKey, std::to_string(last)); }));
  }
}

}  // namespace kc
