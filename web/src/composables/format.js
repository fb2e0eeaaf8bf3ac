// Display helpers that depend on the language: money ranges, dates, regions, taxonomy names,
// lists. Dates and times are the viewer's zone's (composables/time.js).
import { ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { regionName } from '../api/regions.js';
import { loadTaxonomy } from '../api/taxonomy.js';
import { showError } from './errors.js';
import { formatDate, formatDateTime } from './time.js';

const taxonomy = ref(null);
let taxonomyRequested = false;

export function useTaxonomy() {
  if (!taxonomyRequested) {
    taxonomyRequested = true;
    loadTaxonomy()
      .then((tx) => {
        taxonomy.value = tx;
      })
      .catch((e) => {
        taxonomyRequested = false;
        showError(e);
      });
  }
  return taxonomy;
}

export function useFormat() {
  const { t, locale } = useI18n();
  const tx = useTaxonomy();

  function money(m) {
    if (!m || m.negotiable || (m.min_cny == null && m.max_cny == null)) return t('common.negotiable');
    const fmt = (n) => (locale.value === 'en'
      ? `CNY ${Number(n).toLocaleString('en')}`
      : `${(Number(n) / 10000).toLocaleString('zh-CN')} 万元`);
    if (m.min_cny != null && m.max_cny != null && m.min_cny !== m.max_cny) {
      return `${fmt(m.min_cny)} – ${fmt(m.max_cny)}`;
    }
    return fmt(m.min_cny ?? m.max_cny);
  }

  // "2026-12-01": the day of an instant in the viewer's zone (a calendar date as it is).
  function date(iso) {
    return formatDate(iso);
  }

  // "2026-12-01 09:30 (北京时间)": an instant in the viewer's zone, the zone named.
  function dateTime(iso) {
    return formatDateTime(iso, locale.value);
  }

  // ["a", "b", "c"] → "a、b、c" in Chinese, "a, b, and c" in English.
  function list(items) {
    return joinList(items, locale.value);
  }


  function region(code) {
    return regionName(code, locale.value);
  }

  function category(name) {
    if (!name || locale.value !== 'en' || !tx.value) return name;
    const c = tx.value.categories.find((x) => x.name === name);
    return c ? c.name_en : name;
  }

  // A listing may name two disciplines as "化学/化学工程与技术": each part is translated.
  function discipline(name) {
    if (!name || locale.value !== 'en' || !tx.value) return name;
    return String(name).split('/').map((part) => {
      for (const c of tx.value.categories) {
        const d = c.disciplines.find((x) => x.name === part);
        if (d) return d.name_en;
      }
      return part;
    }).join(' / ');
  }

  function mode(m) {
    return t(`modes.${m}`);
  }

  return { money, date, dateTime, list, region, category, discipline, mode };
}

// A locale's list of names: Intl.ListFormat where there is one; "、" or ", " otherwise.
export function joinList(items, locale) {
  const xs = (items || []).filter((x) => x != null && x !== '').map(String);
  if (locale !== 'en') return xs.join('、');
  try {
    return new Intl.ListFormat('en', { style: 'long', type: 'conjunction' }).format(xs);
  } catch {
    return xs.join(', ');
  }
}
