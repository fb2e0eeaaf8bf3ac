// Organisations (机构): /orgs.
import { api } from './client.js';

// A page of organisations, by name; `q` is part of the name, `type` an organisation type.
export function listOrgs({ q, type, page = 1, size = 20 } = {}) {
  return api('/orgs', { query: { q, type, page, size } });
}
