import { createI18n } from 'vue-i18n';
import { LOCALES, type Locale } from '@atelier/domain';
import en from './en.json';
import fr from './fr.json';

export type MessageSchema = typeof en;

export const STORAGE_KEY = 'atelier.locale';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The remembered choice wins; otherwise French for French-speaking browsers, English for everyone else. */
export function detectLocale(stored: string | null | undefined, browserLanguage: string | null | undefined): Locale {
  if (isLocale(stored)) return stored;
  return browserLanguage?.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

export function readStoredLocale(): string | null {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}

export const i18n = createI18n<[MessageSchema], Locale, false>({
  legacy: false,
  locale: detectLocale(readStoredLocale(), globalThis.navigator?.language),
  fallbackLocale: 'en',
  messages: { en, fr },
});
