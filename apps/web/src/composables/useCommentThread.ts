import { ref, toValue, watch, type MaybeRefOrGetter } from 'vue';
import { useI18n } from 'vue-i18n';
import type { LiveEventName } from '@atelier/domain';
import { request } from '@/graphql/client';
import {
  AddCommentDocument,
  DeleteCommentDocument,
  EditCommentDocument,
  HideCommentDocument,
  UnhideCommentDocument,
  type CommentFieldsFragment,
  type ReactionKind,
} from '@/graphql/generated';
import { useAnnouncer } from '@/composables/useAnnouncer';
import { useErrorMessage } from '@/composables/useErrorMessage';
import { useReact } from '@/composables/useReact';
import { appendUnique, replaceItem } from '@/utils/feed-list';

/** Where comments live: who may moderate them depends on it (policy `comment.moderate`). */
export type CommentScopeType = 'SPACE' | 'BRIEF' | 'THREAD';

/** A top-level comment with its replies (one level deep), as posts, briefs, proposals and offers load them. */
export type ThreadComment = CommentFieldsFragment & { replies: CommentFieldsFragment[] };

/**
 * What a comment can have done to it. Adding, replying, editing and hiding throw, so the form that
 * asked shows the error beside itself; removing, showing again and reacting announce theirs.
 */
export interface CommentActions {
  add: (body: string) => Promise<void>;
  reply: (parentId: string, body: string) => Promise<void>;
  edit: (id: string, body: string) => Promise<void>;
  remove: (id: string) => Promise<void>;
  react: (comment: CommentFieldsFragment, kind: ReactionKind) => Promise<void>;
  /** Moderation: hide with a reason the author is told, or show again (the API says who may). */
  hide: (id: string, reason: string) => Promise<void>;
  unhide: (id: string) => Promise<void>;
}

export interface CommentThreadOptions {
  /** The post, brief, proposal or offer commented on. */
  targetId: MaybeRefOrGetter<string>;
  /** The comments as last loaded: the thread starts again from them whenever the page refetches. */
  comments: MaybeRefOrGetter<ThreadComment[]>;
  /** How many comments the content has, as last loaded (the count of replies included). */
  count: MaybeRefOrGetter<number>;
  /** Told the new count after an add or a removal, for the page to show it elsewhere (a post's card). */
  onCount?: (count: number) => void;
}

/**
 * The comments of one piece of content: the list shown, kept in step with what each action returns,
 * and reactions that show at once and go back to what they were if the server refuses them.
 */
export function useCommentThread(options: CommentThreadOptions) {
  const { t } = useI18n();
  const { announce } = useAnnouncer();
  const explain = useErrorMessage();
  const react = useReact();

  const comments = ref<ThreadComment[]>(toValue(options.comments));
  const count = ref(toValue(options.count));
  watch(
    () => toValue(options.comments),
    (next) => (comments.value = next),
  );
  watch(
    () => toValue(options.count),
    (next) => (count.value = next),
  );

  function setCount(next: number) {
    count.value = Math.max(0, next);
    options.onCount?.(count.value);
  }

  function map(fn: (c: CommentFieldsFragment) => CommentFieldsFragment) {
    comments.value = comments.value.map((c) => ({ ...fn(c), replies: c.replies.map(fn) }));
  }

  /** Shows a comment as the server returned it: where it was if already shown, else last (of its parent's replies). */
  function put(comment: CommentFieldsFragment) {
    if (comment.parentId) {
      comments.value = comments.value.map((c) =>
        c.id === comment.parentId ? { ...c, replies: appendUnique(replaceItem(c.replies, comment), [comment]) } : c,
      );
    } else if (comments.value.some((c) => c.id === comment.id)) {
      map((c) => (c.id === comment.id ? { ...c, ...comment } : c));
    } else {
      comments.value = appendUnique(comments.value, [{ ...comment, replies: [] }]);
    }
  }

  const actions: CommentActions = {
    async add(body) {
      const { addComment } = await request(AddCommentDocument, {
        input: { targetId: toValue(options.targetId), body },
      });
      put(addComment);
      setCount(count.value + 1);
      announce(t('comments.added'));
    },
    async reply(parentId, body) {
      const { addComment } = await request(AddCommentDocument, {
        input: { targetId: toValue(options.targetId), parentId, body },
      });
      put(addComment);
      setCount(count.value + 1);
      announce(t('comments.replied'));
    },
    async edit(id, body) {
      const { editComment } = await request(EditCommentDocument, { id, body });
      put(editComment);
      announce(t('comments.edited'));
    },
    async remove(id) {
      try {
        const { deleteComment } = await request(DeleteCommentDocument, { id });
        put(deleteComment);
        setCount(count.value - 1);
        announce(t('comments.deleted'));
      } catch (e) {
        announce(explain(e), 'error');
      }
    },
    async hide(id, reason) {
      const { hideComment } = await request(HideCommentDocument, { id, reason });
      put(hideComment);
      announce(t('comments.hidden'));
    },
    async unhide(id) {
      try {
        const { unhideComment } = await request(UnhideCommentDocument, { id });
        put(unhideComment);
        announce(t('comments.shownAgain'));
      } catch (e) {
        announce(explain(e), 'error');
      }
    },
    react: (comment, kind) =>
      react(comment.id, kind, comment.reactions, (reactions) =>
        map((c) => (c.id === comment.id ? { ...c, reactions } : c)),
      ),
  };

  return { comments, count, actions };
}

/** The live events that change what a comment thread shows: a page refetches on each (with its own). */
export const COMMENT_LIVE_EVENTS = [
  'comment.created',
  'comment.updated',
  'comment.deleted',
  'reaction.changed',
] as const satisfies readonly LiveEventName[];

/** The same handler for each of the comment events, to spread into a page's live subscriptions. */
export function commentLiveHandlers<H>(handler: H): Record<(typeof COMMENT_LIVE_EVENTS)[number], H> {
  return Object.fromEntries(COMMENT_LIVE_EVENTS.map((event) => [event, handler])) as Record<
    (typeof COMMENT_LIVE_EVENTS)[number],
    H
  >;
}
