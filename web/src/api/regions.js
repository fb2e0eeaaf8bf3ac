// Provincial-level divisions (GB/T 2260, first two digits + "0000") for region pickers and for
// naming a listing's region in either language. A listing may carry any 6-digit code; the
// province is found by its first two digits. The pinyin of each short name (without 省, 市,
// 自治区…) lets a picker find it by full pinyin or by initials. The list is data/regions.json,
// the one the server validates region codes and names regions by.
import REGIONS from '../../../data/regions.json' with { type: 'json' };

export const PROVINCES = REGIONS.provinces.map(({ code, zh, en, pinyin: syllables }) => ({
  code,
  zh,
  en,
  pinyin: syllables.replace(/ /g, ''),
  initials: syllables.split(' ').map((x) => x[0]).join(''),
}));

// The province's name for a region code in the given locale ('' when unknown).
export function regionName(code, locale) {
  if (!code || code.length < 2) return '';
  const p = PROVINCES.find((x) => x.code.slice(0, 2) === code.slice(0, 2));
  if (!p) return code;
  return locale === 'en' ? p.en : p.zh;
}

// Whether province `p` answers what a person typed: part of its Chinese or English name or of
// its code, its full pinyin ("beijing", "bei jing"), or the start of its initials ("bj").
export function regionMatches(p, typed) {
  const q = String(typed || '').trim().toLowerCase();
  if (!q) return true;
  if (p.zh.includes(q) || p.en.toLowerCase().includes(q) || p.code.startsWith(q)) return true;
  const letters = q.replace(/[\s']/g, '');
  if (!/^[a-z]+$/.test(letters)) return false;
  return p.pinyin.startsWith(letters) || p.initials.startsWith(letters);
}
