-- Technology transactions (deals) with their messages, documents and contracts; confidential
-- details of achievements; open calls (揭榜挂帅) with judges, proposals and scores; the match
-- views counted by the statistics; notifications that point at a deal or a call (PostgreSQL
-- dialect of src/store/sqlite/migrations/004_deals.sql: same tables, columns and meaning).
CREATE TABLE deals (
  id BIGSERIAL PRIMARY KEY,
  title TEXT NOT NULL,
  demand_id BIGINT,         -- listings may be deleted later: no foreign key
  achievement_id BIGINT,
  call_id BIGINT,
  buyer_org_id BIGINT NOT NULL REFERENCES orgs(id),
  seller_org_id BIGINT NOT NULL REFERENCES orgs(id),
  broker_org_id BIGINT REFERENCES orgs(id),
  stage TEXT NOT NULL,
  reason TEXT NOT NULL DEFAULT '',
  reason_note TEXT NOT NULL DEFAULT '',
  nda_passed BIGINT NOT NULL DEFAULT 0,
  opened_by BIGINT NOT NULL REFERENCES users(id),
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  signed_at BIGINT NOT NULL DEFAULT 0,
  registered_at BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX deals_buyer ON deals(buyer_org_id, id);
CREATE INDEX deals_seller ON deals(seller_org_id, id);
CREATE INDEX deals_broker ON deals(broker_org_id, id);

CREATE TABLE deal_messages (
  id BIGSERIAL PRIMARY KEY,
  deal_id BIGINT NOT NULL REFERENCES deals(id),
  author_id BIGINT NOT NULL REFERENCES users(id),
  text TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX deal_messages_deal ON deal_messages(deal_id, id);

CREATE TABLE deal_attachments (
  id BIGSERIAL PRIMARY KEY,
  deal_id BIGINT NOT NULL REFERENCES deals(id),
  uploader_id BIGINT NOT NULL REFERENCES users(id),
  file_name TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size BIGINT NOT NULL,
  stored_name TEXT NOT NULL UNIQUE,  -- the file under <data>/attachments/
  created_at BIGINT NOT NULL
);
CREATE INDEX deal_attachments_deal ON deal_attachments(deal_id, id);

-- 技术合同登记: one contract record per deal.
CREATE TABLE deal_contracts (
  deal_id BIGINT PRIMARY KEY REFERENCES deals(id),
  type TEXT NOT NULL,
  amount_cny BIGINT NOT NULL,
  signed_on TEXT NOT NULL,
  registration_no TEXT NOT NULL,
  recorded_by BIGINT NOT NULL REFERENCES users(id),
  recorded_at BIGINT NOT NULL
);

-- An achievement's confidential details, shown to a deal's parties only after the NDA.
CREATE TABLE listing_confidential (
  listing_id BIGINT PRIMARY KEY,
  details TEXT NOT NULL,
  updated_by BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);

-- 揭榜挂帅: an open call made from a demand.
CREATE TABLE calls (
  id BIGSERIAL PRIMARY KEY,
  demand_id BIGINT NOT NULL,
  org_id BIGINT NOT NULL REFERENCES orgs(id),
  title TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  reward_cny BIGINT NOT NULL DEFAULT 0,
  deadline TEXT NOT NULL,               -- YYYY-MM-DD, the last day for proposals
  criteria TEXT NOT NULL DEFAULT '[]',  -- JSON [{"name","weight"}]
  phase TEXT NOT NULL,                  -- open, judging, announced
  winner_proposal_id BIGINT,
  deal_id BIGINT,
  created_by BIGINT NOT NULL REFERENCES users(id),
  created_at BIGINT NOT NULL,
  announced_at BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX calls_phase ON calls(phase, id);

CREATE TABLE call_judges (
  call_id BIGINT NOT NULL REFERENCES calls(id),
  user_id BIGINT NOT NULL REFERENCES users(id),
  PRIMARY KEY (call_id, user_id)
);

CREATE TABLE proposals (
  id BIGSERIAL PRIMARY KEY,
  call_id BIGINT NOT NULL REFERENCES calls(id),
  org_id BIGINT NOT NULL REFERENCES orgs(id),
  author_id BIGINT NOT NULL REFERENCES users(id),
  summary TEXT NOT NULL,
  achievement_id BIGINT,
  created_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX proposals_once ON proposals(call_id, org_id);

CREATE TABLE proposal_scores (
  proposal_id BIGINT NOT NULL REFERENCES proposals(id),
  judge_id BIGINT NOT NULL REFERENCES users(id),
  scores TEXT NOT NULL,            -- JSON array, one number (0..100) per criterion
  total DOUBLE PRECISION NOT NULL, -- weighted by the criteria
  scored_at BIGINT NOT NULL,
  PRIMARY KEY (proposal_id, judge_id)
);

-- Each time a listing's matches were served: how many hits were shown.
CREATE TABLE match_views (
  id BIGSERIAL PRIMARY KEY,
  listing_id BIGINT NOT NULL,
  user_id BIGINT,
  hits BIGINT NOT NULL,
  at BIGINT NOT NULL
);
CREATE INDEX match_views_at ON match_views(at);

-- Notifications may now point at a deal or a call instead of coming from a subscription:
-- subscription_id becomes optional (NULL never collides in notifications_once).
ALTER TABLE notifications ALTER COLUMN subscription_id DROP NOT NULL;
ALTER TABLE notifications ALTER COLUMN listing_id SET DEFAULT 0;
ALTER TABLE notifications ADD COLUMN deal_id BIGINT NOT NULL DEFAULT 0;
ALTER TABLE notifications ADD COLUMN call_id BIGINT NOT NULL DEFAULT 0;
