// vue-i18n set-up. The language is chosen, in order, by the header's switch (remembered in
// localStorage, and in the kc-lang cookie for the pages the server writes), by ?lang=zh-CN|en
// in the URL, then by the browser's languages; zh-CN otherwise.
// zh-CN (the default, and the fallback) is in the entry script; the English messages are loaded
// when English is chosen (main.js waits for them before mounting). Element Plus's English texts
// are always there (its own default).
import { createI18n } from 'vue-i18n';
import elementZhCn from 'element-plus/es/locale/lang/zh-cn';
import elementEn from 'element-plus/es/locale/lang/en';
import zhCN from './zh-CN.js';

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
  locale: 'zh-CN',
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhCN },
});

// Element Plus's texts per language (App.vue's config provider).
export const ELEMENT_LOCALES = { 'zh-CN': elementZhCn, en: elementEn };

const loaders = { en: () => import('./en.js') };
const loaded = new Set(['zh-CN']);

// Loads the messages of `locale` once.
async function loadMessages(locale) {
  if (loaded.has(locale)) return;
  const messages = await loaders[locale]();
  i18n.global.setLocaleMessage(locale, messages.default);
  loaded.add(locale);
}

function applyToDocument(locale) {
  document.documentElement.lang = locale;
  document.title = i18n.global.t('app.documentTitle');
}
applyToDocument(i18n.global.locale.value);

// Shows the app in `locale` once its messages are there (at start: the language picked).
export async function applyLocale(locale) {
  if (!LOCALES.includes(locale)) return;
  await loadMessages(locale);
  i18n.global.locale.value = locale;
  applyToDocument(locale);
}

// The header's switch: changes the language and remembers it.
export async function setLocale(locale) {
  if (!LOCALES.includes(locale)) return;
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  // The server writes pages for readers without JavaScript in the same language.
  document.cookie = `kc-lang=${locale}; path=/; max-age=31536000; SameSite=Lax`;
  await applyLocale(locale);
}
