// Organisations (机构): /orgs.
import { api } from './client.js';

// The organisation types (机构类型) the API knows, in the order forms offer them.
export const ORG_TYPES = ['enterprise', 'university', 'institute', 'hospital', 'society',
  'service_agency', 'investor', 'government', 'offshore_base'];

// A page of organisations, by name; `q` is part of the name, `type` an organisation type.
export function listOrgs({ q, type, page = 1, size = 20 } = {}) {
  return api('/orgs', { query: { q, type, page, size } });
}
