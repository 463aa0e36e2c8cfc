import { describe, expect, it } from 'vitest';
import { toggleReaction } from '@/utils/reactions';

const summary = {
  targetId: 'p1',
  total: 3,
  kinds: [
    { kind: 'LIKE' as const, count: 2, viewerReacted: true },
    { kind: 'CELEBRATE' as const, count: 1, viewerReacted: false },
    { kind: 'INSIGHTFUL' as const, count: 0, viewerReacted: false },
    { kind: 'SUPPORT' as const, count: 0, viewerReacted: false },
  ],
};

describe('toggleReaction', () => {
  it('takes back a reaction the viewer had', () => {
    const next = toggleReaction(summary, 'LIKE');
    expect(next.kinds[0]).toEqual({ kind: 'LIKE', count: 1, viewerReacted: false });
    expect(next.total).toBe(2);
  });

  it('adds one the viewer did not have, leaving the others and the input untouched', () => {
    const next = toggleReaction(summary, 'SUPPORT');
    expect(next.kinds[3]).toEqual({ kind: 'SUPPORT', count: 1, viewerReacted: true });
    expect(next.kinds[0]).toEqual(summary.kinds[0]);
    expect(next.total).toBe(4);
    expect(summary.total).toBe(3);
  });
});
