-- Lists of matches are counted once per listing, viewer and day (in Asia/Shanghai), not once per
-- request: a reader who reloads the page, or a crawler, no longer inflates the dashboard's
-- funnel. A viewer is "u<user id>" when signed in, else "a" + a keyed hash of the day, the
-- client's address and its user agent (no address is stored). Rows of the old per-request table
-- keep their user; its visitors' rows count as one viewer per listing and day.
CREATE TABLE match_views_v2 (
  listing_id INTEGER NOT NULL,
  day TEXT NOT NULL,     -- YYYY-MM-DD in Asia/Shanghai
  viewer TEXT NOT NULL,
  user_id INTEGER,       -- NULL for a visitor
  hits INTEGER NOT NULL, -- matches in the first list the viewer was shown that day
  at INTEGER NOT NULL,   -- when it was shown
  PRIMARY KEY (listing_id, day, viewer)
);
INSERT OR IGNORE INTO match_views_v2 (listing_id, day, viewer, user_id, hits, at)
  SELECT listing_id, date(at + 28800, 'unixepoch'), COALESCE('u' || user_id, 'a'), user_id,
         hits, at
  FROM match_views ORDER BY id;
DROP TABLE match_views;
ALTER TABLE match_views_v2 RENAME TO match_views;
