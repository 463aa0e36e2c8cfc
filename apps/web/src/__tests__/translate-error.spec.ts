import { describe, expect, it } from 'vitest';
import { createI18n } from 'vue-i18n';
import { validateEmail, validatePassword } from '@atelier/domain';
import { ApiError } from '@/graphql/client';
import { errorField, translateError, type Translator } from '@/i18n/translate-error';
import en from '@/i18n/en.json';
import fr from '@/i18n/fr.json';

function translator(locale: 'en' | 'fr'): Translator {
  const i18n = createI18n({ legacy: false, locale, messages: { en, fr } });
  return { t: (k, p) => i18n.global.t(k, p ?? {}), te: (k) => i18n.global.te(k) };
}

const thrown = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
};

describe('translateError', () => {
  it('translates the reason, with its params', () => {
    const error = new ApiError({
      code: 'TOO_MANY_REQUESTS',
      reason: 'tooManyAttempts',
      params: { retryAfterMinutes: 15 },
      message: 'Too many attempts',
    });
    expect(translateError(error, translator('fr'))).toBe('Trop de tentatives de connexion. Réessayez dans 15 min.');
    expect(translateError(error, translator('en'))).toBe('Too many sign-in attempts. Please try again in 15 min.');
  });

  it('falls back to the code when the reason is unknown', () => {
    const error = new ApiError({ code: 'FORBIDDEN', reason: 'somethingNew', message: 'Nope' });
    expect(translateError(error, translator('en'))).toBe('You are not allowed to do this.');
  });

  it('falls back to the server message when neither reason nor code is known', () => {
    const error = new ApiError({ code: 'TEAPOT', message: 'I am a teapot' });
    expect(translateError(error, translator('en'))).toBe('I am a teapot');
  });

  it('translates client-side DomainErrors from the shared validators', () => {
    expect(
      translateError(
        thrown(() => validatePassword('short')),
        translator('fr'),
      ),
    ).toBe('Le mot de passe doit contenir au moins 10 caractères.');
    expect(
      translateError(
        thrown(() => validateEmail('nope')),
        translator('en'),
      ),
    ).toBe('Enter a valid e-mail address.');
  });

  it('uses a generic message for anything else', () => {
    expect(translateError(new TypeError('boom'), translator('en'))).toBe('Something went wrong. Please try again.');
    expect(translateError(undefined, translator('fr'))).toBe('Une erreur est survenue. Veuillez réessayer.');
  });

  it('reports the field an error is about', () => {
    expect(errorField(new ApiError({ code: 'CONFLICT', reason: 'emailTaken', field: 'email', message: '' }))).toBe(
      'email',
    );
    expect(errorField(thrown(() => validatePassword('x', 'next')))).toBe('next');
    expect(errorField(new Error('x'))).toBeUndefined();
  });
});

describe('translations', () => {
  const keys = (o: object, prefix = ''): string[] =>
    Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));

  it('French and English have exactly the same keys', () => {
    expect(keys(fr).sort()).toEqual(keys(en).sort());
  });

  it('every reason the API uses has a translation', () => {
    const reasons = [
      'invalidCredentials',
      'tooManyAttempts',
      'invalidEmail',
      'passwordTooShort',
      'passwordTooLong',
      'required',
      'tooLong',
      'invalidLocale',
      'invalidRole',
      'emailTaken',
      'teamNameTaken',
      'wrongCurrentPassword',
      'lastAdmin',
      'unknownTeam',
      'notFound',
      'forbidden',
      'unauthenticated',
    ];
    for (const reason of reasons) {
      expect(Object.keys(en.errors)).toContain(reason);
      expect(Object.keys(fr.errors)).toContain(reason);
    }
  });
});
