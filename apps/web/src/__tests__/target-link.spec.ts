import { describe, expect, it } from 'vitest';
import { targetLink } from '@/components/notifications/target-link';

describe('targetLink', () => {
  it('opens a post, scrolled to the comment when the target is one', () => {
    expect(targetLink({ rootType: 'POST', rootId: 'p1' }, { customer: false })).toEqual({
      path: '/posts/p1',
      hash: '',
    });
    expect(targetLink({ rootType: 'POST', rootId: 'p1', commentId: 'c1' }, { customer: false })).toEqual({
      path: '/posts/p1',
      hash: '#comment-c1',
    });
  });

  it('gives no link to what the viewer has no page for, or to kinds it does not know', () => {
    expect(targetLink({ rootType: 'POST', rootId: 'p1' }, { customer: true })).toBeNull();
    expect(targetLink({ rootType: 'UNKNOWN', rootId: 'x' }, { customer: false })).toBeNull();
  });

  it('escapes ids into the path', () => {
    expect(targetLink({ rootType: 'POST', rootId: 'a/b' }, { customer: false })).toEqual({
      path: '/posts/a%2Fb',
      hash: '',
    });
  });
});
