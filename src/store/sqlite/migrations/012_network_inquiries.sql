-- Inquiries between nodes (docs/network.md §6): a deal that mirrors one on a partner platform.
-- peer_id names the partner, peer_ref the inquiry's id (chosen by the inquiring node), the same
-- on both nodes. (peer_id, peer_ref) names at most one deal, which makes a repeated inquiry a
-- no-op.
ALTER TABLE deals ADD COLUMN peer_id INTEGER REFERENCES peers(id);
ALTER TABLE deals ADD COLUMN peer_ref TEXT NOT NULL DEFAULT '';
CREATE UNIQUE INDEX deals_peer_ref ON deals(peer_id, peer_ref) WHERE peer_id IS NOT NULL;
-- A message from a partner platform: the author's name as the partner gave it.
ALTER TABLE deal_messages ADD COLUMN author_label TEXT NOT NULL DEFAULT '';
-- An organisation of a partner platform that inquired here: peer_id is the partner and
-- origin_org_id its id there. The organisation standing for the partner itself has ''.
DROP INDEX orgs_peer;
ALTER TABLE orgs ADD COLUMN origin_org_id TEXT NOT NULL DEFAULT '';
CREATE UNIQUE INDEX orgs_peer ON orgs(peer_id, origin_org_id) WHERE peer_id IS NOT NULL;
-- Messages to partners, written in the transaction of the change they report and sent in order
-- per peer by the delivery worker, with retries (status: pending, delivered, failed).
CREATE TABLE net_outbox (
  id INTEGER PRIMARY KEY,
  peer_id INTEGER NOT NULL REFERENCES peers(id),
  deal_id INTEGER REFERENCES deals(id),
  path TEXT NOT NULL,
  message_id TEXT NOT NULL,
  body TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending',
  attempts INTEGER NOT NULL DEFAULT 0,
  next_at INTEGER NOT NULL DEFAULT 0,
  last_error TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  delivered_at INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX net_outbox_message ON net_outbox(peer_id, message_id);
CREATE INDEX net_outbox_pending ON net_outbox(status, peer_id, id);
CREATE INDEX net_outbox_deal ON net_outbox(deal_id);
-- Messages received from partners, once each: a repeat of (peer_id, message_id) changes nothing.
CREATE TABLE net_inbox (
  peer_id INTEGER NOT NULL REFERENCES peers(id),
  message_id TEXT NOT NULL,
  deal_id INTEGER REFERENCES deals(id),
  received_at INTEGER NOT NULL,
  PRIMARY KEY (peer_id, message_id)
);
-- The replay memory of docs/network.md §3.3 step 7, shared by every app node of one database:
-- each signature's (key id, nonce), kept until it is out of the time window.
CREATE TABLE net_nonces (
  keyid TEXT NOT NULL,
  nonce TEXT NOT NULL,
  expires_at INTEGER NOT NULL,
  PRIMARY KEY (keyid, nonce)
);
CREATE INDEX net_nonces_expiry ON net_nonces(expires_at);
-- A full pass of a peer's feed after 410 cursor_expired (docs/network.md §4): the change log's
-- end when it began (0: none under way).
ALTER TABLE peers ADD COLUMN resync_seq INTEGER NOT NULL DEFAULT 0;
