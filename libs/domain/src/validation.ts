import { badInput } from './errors';
import { LOCALES, Locale, ROLES, Role } from './roles';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;
export const DISPLAY_NAME_MAX_LENGTH = 80;
export const TEAM_NAME_MAX_LENGTH = 60;
export const EMAIL_MAX_LENGTH = 254;

// Deliberately simple: one @, something on each side, a dot in the domain, no spaces.
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function validateEmail(email: string, field = 'email'): string {
  const normalized = normalizeEmail(email);
  if (normalized.length === 0 || normalized.length > EMAIL_MAX_LENGTH || !EMAIL_PATTERN.test(normalized)) {
    throw badInput('invalidEmail', `"${email}" is not a valid e-mail address.`, field);
  }
  return normalized;
}

export function validatePassword(password: string, field = 'password'): string {
  if (password.length < PASSWORD_MIN_LENGTH) {
    throw badInput('passwordTooShort', `The password must be at least ${PASSWORD_MIN_LENGTH} characters long.`, field, {
      min: PASSWORD_MIN_LENGTH,
    });
  }
  if (password.length > PASSWORD_MAX_LENGTH) {
    throw badInput('passwordTooLong', `The password must be at most ${PASSWORD_MAX_LENGTH} characters long.`, field, {
      max: PASSWORD_MAX_LENGTH,
    });
  }
  return password;
}

export function validateDisplayName(name: string, field = 'displayName'): string {
  const trimmed = name.trim();
  if (trimmed.length === 0) throw badInput('required', 'The display name cannot be empty.', field);
  if (trimmed.length > DISPLAY_NAME_MAX_LENGTH) {
    throw badInput('tooLong', `The display name must be at most ${DISPLAY_NAME_MAX_LENGTH} characters.`, field, {
      max: DISPLAY_NAME_MAX_LENGTH,
    });
  }
  return trimmed;
}

export function validateTeamName(name: string, field = 'name'): string {
  const trimmed = name.trim();
  if (trimmed.length === 0) throw badInput('required', 'The team name cannot be empty.', field);
  if (trimmed.length > TEAM_NAME_MAX_LENGTH) {
    throw badInput('tooLong', `The team name must be at most ${TEAM_NAME_MAX_LENGTH} characters.`, field, {
      max: TEAM_NAME_MAX_LENGTH,
    });
  }
  return trimmed;
}

export function validateLocale(locale: string, field = 'locale'): Locale {
  if (!(LOCALES as readonly string[]).includes(locale)) {
    throw badInput('invalidLocale', `The language must be one of: ${LOCALES.join(', ')}.`, field);
  }
  return locale as Locale;
}

export function validateRole(role: string, field = 'role'): Role {
  if (!(ROLES as readonly string[]).includes(role)) {
    throw badInput('invalidRole', `The role must be one of: ${ROLES.join(', ')}.`, field);
  }
  return role as Role;
}
