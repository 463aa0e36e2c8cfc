import { onBeforeUnmount, ref } from 'vue';

const now = ref(new Date());
let users = 0;
let timer: ReturnType<typeof setInterval> | undefined;

/** A clock shared by every relative time on screen, ticking once a minute while one is shown. */
export function useNow() {
  if (users++ === 0) timer = setInterval(() => (now.value = new Date()), 60_000);
  onBeforeUnmount(() => {
    if (--users === 0) clearInterval(timer);
  });
  return now;
}
