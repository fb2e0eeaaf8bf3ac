-- Accounts, organisations, listings, the change log and the audit trail (PostgreSQL dialect of
-- src/store/sqlite/migrations/001_init.sql: same tables, columns and meaning).
CREATE TABLE orgs (
  id BIGSERIAL PRIMARY KEY,
  name TEXT NOT NULL,
  type TEXT NOT NULL,
  region TEXT NOT NULL DEFAULT '',
  country TEXT NOT NULL DEFAULT 'CN',
  credit_code TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL DEFAULT '',
  website TEXT NOT NULL DEFAULT '',
  demo BIGINT NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX orgs_credit_code ON orgs(credit_code) WHERE credit_code <> '';
CREATE UNIQUE INDEX orgs_name ON orgs(name);

CREATE TABLE users (
  id BIGSERIAL PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  email TEXT NOT NULL DEFAULT '',
  role TEXT NOT NULL,
  org_id BIGINT REFERENCES orgs(id),
  password_hash TEXT NOT NULL,
  disabled BIGINT NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL
);
CREATE INDEX users_org ON users(org_id);

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES users(id),
  csrf_token TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE login_failures (
  username TEXT NOT NULL,
  at BIGINT NOT NULL
);
CREATE INDEX login_failures_user ON login_failures(username, at);

CREATE TABLE listings (
  id BIGSERIAL PRIMARY KEY,
  kind TEXT NOT NULL,
  org_id BIGINT NOT NULL REFERENCES orgs(id),
  owner_id BIGINT NOT NULL REFERENCES users(id),
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
  demo BIGINT NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  published_at BIGINT NOT NULL DEFAULT 0,
  expires_at BIGINT NOT NULL DEFAULT 0,
  -- Kind-specific fields; JSON arrays and objects are stored as text, as in SQLite.
  budget_min BIGINT,
  budget_max BIGINT,
  deadline TEXT NOT NULL DEFAULT '',
  cooperation_modes TEXT NOT NULL DEFAULT '[]',
  maturity BIGINT,
  patents TEXT NOT NULL DEFAULT '[]',
  transfer_modes TEXT NOT NULL DEFAULT '[]',
  price_min BIGINT,
  price_max BIGINT,
  inventors TEXT NOT NULL DEFAULT '[]',
  rank TEXT NOT NULL DEFAULT '',
  affiliation TEXT NOT NULL DEFAULT '',
  disciplines TEXT NOT NULL DEFAULT '[]'
);
CREATE UNIQUE INDEX listings_ref ON listings(org_id, kind, ref) WHERE ref IS NOT NULL;
CREATE INDEX listings_kind_status ON listings(kind, status, id);
CREATE INDEX listings_org ON listings(org_id, kind, id);
CREATE INDEX listings_expiry ON listings(status, expires_at);

-- The outbox: every listing change in commit order (writers hold one advisory lock, so the
-- sequence grows in commit order); the search index of every node follows it.
CREATE TABLE changes (
  seq BIGSERIAL PRIMARY KEY,
  entity TEXT NOT NULL,
  entity_id BIGINT NOT NULL,
  op TEXT NOT NULL,
  at BIGINT NOT NULL
);
-- Wakes every node's indexer when a transaction that appended changes commits.
CREATE FUNCTION changes_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('kc_changes', '');
  RETURN NULL;
END $$;
CREATE TRIGGER changes_notify AFTER INSERT ON changes
  FOR EACH STATEMENT EXECUTE FUNCTION changes_notify();

-- Append-only: who did what to which entity, when.
CREATE TABLE audit (
  id BIGSERIAL PRIMARY KEY,
  at BIGINT NOT NULL,
  actor_id BIGINT,
  entity TEXT NOT NULL,
  entity_id BIGINT NOT NULL,
  action TEXT NOT NULL,
  detail TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_entity ON audit(entity, entity_id, id);
CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit is append-only';
END $$;
CREATE TRIGGER audit_no_update BEFORE UPDATE OR DELETE ON audit
  FOR EACH ROW EXECUTE FUNCTION audit_append_only();

CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
