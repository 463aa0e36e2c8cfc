import { DomainError } from '../errors';
import {
  checkThreadTransition,
  invitationStatusAt,
  isWellFormedInvitationToken,
  mergedVoters,
  mergeRefusal,
  offerTransitionRefusal,
  threadStatusAt,
  validateInvitationEmails,
  validateOfferTerms,
  validateProposal,
  validateThreadDates,
  ThreadSchedule,
} from './index';

const day = (n: number) => new Date(Date.UTC(2026, 0, n));
const thread = (overrides: Partial<ThreadSchedule> = {}): ThreadSchedule => ({
  status: 'OPEN',
  opensAt: day(1),
  closesAt: day(10),
  votingEndsAt: day(20),
  ...overrides,
});
const reasonOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (error) {
    return (error as DomainError).details.reason;
  }
  return undefined;
};

describe('thread status by date', () => {
  it('keeps a draft a draft, whatever the dates', () => {
    expect(threadStatusAt(thread({ status: 'DRAFT' }), day(30))).toBe('DRAFT');
  });

  it('moves an open thread to voting at closesAt, exactly', () => {
    expect(threadStatusAt(thread(), new Date(day(10).getTime() - 1))).toBe('OPEN');
    expect(threadStatusAt(thread(), day(10))).toBe('VOTING');
  });

  it('closes a voting thread at votingEndsAt, and an open one past both dates', () => {
    expect(threadStatusAt(thread({ status: 'VOTING' }), day(20))).toBe('CLOSED');
    expect(threadStatusAt(thread(), day(25))).toBe('CLOSED');
  });

  it('leaves a voting thread without an end of voting to staff', () => {
    expect(threadStatusAt(thread({ status: 'VOTING', votingEndsAt: null }), day(300))).toBe('VOTING');
  });

  it('never moves a thread backwards: staff closing early stays closed', () => {
    expect(threadStatusAt(thread({ status: 'CLOSED' }), day(2))).toBe('CLOSED');
    expect(threadStatusAt(thread({ status: 'VOTING' }), day(2))).toBe('VOTING');
  });
});

describe('thread transitions by staff', () => {
  it('allows forward moves, skipping steps once open', () => {
    expect(checkThreadTransition(thread({ status: 'DRAFT' }), 'OPEN', day(2))).toBe('OPEN');
    expect(checkThreadTransition(thread(), 'VOTING', day(2))).toBe('VOTING');
    expect(checkThreadTransition(thread(), 'CLOSED', day(2))).toBe('CLOSED');
  });

  it('refuses going back, skipping the opening of a draft, and staying put', () => {
    expect(reasonOf(() => checkThreadTransition(thread({ status: 'VOTING' }), 'OPEN', day(2)))).toBe(
      'threadTransitionNotAllowed',
    );
    expect(reasonOf(() => checkThreadTransition(thread({ status: 'DRAFT' }), 'VOTING', day(2)))).toBe(
      'threadTransitionNotAllowed',
    );
    expect(reasonOf(() => checkThreadTransition(thread(), 'OPEN', day(2)))).toBe('threadAlreadyInStatus');
  });

  it('refuses opening a draft whose proposal period is over', () => {
    expect(reasonOf(() => checkThreadTransition(thread({ status: 'DRAFT' }), 'OPEN', day(12)))).toBe(
      'threadDatesPassed',
    );
  });

  it('checks dates follow each other', () => {
    expect(reasonOf(() => validateThreadDates(day(5), day(5), null))).toBe('closesBeforeOpens');
    expect(reasonOf(() => validateThreadDates(day(1), day(5), day(4)))).toBe('votingEndsBeforeCloses');
    expect(reasonOf(() => validateThreadDates(day(1), day(5), null))).toBeUndefined();
  });
});

describe('invitations', () => {
  const base = { expiresAt: day(15), acceptedAt: null, revokedAt: null };

  it('is pending until it expires, then expired', () => {
    expect(invitationStatusAt(base, day(14))).toBe('PENDING');
    expect(invitationStatusAt(base, day(15))).toBe('EXPIRED');
  });

  it('is accepted once used, and revoked whatever happened before', () => {
    expect(invitationStatusAt({ ...base, acceptedAt: day(2) }, day(30))).toBe('ACCEPTED');
    expect(invitationStatusAt({ ...base, acceptedAt: day(2), revokedAt: day(3) }, day(4))).toBe('REVOKED');
  });

  it('recognises only the shape of the tokens it issues', () => {
    expect(isWellFormedInvitationToken('a'.repeat(43))).toBe(true);
    expect(isWellFormedInvitationToken('a'.repeat(42))).toBe(false);
    expect(isWellFormedInvitationToken(`${'a'.repeat(42)}=`)).toBe(false);
  });

  it('validates every address before anything, naming the bad one, and dedupes', () => {
    expect(validateInvitationEmails([' Ana@Client.example', 'ana@client.example', 'bo@client.example'])).toEqual([
      'ana@client.example',
      'bo@client.example',
    ]);
    let message = '';
    try {
      validateInvitationEmails(['ana@client.example', 'not-an-address']);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('not-an-address');
    expect(reasonOf(() => validateInvitationEmails([' ']))).toBe('required');
  });
});

describe('proposals and votes', () => {
  it('validates title, description and at most 4 images', () => {
    expect(validateProposal({ title: ' Toit ', description: ' Noir ', imageIds: ['a', 'a'] })).toEqual({
      title: 'Toit',
      description: 'Noir',
      imageIds: ['a'],
    });
    expect(reasonOf(() => validateProposal({ title: '', description: 'x' }))).toBe('required');
    expect(
      reasonOf(() => validateProposal({ title: 'x', description: 'x', imageIds: ['1', '2', '3', '4', '5'] })),
    ).toBe('tooManyImages');
  });

  it('counts a person who voted for both proposals once after a merge', () => {
    expect(mergedVoters(['ana', 'bo'], ['bo', 'cy']).sort()).toEqual(['ana', 'bo', 'cy']);
  });

  it('refuses merging into itself, across threads, or into a merged proposal', () => {
    const a = { id: 'a', threadId: 't', status: 'ACTIVE' as const };
    expect(mergeRefusal(a, a)).not.toBeNull();
    expect(mergeRefusal(a, { id: 'b', threadId: 'u', status: 'ACTIVE' })).not.toBeNull();
    expect(mergeRefusal(a, { id: 'b', threadId: 't', status: 'MERGED' })).not.toBeNull();
    expect(mergeRefusal(a, { id: 'b', threadId: 't', status: 'ACTIVE' })).toBeNull();
  });
});

describe('offers', () => {
  it('lets a manager or an admin approve, not a marketer', () => {
    expect(offerTransitionRefusal('DRAFT', 'APPROVED', 'MANAGER')).toBeNull();
    expect(offerTransitionRefusal('DRAFT', 'APPROVED', 'ADMIN')).toBeNull();
    expect(offerTransitionRefusal('DRAFT', 'APPROVED', 'MARKETER')).not.toBeNull();
  });

  it('follows DRAFT → APPROVED → PUBLISHED → WITHDRAWN only', () => {
    expect(offerTransitionRefusal('DRAFT', 'PUBLISHED', 'ADMIN')).not.toBeNull();
    expect(offerTransitionRefusal('APPROVED', 'PUBLISHED', 'MARKETER')).toBeNull();
    expect(offerTransitionRefusal('PUBLISHED', 'WITHDRAWN', 'MARKETER')).toBeNull();
    expect(offerTransitionRefusal('WITHDRAWN', 'PUBLISHED', 'ADMIN')).not.toBeNull();
  });

  it('takes a price or a discount, not both, and ordered dates', () => {
    const terms = { price: null, discountPercent: 15, currency: 'eur', validFrom: '2026-03-01', validUntil: null };
    expect(validateOfferTerms(terms).currency).toBe('EUR');
    expect(reasonOf(() => validateOfferTerms({ ...terms, price: 10 }))).toBe('priceOrDiscount');
    expect(reasonOf(() => validateOfferTerms({ ...terms, validUntil: '2026-02-01' }))).toBe('validUntilBeforeFrom');
    expect(reasonOf(() => validateOfferTerms({ ...terms, discountPercent: 120 }))).toBe('invalidDiscount');
  });
});
