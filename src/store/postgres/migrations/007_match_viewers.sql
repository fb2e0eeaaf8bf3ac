-- Lists of matches are counted once per listing, viewer and day (PostgreSQL dialect of
-- src/store/sqlite/migrations/007_match_viewers.sql: same table, columns and meaning).
CREATE TABLE match_views_v2 (
  listing_id BIGINT NOT NULL,
  day TEXT NOT NULL,     -- YYYY-MM-DD in Asia/Shanghai
  viewer TEXT NOT NULL,
  user_id BIGINT,        -- NULL for a visitor
  hits BIGINT NOT NULL,  -- matches in the first list the viewer was shown that day
  at BIGINT NOT NULL,    -- when it was shown
  PRIMARY KEY (listing_id, day, viewer)
);
-- Asia/Shanghai is UTC+8 all year.
INSERT INTO match_views_v2 (listing_id, day, viewer, user_id, hits, at)
  SELECT DISTINCT ON (1, 2, 3) listing_id,
         to_char(to_timestamp(at + 28800) AT TIME ZONE 'UTC', 'YYYY-MM-DD'),
         COALESCE('u' || user_id, 'a'), user_id, hits, at
  FROM match_views ORDER BY 1, 2, 3, id;
DROP TABLE match_views;
ALTER TABLE match_views_v2 RENAME TO match_views;
ALTER INDEX match_views_v2_pkey RENAME TO match_views_pkey;
