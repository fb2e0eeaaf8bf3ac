#include "net/feed_apply.h"

namespace kc::net {

namespace {

Status Logged(StoreTx& tx, int64_t listing_id, int64_t now) {
  auto seq = tx.AppendChange(Change{0, "listing", listing_id, "upsert", now});
  return seq.ok() ? Status::Ok() : seq.status();
}

// The copy's fields from the entry; ids, ownership and times stay the caller's.
void CopyFields(const FeedEntry& e, Listing& copy) {
  const Listing& l = e.listing;
  copy.kind = l.kind;
  copy.title = l.title;
  copy.body = l.body;
  copy.keywords = l.keywords;
  copy.category = l.category;
  copy.discipline = l.discipline;
  copy.region = l.region;
  copy.cooperation_modes = l.cooperation_modes;
  copy.maturity = l.maturity;
  copy.transfer_modes = l.transfer_modes;
  copy.inventors = l.inventors;
  copy.rank = l.rank;
  copy.affiliation = l.affiliation;
  copy.disciplines = l.disciplines;
  copy.origin_url = l.origin_url;
  copy.origin_org_name = l.origin_org_name;
  copy.updated_at = l.updated_at;  // as on the origin
}

}  // namespace

Result<FeedApplied> ApplyFeedPage(StoreTx& tx, const Peer& peer, const FeedPage& page,
                                  int64_t now) {
  FeedApplied done;
  int64_t org_id = 0, owner_id = 0;  // read at the first upsert
  for (const FeedEntry& e : page.entries) {
    auto found = tx.net().FindCopy(peer.id, e.id);
    if (!found.ok()) return found.status();
    if (e.deleted) {
      if (!*found) continue;
      auto copy = tx.GetListing(**found);
      if (!copy.ok()) return copy.status();
      if (copy->status == ListingStatus::kClosed) continue;
      copy->status = ListingStatus::kClosed;
      copy->updated_at = now;
      KC_RETURN_IF_ERROR(tx.UpdateListing(*copy));
      KC_RETURN_IF_ERROR(Logged(tx, copy->id, now));
      ++done.closed;
      continue;
    }
    if (*found) {
      auto copy = tx.GetListing(**found);
      if (!copy.ok()) return copy.status();
      // A kind never changes on the origin; an entry that says otherwise is a new listing there
      // under a reused id, which the copy follows.
      CopyFields(e, *copy);
      copy->status = ListingStatus::kPublished;
      if (copy->published_at == 0) copy->published_at = now;
      KC_RETURN_IF_ERROR(tx.UpdateListing(*copy));
      KC_RETURN_IF_ERROR(Logged(tx, copy->id, now));
      ++done.upserted;
      continue;
    }
    if (org_id == 0) {
      auto org = tx.net().PeerOrg(peer, now);
      if (!org.ok()) return org.status();
      auto owner = tx.net().NetworkUserId();
      if (!owner.ok()) return owner.status();
      org_id = *org;
      owner_id = *owner;
    }
    Listing copy;
    CopyFields(e, copy);
    copy.org_id = org_id;
    copy.owner_id = owner_id;
    copy.status = ListingStatus::kPublished;
    copy.visibility = Visibility::kPublic;
    copy.shared = false;  // never offered onwards (§4: no relaying)
    copy.origin_peer_id = peer.id;
    copy.origin_id = e.id;
    copy.created_at = copy.published_at = now;
    auto id = tx.InsertListing(copy);
    if (!id.ok()) return id.status();
    KC_RETURN_IF_ERROR(Logged(tx, *id, now));
    ++done.upserted;
  }
  KC_RETURN_IF_ERROR(tx.net().SetPeerSync(peer.id, page.next, now, ""));
  return done;
}

namespace {

// Closes the copies `ids` and logs each for the search index.
Status CloseAll(StoreTx& tx, const std::vector<int64_t>& ids, int64_t now) {
  for (int64_t id : ids) {
    auto copy = tx.GetListing(id);
    if (!copy.ok()) return copy.status();
    copy->status = ListingStatus::kClosed;
    copy->updated_at = now;
    KC_RETURN_IF_ERROR(tx.UpdateListing(*copy));
    KC_RETURN_IF_ERROR(Logged(tx, id, now));
  }
  return Status::Ok();
}

}  // namespace

Result<int64_t> EndFullPass(StoreTx& tx, const Peer& peer, int64_t now) {
  if (peer.resync_seq == 0) return int64_t{0};
  auto stale = tx.net().CopiesUnchangedSince(peer.id, peer.resync_seq);
  if (!stale.ok()) return stale.status();
  KC_RETURN_IF_ERROR(CloseAll(tx, *stale, now));
  KC_RETURN_IF_ERROR(tx.net().SetResync(peer.id, 0));
  return static_cast<int64_t>(stale->size());
}

Result<int64_t> CloseCopies(StoreTx& tx, const Peer& peer, int64_t now) {
  auto ids = tx.net().CopiesOf(peer.id, ListingStatus::kPublished);
  if (!ids.ok()) return ids.status();
  KC_RETURN_IF_ERROR(CloseAll(tx, *ids, now));
  KC_RETURN_IF_ERROR(tx.net().SetPeerSync(peer.id, 0, peer.synced_at, ""));
  return static_cast<int64_t>(ids->size());
}

}  // namespace kc::net
