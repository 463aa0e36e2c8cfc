import { defineStore } from 'pinia';
import { reactive } from 'vue';
import { request } from '@/graphql/client';
import {
  CreatePostDocument,
  DeletePostDocument,
  EditPostDocument,
  FeedDocument,
  PinPostDocument,
  PostCardDocument,
  ReactDocument,
  type PostCardFragment,
  type ReactionKind,
  type ReactionsFragment,
} from '@/graphql/generated';
import { appendUnique, removeItem, replaceItem, sortSpaceFeed, upsertItem } from '@/utils/feed-list';
import { toggleReaction } from '@/utils/reactions';

export const PAGE_SIZE = 20;

/** `home` for the home feed, the space id for a space's feed. */
export type FeedKey = string;
export const HOME: FeedKey = 'home';

export interface FeedState {
  posts: PostCardFragment[];
  /** New posts that arrived live while the reader was scrolled down: shown by the "N new posts" pill. */
  incoming: PostCardFragment[];
  endCursor: string | null;
  hasNextPage: boolean;
  status: 'idle' | 'loading' | 'ready' | 'error';
  loadingMore: boolean;
  error: unknown;
  moreError: unknown;
}

const blank = (): FeedState => ({
  posts: [],
  incoming: [],
  endCursor: null,
  hasNextPage: false,
  status: 'idle',
  loadingMore: false,
  error: null,
  moreError: null,
});

/** The home feed and each visited space feed, kept while navigating, updated by mutations and live events. */
export const useFeedsStore = defineStore('feeds', () => {
  const feeds = reactive<Record<FeedKey, FeedState>>({});

  function feed(key: FeedKey): FeedState {
    return (feeds[key] ??= blank());
  }

  const spaceIdOf = (key: FeedKey) => (key === HOME ? null : key);
  const belongs = (key: FeedKey, post: PostCardFragment) => key === HOME || post.space.id === key;
  const order = (key: FeedKey, posts: PostCardFragment[]) => (key === HOME ? posts : sortSpaceFeed(posts));

  /** First page; `refresh` keeps the current list visible while reloading. */
  async function load(key: FeedKey, refresh = false) {
    const state = feed(key);
    if (!refresh || state.status !== 'ready') state.status = 'loading';
    state.error = null;
    try {
      const { feed: page } = await request(FeedDocument, { spaceId: spaceIdOf(key), first: PAGE_SIZE, after: null });
      state.posts = appendUnique(
        [],
        page.edges.map((e) => e.node),
      );
      state.incoming = [];
      state.endCursor = page.pageInfo.endCursor;
      state.hasNextPage = page.pageInfo.hasNextPage;
      state.status = 'ready';
    } catch (error) {
      state.error = error;
      if (state.status !== 'ready' || !refresh) state.status = 'error';
    }
  }

  async function loadMore(key: FeedKey) {
    const state = feed(key);
    if (state.loadingMore || !state.hasNextPage || state.status !== 'ready') return;
    state.loadingMore = true;
    state.moreError = null;
    try {
      const { feed: page } = await request(FeedDocument, {
        spaceId: spaceIdOf(key),
        first: PAGE_SIZE,
        after: state.endCursor,
      });
      state.posts = appendUnique(
        state.posts,
        page.edges.map((e) => e.node),
      );
      state.endCursor = page.pageInfo.endCursor;
      state.hasNextPage = page.pageInfo.hasNextPage;
    } catch (error) {
      state.moreError = error;
    } finally {
      state.loadingMore = false;
    }
  }

  /** Shows a new or changed post in every loaded feed it belongs to (never twice). */
  function put(post: PostCardFragment, options: { holdNew?: (key: FeedKey) => boolean } = {}) {
    if (post.deletedAt) return remove(post.id);
    for (const [key, state] of Object.entries(feeds)) {
      if (state.status !== 'ready' || !belongs(key, post)) continue;
      const shown = state.posts.some((p) => p.id === post.id);
      if (shown) {
        state.posts = order(key, replaceItem(state.posts, post));
      } else if (options.holdNew?.(key)) {
        state.incoming = upsertItem(state.incoming, post);
      } else {
        state.incoming = removeItem(state.incoming, post.id);
        state.posts = order(
          key,
          upsertItem(state.posts, post, (p) => key !== HOME && p.pinned),
        );
      }
    }
  }

  /** Updates a post only where it is already shown (live edits, reactions, comment counts). */
  function update(post: PostCardFragment) {
    if (post.deletedAt) return remove(post.id);
    for (const [key, state] of Object.entries(feeds)) {
      state.posts = order(key, replaceItem(state.posts, post));
      state.incoming = replaceItem(state.incoming, post);
    }
  }

  function remove(id: string) {
    for (const state of Object.values(feeds)) {
      state.posts = removeItem(state.posts, id);
      state.incoming = removeItem(state.incoming, id);
    }
  }

  function showIncoming(key: FeedKey) {
    const state = feed(key);
    for (const post of [...state.incoming].reverse()) {
      state.posts = order(
        key,
        upsertItem(state.posts, post, (p) => key !== HOME && p.pinned),
      );
    }
    state.incoming = [];
  }

  function isShown(id: string) {
    return Object.values(feeds).some((s) => s.posts.some((p) => p.id === id) || s.incoming.some((p) => p.id === id));
  }

  /** Fetches one post by id (after a live event) and shows it; a post we may no longer read disappears. */
  async function refetch(id: string, options: { onlyIfShown?: boolean; holdNew?: (key: FeedKey) => boolean } = {}) {
    if (options.onlyIfShown && !isShown(id)) return null;
    try {
      const { post } = await request(PostCardDocument, { id });
      if (options.onlyIfShown) update(post);
      else put(post, options);
      return post;
    } catch (error) {
      if ((error as { code?: string }).code === 'NOT_FOUND') remove(id);
      return null;
    }
  }

  function setReactions(summary: ReactionsFragment) {
    for (const state of Object.values(feeds)) {
      const post = state.posts.find((p) => p.id === summary.targetId);
      if (post) post.reactions = summary;
    }
  }

  async function create(spaceId: string, body: string, attachmentIds: string[] = []) {
    const { createPost } = await request(CreatePostDocument, { input: { spaceId, body, attachmentIds } });
    put(createPost);
    return createPost;
  }

  /** `attachmentIds`: the new set of files; left out, the files are unchanged. */
  async function edit(id: string, body: string, attachmentIds?: string[]) {
    const { editPost } = await request(EditPostDocument, { id, body, attachmentIds: attachmentIds ?? null });
    update(editPost);
    return editPost;
  }

  async function pin(id: string, pinned: boolean) {
    const { pinPost } = await request(PinPostDocument, { id, pinned });
    update(pinPost);
    return pinPost;
  }

  async function destroy(id: string) {
    await request(DeletePostDocument, { id });
    remove(id);
  }

  /** Toggles the viewer's reaction at once, then adopts the server's counts (or rolls back). */
  async function react(post: PostCardFragment, kind: ReactionKind) {
    const before = post.reactions;
    setReactions(toggleReaction(before, kind));
    try {
      const { react: summary } = await request(ReactDocument, { targetId: post.id, kind });
      setReactions(summary);
      return summary;
    } catch (error) {
      setReactions(before);
      throw error;
    }
  }

  function reset() {
    for (const key of Object.keys(feeds)) delete feeds[key];
  }

  return {
    feeds,
    feed,
    load,
    loadMore,
    put,
    update,
    remove,
    showIncoming,
    isShown,
    refetch,
    setReactions,
    create,
    edit,
    pin,
    destroy,
    react,
    reset,
  };
});
