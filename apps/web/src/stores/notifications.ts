import { defineStore } from 'pinia';
import { ref } from 'vue';
import { can } from '@atelier/domain';
import { notificationsSource, type NotificationEntry } from '@/graphql/notifications-source';
import { useLive } from '@/composables/useLive';
import { useSessionStore } from './session';

/** The bell: the unread count (live) and, once opened, the latest notifications. */
export const useNotificationsStore = defineStore('notifications', () => {
  const available = ref(notificationsSource !== null);
  const unreadCount = ref(0);
  const items = ref<NotificationEntry[]>([]);
  const status = ref<'idle' | 'loading' | 'ready' | 'error'>('idle');
  const error = ref<unknown>(null);
  const live = useLive();
  let off: (() => void)[] = [];

  async function refreshCount() {
    if (!notificationsSource) return;
    try {
      unreadCount.value = await notificationsSource.unreadCount();
    } catch {
      /* the badge keeps its last value */
    }
  }

  async function load() {
    if (!notificationsSource) return;
    if (status.value !== 'ready') status.value = 'loading';
    error.value = null;
    try {
      const page = await notificationsSource.list();
      items.value = page.items;
      unreadCount.value = page.unreadCount;
      status.value = 'ready';
    } catch (e) {
      error.value = e;
      if (status.value !== 'ready') status.value = 'error';
    }
  }

  /** After sign-in: first count, then live updates. */
  async function start() {
    const session = useSessionStore();
    if (!notificationsSource || !can(session.user, 'notification.read')) return;
    off.forEach((f) => f());
    off = [
      live.on('notification.created', (payload) => {
        if (typeof payload.unreadCount === 'number') unreadCount.value = payload.unreadCount;
        else void refreshCount();
        if (status.value === 'ready') void load();
      }),
      live.on('notification.read', (payload) => {
        if (typeof payload.unreadCount === 'number') unreadCount.value = payload.unreadCount;
        if (status.value === 'ready') void load();
      }),
      live.onReconnect(() => void refreshCount()),
    ];
    await refreshCount();
  }

  /** Marks some notifications (or all, without ids) read; the badge and list follow at once. */
  async function markRead(ids?: string[]) {
    if (!notificationsSource) return;
    const before = items.value;
    items.value = items.value.map((n) => (!ids || ids.includes(n.id) ? { ...n, read: true } : n));
    try {
      unreadCount.value = await notificationsSource.markRead(ids);
    } catch (e) {
      items.value = before;
      throw e;
    }
  }

  function reset() {
    off.forEach((f) => f());
    off = [];
    unreadCount.value = 0;
    items.value = [];
    status.value = 'idle';
  }

  return { available, unreadCount, items, status, error, start, load, refreshCount, markRead, reset };
});
