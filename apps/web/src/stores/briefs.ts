import { defineStore } from 'pinia';
import { ref } from 'vue';
import { request } from '@/graphql/client';
import {
  BriefsDocument,
  BriefTeamsDocument,
  ChannelsDocument,
  CreateChannelDocument,
  type BriefFilter,
  type BriefSummaryFragment,
  type ChannelFieldsFragment,
} from '@/graphql/generated';

export const BRIEFS_PAGE_SIZE = 20;

/** The briefs list (one filter at a time, keyset pages) and the managed channels, shared by the brief pages. */
export const useBriefsStore = defineStore('briefs', () => {
  const items = ref<BriefSummaryFragment[]>([]);
  const status = ref<'idle' | 'loading' | 'ready' | 'error'>('idle');
  const error = ref<unknown>(null);
  const hasMore = ref(false);
  const loadingMore = ref(false);
  let endCursor: string | null = null;
  let filter: BriefFilter = {};
  let generation = 0;

  async function load(next: BriefFilter) {
    filter = next;
    generation += 1;
    const mine = generation;
    status.value = 'loading';
    error.value = null;
    try {
      const { briefs } = await request(BriefsDocument, { filter, first: BRIEFS_PAGE_SIZE, after: null });
      if (mine !== generation) return;
      items.value = briefs.edges.map((edge) => edge.node);
      hasMore.value = briefs.pageInfo.hasNextPage;
      endCursor = briefs.pageInfo.endCursor;
      status.value = 'ready';
    } catch (e) {
      if (mine !== generation) return;
      error.value = e;
      status.value = 'error';
    }
  }

  async function more() {
    if (!hasMore.value || loadingMore.value) return;
    loadingMore.value = true;
    const mine = generation;
    try {
      const { briefs } = await request(BriefsDocument, { filter, first: BRIEFS_PAGE_SIZE, after: endCursor });
      if (mine !== generation) return;
      const known = new Set(items.value.map((item) => item.id));
      items.value.push(...briefs.edges.map((edge) => edge.node).filter((node) => !known.has(node.id)));
      hasMore.value = briefs.pageInfo.hasNextPage;
      endCursor = briefs.pageInfo.endCursor;
    } catch (e) {
      error.value = e;
    } finally {
      loadingMore.value = false;
    }
  }

  const channels = ref<ChannelFieldsFragment[]>([]);
  let channelsLoaded: Promise<void> | null = null;
  function loadChannels(force = false): Promise<void> {
    if (force) channelsLoaded = null;
    channelsLoaded ??= request(ChannelsDocument)
      .then(({ channels: list }) => {
        channels.value = list;
      })
      .catch((e) => {
        channelsLoaded = null;
        throw e;
      });
    return channelsLoaded;
  }

  async function addChannel(name: string) {
    const { createChannel } = await request(CreateChannelDocument, { name });
    channels.value.push(createChannel);
    return createChannel;
  }

  const teams = ref<{ id: string; name: string }[]>([]);
  const myTeamIds = ref<string[]>([]);
  let teamsLoaded: Promise<void> | null = null;
  function loadTeams(): Promise<void> {
    teamsLoaded ??= request(BriefTeamsDocument)
      .then(({ teams: all, me }) => {
        teams.value = all;
        myTeamIds.value = me?.teams.map((team) => team.id) ?? [];
      })
      .catch((e) => {
        teamsLoaded = null;
        throw e;
      });
    return teamsLoaded;
  }

  function reset() {
    items.value = [];
    status.value = 'idle';
    channels.value = [];
    channelsLoaded = null;
    teams.value = [];
    teamsLoaded = null;
  }

  return {
    items,
    status,
    error,
    hasMore,
    loadingMore,
    load,
    more,
    channels,
    loadChannels,
    addChannel,
    teams,
    myTeamIds,
    loadTeams,
    reset,
  };
});
