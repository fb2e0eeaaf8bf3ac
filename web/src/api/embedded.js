// API answers the server put into the page (<script id="kc-api-data">, see src/api/web_pages.h):
// the search page carries its first results and a listing's page its listing, so the app shows
// them without asking again. Each answer is taken once, and only by the page it came with:
// dropEmbedded() forgets what is left once the first page has rendered.

let record;  // undefined: not read yet; null: none (left)

function read() {
  if (record !== undefined) return record;
  record = null;
  const el = document.getElementById('kc-api-data');
  if (el) {
    try {
      record = JSON.parse(el.textContent);
    } catch {
      record = null;
    }
    el.remove();
  }
  return record;
}

// A query object in a form that compares equal whatever the order of its keys and whether its
// values are numbers or strings; empty values are left out, as the request would leave them.
function normalise(query) {
  return JSON.stringify(Object.entries(query || {})
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => [k, String(v)])
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

// The embedded answer of GET `path` (below /api/v1) with `query`, once; otherwise undefined.
export function takeEmbedded(path, query) {
  const r = read();
  if (!r || r.path !== path || normalise(r.query) !== normalise(query)) return undefined;
  record = null;
  return r.body;
}

// Forgets an answer no request has taken (a later request asks the server: the data may have
// changed since the page was served).
export function dropEmbedded() {
  read();
  record = null;
}
