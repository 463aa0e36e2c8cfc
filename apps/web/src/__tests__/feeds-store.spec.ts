import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { HOME, useFeedsStore } from '@/stores/feeds';
import type { PostCardFragment } from '@/graphql/generated';

const card = (id: string, spaceId = 's1', extra: Partial<PostCardFragment> = {}): PostCardFragment => ({
  id,
  body: id,
  bodyHtml: `<p>${id}</p>`,
  createdAt: '2026-11-01T10:00:00Z',
  editedAt: null,
  deletedAt: null,
  pinned: false,
  commentCount: 0,
  author: { id: 'u1', displayName: 'Camille' },
  space: { id: spaceId, name: 'Digital', owner: null },
  reactions: { targetId: id, total: 0, kinds: [] },
  attachments: [],
  linkedBrief: null,
  ...extra,
});

function respond(data: unknown) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response(JSON.stringify({ data }), { headers: { 'content-type': 'application/json' } })),
  );
}

const page = (ids: string[], hasNextPage: boolean) => ({
  feed: {
    edges: ids.map((id) => ({ cursor: id, node: card(id) })),
    pageInfo: { endCursor: ids.at(-1) ?? null, hasNextPage },
  },
});

describe('feeds store', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    vi.unstubAllGlobals();
  });

  it('pages through a feed without duplicates', async () => {
    const feeds = useFeedsStore();
    respond(page(['c', 'b'], true));
    await feeds.load(HOME);
    respond(page(['b', 'a'], false));
    await feeds.loadMore(HOME);
    expect(feeds.feed(HOME).posts.map((p) => p.id)).toEqual(['c', 'b', 'a']);
    expect(feeds.feed(HOME).hasNextPage).toBe(false);
  });

  it('shows a live post once, in the home feed and its own space feed only', async () => {
    const feeds = useFeedsStore();
    respond(page(['a'], false));
    await feeds.load(HOME);
    await feeds.load('s1');
    await feeds.load('s2');
    feeds.put(card('n', 's1'));
    feeds.put(card('n', 's1', { commentCount: 2 }));
    expect(feeds.feed(HOME).posts.map((p) => p.id)).toEqual(['n', 'a']);
    expect(feeds.feed(HOME).posts[0].commentCount).toBe(2);
    expect(feeds.feed('s1').posts.map((p) => p.id)).toContain('n');
    expect(feeds.feed('s2').posts.map((p) => p.id)).not.toContain('n');
  });

  it('holds new posts behind the pill when asked, then shows them', async () => {
    const feeds = useFeedsStore();
    respond(page(['a'], false));
    await feeds.load(HOME);
    feeds.put(card('n'), { holdNew: () => true });
    expect(feeds.feed(HOME).incoming.map((p) => p.id)).toEqual(['n']);
    expect(feeds.isShown('n')).toBe(true);
    feeds.showIncoming(HOME);
    expect(feeds.feed(HOME).posts.map((p) => p.id)).toEqual(['n', 'a']);
    expect(feeds.feed(HOME).incoming).toEqual([]);
  });

  it('removes deleted posts everywhere and rolls back a failed reaction', async () => {
    const feeds = useFeedsStore();
    respond(page(['a', 'b'], false));
    await feeds.load(HOME);
    feeds.remove('a');
    expect(feeds.feed(HOME).posts.map((p) => p.id)).toEqual(['b']);

    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new Error('offline'))),
    );
    const before = feeds.feed(HOME).posts[0].reactions;
    await expect(feeds.react(feeds.feed(HOME).posts[0], 'LIKE')).rejects.toThrow();
    expect(feeds.feed(HOME).posts[0].reactions).toEqual(before);
  });
});
