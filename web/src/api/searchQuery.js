// The query of GET /search for a search page's URL parameters: the same object (same keys in
// the same order) whether built from the router or from location.search, so that a request
// started early can be recognised (see early-start.js).
export const SEARCH_FILTERS = ['type', 'category', 'discipline', 'region'];
export const SEARCH_PAGE_SIZE = 20;

// `params`: {name: value} as in route.query; values that are not strings are ignored.
export function searchQuery(params) {
  const str = (v) => (typeof v === 'string' ? v : '');
  const query = { q: str(params.q), page: Number(params.page) || 1, size: SEARCH_PAGE_SIZE };
  for (const k of SEARCH_FILTERS) if (str(params[k])) query[k] = str(params[k]);
  return query;
}
