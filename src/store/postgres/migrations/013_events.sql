-- 对接会、路演与年会: events, the listings presented at them, and their registrations
-- (docs/events.md). PostgreSQL dialect of src/store/sqlite/migrations/013_events.sql: same
-- tables, columns and meaning.
CREATE TABLE events (
  id BIGSERIAL PRIMARY KEY,
  org_id BIGINT NOT NULL REFERENCES orgs(id),  -- the organiser
  kind TEXT NOT NULL,                           -- matchmaking, roadshow, conference
  title TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  starts_at BIGINT NOT NULL,                   -- UTC seconds
  ends_at BIGINT NOT NULL,
  venue TEXT NOT NULL DEFAULT '',
  online_url TEXT NOT NULL DEFAULT '',
  capacity BIGINT NOT NULL DEFAULT 0,          -- 0: no limit
  status TEXT NOT NULL DEFAULT 'draft',         -- draft, published, cancelled
  demo BIGINT NOT NULL DEFAULT 0,
  created_by BIGINT NOT NULL REFERENCES users(id),
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX events_status_start ON events(status, starts_at);
CREATE INDEX events_org ON events(org_id, starts_at);

-- The demands and achievements an event presents, in order (listings may be deleted later: no
-- foreign key on listing_id).
CREATE TABLE event_listings (
  event_id BIGINT NOT NULL REFERENCES events(id),
  listing_id BIGINT NOT NULL,
  position BIGINT NOT NULL,
  PRIMARY KEY (event_id, listing_id)
);
CREATE INDEX event_listings_listing ON event_listings(listing_id);

CREATE TABLE event_registrations (
  id BIGSERIAL PRIMARY KEY,
  event_id BIGINT NOT NULL REFERENCES events(id),
  user_id BIGINT REFERENCES users(id),         -- NULL for a visitor
  name TEXT NOT NULL,
  email TEXT NOT NULL DEFAULT '',
  organisation TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL,                         -- confirmed, waiting, cancelled
  code TEXT NOT NULL UNIQUE,                    -- the check-in code
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  checked_in_at BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX event_registrations_queue ON event_registrations(event_id, status, created_at, id);
-- One live registration per member and per e-mail address and event.
CREATE UNIQUE INDEX event_registrations_user ON event_registrations(event_id, user_id)
  WHERE user_id IS NOT NULL AND status <> 'cancelled';
CREATE UNIQUE INDEX event_registrations_email ON event_registrations(event_id, email)
  WHERE email <> '' AND status <> 'cancelled';
