// Listings (demands 技术需求, achievements 科技成果, expert profiles 专家) and their review
// workflow: create, read, list, edit, submit, approve, reject, close, renew, delete, expire.
// Every change writes the listing, its change-log entry and its audit entry in one transaction.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/listing.h"
#include "core/org.h"
#include "core/review.h"
#include "service/actor.h"
#include "store/store.h"

namespace kc {

// A listing with its owning organisation, as callers show it.
struct ListingWithOrg {
  Listing listing;
  Org org;
};

class Listings {
 public:
  // How long a published listing stays up when it names no deadline: one year.
  static constexpr int64_t kDefaultLifetime = 365 * 24 * 3600;

  Listings(Store& store, const Clock& clock) : store_(store), clock_(clock) {}

  // Creates a draft in the actor's organisation (an admin may name another with org_id).
  // Listings created by an admin with `publish` are published at once (bulk import).
  Result<ListingWithOrg> Create(const Actor& actor, Listing draft, bool publish = false);

  // Creates inside a running transaction: the import path, one savepoint per line.
  static Result<Listing> CreateIn(StoreTx& tx, const Actor& actor, Listing draft, bool publish,
                                  int64_t now);

  // The listing `id` of `kind`; 404 when it does not exist, is of another kind, or the actor
  // may not read it.
  Result<ListingWithOrg> Get(const Actor& actor, ListingKind kind, int64_t id);

  // A page of listings. Visitors and members see published listings only, unless they ask for
  // their own organisation's (query.org_id); reviewers see every status.
  Result<Page<ListingWithOrg>> List(const Actor& actor, ListingQuery query);

  // Replaces the editable fields with those of `edited` (already merged from a PATCH). A
  // published listing edited by its owner goes back to review.
  Result<ListingWithOrg> Update(const Actor& actor, ListingKind kind, int64_t id, Listing edited);

  // Workflow steps. Reject needs a non-empty reason.
  Result<ListingWithOrg> Apply(const Actor& actor, ListingKind kind, int64_t id,
                               ReviewAction action, const std::string& reason = "");

  Status Delete(const Actor& actor, ListingKind kind, int64_t id);

  // The audit trail of a listing, for its organisation and reviewers.
  Result<std::vector<AuditEntry>> History(const Actor& actor, ListingKind kind, int64_t id);

  // Marks published listings past their expiry time as expired; returns how many.
  Result<int> ExpireDue();

 private:
  Store& store_;
  const Clock& clock_;
};

}  // namespace kc
