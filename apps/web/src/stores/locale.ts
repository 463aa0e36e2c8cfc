import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { Locale } from '@atelier/domain';
import { i18n, STORAGE_KEY } from '@/i18n';
import { request } from '@/graphql/client';
import { UpdateMyLocaleDocument } from '@/graphql/generated';
import { useSessionStore } from './session';

export const useLocaleStore = defineStore('locale', () => {
  const locale = ref<Locale>(i18n.global.locale.value);

  /** Shows the interface in `next` and remembers it on this device. */
  function apply(next: Locale) {
    locale.value = next;
    i18n.global.locale.value = next;
    if (typeof document !== 'undefined') document.documentElement.lang = next;
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      /* private mode: the choice just won't be remembered */
    }
  }

  /** The person chose a language: apply it, and save it on their account when signed in. */
  async function change(next: Locale) {
    const previous = locale.value;
    apply(next);
    const session = useSessionStore();
    if (!session.user) return;
    try {
      const { updateMyLocale } = await request(UpdateMyLocaleDocument, { locale: next });
      session.user = updateMyLocale;
    } catch (error) {
      apply(previous);
      throw error;
    }
  }

  apply(locale.value);
  return { locale, apply, change };
});
