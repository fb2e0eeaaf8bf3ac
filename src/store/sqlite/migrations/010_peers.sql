-- 朋友圈: the partner platforms of the network (docs/network.md §2), one row per node.
CREATE TABLE peers (
  id INTEGER PRIMARY KEY,
  node_id TEXT NOT NULL UNIQUE,                 -- "kc1…", derived from public_key
  name TEXT NOT NULL,
  base_url TEXT NOT NULL,
  public_key TEXT NOT NULL,                     -- base64url of the 32 Ed25519 key bytes
  fingerprint TEXT NOT NULL,                    -- SHA-256 of the key, 64 hex digits
  country TEXT NOT NULL DEFAULT '',
  languages TEXT NOT NULL DEFAULT '[]',         -- JSON array of BCP 47 tags
  frameworks TEXT NOT NULL DEFAULT '[]',        -- JSON array of cooperation framework codes
  status TEXT NOT NULL DEFAULT 'requested',     -- requested, active, suspended, removed
  incoming INTEGER NOT NULL DEFAULT 0,          -- 1: the other node asked first
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX peers_status ON peers(status, name);
