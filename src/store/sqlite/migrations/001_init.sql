-- Accounts, organisations, listings, the change log and the audit trail.
CREATE TABLE orgs (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  type TEXT NOT NULL,
  region TEXT NOT NULL DEFAULT '',
  country TEXT NOT NULL DEFAULT 'CN',
  credit_code TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL DEFAULT '',
  website TEXT NOT NULL DEFAULT '',
  demo INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX orgs_credit_code ON orgs(credit_code) WHERE credit_code <> '';
CREATE UNIQUE INDEX orgs_name ON orgs(name);

CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  email TEXT NOT NULL DEFAULT '',
  role TEXT NOT NULL,
  org_id INTEGER REFERENCES orgs(id),
  password_hash TEXT NOT NULL,
  disabled INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL
);
CREATE INDEX users_org ON users(org_id);

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id),
  csrf_token TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE login_failures (
  username TEXT NOT NULL,
  at INTEGER NOT NULL
);
CREATE INDEX login_failures_user ON login_failures(username, at);

CREATE TABLE listings (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  org_id INTEGER NOT NULL REFERENCES orgs(id),
  owner_id INTEGER NOT NULL REFERENCES users(id),
  ref TEXT,
  title TEXT NOT NULL,
  body TEXT NOT NULL DEFAULT '',
  keywords TEXT NOT NULL DEFAULT '[]',
  category TEXT NOT NULL DEFAULT '',
  discipline TEXT NOT NULL DEFAULT '',
  region TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL,
  reject_reason TEXT NOT NULL DEFAULT '',
  visibility TEXT NOT NULL DEFAULT 'public',
  contact TEXT NOT NULL DEFAULT '{}',
  demo INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  published_at INTEGER NOT NULL DEFAULT 0,
  expires_at INTEGER NOT NULL DEFAULT 0,
  -- Kind-specific fields; JSON arrays and objects are stored as text.
  budget_min INTEGER,
  budget_max INTEGER,
  deadline TEXT NOT NULL DEFAULT '',
  cooperation_modes TEXT NOT NULL DEFAULT '[]',
  maturity INTEGER,
  patents TEXT NOT NULL DEFAULT '[]',
  transfer_modes TEXT NOT NULL DEFAULT '[]',
  price_min INTEGER,
  price_max INTEGER,
  inventors TEXT NOT NULL DEFAULT '[]',
  rank TEXT NOT NULL DEFAULT '',
  affiliation TEXT NOT NULL DEFAULT '',
  disciplines TEXT NOT NULL DEFAULT '[]'
);
CREATE UNIQUE INDEX listings_ref ON listings(org_id, kind, ref) WHERE ref IS NOT NULL;
CREATE INDEX listings_kind_status ON listings(kind, status, id);
CREATE INDEX listings_org ON listings(org_id, kind, id);
CREATE INDEX listings_expiry ON listings(status, expires_at);

-- The outbox: every listing change in commit order; the search index follows it.
CREATE TABLE changes (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  entity TEXT NOT NULL,
  entity_id INTEGER NOT NULL,
  op TEXT NOT NULL,
  at INTEGER NOT NULL
);

-- Append-only: who did what to which entity, when.
CREATE TABLE audit (
  id INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  actor_id INTEGER,
  entity TEXT NOT NULL,
  entity_id INTEGER NOT NULL,
  action TEXT NOT NULL,
  detail TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_entity ON audit(entity, entity_id, id);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
  BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
  BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;

CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
