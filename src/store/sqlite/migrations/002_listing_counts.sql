-- Counts of listings per kind and status, kept by triggers, so that the common list pages
-- ("published achievements") know their total without counting rows.
CREATE TABLE listing_counts (
  kind TEXT NOT NULL,
  status TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (kind, status)
);
INSERT INTO listing_counts (kind, status, n)
  SELECT kind, status, COUNT(*) FROM listings GROUP BY kind, status;

CREATE TRIGGER listing_counts_insert AFTER INSERT ON listings BEGIN
  INSERT INTO listing_counts (kind, status, n) VALUES (NEW.kind, NEW.status, 1)
    ON CONFLICT (kind, status) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER listing_counts_delete AFTER DELETE ON listings BEGIN
  UPDATE listing_counts SET n = n - 1 WHERE kind = OLD.kind AND status = OLD.status;
END;
CREATE TRIGGER listing_counts_update AFTER UPDATE OF kind, status ON listings
  WHEN OLD.kind <> NEW.kind OR OLD.status <> NEW.status BEGIN
  UPDATE listing_counts SET n = n - 1 WHERE kind = OLD.kind AND status = OLD.status;
  INSERT INTO listing_counts (kind, status, n) VALUES (NEW.kind, NEW.status, 1)
    ON CONFLICT (kind, status) DO UPDATE SET n = n + 1;
END;
