// vue-i18n set-up. The language is chosen, in order, by the header's switch (remembered in
// localStorage), by ?lang=zh-CN|en in the URL, then by the browser's languages; zh-CN otherwise.
import { createI18n } from 'vue-i18n';
import zhCN from './zh-CN.js';
import en from './en.js';

export const LOCALES = ['zh-CN', 'en'];
const STORAGE_KEY = 'kc-lang';

function normalise(tag) {
  if (!tag) return null;
  const t = String(tag).toLowerCase();
  if (t === 'zh' || t.startsWith('zh-')) return 'zh-CN';
  if (t === 'en' || t.startsWith('en-')) return 'en';
  return null;
}

// The language for this visit (see the comment at the top).
export function pickLocale(search = window.location.search, nav = navigator.languages) {
  let stored = null;
  try {
    stored = normalise(localStorage.getItem(STORAGE_KEY));
  } catch {
    stored = null;
  }
  if (stored) return stored;
  const fromUrl = normalise(new URLSearchParams(search).get('lang'));
  if (fromUrl) return fromUrl;
  for (const l of nav || []) {
    const n = normalise(l);
    if (n) return n;
  }
  return 'zh-CN';
}

export const i18n = createI18n({
  legacy: false,
  locale: pickLocale(),
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhCN, en },
});

function applyToDocument(locale) {
  document.documentElement.lang = locale;
  document.title = i18n.global.t('app.documentTitle');
}
applyToDocument(i18n.global.locale.value);

// The header's switch: changes the language now and remembers it.
export function setLocale(locale) {
  if (!LOCALES.includes(locale)) return;
  i18n.global.locale.value = locale;
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  applyToDocument(locale);
}
