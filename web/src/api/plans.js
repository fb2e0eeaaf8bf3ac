// Action plans (三年行动计划, docs/action-plans.md): plans, their tasks by category, milestones,
// progress reports and the dashboard; what platform admins and a task's owners may change.
import { api } from './client.js';
import { rolesOf } from './session.js';

export const PLAN_STATUSES = ['draft', 'published'];
// In the order of src/core/action_plan.h; their labels are the messages taskStatus.<code>.
export const TASK_STATUSES = ['not_started', 'on_track', 'at_risk', 'late', 'done'];
// The colours of the statuses in tags and charts.
export const TASK_STATUS_COLOURS = {
  not_started: '#909399', on_track: '#2e7d32', at_risk: '#e6a23c', late: '#c8161d', done: '#1f5fa8',
};
export const TASK_STATUS_TAGS = {
  not_started: 'info', on_track: 'success', at_risk: 'warning', late: 'danger', done: 'primary',
};

export function listPlans() {
  return api('/plans');
}
export function getPlan(id) {
  return api(`/plans/${id}`);
}
export function planDashboard(id) {
  return api(`/plans/${id}/dashboard`);
}
export function createPlan(plan) {
  return api('/plans', { method: 'POST', body: plan });
}
export function updatePlan(id, change) {
  return api(`/plans/${id}`, { method: 'PATCH', body: change });
}
export function deletePlan(id) {
  return api(`/plans/${id}`, { method: 'DELETE' });
}
export function addCategory(planId, category) {
  return api(`/plans/${planId}/categories`, { method: 'POST', body: category });
}
// query {q, category_id, status, owner_org_id}: {items, total}.
export function listTasks(planId, query) {
  return api(`/plans/${planId}/tasks`, { query });
}
export function addTask(planId, task) {
  return api(`/plans/${planId}/tasks`, { method: 'POST', body: task });
}
export function importTasks(planId, file) {
  return api(`/plans/${planId}/tasks/import`, { method: 'POST', raw: file, contentType: 'text/csv' });
}
export function getTask(id) {
  return api(`/plan-tasks/${id}`);
}
export function updateTask(id, change) {
  return api(`/plan-tasks/${id}`, { method: 'PATCH', body: change });
}
export function addMilestone(taskId, milestone) {
  return api(`/plan-tasks/${taskId}/milestones`, { method: 'POST', body: milestone });
}
export function setMilestoneDone(id, done) {
  return api(`/plan-milestones/${id}`, { method: 'PATCH', body: { done } });
}
export function addReport(taskId, report) {
  return api(`/plan-tasks/${taskId}/reports`, { method: 'POST', body: report });
}
export function deleteReport(id) {
  return api(`/plan-reports/${id}`, { method: 'DELETE' });
}

// Whether `user` writes plans (platform admins; the server decides, src/service/action_plan_policy.h).
export function mayManagePlans(user) {
  return rolesOf(user).includes('admin');
}

// A plan's or category's title in the reader's language.
export function planTitle(item, locale) {
  return locale === 'en' && item?.title_en ? item.title_en : item?.title || '';
}

// The page of a task in the app.
export function taskPath(task) {
  return `/plans/${task.plan_id}/tasks/${task.id}`;
}
