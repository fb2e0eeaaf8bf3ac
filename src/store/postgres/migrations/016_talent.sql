-- 引才引智 (docs/talent.md): the fields of talent profiles (kind 'talent') and talent demands
-- (kind 'talent_demand'), which are listings. person_name is a talent's name (members only);
-- talent_type is overseas, returnee or domestic; languages holds ISO 639-1 codes and
-- talent_modes post, partner or funding, both JSON arrays of text; country is ISO 3166-1
-- alpha-2. deals.kind tells a technology deal from a talent engagement, whose demand_id and
-- achievement_id name the talent demand and the talent profile.
-- (PostgreSQL dialect of src/store/sqlite/migrations/016_talent.sql: the same statements.)
ALTER TABLE listings ADD COLUMN person_name TEXT NOT NULL DEFAULT '';
ALTER TABLE listings ADD COLUMN talent_type TEXT NOT NULL DEFAULT '';
ALTER TABLE listings ADD COLUMN languages TEXT NOT NULL DEFAULT '[]';
ALTER TABLE listings ADD COLUMN talent_modes TEXT NOT NULL DEFAULT '[]';
ALTER TABLE listings ADD COLUMN country TEXT NOT NULL DEFAULT '';
ALTER TABLE deals ADD COLUMN kind TEXT NOT NULL DEFAULT 'technology';
