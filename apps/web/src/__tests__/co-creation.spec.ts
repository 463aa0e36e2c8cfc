import { describe, expect, it } from 'vitest';
import type { Actor, Role } from '@atelier/domain';
import { validateInvitationForm } from '@/components/co-creation/invitation-form';
import { parseEmails } from '@/components/co-creation/emails';
import { offerEditable, offerMoves, proposalEditable, threadMoves } from '@/components/co-creation/workflow';
import { formatDay, isoToLocalInput, localInputToIso } from '@/components/co-creation/dates';
import { blankOffer, offerToForm, readOfferForm } from '@/components/co-creation/offer-form';
import { creditCandidates } from '@/components/co-creation/credits';
import { offerPath, proposalPath, threadPath } from '@/components/co-creation/paths';
import { targetLink } from '@/components/notifications/target-link';

const actor = (role: Role, active = true): Actor => ({ id: `id-${role}`, role, active });
const reasons = (errors: Record<string, { details: { reason: string } } | undefined>) =>
  Object.fromEntries(Object.entries(errors).map(([k, e]) => [k, e?.details.reason]));

describe('invitation form', () => {
  const good = { displayName: 'Pierre D.', password: 'une-phrase-longue', confirm: 'une-phrase-longue' };

  it('accepts a new account with a name and matching passwords', () => {
    expect(validateInvitationForm('newAccount', good)).toEqual({});
  });

  it('reports every problem of a new account at once, with the API rules for names and passwords', () => {
    expect(
      reasons(validateInvitationForm('newAccount', { displayName: '  ', password: 'court', confirm: '' })),
    ).toEqual({
      displayName: 'required',
      password: 'passwordTooShort',
    });
    expect(reasons(validateInvitationForm('newAccount', { ...good, displayName: 'x'.repeat(81) }))).toEqual({
      displayName: 'tooLong',
    });
    expect(
      reasons(validateInvitationForm('newAccount', { ...good, password: 'p'.repeat(257), confirm: 'p'.repeat(257) })),
    ).toEqual({
      password: 'passwordTooLong',
    });
  });

  it('asks for the same password twice', () => {
    const errors = validateInvitationForm('newAccount', { ...good, confirm: 'une-phrase-longuE' });
    expect(reasons(errors)).toEqual({ confirm: 'passwordsDiffer' });
    expect(errors.confirm?.details.field).toBe('confirm');
  });

  it('only needs the password of an existing account, and nothing when already signed in as the invitee', () => {
    expect(reasons(validateInvitationForm('existingAccount', { displayName: '', password: '', confirm: '' }))).toEqual({
      password: 'required',
    });
    expect(validateInvitationForm('existingAccount', { displayName: '', password: 'x', confirm: '' })).toEqual({});
    expect(validateInvitationForm('signedIn', { displayName: '', password: '', confirm: '' })).toEqual({});
  });
});

describe('pasted e-mail addresses', () => {
  it('reads lines, commas, semicolons and "Name <address>" pastes, normalised and without duplicates', () => {
    expect(
      parseEmails(
        'pierre.durand@client.example\nAurelie.Chevalier@client.example, karim@client.example;\n Pierre.Durand@client.example',
      ),
    ).toEqual({
      valid: ['pierre.durand@client.example', 'aurelie.chevalier@client.example', 'karim@client.example'],
      invalid: [],
    });
    expect(parseEmails('Pierre Durand <pierre@client.example>').valid).toEqual(['pierre@client.example']);
  });

  it('keeps what is not an address so it can be corrected', () => {
    expect(parseEmails('ok@client.example, pas-une-adresse, a@b')).toEqual({
      valid: ['ok@client.example'],
      invalid: ['pas-une-adresse', 'a@b'],
    });
    expect(parseEmails('   \n ')).toEqual({ valid: [], invalid: [] });
  });
});

describe('workflow buttons', () => {
  it('moves threads forward one step at a time', () => {
    expect(threadMoves('DRAFT')).toEqual(['OPEN']);
    expect(threadMoves('OPEN')).toEqual(['VOTING', 'CLOSED']);
    expect(threadMoves('VOTING')).toEqual(['CLOSED']);
    expect(threadMoves('CLOSED')).toEqual([]);
  });

  it('lets only managers and admins approve an offer', () => {
    expect(offerMoves('DRAFT', actor('MARKETER'))).toEqual([]);
    expect(offerMoves('DRAFT', actor('MANAGER'))).toEqual(['APPROVED']);
    expect(offerMoves('DRAFT', actor('ADMIN'))).toEqual(['APPROVED']);
    expect(offerMoves('DRAFT', actor('MANAGER', false))).toEqual([]);
    expect(offerMoves('APPROVED', actor('MARKETER'))).toEqual(['PUBLISHED']);
    expect(offerMoves('PUBLISHED', actor('MARKETER'))).toEqual(['WITHDRAWN']);
    expect(offerMoves('WITHDRAWN', actor('ADMIN'))).toEqual([]);
    expect(offerEditable('DRAFT')).toBe(true);
    expect(offerEditable('APPROVED')).toBe(true);
    expect(offerEditable('PUBLISHED')).toBe(false);
  });

  it('lets authors edit their proposal while the thread is open only', () => {
    expect(proposalEditable('OPEN', true)).toBe(true);
    expect(proposalEditable('OPEN', false)).toBe(false);
    expect(proposalEditable('VOTING', true)).toBe(false);
    expect(proposalEditable(undefined, true)).toBe(false);
  });
});

describe('dates', () => {
  it('converts between datetime-local inputs and instants, both ways', () => {
    const iso = localInputToIso('2026-12-01T09:30');
    expect(iso).not.toBeNull();
    expect(isoToLocalInput(iso)).toBe('2026-12-01T09:30');
    expect(localInputToIso('')).toBeNull();
    expect(localInputToIso('pas une date')).toBeNull();
    expect(isoToLocalInput(null)).toBe('');
  });

  it('shows calendar days as that day in every time zone', () => {
    expect(formatDay('2026-12-01', 'fr')).toBe('1 décembre 2026');
    expect(formatDay('2026-12-01', 'en')).toBe('December 1, 2026');
    expect(formatDay('n/a', 'en')).toBe('n/a');
  });
});

describe('offer form', () => {
  it('sends a discount or a price, never both, with decimal commas accepted', () => {
    const discount = readOfferForm({
      ...blankOffer('Édition Atelier'),
      description: 'Jantes exclusives',
      amount: '12,5',
    });
    expect(discount.errors).toEqual({});
    expect(discount.fields).toMatchObject({
      title: 'Édition Atelier',
      price: null,
      discountPercent: 12.5,
      currency: 'EUR',
    });
    const price = readOfferForm({
      ...blankOffer('X'),
      description: 'Y',
      pricing: 'price',
      amount: '34900',
      currency: 'eur',
    });
    expect(price.fields).toMatchObject({ price: 34900, discountPercent: null, currency: 'EUR' });
  });

  it('refuses missing text, and amounts, currencies and dates with the API rules', () => {
    expect(readOfferForm({ ...blankOffer(), amount: '10' }).errors).toEqual({
      title: 'required',
      description: 'required',
    });
    const ok = { ...blankOffer('X'), description: 'Y' };
    expect(readOfferForm({ ...ok, amount: '120' }).errors).toEqual({ amount: 'invalidDiscount' });
    expect(readOfferForm({ ...ok, amount: 'abc' }).errors).toEqual({ amount: 'invalidDiscount' });
    expect(readOfferForm({ ...ok, pricing: 'price', amount: '-3' }).errors).toEqual({ amount: 'invalidPrice' });
    expect(readOfferForm({ ...ok, pricing: 'price', amount: '10', currency: 'euro' }).errors).toEqual({
      currency: 'invalidCurrency',
    });
    expect(readOfferForm({ ...ok, validFrom: '2026-05-02', validUntil: '2026-05-01' }).errors).toEqual({
      validUntil: 'validUntilBeforeFrom',
    });
    expect(readOfferForm({ ...ok, validFrom: '2026-05-02', validUntil: '2026-05-02' }).fields).toMatchObject({
      validFrom: '2026-05-02',
    });
  });

  it('reads an existing offer back into the form', () => {
    const form = offerToForm({
      title: 'T',
      description: 'D',
      terms: 'C',
      price: null,
      discountPercent: 15,
      currency: 'EUR',
      validFrom: '2026-06-01',
      validUntil: null,
    });
    expect(form).toMatchObject({ pricing: 'discount', amount: '15', validFrom: '2026-06-01', validUntil: '' });
    expect(readOfferForm(form).fields).toMatchObject({
      discountPercent: 15,
      price: null,
      validFrom: '2026-06-01',
      validUntil: null,
    });
  });
});

describe('credits and links', () => {
  it('offers the linked proposals authors and the current credits, once each, by name', () => {
    const pierre = { id: 'u1', displayName: 'Pierre', isStaff: false };
    const aurelie = { id: 'u2', displayName: 'Aurélie', isStaff: false };
    expect(creditCandidates([{ author: pierre }, { author: pierre }], [aurelie]).map((p) => p.id)).toEqual([
      'u2',
      'u1',
    ]);
  });

  it('builds each side its own paths', () => {
    expect(threadPath(true, 't/1')).toBe('/co-creation/t%2F1');
    expect(threadPath(false, 't1')).toBe('/threads/t1');
    expect(proposalPath(false, 'p1')).toBe('/threads/proposals/p1');
    expect(offerPath(true, 'o1')).toBe('/co-creation/offers/o1');
  });

  it('links notifications about proposals, offers and threads to the viewer side', () => {
    expect(targetLink({ rootType: 'PROPOSAL', rootId: 'p1', commentId: 'c1' }, { customer: true })).toEqual({
      path: '/threads/proposals/p1',
      hash: '#comment-c1',
    });
    expect(targetLink({ rootType: 'PROPOSAL', rootId: 'p1' }, { customer: false })).toEqual({
      path: '/co-creation/proposals/p1',
      hash: '',
    });
    expect(targetLink({ rootType: 'OFFER', rootId: 'o1' }, { customer: true })).toEqual({
      path: '/threads/offers/o1',
      hash: '',
    });
    expect(targetLink({ rootType: 'THREAD', rootId: 't1' }, { customer: false })).toEqual({
      path: '/co-creation/t1',
      hash: '',
    });
    expect(targetLink({ rootType: 'POST', rootId: 'x' }, { customer: true })).toBeNull();
  });
});
