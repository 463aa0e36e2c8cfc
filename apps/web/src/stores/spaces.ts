import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { request } from '@/graphql/client';
import {
  CreateSpaceDocument,
  JoinSpaceDocument,
  LeaveSpaceDocument,
  SpacesDocument,
  type CreateSpaceInput,
  type SpaceSummaryFragment,
} from '@/graphql/generated';

/** The spaces the viewer can read (and so post in), shared by the spaces page and every composer. */
export const useSpacesStore = defineStore('spaces', () => {
  const spaces = ref<SpaceSummaryFragment[]>([]);
  const status = ref<'idle' | 'loading' | 'ready' | 'error'>('idle');
  const error = ref<unknown>(null);
  let pending: Promise<void> | null = null;

  /** Spaces a post can go to: open ones and private ones the viewer belongs to; member spaces first. */
  const postable = computed(() =>
    spaces.value
      .filter((s) => s.visibility === 'OPEN' || s.viewerIsMember)
      .sort((a, b) => Number(b.viewerIsMember) - Number(a.viewerIsMember) || a.name.localeCompare(b.name)),
  );

  function load(force = false): Promise<void> {
    if (!force && status.value === 'ready') return Promise.resolve();
    pending ??= (async () => {
      if (status.value !== 'ready') status.value = 'loading';
      error.value = null;
      try {
        spaces.value = (await request(SpacesDocument)).spaces;
        status.value = 'ready';
      } catch (e) {
        error.value = e;
        if (status.value !== 'ready') status.value = 'error';
      } finally {
        pending = null;
      }
    })();
    return pending;
  }

  function put(space: SpaceSummaryFragment) {
    const summary: SpaceSummaryFragment = {
      id: space.id,
      name: space.name,
      description: space.description,
      kind: space.kind,
      visibility: space.visibility,
      memberCount: space.memberCount,
      viewerIsMember: space.viewerIsMember,
      teamId: space.teamId,
      owner: space.owner,
    };
    const index = spaces.value.findIndex((s) => s.id === space.id);
    if (index >= 0) spaces.value.splice(index, 1, summary);
    else spaces.value.push(summary);
  }

  async function create(input: CreateSpaceInput) {
    const { createSpace } = await request(CreateSpaceDocument, { input });
    put(createSpace);
    return createSpace;
  }

  async function join(id: string) {
    const { joinSpace } = await request(JoinSpaceDocument, { id });
    put(joinSpace);
    return joinSpace;
  }

  async function leave(id: string) {
    const { leaveSpace } = await request(LeaveSpaceDocument, { id });
    put(leaveSpace);
    return leaveSpace;
  }

  function reset() {
    spaces.value = [];
    status.value = 'idle';
  }

  return { spaces, status, error, postable, load, put, create, join, leave, reset };
});
