import { onBeforeUnmount, ref, watch, type Ref } from 'vue';

/**
 * Calls `loadMore` when the sentinel element scrolls into view (with some margin). Pages still show
 * a "Load more" button next to the sentinel, for keyboard users and browsers without the observer.
 */
export function useInfiniteScroll(sentinel: Ref<HTMLElement | null>, loadMore: () => void, enabled: Ref<boolean>) {
  const supported = ref(typeof IntersectionObserver !== 'undefined');
  let observer: IntersectionObserver | null = null;

  function disconnect() {
    observer?.disconnect();
    observer = null;
  }

  watch(
    [sentinel, enabled],
    ([el, on]) => {
      disconnect();
      if (!el || !on || !supported.value) return;
      observer = new IntersectionObserver(
        (entries) => {
          if (entries.some((entry) => entry.isIntersecting)) loadMore();
        },
        { rootMargin: '400px 0px' },
      );
      observer.observe(el);
    },
    { immediate: true, flush: 'post' },
  );
  onBeforeUnmount(disconnect);
  return { supported };
}
