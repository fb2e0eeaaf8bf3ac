// Work a cold load of the search page starts before the app has mounted: the results request and
// the page's code load while the entry script is still being evaluated, instead of one after the
// other once the router has resolved the page (issue 4: results ready ≤ 300 ms). Imported first
// by main.js.
import { api } from './api/client.js';
import { searchQuery } from './api/searchQuery.js';

let early = null;

if (window.location.pathname === '/search') {
  const query = searchQuery(Object.fromEntries(new URLSearchParams(window.location.search)));
  const promise = api('/search', { query });
  // Rejections are handled by whoever takes the promise; one never taken is simply dropped.
  promise.catch(() => {});
  early = { key: JSON.stringify(query), promise };
  import('./views/SearchView.vue');
}

// The early response for `query` if one was started for exactly that query (once), else null.
export function takeEarlySearch(query) {
  const hit = early && early.key === JSON.stringify(query) ? early.promise : null;
  early = null;
  return hit;
}
