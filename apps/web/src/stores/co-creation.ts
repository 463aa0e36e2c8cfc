import { defineStore } from 'pinia';
import { ref } from 'vue';
import { request } from '@/graphql/client';
import {
  CoCreationThreadsDocument,
  CreateCoCreationThreadDocument,
  type CreateCoCreationThreadInput,
  type ThreadSummaryFragment,
} from '@/graphql/generated';
import { appendUnique } from '@/utils/feed-list';

const PAGE = 20;

/** The threads the viewer reads (staff: all; customers: theirs), newest first, page by page. */
export const useCoCreationStore = defineStore('coCreation', () => {
  const threads = ref<ThreadSummaryFragment[]>([]);
  const status = ref<'idle' | 'loading' | 'ready' | 'error'>('idle');
  const error = ref<unknown>(null);
  const endCursor = ref<string | null>(null);
  const hasMore = ref(false);
  const loadingMore = ref(false);

  async function load() {
    if (status.value !== 'ready') status.value = 'loading';
    error.value = null;
    try {
      const { coCreationThreads } = await request(CoCreationThreadsDocument, { first: PAGE, after: null });
      threads.value = coCreationThreads.edges.map((e) => e.node);
      endCursor.value = coCreationThreads.pageInfo.endCursor ?? null;
      hasMore.value = coCreationThreads.pageInfo.hasNextPage;
      status.value = 'ready';
    } catch (e) {
      error.value = e;
      if (status.value !== 'ready') status.value = 'error';
    }
  }

  async function loadMore() {
    if (!hasMore.value || loadingMore.value) return;
    loadingMore.value = true;
    error.value = null;
    try {
      const { coCreationThreads } = await request(CoCreationThreadsDocument, { first: PAGE, after: endCursor.value });
      threads.value = appendUnique(
        threads.value,
        coCreationThreads.edges.map((e) => e.node),
      );
      endCursor.value = coCreationThreads.pageInfo.endCursor ?? null;
      hasMore.value = coCreationThreads.pageInfo.hasNextPage;
    } catch (e) {
      error.value = e;
    } finally {
      loadingMore.value = false;
    }
  }

  async function create(input: CreateCoCreationThreadInput): Promise<ThreadSummaryFragment> {
    const { createCoCreationThread: created } = await request(CreateCoCreationThreadDocument, { input });
    threads.value = [created, ...threads.value.filter((t) => t.id !== created.id)];
    return created;
  }

  /** Another person's view of the same list: nothing carries over between sessions. */
  function reset() {
    threads.value = [];
    status.value = 'idle';
    error.value = null;
    endCursor.value = null;
    hasMore.value = false;
  }

  return { threads, status, error, hasMore, loadingMore, load, loadMore, create, reset };
});
