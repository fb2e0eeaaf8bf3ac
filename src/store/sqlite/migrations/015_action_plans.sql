-- 三年行动计划: action plans (docs/action-plans.md) with their ordered categories, the tasks each
-- organisation carries out, the tasks' milestones (due_date a calendar day in Asia/Shanghai,
-- YYYY-MM-DD; done_at 0 while open) and dated progress reports (evidence: a JSON array of
-- http(s) addresses). status of a plan: draft, published; of a task: not_started, on_track,
-- at_risk, late, done (as set; an overdue milestone makes a task late when it is shown).
-- plan_milestone_notices records each overdue notice sent, so none is sent twice.
CREATE TABLE action_plans (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  title_en TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL DEFAULT '',
  start_year INTEGER NOT NULL,
  end_year INTEGER NOT NULL,
  status TEXT NOT NULL DEFAULT 'draft',
  created_by INTEGER NOT NULL REFERENCES users(id),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE TABLE plan_categories (
  id INTEGER PRIMARY KEY,
  plan_id INTEGER NOT NULL REFERENCES action_plans(id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  title_en TEXT NOT NULL DEFAULT '',
  position INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX plan_categories_plan ON plan_categories(plan_id, position);
CREATE TABLE plan_tasks (
  id INTEGER PRIMARY KEY,
  plan_id INTEGER NOT NULL REFERENCES action_plans(id) ON DELETE CASCADE,
  category_id INTEGER NOT NULL REFERENCES plan_categories(id) ON DELETE CASCADE,
  code TEXT NOT NULL,
  title TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  owner_org_id INTEGER REFERENCES orgs(id),
  status TEXT NOT NULL DEFAULT 'not_started',
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX plan_tasks_code ON plan_tasks(plan_id, code);
CREATE INDEX plan_tasks_category ON plan_tasks(category_id);
CREATE INDEX plan_tasks_owner ON plan_tasks(owner_org_id);
CREATE TABLE plan_milestones (
  id INTEGER PRIMARY KEY,
  task_id INTEGER NOT NULL REFERENCES plan_tasks(id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  due_date TEXT NOT NULL,
  done_at INTEGER NOT NULL DEFAULT 0,
  done_by INTEGER REFERENCES users(id)
);
CREATE INDEX plan_milestones_task ON plan_milestones(task_id, due_date);
CREATE INDEX plan_milestones_open ON plan_milestones(done_at, due_date);
CREATE TABLE plan_reports (
  id INTEGER PRIMARY KEY,
  task_id INTEGER NOT NULL REFERENCES plan_tasks(id) ON DELETE CASCADE,
  report_date TEXT NOT NULL,
  text TEXT NOT NULL,
  evidence TEXT NOT NULL DEFAULT '[]',
  author_id INTEGER NOT NULL REFERENCES users(id),
  created_at INTEGER NOT NULL
);
CREATE INDEX plan_reports_task ON plan_reports(task_id, report_date);
CREATE TABLE plan_milestone_notices (
  milestone_id INTEGER NOT NULL REFERENCES plan_milestones(id) ON DELETE CASCADE,
  user_id INTEGER NOT NULL REFERENCES users(id),
  notified_at INTEGER NOT NULL,
  PRIMARY KEY (milestone_id, user_id)
);
