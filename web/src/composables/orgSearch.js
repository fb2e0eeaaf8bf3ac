// Finding an organisation by part of its name (GET /orgs?q=), for an el-select with
// `remote` and `:remote-method="findOrgs"`.
import { ref } from 'vue';
import { listOrgs } from '../api/orgs.js';
import { showError } from './errors.js';

// useOrgSearch() returns { orgs, searching, findOrgs }: `findOrgs(q)` loads the first organisations
// whose name contains q into `orgs`; only the latest query's answer is kept, and `searching` is
// true while it is under way.
export function useOrgSearch({ size = 20 } = {}) {
  const orgs = ref([]);
  const searching = ref(false);
  let lastQuery = '';

  async function findOrgs(q) {
    lastQuery = q;
    searching.value = true;
    try {
      const res = await listOrgs({ q, size });
      if (q === lastQuery) orgs.value = res.items || [];
    } catch (e) {
      showError(e);
    } finally {
      if (q === lastQuery) searching.value = false;
    }
  }

  return { orgs, searching, findOrgs };
}
