-- Throttling by client, and organisation roles apart from platform roles (PostgreSQL dialect of
-- src/store/sqlite/migrations/008_throttle_and_org_roles.sql: same tables, columns and meaning).
DROP TABLE login_failures;
CREATE TABLE throttle_attempts (
  action TEXT NOT NULL,    -- 'login_failure' or 'register'
  client TEXT NOT NULL,    -- the client's address
  username TEXT NOT NULL,  -- the user name tried, '' for a registration
  at BIGINT NOT NULL
);
CREATE INDEX throttle_attempts_client ON throttle_attempts(action, client, username, at);
CREATE INDEX throttle_attempts_at ON throttle_attempts(at);

ALTER TABLE users ADD COLUMN org_role TEXT NOT NULL DEFAULT 'member';
UPDATE users SET org_role = 'org_admin', role = 'member' WHERE role = 'org_admin';
CREATE INDEX users_org_role ON users(org_id, org_role);
