// Offshore innovation bases (海外人才离岸创新创业基地, docs/bases.md): the public directory, a base
// with its people and projects, and what those who maintain a base may change.
import { api } from './client.js';
import { rolesOf } from './session.js';

// Service codes (src/core/offshore_base.h), in the order forms offer them; their labels are the
// messages baseService.<code>.
export const BASE_SERVICES = ['incubation', 'office_space', 'legal', 'finance', 'talent_recruitment',
  'market_entry', 'ip_services', 'matchmaking', 'training', 'visa_support'];

export const BASE_STATUSES = ['draft', 'published', 'closed'];

// A page of bases: query {page, size, country, field, q, status, org_id}.
export function listBases(query) {
  return api('/bases', { query });
}

// The public bases by country: {items:[{country, count}], total}.
export function baseCountries() {
  return api('/bases/countries');
}

export function getBase(id) {
  return api(`/bases/${id}`);
}

export function createBase(base) {
  return api('/bases', { method: 'POST', body: base });
}

export function updateBase(id, change) {
  return api(`/bases/${id}`, { method: 'PATCH', body: change });
}

export function deleteBase(id) {
  return api(`/bases/${id}`, { method: 'DELETE' });
}

// people: [{name, role}], in display order.
export function setBasePeople(id, people) {
  return api(`/bases/${id}/people`, { method: 'PUT', body: { people } });
}

// projects: [{listing_id, note}], in display order.
export function setBaseProjects(id, projects) {
  return api(`/bases/${id}/projects`, { method: 'PUT', body: { projects } });
}

// Whether `user` may add bases at all (platform admins; org admins for their organisation), and
// maintain `base` (the same rule as src/service/offshore_base_policy.h; the server decides).
export function mayAddBases(user) {
  return rolesOf(user).some((r) => r === 'admin' || r === 'org_admin');
}
export function mayMaintainBase(user, base) {
  if (!user || !base) return false;
  const roles = rolesOf(user);
  if (roles.includes('admin')) return true;
  return roles.includes('org_admin') && base.org_id != null && base.org_id === user.org_id;
}

// The page of a project's listing in the app.
export function projectPath(project) {
  return `/${project.type}s/${project.listing_id}`;
}

// A base's name in the reader's language: the English name in English when there is one.
export function baseName(base, locale) {
  return locale === 'en' && base.name_en ? base.name_en : base.name;
}
