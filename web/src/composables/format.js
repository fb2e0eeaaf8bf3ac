// Display helpers that depend on the language: money ranges, dates, regions, taxonomy names.
import { ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { regionName } from '../api/regions.js';
import { loadTaxonomy } from '../api/taxonomy.js';
import { showError } from './errors.js';

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

  function date(iso) {
    if (!iso) return '';
    return String(iso).slice(0, 10);
  }

  // A moment in the platform's zone (Asia/Shanghai) with the zone named.
  function dateTime(iso) {
    if (!iso) return '';
    const d = new Date(iso);
    if (Number.isNaN(d.getTime())) return String(iso);
    const parts = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
    }).formatToParts(d).reduce((o, p) => ({ ...o, [p.type]: p.value }), {});
    return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute} ${t('common.zoneShanghai')}`;
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

  return { money, date, dateTime, region, category, discipline, mode };
}
