import { ref } from 'vue';

export interface Announcement {
  id: number;
  message: string;
  kind: 'success' | 'error' | 'info';
  action?: { label: string; run: () => void | Promise<void> };
}

const current = ref<Announcement | null>(null);
let nextId = 1;
let timer: ReturnType<typeof setTimeout> | undefined;

/**
 * One polite live region for the whole app (rendered by App.vue): success and status messages,
 * optionally with one action such as "Undo".
 */
export function useAnnouncer() {
  function dismiss() {
    clearTimeout(timer);
    current.value = null;
  }
  function announce(message: string, kind: Announcement['kind'] = 'success', action?: Announcement['action']) {
    clearTimeout(timer);
    current.value = { id: nextId++, message, kind, action };
    // Messages with an action stay until dismissed, so nobody is rushed.
    if (!action) timer = setTimeout(dismiss, 8000);
  }
  return { current, announce, dismiss };
}
