// Finds a listing by id alone. Demands, achievements and experts share one id space, but the API
// addresses each kind by its own path, so the three are asked at once and the one that answers
// wins. Used where only an id is known (notifications, followed listings).
import { api, ApiError, KINDS } from './client.js';

const cache = new Map();

// Resolves to {kind, item}; rejects with the API's 404 when no kind has the id, or with the
// first other failure.
export function findListing(id) {
  const key = String(id);
  if (!cache.has(key)) {
    const attempts = Object.entries(KINDS).map(([kind, k]) => api(`/${k.plural}/${key}`)
      .then((item) => ({ kind, item })));
    const found = Promise.any(attempts).catch((agg) => {
      cache.delete(key);
      const other = agg.errors.find((e) => !(e instanceof ApiError && e.status === 404));
      throw other || agg.errors[0];
    });
    cache.set(key, found);
  }
  return cache.get(key);
}

// The page of a listing found by id.
export async function listingPath(id) {
  const { kind } = await findListing(id);
  return `/${KINDS[kind].plural}/${id}`;
}
