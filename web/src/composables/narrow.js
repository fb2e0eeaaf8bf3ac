// Whether the screen is narrow (a phone: below 768 px), kept up to date while the component
// lives; pages switch tables to cards and side menus to bars on it.
import { onBeforeUnmount, ref } from 'vue';

export const NARROW_QUERY = '(max-width: 767px)';

export function useNarrow() {
  const query = window.matchMedia(NARROW_QUERY);
  const narrow = ref(query.matches);
  const onChange = (e) => {
    narrow.value = e.matches;
  };
  query.addEventListener('change', onChange);
  onBeforeUnmount(() => query.removeEventListener('change', onChange));
  return narrow;
}
