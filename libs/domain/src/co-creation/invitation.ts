import { badInput } from '../errors';
import { validateEmail } from '../validation';

export const INVITATION_STATUSES = ['PENDING', 'ACCEPTED', 'EXPIRED', 'REVOKED'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

export const DEFAULT_INVITATION_TTL_DAYS = 14;
/** 32 random bytes: 256 bits, far beyond guessing. */
export const INVITATION_TOKEN_BYTES = 32;
/** base64url of 32 bytes, without padding. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
export const INVITE_MAX_EMAILS = 50;

export interface InvitationState {
  expiresAt: Date;
  acceptedAt: Date | null;
  revokedAt: Date | null;
}

/** Revocation wins over acceptance (it also takes the access back); an unused link expires. */
export function invitationStatusAt(invitation: InvitationState, now: Date): InvitationStatus {
  if (invitation.revokedAt) return 'REVOKED';
  if (invitation.acceptedAt) return 'ACCEPTED';
  if (now.getTime() >= invitation.expiresAt.getTime()) return 'EXPIRED';
  return 'PENDING';
}

export function invitationExpiry(from: Date, ttlDays: number): Date {
  return new Date(from.getTime() + ttlDays * 86_400_000);
}

/** Cheap shape check before any hashing or query: anything else cannot be a token we issued. */
export const isWellFormedInvitationToken = (token: string): boolean => TOKEN_PATTERN.test(token);

/**
 * The one answer for every unusable link (used, expired, revoked, tampered, unknown): telling them
 * apart would tell a guesser which tokens exist.
 */
export const invitationInvalid = () =>
  badInput(
    'invitationInvalid',
    'This invitation link is not valid any more. Ask the person who invited you for a new one.',
    'token',
  );

/**
 * Every address checked before anything is sent: one bad address refuses the whole list, naming
 * it. Duplicates (whatever their case) count once.
 */
export function validateInvitationEmails(emails: readonly string[]): string[] {
  const cleaned = emails.map((email) => email.trim()).filter(Boolean);
  if (!cleaned.length) throw badInput('required', 'Give at least one e-mail address to invite.', 'emails');
  if (cleaned.length > INVITE_MAX_EMAILS) {
    throw badInput('tooManyEmails', `Invite at most ${INVITE_MAX_EMAILS} people at once.`, 'emails', {
      max: INVITE_MAX_EMAILS,
    });
  }
  const valid: string[] = [];
  for (const email of cleaned) {
    try {
      valid.push(validateEmail(email, 'emails'));
    } catch {
      throw badInput('invalidEmail', `"${email}" is not a valid e-mail address: nobody was invited.`, 'emails', {
        email,
      });
    }
  }
  return [...new Set(valid)];
}
