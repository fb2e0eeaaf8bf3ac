-- Alerts' cursor over the change log (PostgreSQL dialect of
-- src/store/sqlite/migrations/009_alerts_cursor.sql: same row and meaning).
INSERT INTO meta (key, value)
  SELECT 'alerts_seq', CAST(seq AS TEXT) FROM changes WHERE true ORDER BY seq DESC LIMIT 1
  ON CONFLICT (key) DO NOTHING;
