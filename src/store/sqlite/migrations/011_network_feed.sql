-- The listing feed between nodes (docs/network.md §4) and the copies of partners' listings.
-- A listing is offered to partners unless its owner opts it out (shared = 0) or its
-- organisation does (orgs.shared_to_network = 0).
ALTER TABLE listings ADD COLUMN shared INTEGER NOT NULL DEFAULT 1;
ALTER TABLE orgs ADD COLUMN shared_to_network INTEGER NOT NULL DEFAULT 1;
-- A copy of a partner's listing: origin_peer_id names the peer it came from (NULL for this
-- node's own listings), origin_id its id there, origin_url its page there and origin_org_name
-- the organisation that published it. Copies are read-only and never offered onwards. A
-- listing id is unique on its node whatever the kind, so (peer, origin id) names a copy.
ALTER TABLE listings ADD COLUMN origin_peer_id INTEGER REFERENCES peers(id);
ALTER TABLE listings ADD COLUMN origin_id TEXT NOT NULL DEFAULT '';
ALTER TABLE listings ADD COLUMN origin_url TEXT NOT NULL DEFAULT '';
ALTER TABLE listings ADD COLUMN origin_org_name TEXT NOT NULL DEFAULT '';
CREATE UNIQUE INDEX listings_origin ON listings(origin_peer_id, origin_id)
  WHERE origin_peer_id IS NOT NULL;
-- The organisation that holds a peer's copies on this node (one per peer).
ALTER TABLE orgs ADD COLUMN peer_id INTEGER REFERENCES peers(id);
CREATE UNIQUE INDEX orgs_peer ON orgs(peer_id) WHERE peer_id IS NOT NULL;
-- The feed reads each listing's latest change: the change log by entity.
CREATE INDEX changes_entity ON changes(entity, entity_id, seq);
-- Pulling a peer's feed: where this node is in it, when it last succeeded, the last failure.
ALTER TABLE peers ADD COLUMN feed_cursor INTEGER NOT NULL DEFAULT 0;
ALTER TABLE peers ADD COLUMN synced_at INTEGER NOT NULL DEFAULT 0;
ALTER TABLE peers ADD COLUMN sync_error TEXT NOT NULL DEFAULT '';
