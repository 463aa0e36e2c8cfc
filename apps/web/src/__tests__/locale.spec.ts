import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { detectLocale, i18n, STORAGE_KEY } from '@/i18n';
import { useLocaleStore } from '@/stores/locale';
import { useSessionStore } from '@/stores/session';

describe('detectLocale', () => {
  it('uses French for French-speaking browsers', () => {
    expect(detectLocale(null, 'fr-FR')).toBe('fr');
    expect(detectLocale(null, 'fr')).toBe('fr');
    expect(detectLocale(null, 'FR-ca')).toBe('fr');
  });

  it('uses English for every other browser language', () => {
    expect(detectLocale(null, 'en-US')).toBe('en');
    expect(detectLocale(null, 'de-DE')).toBe('en');
    expect(detectLocale(null, 'frr')).toBe('fr'); // "starts with fr", as specified
    expect(detectLocale(null, undefined)).toBe('en');
  });

  it('prefers the remembered choice, ignoring junk', () => {
    expect(detectLocale('en', 'fr-FR')).toBe('en');
    expect(detectLocale('fr', 'en-GB')).toBe('fr');
    expect(detectLocale('klingon', 'fr-FR')).toBe('fr');
  });
});

describe('locale store', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    localStorage.clear();
    vi.restoreAllMocks();
  });

  it('applies a locale to vue-i18n, <html lang> and localStorage', () => {
    const store = useLocaleStore();
    store.apply('en');
    expect(i18n.global.locale.value).toBe('en');
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem(STORAGE_KEY)).toBe('en');
    store.apply('fr');
    expect(store.locale).toBe('fr');
    expect(document.documentElement.lang).toBe('fr');
  });

  it('does not call the API when nobody is signed in', async () => {
    const fetchMock = vi.spyOn(globalThis, 'fetch');
    await useLocaleStore().change('en');
    expect(fetchMock).not.toHaveBeenCalled();
    expect(i18n.global.locale.value).toBe('en');
  });

  it('saves the choice on the account when signed in', async () => {
    const user = { id: '1', email: 'a@b.co', displayName: 'A', role: 'MARKETER', locale: 'fr', active: true } as const;
    useSessionStore().user = { ...user };
    const fetchMock = vi.spyOn(globalThis, 'fetch').mockResolvedValue(
      new Response(JSON.stringify({ data: { updateMyLocale: { ...user, locale: 'en' } } }), {
        headers: { 'content-type': 'application/json' },
      }),
    );
    await useLocaleStore().change('en');
    expect(fetchMock).toHaveBeenCalledOnce();
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/graphql');
    expect(init?.credentials).toBe('same-origin');
    expect(JSON.parse(String(init?.body)).variables).toEqual({ locale: 'en' });
    expect(useSessionStore().user?.locale).toBe('en');
  });

  it('rolls back when the API refuses', async () => {
    useSessionStore().user = {
      id: '1',
      email: 'a@b.co',
      displayName: 'A',
      role: 'MARKETER',
      locale: 'fr',
      active: true,
    };
    const store = useLocaleStore();
    store.apply('fr');
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(
      new Response(JSON.stringify({ errors: [{ message: 'x', extensions: { code: 'UNAUTHENTICATED' } }] })),
    );
    await expect(store.change('en')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(store.locale).toBe('fr');
  });

  it('applies the saved locale of the user who signs in', async () => {
    const store = useLocaleStore();
    store.apply('fr');
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(
      new Response(
        JSON.stringify({
          data: {
            signIn: { id: '1', email: 'a@b.co', displayName: 'A', role: 'MARKETER', locale: 'en', active: true },
          },
        }),
      ),
    );
    await useSessionStore().signIn('a@b.co', 'whatever-long');
    expect(store.locale).toBe('en');
    expect(i18n.global.locale.value).toBe('en');
  });
});
