import { describe, expect, it } from 'vitest';
import { appendUnique, removeItem, replaceItem, sortSpaceFeed, upsertItem } from '@/utils/feed-list';

const post = (id: string, extra: Partial<{ pinned: boolean; createdAt: string; v: number }> = {}) => ({
  id,
  pinned: false,
  createdAt: '2026-11-01T10:00:00Z',
  v: 1,
  ...extra,
});

describe('appendUnique', () => {
  it('appends a next page without repeating posts already shown (live inserts shift cursors)', () => {
    const shown = [post('c'), post('b')];
    const result = appendUnique(shown, [post('b'), post('a'), post('a')]);
    expect(result.map((p) => p.id)).toEqual(['c', 'b', 'a']);
  });

  it('keeps the version already shown and does not mutate its inputs', () => {
    const shown = [post('a', { v: 2 })];
    const next = [post('a', { v: 1 })];
    const result = appendUnique(shown, next);
    expect(result).toEqual([post('a', { v: 2 })]);
    expect(result).not.toBe(shown);
    expect(shown).toHaveLength(1);
  });
});

describe('upsertItem', () => {
  it('inserts a new post at the top', () => {
    expect(upsertItem([post('a')], post('b')).map((p) => p.id)).toEqual(['b', 'a']);
  });

  it('inserts after pinned posts when asked', () => {
    const list = [post('p', { pinned: true }), post('a')];
    expect(upsertItem(list, post('n'), (p) => p.pinned).map((p) => p.id)).toEqual(['p', 'n', 'a']);
  });

  it('replaces in place, never duplicates, when the id is already shown (own post + live event)', () => {
    const list = [post('b'), post('a')];
    const result = upsertItem(list, post('a', { v: 2 }));
    expect(result.map((p) => [p.id, p.v])).toEqual([
      ['b', 1],
      ['a', 2],
    ]);
  });
});

describe('replaceItem / removeItem', () => {
  it('only touch lists that show the item', () => {
    const list = [post('a')];
    expect(replaceItem(list, post('z'))).toBe(list);
    expect(removeItem(list, 'z')).toBe(list);
    expect(replaceItem(list, post('a', { v: 3 }))[0].v).toBe(3);
    expect(removeItem(list, 'a')).toEqual([]);
  });
});

describe('sortSpaceFeed', () => {
  it('puts pinned posts first, each group newest first', () => {
    const list = [
      post('old', { createdAt: '2026-01-01T00:00:00Z' }),
      post('pin-old', { pinned: true, createdAt: '2026-01-02T00:00:00Z' }),
      post('new', { createdAt: '2026-03-01T00:00:00Z' }),
      post('pin-new', { pinned: true, createdAt: '2026-02-01T00:00:00Z' }),
    ];
    expect(sortSpaceFeed(list).map((p) => p.id)).toEqual(['pin-new', 'pin-old', 'new', 'old']);
  });
});
