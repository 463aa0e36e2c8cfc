import { onBeforeUnmount, watch } from 'vue';
import type { LiveEventName } from '@atelier/domain';
import { useLive } from './useLive';

export interface LiveScope {
  type: 'BRIEF' | 'THREAD';
  id: string;
  /** A thread's staff room too (notes, shortlist): staff pages only; the API refuses anyone else. */
  staff?: boolean;
}

type Handlers = Partial<Record<LiveEventName, (payload: Record<string, unknown>) => void>>;

/**
 * Live events of one brief or co-creation thread while the page shows it. The API checks the viewer
 * may read it before joining its room (spaces are joined at connection, no need to ask). The room is
 * asked for again after a reconnection, and left when the page goes or shows another one.
 */
export function useLiveScope(scope: () => LiveScope | null, handlers: Handlers): void {
  const live = useLive();
  let current: LiveScope | null = null;

  const subscribe = () => {
    if (current) live.emit('scope.subscribe', { ...current });
  };
  const stopReconnect = live.onConnect(subscribe);
  const stopHandlers = Object.entries(handlers).map(([event, handler]) =>
    live.on(event as LiveEventName, (payload) => {
      const { scopeId, threadId, briefId } = payload as { scopeId?: unknown; threadId?: unknown; briefId?: unknown };
      if (current && [scopeId, threadId, briefId].includes(current.id)) handler!(payload);
    }),
  );

  watch(
    () => {
      const next = scope();
      return next ? `${next.type}:${next.id}:${next.staff ? 'staff' : ''}` : '';
    },
    () => {
      if (current) live.emit('scope.unsubscribe', { ...current });
      current = scope();
      subscribe();
    },
    { immediate: true },
  );

  onBeforeUnmount(() => {
    if (current) live.emit('scope.unsubscribe', { ...current });
    current = null;
    stopReconnect();
    for (const stop of stopHandlers) stop();
  });
}
