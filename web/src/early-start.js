// Work a cold load of the search page starts before the app has mounted: the results request and
// the page's code load while the entry script is still being evaluated, instead of one after the
// other once the router has resolved the page (issue 4: results ready ≤ 300 ms). Imported first
// by main.js.
import { api } from './api/client.js';
import { takeEmbedded } from './api/embedded.js';
import { searchQuery } from './api/searchQuery.js';

let early = null;

if (window.location.pathname === '/search') {
  const query = searchQuery(Object.fromEntries(new URLSearchParams(window.location.search)));
  // The page's HTML usually carries the results (src/api/web_pages.h): the page then shows them
  // in its first render.
  const value = takeEmbedded('/search', query);
  early = { key: JSON.stringify(query) };
  if (value !== undefined) {
    early.value = value;
  } else {
    early.promise = api('/search', { query });
    // Rejections are handled by whoever takes the promise; one never taken is simply dropped.
    early.promise.catch(() => {});
  }
  import('./views/SearchView.vue');
}

// The early answer for `query` if one was started for exactly that query (once), else null:
// {value} when it is already there, else {promise}.
export function takeEarlySearch(query) {
  const hit = early && early.key === JSON.stringify(query) ? early : null;
  early = null;
  return hit;
}
