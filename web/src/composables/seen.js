// Whether an element has been near the screen: true once it comes within `margin` of the
// viewport, and from then on; true at once where IntersectionObserver is missing. For parts of
// a page whose code or data are loaded only when a reader scrolls to them (docs/web.md).
import { onBeforeUnmount, onMounted, ref } from 'vue';

export function useSeen(target, margin = '200px') {
  const seen = ref(false);
  let observer = null;
  onMounted(() => {
    if (typeof IntersectionObserver === 'undefined' || !target.value) {
      seen.value = true;
      return;
    }
    observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        seen.value = true;
        observer.disconnect();
      }
    }, { rootMargin: margin });
    observer.observe(target.value);
  });
  onBeforeUnmount(() => observer?.disconnect());
  return seen;
}
