// The app's stylesheet arrives as media="print", so it does not delay the first paint of the
// page the server wrote (the vite.config.js plugin kc-app-style; docs/web.md, "The home page's
// weight"). Before the app mounts it is switched to every medium: the app's first render is
// styled. Without JavaScript it never applies; the written page has its own styles.

// Resolves once the stylesheet applies (at once when the page has none, as under `vite dev`).
// A stylesheet that fails to load resolves too: an unstyled app beats none.
export function applyAppStyle() {
  const link = document.getElementById('kc-app-style');
  if (!link) return Promise.resolve();
  const loaded = link.sheet
    ? Promise.resolve()
    : new Promise((resolve) => {
      link.addEventListener('load', resolve, { once: true });
      link.addEventListener('error', resolve, { once: true });
    });
  return loaded.then(() => {
    link.media = 'all';
  });
}
