-- Throttling by client (docs/api.md "Throttling"): failed sign-ins are remembered per client
-- address and user name (an attacker's failures slow that client, never the owner elsewhere),
-- registrations per client address; rows older than the throttle window are pruned. The old
-- per-name table goes: its rows knew no client.
DROP TABLE login_failures;
CREATE TABLE throttle_attempts (
  action TEXT NOT NULL,    -- 'login_failure' or 'register'
  client TEXT NOT NULL,    -- the client's address
  username TEXT NOT NULL,  -- the user name tried, '' for a registration
  at INTEGER NOT NULL
);
CREATE INDEX throttle_attempts_client ON throttle_attempts(action, client, username, at);
CREATE INDEX throttle_attempts_at ON throttle_attempts(at);

-- Platform roles (users.role: member, reviewer, editor, admin) and the role within the user's
-- organisation (users.org_role: member, org_admin) are kept apart, so that nothing done within an
-- organisation changes a platform role. Former org admins keep their organisation role.
ALTER TABLE users ADD COLUMN org_role TEXT NOT NULL DEFAULT 'member';
UPDATE users SET org_role = 'org_admin', role = 'member' WHERE role = 'org_admin';
CREATE INDEX users_org_role ON users(org_id, org_role);
