import { getCurrentScope, onScopeDispose } from 'vue';

/**
 * Several live events often come together (a comment, its notification, a reaction): one quiet
 * refetch for them all, `delay` ms after the last. Nothing runs once the page has gone.
 */
export function useRefreshSoon(refresh: () => void, delay = 150): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  if (getCurrentScope()) onScopeDispose(() => clearTimeout(timer));
  return () => {
    clearTimeout(timer);
    timer = setTimeout(refresh, delay);
  };
}
