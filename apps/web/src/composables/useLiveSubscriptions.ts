import { onBeforeUnmount, onMounted } from 'vue';
import { useLive, type LiveEventName, type LiveHandler } from './useLive';

/** Subscribes a component to live events for as long as it is mounted. */
export function useLiveSubscriptions(
  subscriptions: Partial<Record<LiveEventName, LiveHandler>>,
  onReconnect?: () => void,
) {
  const live = useLive();
  const off: (() => void)[] = [];
  onMounted(() => {
    for (const [event, handler] of Object.entries(subscriptions) as [LiveEventName, LiveHandler][]) {
      off.push(live.on(event, handler));
    }
    if (onReconnect) off.push(live.onReconnect(onReconnect));
  });
  onBeforeUnmount(() => off.splice(0).forEach((f) => f()));
}
