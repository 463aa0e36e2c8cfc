import type { Locale } from '@atelier/domain';

/** The arguments of acceptInvitation. */
export interface AcceptInvitationArgs {
  token: string;
  /** New customers: the name others see. Ignored for an existing account. */
  displayName?: string | null;
  /** New customers: their password. Existing account: its password, unless signed in as it already. */
  password?: string | null;
  /** New customers: their language (fr by default). */
  locale?: Locale | null;
}
