import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, nextTick, ref } from 'vue';
import { mount } from '@vue/test-utils';
import { i18n } from '@/i18n';
import {
  AddCommentDocument,
  DeleteCommentDocument,
  EditCommentDocument,
  HideCommentDocument,
  ReactDocument,
  type CommentFieldsFragment,
} from '@/graphql/generated';
import { useAnnouncer } from './useAnnouncer';
import type { ThreadComment } from './useCommentThread';

const request = vi.fn();
vi.mock('@/graphql/client', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/graphql/client')>()),
  request: (...args: unknown[]) => request(...args),
}));
const { useCommentThread, commentLiveHandlers } = await import('./useCommentThread');

const noReactions = (targetId: string) => ({
  targetId,
  total: 0,
  kinds: [{ kind: 'LIKE' as const, count: 0, viewerReacted: false }],
});

function comment(id: string, parentId: string | null = null, body = `Texte ${id}`): CommentFieldsFragment {
  return {
    id,
    targetId: 'post-1',
    parentId,
    body,
    bodyHtml: `<p>${body}</p>`,
    createdAt: '2026-11-20T09:00:00.000Z',
    editedAt: null,
    deletedAt: null,
    hidden: false,
    hiddenReason: null,
    author: { id: 'u1', displayName: 'Camille Martin' },
    reactions: noReactions(id),
  };
}

const thread = (id: string, replies: CommentFieldsFragment[] = []): ThreadComment => ({ ...comment(id), replies });

/** Runs the composable inside a component, as pages do, with what the page loaded. */
function setup(initial: ThreadComment[], count = 0) {
  const loaded = ref(initial);
  const counts: number[] = [];
  let api!: ReturnType<typeof useCommentThread>;
  mount(
    defineComponent({
      setup() {
        api = useCommentThread({
          targetId: 'post-1',
          comments: loaded,
          count,
          onCount: (n) => counts.push(n),
        });
        return () => null;
      },
    }),
    { global: { plugins: [i18n] } },
  );
  return { api, loaded, counts };
}

/** A request the test settles when it wants, to look at what is shown meanwhile. */
function pending() {
  let resolve!: (value: unknown) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const announcer = useAnnouncer();

describe('useCommentThread', () => {
  beforeEach(() => {
    i18n.global.locale.value = 'en';
    announcer.dismiss();
  });
  afterEach(() => request.mockReset());

  describe('reactions', () => {
    it('shows a reaction at once, then adopts the server counts', async () => {
      const { api } = setup([thread('c1', [comment('r1', 'c1')])]);
      const call = pending();
      request.mockReturnValueOnce(call.promise);

      const done = api.actions.react(api.comments.value[0].replies[0], 'LIKE');
      const shown = () => api.comments.value[0].replies[0].reactions;
      expect(shown().total).toBe(1);
      expect(shown().kinds.find((k) => k.kind === 'LIKE')).toMatchObject({ count: 1, viewerReacted: true });
      expect(request).toHaveBeenCalledWith(ReactDocument, { targetId: 'r1', kind: 'LIKE' });

      const server = { targetId: 'r1', total: 2, kinds: [{ kind: 'LIKE', count: 2, viewerReacted: true }] };
      call.resolve({ react: server });
      await done;
      expect(shown()).toEqual(server);
    });

    it('puts the reaction back as it was when the server refuses, and says why', async () => {
      const { api } = setup([thread('c1'), thread('c2')]);
      const before = api.comments.value[1].reactions;
      const call = pending();
      request.mockReturnValueOnce(call.promise);

      const done = api.actions.react(api.comments.value[1], 'LIKE');
      expect(api.comments.value[1].reactions.total).toBe(1);
      call.reject(Object.assign(new Error('refused'), { code: 'FORBIDDEN' }));
      await done;

      expect(api.comments.value[1].reactions).toEqual(before);
      expect(api.comments.value[0].reactions).toEqual(noReactions('c1'));
      expect(announcer.current.value).toMatchObject({ kind: 'error' });
    });
  });

  describe('replies and edits', () => {
    it('inserts a reply last under its parent, not at the top level, and counts it', async () => {
      const { api, counts } = setup([thread('c1', [comment('r1', 'c1')]), thread('c2')], 3);
      request.mockResolvedValueOnce({ addComment: comment('r2', 'c1', 'Merci') });

      await api.actions.reply('c1', 'Merci');

      expect(request).toHaveBeenCalledWith(AddCommentDocument, {
        input: { targetId: 'post-1', parentId: 'c1', body: 'Merci' },
      });
      expect(api.comments.value.map((c) => c.id)).toEqual(['c1', 'c2']);
      expect(api.comments.value[0].replies.map((r) => r.id)).toEqual(['r1', 'r2']);
      expect(api.comments.value[1].replies).toEqual([]);
      expect(api.count.value).toBe(4);
      expect(counts).toEqual([4]);
      expect(announcer.current.value).toMatchObject({ kind: 'success', message: 'Your reply has been added.' });
    });

    it('adds a comment last at the top level, once even if it comes back twice', async () => {
      const { api } = setup([thread('c1')], 1);
      request.mockResolvedValue({ addComment: comment('c2') });

      await api.actions.add('Texte c2');
      expect(api.comments.value.map((c) => c.id)).toEqual(['c1', 'c2']);
      expect(api.comments.value[1].replies).toEqual([]);
    });

    it('keeps an edited reply where it was', async () => {
      const { api } = setup([thread('c1', [comment('r1', 'c1'), comment('r2', 'c1')])]);
      request.mockResolvedValueOnce({ editComment: { ...comment('r1', 'c1', 'Corrigé'), editedAt: '2026-11-21' } });

      await api.actions.edit('r1', 'Corrigé');

      expect(request).toHaveBeenCalledWith(EditCommentDocument, { id: 'r1', body: 'Corrigé' });
      expect(api.comments.value[0].replies.map((r) => [r.id, r.body])).toEqual([
        ['r1', 'Corrigé'],
        ['r2', 'Texte r2'],
      ]);
    });

    it('keeps the replies of an edited top-level comment', async () => {
      const { api } = setup([thread('c1', [comment('r1', 'c1')])]);
      request.mockResolvedValueOnce({ editComment: comment('c1', null, 'Corrigé') });

      await api.actions.edit('c1', 'Corrigé');
      expect(api.comments.value[0]).toMatchObject({ body: 'Corrigé', replies: [{ id: 'r1' }] });
    });

    it('lets a refused reply reach the form, changing nothing', async () => {
      const { api, counts } = setup([thread('c1')], 1);
      request.mockRejectedValueOnce(new Error('too long'));

      await expect(api.actions.reply('c1', 'x')).rejects.toThrow('too long');
      expect(api.comments.value[0].replies).toEqual([]);
      expect(api.count.value).toBe(1);
      expect(counts).toEqual([]);
    });
  });

  describe('removal (there is no undo: the dialog asks first)', () => {
    it('shows the comment as deleted where it was, its replies kept, and counts one less', async () => {
      const { api, counts } = setup([thread('c1', [comment('r1', 'c1')]), thread('c2')], 3);
      request.mockResolvedValueOnce({ deleteComment: { ...comment('c1', null, ''), deletedAt: '2026-11-21' } });

      await api.actions.remove('c1');

      expect(request).toHaveBeenCalledWith(DeleteCommentDocument, { id: 'c1' });
      expect(api.comments.value.map((c) => [c.id, !!c.deletedAt, c.replies.length])).toEqual([
        ['c1', true, 1],
        ['c2', false, 0],
      ]);
      expect(counts).toEqual([2]);
    });

    it('announces a refusal and changes nothing', async () => {
      const { api, counts } = setup([thread('c1')], 1);
      request.mockRejectedValueOnce(Object.assign(new Error('no'), { code: 'FORBIDDEN' }));

      await api.actions.remove('c1');

      expect(api.comments.value[0].deletedAt).toBeNull();
      expect(api.count.value).toBe(1);
      expect(counts).toEqual([]);
      expect(announcer.current.value).toMatchObject({ kind: 'error' });
    });
  });

  it('hides a comment with its reason, and lets a refusal reach the form', async () => {
    const { api } = setup([thread('c1')]);
    request.mockResolvedValueOnce({ hideComment: { ...comment('c1'), hidden: true, hiddenReason: 'Hors sujet' } });
    await api.actions.hide('c1', 'Hors sujet');
    expect(request).toHaveBeenCalledWith(HideCommentDocument, { id: 'c1', reason: 'Hors sujet' });
    expect(api.comments.value[0]).toMatchObject({ hidden: true, hiddenReason: 'Hors sujet' });

    request.mockRejectedValueOnce(new Error('reason required'));
    await expect(api.actions.hide('c1', '')).rejects.toThrow('reason required');
  });

  it('starts again from what the page refetched', async () => {
    const { api, loaded } = setup([thread('c1')]);
    request.mockResolvedValueOnce({ addComment: comment('c2') });
    await api.actions.add('Texte c2');

    loaded.value = [thread('c1'), thread('c2'), thread('c3')];
    await nextTick();
    expect(api.comments.value.map((c) => c.id)).toEqual(['c1', 'c2', 'c3']);
  });

  it('gives one handler for every live event that changes a thread', () => {
    const handler = () => undefined;
    expect(commentLiveHandlers(handler)).toEqual({
      'comment.created': handler,
      'comment.updated': handler,
      'comment.deleted': handler,
      'reaction.changed': handler,
    });
  });
});
