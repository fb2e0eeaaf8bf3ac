-- Alerts to subscribers are sent apart from indexing, from a cursor over the change log kept in
-- meta as 'alerts_seq' (src/service/alerts.h). Every change before this migration was already
-- announced at indexing time, so the cursor starts at the log's end (a new database has no
-- changes and no row: the cursor starts at 0).
INSERT INTO meta (key, value)
  SELECT 'alerts_seq', CAST(seq AS TEXT) FROM changes WHERE true ORDER BY seq DESC LIMIT 1
  ON CONFLICT (key) DO NOTHING;
