import { defineStore } from 'pinia';
import { reactive, ref } from 'vue';
import { request } from '@/graphql/client';
import {
  DeleteTimeSavedDocument,
  LogTimeSavedDocument,
  SavedMeTimeDocument,
  SetTimeSavedDefaultsDocument,
  TimeSavedCountersDocument,
  TimeSavedQuickEntryDocument,
  UndoSavedMeTimeDocument,
  UpdateTimeSavedDocument,
  type ContentTimeSavedFieldsFragment,
  type LogTimeSavedInput,
  type TimeSavedCategory,
  type TimeSavedContentType,
  type TimeSavedEntryFieldsFragment,
  type TimeSavedInput,
} from '@/graphql/generated';

const BATCH = 100;

/**
 * Time saved, shared by the one-click buttons (their counters are fetched in one request per page),
 * the quick-entry dialog of the shell and the "My time saved" page.
 */
export const useTimeSavedStore = defineStore('timeSaved', () => {
  const counters = reactive(new Map<string, ContentTimeSavedFieldsFragment>());
  const quickEntryOpen = ref(false);
  /** Bumped on every change, so the pages that list entries know to reload. */
  const revision = ref(0);
  let queued = new Set<string>();
  let scheduled = false;

  async function fetchCounters(ids: string[]) {
    for (let i = 0; i < ids.length; i += BATCH) {
      const { timeSavedCounters } = await request(TimeSavedCountersDocument, { contentIds: ids.slice(i, i + BATCH) });
      for (const counter of timeSavedCounters) counters.set(counter.contentId, counter);
    }
  }

  /** Asks for a content's counters; the asks of one render are sent together. */
  function want(contentId: string) {
    if (counters.has(contentId)) return;
    queued.add(contentId);
    if (scheduled) return;
    scheduled = true;
    setTimeout(() => {
      const ids = [...queued];
      queued = new Set();
      scheduled = false;
      // A counter that fails to load just stays hidden: the button still works.
      fetchCounters(ids).catch(() => undefined);
    }, 0);
  }

  function changed() {
    revision.value += 1;
  }

  async function click(contentType: TimeSavedContentType, contentId: string, minutes?: number) {
    const { savedMeTime } = await request(SavedMeTimeDocument, { contentType, contentId, minutes: minutes ?? null });
    await fetchCounters([contentId]);
    changed();
    return savedMeTime;
  }

  async function undo(entryId: string, contentId: string) {
    await request(UndoSavedMeTimeDocument, { id: entryId });
    await fetchCounters([contentId]);
    changed();
  }

  async function quickEntryDefaults() {
    return request(TimeSavedQuickEntryDocument);
  }

  async function log(input: LogTimeSavedInput): Promise<TimeSavedEntryFieldsFragment> {
    const { logTimeSaved } = await request(LogTimeSavedDocument, { input });
    changed();
    return logTimeSaved;
  }

  async function update(id: string, input: TimeSavedInput): Promise<TimeSavedEntryFieldsFragment> {
    const { updateTimeSaved } = await request(UpdateTimeSavedDocument, { id, input });
    if (updateTimeSaved.contentId) await fetchCounters([updateTimeSaved.contentId]);
    changed();
    return updateTimeSaved;
  }

  async function remove(entry: TimeSavedEntryFieldsFragment) {
    await request(DeleteTimeSavedDocument, { id: entry.id });
    if (entry.contentId) await fetchCounters([entry.contentId]);
    changed();
  }

  async function setDefaults(minutes: number, category: TimeSavedCategory) {
    const { setTimeSavedDefaults } = await request(SetTimeSavedDefaultsDocument, { minutes, category });
    changed();
    return setTimeSavedDefaults;
  }

  function reset() {
    counters.clear();
    queued = new Set();
    quickEntryOpen.value = false;
  }

  return {
    counters,
    quickEntryOpen,
    revision,
    want,
    click,
    undo,
    quickEntryDefaults,
    log,
    update,
    remove,
    setDefaults,
    reset,
  };
});
