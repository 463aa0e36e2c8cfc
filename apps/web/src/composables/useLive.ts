import { ref, readonly } from 'vue';
import type { Socket } from 'socket.io-client';
import { LIVE_EVENT_NAMES, type LiveEventName } from '@atelier/domain';

export type { LiveEventName };

export interface LivePayload {
  postId?: string;
  spaceId?: string;
  commentId?: string;
  parentId?: string | null;
  targetId?: string;
  unreadCount?: number;
  [key: string]: unknown;
}

export type LiveHandler = (payload: LivePayload) => void;

const connected = ref(false);

/** Mirrors the connection on <html data-live> (for styling and browser tests). */
function setConnected(value: boolean) {
  connected.value = value;
  if (typeof document !== 'undefined') document.documentElement.dataset.live = value ? 'on' : 'off';
}
const handlers = new Map<LiveEventName, Set<LiveHandler>>();
const reconnectHandlers = new Set<() => void>();
const connectHandlers = new Set<() => void>();
let socket: Socket | null = null;
let starting: Promise<void> | null = null;
/** Bumped on every stop, so a connection still being set up when the user signs out is dropped. */
let generation = 0;

function dispatch(event: LiveEventName, payload: unknown) {
  const data = (payload && typeof payload === 'object' ? payload : {}) as LivePayload;
  for (const handler of handlers.get(event) ?? []) {
    try {
      handler(data);
    } catch (error) {
      console.error(`live handler for ${event} failed`, error);
    }
  }
}

function retryLater(s: Socket, mine: number) {
  setTimeout(() => {
    if (mine === generation && socket === s && !s.connected) s.connect();
  }, 5_000);
}

/** Opens the socket (same origin, session cookie). socket.io-client is loaded only now, after sign-in. */
function start(): Promise<void> {
  if (socket || starting) return starting ?? Promise.resolve();
  const mine = generation;
  starting = import('socket.io-client')
    .then(({ io }) => {
      if (mine !== generation) return;
      const s = io({
        path: '/socket.io',
        withCredentials: true,
        reconnectionDelay: 1000,
        reconnectionDelayMax: 30_000,
      });
      let everConnected = false;
      s.on('connect', () => {
        setConnected(true);
        // After a drop, what changed meanwhile was missed: pages refresh what they show.
        if (everConnected) for (const h of reconnectHandlers) h();
        everConnected = true;
        // Rooms asked for (a brief, a thread) do not survive a connection: ask again on each.
        for (const h of connectHandlers) h();
      });
      s.on('disconnect', (reason) => {
        setConnected(false);
        // The server closed it (session checks, restart): try again later; a gone session is refused then.
        if (reason === 'io server disconnect') retryLater(s, mine);
      });
      s.on('connect_error', (error) => {
        // Refusals by the handshake are not retried by socket.io itself; a temporary one is, here.
        if (!s.active && error.message !== 'unauthenticated' && error.message !== 'forbiddenOrigin')
          retryLater(s, mine);
      });
      for (const event of LIVE_EVENT_NAMES) s.on(event, (payload: unknown) => dispatch(event, payload));
      socket = s;
    })
    .catch((error) => console.warn('live updates unavailable', error))
    .finally(() => (starting = null));
  return starting;
}

function stop() {
  generation++;
  socket?.removeAllListeners();
  socket?.disconnect();
  socket = null;
  setConnected(false);
}

/**
 * Live updates over socket.io. App.vue starts it after sign-in and stops it at sign-out;
 * pages and stores subscribe with `on(event, handler)` (returns the unsubscribe function)
 * and `onReconnect(handler)` to catch up after a drop; `useLiveScope` joins a brief's or a
 * thread's room through `onConnect` and `emit`.
 */
export function useLive() {
  function on(event: LiveEventName, handler: LiveHandler): () => void {
    let set = handlers.get(event);
    if (!set) handlers.set(event, (set = new Set()));
    set.add(handler);
    return () => set.delete(handler);
  }
  function onReconnect(handler: () => void): () => void {
    reconnectHandlers.add(handler);
    return () => reconnectHandlers.delete(handler);
  }
  /** Runs now if connected, and on every (re)connection until the returned function is called. */
  function onConnect(handler: () => void): () => void {
    connectHandlers.add(handler);
    if (socket?.connected) handler();
    return () => connectHandlers.delete(handler);
  }
  /** Sends a message to the server if connected (subscriptions are re-sent by their onConnect). */
  function emit(event: 'scope.subscribe' | 'scope.unsubscribe', payload: Record<string, unknown>): void {
    if (socket?.connected) socket.emit(event, payload);
  }
  return { connected: readonly(connected), start, stop, on, onReconnect, onConnect, emit };
}

/** For tests: deliver an event as if the server had sent it. */
export const __dispatchLiveEvent = dispatch;
