-- 新闻资讯: news columns (栏目), articles and their tags (PostgreSQL dialect of
-- src/store/sqlite/migrations/005_programme.sql: same tables, columns and meaning).
CREATE TABLE news_columns (
  id BIGSERIAL PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  name_en TEXT NOT NULL DEFAULT '',
  position BIGINT NOT NULL DEFAULT 0
);

CREATE TABLE news_articles (
  id BIGSERIAL PRIMARY KEY,
  title TEXT NOT NULL,
  source TEXT NOT NULL DEFAULT '',
  author TEXT NOT NULL DEFAULT '',
  editor TEXT NOT NULL DEFAULT '',
  dateline TEXT NOT NULL DEFAULT '',
  published_at BIGINT NOT NULL DEFAULT 0,       -- UTC seconds; 0 for a draft never published
  utc_offset_minutes BIGINT NOT NULL DEFAULT 480,
  paragraphs TEXT NOT NULL DEFAULT '[]',          -- JSON array of strings
  images TEXT NOT NULL DEFAULT '[]',              -- JSON array of {url, caption, credit}
  column_slug TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'draft',           -- 'draft' or 'published'
  created_by BIGINT NOT NULL REFERENCES users(id),
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX news_articles_published ON news_articles(status, published_at, id);
CREATE INDEX news_articles_column ON news_articles(column_slug, status, published_at);

CREATE TABLE news_tags (
  article_id BIGINT NOT NULL REFERENCES news_articles(id) ON DELETE CASCADE,
  tag TEXT NOT NULL,
  position BIGINT NOT NULL,
  PRIMARY KEY (article_id, tag)
);
CREATE INDEX news_tags_tag ON news_tags(tag, article_id);

-- The columns a fresh platform starts with; editors add more.
INSERT INTO news_columns (slug, name, name_en, position) VALUES
  ('headlines', '要闻', 'Headlines', 1),
  ('programme', '科创中国', 'Sci-Tech China', 2),
  ('notices', '通知公告', 'Notices', 3),
  ('lists-awards', '榜单与奖项', 'Lists and awards', 4);

-- 榜单与奖项: campaigns (ranked lists and awards), nominations, reviewer assignments and declared
-- conflicts, scores per criterion, and the frozen published results.
CREATE TABLE campaigns (
  id BIGSERIAL PRIMARY KEY,
  series TEXT NOT NULL,                 -- template or series key; one edition per year
  title TEXT NOT NULL,
  title_en TEXT NOT NULL DEFAULT '',
  year BIGINT NOT NULL,
  kind TEXT NOT NULL,                   -- 'list' or 'award'
  nominee_type TEXT NOT NULL,           -- 'achievement', 'enterprise', 'organisation', 'person'
  description TEXT NOT NULL DEFAULT '',
  criteria TEXT NOT NULL,               -- JSON [{key, name, description, weight, max_score}]
  rules TEXT NOT NULL DEFAULT '{}',     -- JSON {max_age?, min_founding_year?, self_nomination, min_materials}
  nomination_opens BIGINT NOT NULL,
  nomination_closes BIGINT NOT NULL,
  review_opens BIGINT NOT NULL,
  review_closes BIGINT NOT NULL,
  min_reviewers BIGINT NOT NULL,
  status TEXT NOT NULL DEFAULT 'draft', -- 'draft', 'open', 'review', 'published'
  created_by BIGINT NOT NULL REFERENCES users(id),
  created_at BIGINT NOT NULL,
  published_at BIGINT NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX campaigns_series_year ON campaigns(series, year);

CREATE TABLE nominations (
  id BIGSERIAL PRIMARY KEY,
  campaign_id BIGINT NOT NULL REFERENCES campaigns(id),
  nominator_org_id BIGINT NOT NULL REFERENCES orgs(id),
  nominator_user_id BIGINT NOT NULL REFERENCES users(id),
  nominee_type TEXT NOT NULL,
  nominee_name TEXT NOT NULL,
  nominee_org_id BIGINT,               -- the nominee's own organisation
  listing_id BIGINT,                   -- the achievement listing
  discipline TEXT NOT NULL DEFAULT '',
  birth_date TEXT NOT NULL DEFAULT '',
  founding_year BIGINT,
  summary TEXT NOT NULL DEFAULT '',
  materials TEXT NOT NULL DEFAULT '[]', -- JSON [{title, url}]
  created_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX nominations_nominee ON nominations(campaign_id, nominee_name);

CREATE TABLE campaign_assignments (
  campaign_id BIGINT NOT NULL REFERENCES campaigns(id),
  nomination_id BIGINT NOT NULL REFERENCES nominations(id),
  reviewer_id BIGINT NOT NULL REFERENCES users(id),
  assigned_at BIGINT NOT NULL,
  PRIMARY KEY (nomination_id, reviewer_id)
);
CREATE INDEX campaign_assignments_reviewer ON campaign_assignments(reviewer_id, campaign_id);

CREATE TABLE campaign_conflicts (
  campaign_id BIGINT NOT NULL REFERENCES campaigns(id),
  reviewer_id BIGINT NOT NULL REFERENCES users(id),
  org_id BIGINT NOT NULL REFERENCES orgs(id),
  reason TEXT NOT NULL DEFAULT '',
  declared_at BIGINT NOT NULL,
  PRIMARY KEY (campaign_id, reviewer_id, org_id)
);

CREATE TABLE campaign_scores (
  campaign_id BIGINT NOT NULL REFERENCES campaigns(id),
  nomination_id BIGINT NOT NULL REFERENCES nominations(id),
  reviewer_id BIGINT NOT NULL REFERENCES users(id),
  criterion TEXT NOT NULL,
  value DOUBLE PRECISION NOT NULL,
  scored_at BIGINT NOT NULL,
  PRIMARY KEY (nomination_id, reviewer_id, criterion)
);
CREATE INDEX campaign_scores_campaign ON campaign_scores(campaign_id);

CREATE TABLE campaign_results (
  campaign_id BIGINT NOT NULL REFERENCES campaigns(id),
  rank BIGINT NOT NULL,
  nomination_id BIGINT NOT NULL REFERENCES nominations(id),
  nominee_name TEXT NOT NULL,
  total DOUBLE PRECISION NOT NULL,
  breakdown TEXT NOT NULL,              -- JSON {criterion key: score}
  reviewers BIGINT NOT NULL,
  PRIMARY KEY (campaign_id, rank)
);

-- 咨询委员会与联合体: bodies with members (people or organisations), roles and terms.
CREATE TABLE bodies (
  id BIGSERIAL PRIMARY KEY,
  kind TEXT NOT NULL,                   -- 'advisory_committee' or 'consortium'
  slug TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  name_en TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL DEFAULT '',
  established TEXT NOT NULL DEFAULT '', -- YYYY-MM-DD or YYYY
  created_at BIGINT NOT NULL
);

CREATE TABLE body_members (
  id BIGSERIAL PRIMARY KEY,
  body_id BIGINT NOT NULL REFERENCES bodies(id) ON DELETE CASCADE,
  member_type TEXT NOT NULL,            -- 'person' or 'organisation'
  name TEXT NOT NULL,
  org_id BIGINT REFERENCES orgs(id),   -- the organisation (a member organisation, or a person's)
  title TEXT NOT NULL DEFAULT '',       -- a person's title or affiliation as shown
  role TEXT NOT NULL,                   -- e.g. 主任, 副主任, 委员, 理事长单位, 成员单位
  term_start TEXT NOT NULL DEFAULT '',  -- YYYY-MM-DD
  term_end TEXT NOT NULL DEFAULT '',    -- YYYY-MM-DD, empty while open-ended
  position BIGINT NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL
);
CREATE INDEX body_members_body ON body_members(body_id, position, id);
