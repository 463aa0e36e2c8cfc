import { DomainError, badInput, validateDisplayName, validatePassword } from '@atelier/domain';

export type InvitationMode = 'newAccount' | 'existingAccount' | 'signedIn';

export interface InvitationForm {
  displayName: string;
  password: string;
  confirm: string;
}

export type InvitationFieldErrors = Partial<Record<keyof InvitationForm, DomainError>>;

/**
 * Checks the invitation form with the same rules as the API (display name and password from
 * @atelier/domain), so a person sees every problem at once before anything is sent.
 */
export function validateInvitationForm(mode: InvitationMode, form: InvitationForm): InvitationFieldErrors {
  const errors: InvitationFieldErrors = {};
  const attempt = (field: keyof InvitationForm, check: () => unknown) => {
    try {
      check();
    } catch (e) {
      if (e instanceof DomainError) errors[field] = e;
      else throw e;
    }
  };
  if (mode === 'newAccount') {
    attempt('displayName', () => validateDisplayName(form.displayName));
    attempt('password', () => validatePassword(form.password));
    if (!errors.password && form.confirm !== form.password) {
      errors.confirm = badInput('passwordsDiffer', 'The two passwords differ.', 'confirm');
    }
  } else if (mode === 'existingAccount' && !form.password) {
    errors.password = badInput('required', 'Enter your password.', 'password');
  }
  return errors;
}
