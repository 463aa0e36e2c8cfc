import { onBeforeUnmount, onMounted, ref, watch } from 'vue';
import { useRoute } from 'vue-router';

/**
 * A panel shown by a toggle button (the user menu, the notifications): it closes on a click outside
 * `root` and when the page changes; `close(true)` (Escape) puts the focus back on `toggle`.
 */
export function useDisclosure() {
  const route = useRoute();
  const open = ref(false);
  const root = ref<HTMLElement | null>(null);
  const toggle = ref<HTMLButtonElement | null>(null);

  function close(focusToggle = false) {
    open.value = false;
    if (focusToggle) toggle.value?.focus();
  }

  function onDocumentClick(event: MouseEvent) {
    if (open.value && root.value && !root.value.contains(event.target as Node)) close();
  }
  onMounted(() => document.addEventListener('click', onDocumentClick));
  onBeforeUnmount(() => document.removeEventListener('click', onDocumentClick));
  watch(
    () => route.fullPath,
    () => close(),
  );

  return { open, root, toggle, close };
}
