-- 海外人才离岸创新创业基地: offshore innovation bases (docs/bases.md), the people at each (free
-- text for now) and the projects each hosts (the platform's listings). fields and services are
-- JSON arrays of text; contact is a JSON object {"name","phone","email"}. status: draft,
-- published, closed. org_id is the platform organisation that runs the base, whose org admins
-- maintain it.
CREATE TABLE offshore_bases (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  name_en TEXT NOT NULL DEFAULT '',
  country TEXT NOT NULL,
  city TEXT NOT NULL,
  org_id INTEGER REFERENCES orgs(id),
  host_name TEXT NOT NULL DEFAULT '',
  fields TEXT NOT NULL DEFAULT '[]',
  services TEXT NOT NULL DEFAULT '[]',
  description TEXT NOT NULL DEFAULT '',
  contact TEXT NOT NULL DEFAULT '{}',
  website TEXT NOT NULL DEFAULT '',
  established TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'draft',
  created_by INTEGER NOT NULL REFERENCES users(id),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX offshore_bases_status_country ON offshore_bases(status, country);
CREATE INDEX offshore_bases_org ON offshore_bases(org_id);
CREATE TABLE offshore_base_people (
  id INTEGER PRIMARY KEY,
  base_id INTEGER NOT NULL REFERENCES offshore_bases(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  role TEXT NOT NULL DEFAULT '',
  position INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX offshore_base_people_base ON offshore_base_people(base_id, position);
-- A listing deleted leaves the bases that hosted it (ON DELETE CASCADE).
CREATE TABLE offshore_base_projects (
  base_id INTEGER NOT NULL REFERENCES offshore_bases(id) ON DELETE CASCADE,
  listing_id INTEGER NOT NULL REFERENCES listings(id) ON DELETE CASCADE,
  note TEXT NOT NULL DEFAULT '',
  position INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (base_id, listing_id)
);
CREATE INDEX offshore_base_projects_listing ON offshore_base_projects(listing_id);
