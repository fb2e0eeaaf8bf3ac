// The one way the front end talks to the server: JSON over fetch with the session cookie, the
// CSRF header on writes, and every failure turned into an ApiError (DESIGN §5's error shape).
// A GET whose answer the server embedded in the page is answered from it (api/embedded.js).
import { takeEmbedded } from './embedded.js';

const BASE = '/api/v1';

// A failed API call: the HTTP status and the server's {code, message, field?}. status 0 means
// the server could not be reached.
export class ApiError extends Error {
  constructor(status, code, message, field) {
    super(message);
    this.status = status;
    this.code = code;
    this.field = field || '';
  }
}

// The value of the readable kc_csrf cookie set at sign-in.
export function csrfToken() {
  const m = document.cookie.match(/(?:^|;\s*)kc_csrf=([^;]*)/);
  return m ? decodeURIComponent(m[1]) : '';
}

function queryString(query) {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

// Calls the API. `body` is sent as JSON unless `raw` gives a string with its content type.
// Resolves with the parsed JSON (null for 204); rejects with an ApiError.
export async function api(path, { method = 'GET', query, body, raw, contentType } = {}) {
  if (method === 'GET') {
    const embedded = takeEmbedded(path, query);
    if (embedded !== undefined) return embedded;
  }
  const headers = { Accept: 'application/json' };
  const init = { method, headers, credentials: 'same-origin' };
  if (method !== 'GET' && method !== 'HEAD') {
    const token = csrfToken();
    if (token) headers['X-CSRF-Token'] = token;
    if (raw !== undefined) {
      init.body = raw;
      headers['Content-Type'] = contentType || 'text/plain';
    } else if (body !== undefined) {
      init.body = JSON.stringify(body);
      headers['Content-Type'] = 'application/json';
    }
  }
  let res;
  try {
    res = await fetch(BASE + path + queryString(query), init);
  } catch (e) {
    throw new ApiError(0, 'network', e.message || 'network error');
  }
  if (res.status === 204) return null;
  const text = await res.text();
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (!res.ok) {
    const err = data && data.error;
    throw new ApiError(
      res.status,
      err?.code || `http_${res.status}`,
      err?.message || res.statusText || `HTTP ${res.status}`,
      err?.field,
    );
  }
  return data;
}

// Whether an error says the route itself does not exist (a feature this server lacks yet),
// rather than a missing record.
export function isMissingRoute(e) {
  return e instanceof ApiError && (e.status === 404 || e.status === 405) &&
    /no route|not allowed/i.test(e.message);
}

// The kinds of listing: URL plural, the name field and the body field of each. A talent
// profile's `title` is its public headline; the person's `name` is for members (docs/talent.md).
export const KINDS = {
  demand: { plural: 'demands', nameField: 'title', bodyField: 'description' },
  achievement: { plural: 'achievements', nameField: 'title', bodyField: 'abstract' },
  expert: { plural: 'experts', nameField: 'name', bodyField: 'bio' },
  talent: { plural: 'talents', nameField: 'title', bodyField: 'bio' },
  talent_demand: { plural: 'talent-demands', nameField: 'title', bodyField: 'description' },
};
export const KIND_BY_PLURAL = Object.fromEntries(
  Object.entries(KINDS).map(([k, v]) => [v.plural, k]),
);

// A listing's display name (experts have `name`; their `title` is the academic rank).
export function listingName(item) {
  return item.type === 'expert' ? item.name || item.title : item.title;
}
