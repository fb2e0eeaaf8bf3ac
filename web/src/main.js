import './early-start.js';
import { createApp } from 'vue';
import App from './App.vue';
import { router } from './router.js';
import { applyLocale, i18n, pickLocale } from './i18n/index.js';
import { loadSession } from './api/session.js';
import { showError } from './composables/errors.js';
import { dropEmbedded } from './api/embedded.js';
import { applyAppStyle } from './app-style.js';
// Styles of the services called from script (the resolvers style only what templates use).
import 'element-plus/es/components/message/style/css';
import 'element-plus/es/components/message-box/style/css';
import './styles.css';

const app = createApp(App);
app.use(i18n);
app.use(router);
app.config.errorHandler = (err) => showError(err);
// The session is loaded beside the first page, not before it: public pages render at once.
loadSession().catch(showError);
function start() {
  app.mount('#app');
  // The first page has taken its embedded API answer during its first render (before any
  // later task); what is left would be stale for later requests.
  router.isReady().then(() => setTimeout(dropEmbedded, 0));
}
// The app mounts once its stylesheet applies; zh-CN is there at once, another language first
// loads its messages.
const locale = pickLocale();
const messages = locale === 'zh-CN' ? null : applyLocale(locale).catch(showError);
Promise.all([applyAppStyle(), messages]).finally(start);
