import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { useNotificationsStore } from '@/stores/notifications';
import { useSessionStore } from '@/stores/session';
import { __dispatchLiveEvent } from '@/composables/useLive';

const reply = (data: unknown) =>
  new Response(JSON.stringify({ data }), { headers: { 'content-type': 'application/json' } });

const entry = (id: string, read: boolean) => ({
  id,
  kind: 'REACTION_ON_CONTENT',
  actorCount: 4,
  count: 5,
  createdAt: '2026-11-23T10:00:00Z',
  read,
  actors: [{ id: 'u2', displayName: 'Alice' }],
  target: {
    type: 'POST',
    id: 'p1',
    rootType: 'POST',
    rootId: 'p1',
    scopeType: 'SPACE',
    scopeId: 's1',
    excerpt: 'Bravo',
  },
});

describe('notifications store', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    useSessionStore().user = {
      id: 'u1',
      email: 'camille.martin@atelier.example',
      displayName: 'Camille',
      role: 'MARKETER',
      locale: 'fr',
      active: true,
    };
  });

  it('follows the unread count live, from the events payload', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => reply({ unreadNotificationCount: 2 })),
    );
    const store = useNotificationsStore();
    await store.start();
    expect(store.unreadCount).toBe(2);
    __dispatchLiveEvent('notification.created', { unreadCount: 3 });
    expect(store.unreadCount).toBe(3);
    store.reset();
    __dispatchLiveEvent('notification.created', { unreadCount: 9 });
    expect(store.unreadCount).toBe(0);
  });

  it('maps grouped entries and marks them read at once (rolled back on failure)', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        reply({
          notifications: {
            edges: [{ node: entry('n1', false) }, { node: entry('n2', true) }],
            pageInfo: { endCursor: null, hasNextPage: false },
          },
          unreadNotificationCount: 1,
        }),
      ),
    );
    const store = useNotificationsStore();
    await store.load();
    expect(store.items[0]).toMatchObject({
      id: 'n1',
      actorNames: ['Alice'],
      actorCount: 4,
      rootType: 'POST',
      rootId: 'p1',
      commentId: null,
      read: false,
    });

    vi.stubGlobal(
      'fetch',
      vi.fn(async () => reply({ markNotificationsRead: 0 })),
    );
    await store.markRead(['n1']);
    expect(store.items.every((n) => n.read)).toBe(true);
    expect(store.unreadCount).toBe(0);

    store.items = store.items.map((n) => ({ ...n, read: false }));
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new Error('offline'))),
    );
    await expect(store.markRead()).rejects.toThrow();
    expect(store.items.every((n) => !n.read)).toBe(true);
  });
});
