#include "service/listing_notices.h"

#include <set>

namespace kc {

namespace {

// An organisation has a handful of admins; more than this are not notified.
constexpr int64_t kMaxOrgAdmins = 100;

}  // namespace

Result<int> NotifyListingOwners(StoreTx& tx, const Listing& listing,
                                std::optional<int64_t> actor_id, const std::string& kind,
                                const std::string& message, int64_t now) {
  std::set<int64_t> recipients;
  if (listing.owner_id != 0) {
    auto creator = tx.GetUser(listing.owner_id);
    if (creator.ok()) {
      // Someone who left the organisation no longer answers for its listings.
      if (!creator->disabled && creator->org_id == listing.org_id) recipients.insert(creator->id);
    } else if (creator.status().kind() != ErrorKind::kNotFound) {
      return creator.status();
    }
  }
  UserQuery admins;
  admins.org_id = listing.org_id;
  admins.org_role = std::string(OrgRoleName(OrgRole::kAdmin));
  admins.limit = kMaxOrgAdmins;
  auto page = tx.ListUsers(admins);
  if (!page.ok()) return page.status();
  for (const User& u : page->items) {
    if (!u.disabled) recipients.insert(u.id);
  }
  if (actor_id) recipients.erase(*actor_id);
  int n = 0;
  for (int64_t user : recipients) {
    Notification note;
    note.user_id = user;
    note.kind = kind;
    note.listing_id = listing.id;
    note.title = listing.title;
    note.message = message;
    note.created_at = now;
    auto inserted = tx.InsertNotification(note);
    if (!inserted.ok()) return inserted.status();
    n += *inserted ? 1 : 0;
  }
  return n;
}

}  // namespace kc
