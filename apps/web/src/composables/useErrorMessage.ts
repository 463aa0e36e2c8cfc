import { useI18n } from 'vue-i18n';
import { translateError } from '@/i18n/translate-error';

/** Turns any error (API, validation, network) into a translated sentence. */
export function useErrorMessage() {
  const { t, te } = useI18n();
  return (error: unknown): string => translateError(error, { t: (k, p) => t(k, p ?? {}), te: (k) => te(k) });
}
