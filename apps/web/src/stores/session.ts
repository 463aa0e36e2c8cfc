import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { request } from '@/graphql/client';
import { MeDocument, SignInDocument, SignOutDocument, type SessionUserFragment } from '@/graphql/generated';
import { useLocaleStore } from './locale';

export type SessionStatus = 'idle' | 'loading' | 'ready' | 'error';

export const useSessionStore = defineStore('session', () => {
  const user = ref<SessionUserFragment | null>(null);
  const status = ref<SessionStatus>('idle');
  const loadError = ref<unknown>(null);
  let pending: Promise<void> | null = null;

  const signedIn = computed(() => user.value !== null);

  function adopt(next: SessionUserFragment | null) {
    user.value = next;
    if (next) useLocaleStore().apply(next.locale);
  }

  /** Asks the API who we are, once; later calls reuse the answer. */
  function ensureLoaded(): Promise<void> {
    if (status.value === 'ready' || status.value === 'error') return Promise.resolve();
    pending ??= (async () => {
      status.value = 'loading';
      try {
        const { me } = await request(MeDocument);
        adopt(me);
        status.value = 'ready';
      } catch (error) {
        loadError.value = error;
        user.value = null;
        status.value = 'error';
      } finally {
        pending = null;
      }
    })();
    return pending;
  }

  async function signIn(email: string, password: string) {
    const result = await request(SignInDocument, { email, password });
    adopt(result.signIn);
    status.value = 'ready';
    loadError.value = null;
    return result.signIn;
  }

  async function signOut() {
    try {
      await request(SignOutDocument);
    } finally {
      user.value = null;
    }
  }

  /** The API said the session is gone (expired, account deactivated): forget it locally. */
  function expire() {
    user.value = null;
  }

  return { user, status, loadError, signedIn, ensureLoaded, signIn, signOut, expire };
});
