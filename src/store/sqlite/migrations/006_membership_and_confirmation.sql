-- Joining an organisation is a request its admins decide (users.requested_org_id: the
-- organisation asked for, NULL when none; the account has no rights in it until org_id is set).
-- A deal step that binds both parties waits for the other party (deals.proposed_*). A
-- notification carries its parameters as JSON (notifications.detail) for the reader's language.
ALTER TABLE users ADD COLUMN requested_org_id INTEGER REFERENCES orgs(id);
CREATE INDEX users_requested_org ON users(requested_org_id) WHERE requested_org_id IS NOT NULL;

ALTER TABLE deals ADD COLUMN proposed_stage TEXT NOT NULL DEFAULT '';  -- '' when none
ALTER TABLE deals ADD COLUMN proposed_by_org INTEGER;                  -- the proposing side
ALTER TABLE deals ADD COLUMN proposed_by INTEGER;                      -- the proposing user
ALTER TABLE deals ADD COLUMN proposed_at INTEGER NOT NULL DEFAULT 0;

ALTER TABLE notifications ADD COLUMN detail TEXT NOT NULL DEFAULT '{}';
