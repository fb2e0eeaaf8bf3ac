// The categories (门类) and disciplines (学科) from GET /taxonomy, fetched once.
import { api } from './client.js';

let pending = null;
export function loadTaxonomy() {
  if (!pending) {
    pending = api('/taxonomy').catch((e) => {
      pending = null;
      throw e;
    });
  }
  return pending;
}
