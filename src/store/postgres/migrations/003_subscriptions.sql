-- Saved searches and followed listings, and the in-app notifications they produce.
CREATE TABLE subscriptions (
  id BIGSERIAL PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES users(id),
  kind TEXT NOT NULL,               -- 'search' or 'listing'
  query TEXT NOT NULL DEFAULT '{}', -- a saved search: {"q","type","category","discipline","region"}
  listing_id BIGINT,                -- a followed listing
  created_at BIGINT NOT NULL
);
CREATE INDEX subscriptions_user ON subscriptions(user_id, id);
CREATE INDEX subscriptions_kind ON subscriptions(kind, listing_id);

CREATE TABLE notifications (
  id BIGSERIAL PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES users(id),
  kind TEXT NOT NULL,               -- 'saved_search', 'new_match'
  subscription_id BIGINT NOT NULL,
  listing_id BIGINT NOT NULL,       -- the new listing
  title TEXT NOT NULL,
  message TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  read_at BIGINT NOT NULL DEFAULT 0
);
-- One notice per subscription and listing, however often the listing is re-published.
CREATE UNIQUE INDEX notifications_once ON notifications(subscription_id, listing_id);
CREATE INDEX notifications_user ON notifications(user_id, id);
