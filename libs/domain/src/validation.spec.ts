import { DomainError } from './errors';
import { validateDisplayName, validateEmail, validateLocale, validatePassword, validateRole } from './validation';

const reasonOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error.details.reason;
    throw error;
  }
  return undefined;
};

describe('validation', () => {
  it('normalises e-mail addresses to lower case and trims them', () => {
    expect(validateEmail('  Camille.Martin@Atelier.Example ')).toBe('camille.martin@atelier.example');
  });

  it.each(['', 'no-at-sign', 'a@b', 'two@@example.com', 'spa ce@example.com'])('refuses the e-mail %p', (email) => {
    expect(reasonOf(() => validateEmail(email))).toBe('invalidEmail');
  });

  it('requires passwords of 10 characters or more', () => {
    expect(reasonOf(() => validatePassword('123456789'))).toBe('passwordTooShort');
    expect(validatePassword('1234567890')).toBe('1234567890');
    expect(reasonOf(() => validatePassword('x'.repeat(257)))).toBe('passwordTooLong');
  });

  it('trims display names and refuses empty or long ones', () => {
    expect(validateDisplayName('  Léa Fontaine ')).toBe('Léa Fontaine');
    expect(reasonOf(() => validateDisplayName('   '))).toBe('required');
    expect(reasonOf(() => validateDisplayName('x'.repeat(81)))).toBe('tooLong');
  });

  it('knows the two locales and four roles', () => {
    expect(validateLocale('fr')).toBe('fr');
    expect(reasonOf(() => validateLocale('de'))).toBe('invalidLocale');
    expect(validateRole('MANAGER')).toBe('MANAGER');
    expect(reasonOf(() => validateRole('ROOT'))).toBe('invalidRole');
  });
});
