// Vite build of the Kechuang front end. Element Plus and ECharts are imported on demand (the
// resolvers below add each component and its CSS where it is used; charts import echarts/core).
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';
import AutoImport from 'unplugin-auto-import/vite';
import Components from 'unplugin-vue-components/vite';
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers';
import zhCN from './src/i18n/zh-CN.js';
import en from './src/i18n/en.js';

// Country and region names for every ISO 3166-1 alpha-2 code Node's ICU knows, in `locale`:
// {JP: '日本', …}. The app asks the browser (Intl.DisplayNames, api/network.js); the server's
// pages read these (country.<CODE>, src/api/partners_page.h).
function countryNames(locale) {
  const names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' });
  const out = {};
  for (let a = 65; a <= 90; a += 1) {
    for (let b = 65; b <= 90; b += 1) {
      const code = String.fromCharCode(a, b);
      const name = names.of(code);
      if (name && name !== code) out[code] = name;
    }
  }
  return out;
}

// messages.json beside index.html: the app's texts in both languages, so that the pages the
// server writes for readers without JavaScript use the same words (src/api/page_text.h).
function emitMessages() {
  return {
    name: 'kc-messages',
    generateBundle() {
      const messages = {
        'zh-CN': { ...zhCN, country: countryNames('zh-CN') },
        en: { ...en, country: countryNames('en') },
      };
      this.emitFile({ type: 'asset', fileName: 'messages.json', source: JSON.stringify(messages) });
    },
  };
}

// The entry's stylesheet must not hold back the first paint: the server writes the page's
// content with a small stylesheet of its own (docs/pages.md), and on a slow link this file would
// share the line with the entry script. It is fetched as media="print" and applied by the entry
// script before the app mounts (src/app-style.js); an inline onload would be refused by the
// Content-Security-Policy (docs/security.md).
function appStyleNotBlocking() {
  return {
    name: 'kc-app-style',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const links = /<link rel="stylesheet"( crossorigin)? href="(\/assets\/[^"]+\.css)">/g;
        let n = 0;
        const out = html.replace(links, (m, crossorigin, href) => {
          n += 1;
          return `<link rel="stylesheet" id="kc-app-style" media="print"${crossorigin || ''} href="${href}">`;
        });
        if (n > 1) throw new Error('index.html links more than one stylesheet; src/app-style.js applies one');
        return out;
      },
    },
  };
}

export default defineConfig({
  plugins: [
    vue(),
    emitMessages(),
    appStyleNotBlocking(),
    AutoImport({
      resolvers: [ElementPlusResolver()],
      dts: false,
    }),
    Components({
      resolvers: [ElementPlusResolver()],
      dts: false,
    }),
  ],
  define: {
    // vue-i18n: Composition API only, no devtools in production.
    __VUE_I18N_FULL_INSTALL__: true,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
  },
  build: {
    target: 'es2020',
    assetsDir: 'assets',
    // .vite/manifest.json: the server reads which chunks each page needs and lets the browser
    // fetch them with the HTML (<link rel=modulepreload>, src/api/page_assets.h).
    manifest: true,
    chunkSizeWarningLimit: 600,
    rollupOptions: {
      output: {
        manualChunks(id) {
          if (id.includes('node_modules/echarts') || id.includes('node_modules/zrender')) {
            return 'echarts';
          }
          return undefined;
        },
      },
    },
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
});
