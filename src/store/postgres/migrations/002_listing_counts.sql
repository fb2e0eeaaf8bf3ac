-- Counts of listings per kind and status, kept by a trigger, so that the common list pages
-- ("published achievements") know their total without counting rows.
CREATE TABLE listing_counts (
  kind TEXT NOT NULL,
  status TEXT NOT NULL,
  n BIGINT NOT NULL,
  PRIMARY KEY (kind, status)
);
INSERT INTO listing_counts (kind, status, n)
  SELECT kind, status, COUNT(*) FROM listings GROUP BY kind, status;

CREATE FUNCTION listing_counts_follow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE listing_counts SET n = n - 1 WHERE kind = OLD.kind AND status = OLD.status;
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    INSERT INTO listing_counts (kind, status, n) VALUES (NEW.kind, NEW.status, 1)
      ON CONFLICT (kind, status) DO UPDATE SET n = listing_counts.n + 1;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER listing_counts_insert_delete AFTER INSERT OR DELETE ON listings
  FOR EACH ROW EXECUTE FUNCTION listing_counts_follow();
CREATE TRIGGER listing_counts_update AFTER UPDATE OF kind, status ON listings
  FOR EACH ROW WHEN (OLD.kind <> NEW.kind OR OLD.status <> NEW.status)
  EXECUTE FUNCTION listing_counts_follow();
