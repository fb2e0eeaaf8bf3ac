// One page of a list from the API (GET /… ?page=&size=, answered with {items, total}) and its
// loading state, for the views that show a list with a pager.
import { computed, ref, watch } from 'vue';
import { showError } from './errors.js';

// usePagedList(fetchPage, { size, page, watch }) returns { items, total, page, size, loading,
// load, loadPage }:
// - `fetchPage({ page, size })` asks the API for one page and resolves with {items, total} (or
//   returns one at once, e.g. an empty list when there is nothing to ask for).
// - It loads at once, then again whenever a `watch` source changes (a filter: back to page 1),
//   and on `load()` (the current page again, e.g. after an action) or `loadPage(p)`.
// - The list keeps its own page unless `page` gives a getter (a page carried in the URL): such
//   a list loads again when that page changes, and changes its URL instead of calling loadPage.
// - `loading` is true while a load is under way; a failure is shown to the person and leaves
//   the previous items. Only the latest load's answer is kept.
export function usePagedList(fetchPage, { size = 20, page: pageOf, watch: sources } = {}) {
  const items = ref([]);
  const total = ref(0);
  const page = pageOf ? computed(pageOf) : ref(1);
  const loading = ref(true);
  let latest = 0;

  async function load() {
    const ticket = ++latest;
    loading.value = true;
    try {
      const res = await fetchPage({ page: page.value, size });
      if (ticket !== latest) return;
      items.value = res.items || [];
      total.value = res.total || 0;
    } catch (e) {
      if (ticket === latest) showError(e);
    } finally {
      if (ticket === latest) loading.value = false;
    }
  }

  function loadPage(p) {
    page.value = p;
    return load();
  }

  if (pageOf) watch(sources ? [page, sources] : page, load);
  else if (sources) watch(sources, () => loadPage(1));
  load();
  return { items, total, page, size, loading, load, loadPage };
}
