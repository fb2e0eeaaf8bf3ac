-- Technology transactions (deals) with their messages, documents and contracts; confidential
-- details of achievements; open calls (揭榜挂帅) with judges, proposals and scores; the match
-- views counted by the statistics; notifications that point at a deal or a call.
CREATE TABLE deals (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  demand_id INTEGER,        -- listings may be deleted later: no foreign key
  achievement_id INTEGER,
  call_id INTEGER,
  buyer_org_id INTEGER NOT NULL REFERENCES orgs(id),
  seller_org_id INTEGER NOT NULL REFERENCES orgs(id),
  broker_org_id INTEGER REFERENCES orgs(id),
  stage TEXT NOT NULL,
  reason TEXT NOT NULL DEFAULT '',
  reason_note TEXT NOT NULL DEFAULT '',
  nda_passed INTEGER NOT NULL DEFAULT 0,
  opened_by INTEGER NOT NULL REFERENCES users(id),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  signed_at INTEGER NOT NULL DEFAULT 0,
  registered_at INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX deals_buyer ON deals(buyer_org_id, id);
CREATE INDEX deals_seller ON deals(seller_org_id, id);
CREATE INDEX deals_broker ON deals(broker_org_id, id);

CREATE TABLE deal_messages (
  id INTEGER PRIMARY KEY,
  deal_id INTEGER NOT NULL REFERENCES deals(id),
  author_id INTEGER NOT NULL REFERENCES users(id),
  text TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX deal_messages_deal ON deal_messages(deal_id, id);

CREATE TABLE deal_attachments (
  id INTEGER PRIMARY KEY,
  deal_id INTEGER NOT NULL REFERENCES deals(id),
  uploader_id INTEGER NOT NULL REFERENCES users(id),
  file_name TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size INTEGER NOT NULL,
  stored_name TEXT NOT NULL UNIQUE,  -- the file under <data>/attachments/
  created_at INTEGER NOT NULL
);
CREATE INDEX deal_attachments_deal ON deal_attachments(deal_id, id);

-- 技术合同登记: one contract record per deal.
CREATE TABLE deal_contracts (
  deal_id INTEGER PRIMARY KEY REFERENCES deals(id),
  type TEXT NOT NULL,
  amount_cny INTEGER NOT NULL,
  signed_on TEXT NOT NULL,
  registration_no TEXT NOT NULL,
  recorded_by INTEGER NOT NULL REFERENCES users(id),
  recorded_at INTEGER NOT NULL
);

-- An achievement's confidential details, shown to a deal's parties only after the NDA.
CREATE TABLE listing_confidential (
  listing_id INTEGER PRIMARY KEY,
  details TEXT NOT NULL,
  updated_by INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);

-- 揭榜挂帅: an open call made from a demand.
CREATE TABLE calls (
  id INTEGER PRIMARY KEY,
  demand_id INTEGER NOT NULL,
  org_id INTEGER NOT NULL REFERENCES orgs(id),
  title TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  reward_cny INTEGER NOT NULL DEFAULT 0,
  deadline TEXT NOT NULL,             -- YYYY-MM-DD, the last day for proposals
  criteria TEXT NOT NULL DEFAULT '[]', -- JSON [{"name","weight"}]
  phase TEXT NOT NULL,                -- open, judging, announced
  winner_proposal_id INTEGER,
  deal_id INTEGER,
  created_by INTEGER NOT NULL REFERENCES users(id),
  created_at INTEGER NOT NULL,
  announced_at INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX calls_phase ON calls(phase, id);

CREATE TABLE call_judges (
  call_id INTEGER NOT NULL REFERENCES calls(id),
  user_id INTEGER NOT NULL REFERENCES users(id),
  PRIMARY KEY (call_id, user_id)
);

CREATE TABLE proposals (
  id INTEGER PRIMARY KEY,
  call_id INTEGER NOT NULL REFERENCES calls(id),
  org_id INTEGER NOT NULL REFERENCES orgs(id),
  author_id INTEGER NOT NULL REFERENCES users(id),
  summary TEXT NOT NULL,
  achievement_id INTEGER,
  created_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX proposals_once ON proposals(call_id, org_id);

CREATE TABLE proposal_scores (
  proposal_id INTEGER NOT NULL REFERENCES proposals(id),
  judge_id INTEGER NOT NULL REFERENCES users(id),
  scores TEXT NOT NULL,  -- JSON array, one number (0..100) per criterion
  total REAL NOT NULL,   -- weighted by the criteria
  scored_at INTEGER NOT NULL,
  PRIMARY KEY (proposal_id, judge_id)
);

-- Each time a listing's matches were served: how many hits were shown.
CREATE TABLE match_views (
  id INTEGER PRIMARY KEY,
  listing_id INTEGER NOT NULL,
  user_id INTEGER,
  hits INTEGER NOT NULL,
  at INTEGER NOT NULL
);
CREATE INDEX match_views_at ON match_views(at);

-- Notifications may now point at a deal or a call instead of coming from a subscription:
-- subscription_id becomes optional (NULL never collides in notifications_once).
CREATE TABLE notifications_v2 (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id),
  kind TEXT NOT NULL,
  subscription_id INTEGER,
  listing_id INTEGER NOT NULL DEFAULT 0,
  deal_id INTEGER NOT NULL DEFAULT 0,
  call_id INTEGER NOT NULL DEFAULT 0,
  title TEXT NOT NULL,
  message TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  read_at INTEGER NOT NULL DEFAULT 0
);
INSERT INTO notifications_v2 (id, user_id, kind, subscription_id, listing_id, title, message,
                              created_at, read_at)
  SELECT id, user_id, kind, subscription_id, listing_id, title, message, created_at, read_at
  FROM notifications;
DROP TABLE notifications;
ALTER TABLE notifications_v2 RENAME TO notifications;
CREATE UNIQUE INDEX notifications_once ON notifications(subscription_id, listing_id);
CREATE INDEX notifications_user ON notifications(user_id, id);
