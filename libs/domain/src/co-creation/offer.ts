import { Role } from '../roles';
import { badInput } from '../errors';

/**
 * DRAFT: staff write it. APPROVED: a manager (or an admin) approved this exact text; editing it
 * sends it back to DRAFT. PUBLISHED: the thread's customers see it with its credits. WITHDRAWN: no
 * longer offered (customers stop seeing it).
 */
export const OFFER_STATUSES = ['DRAFT', 'APPROVED', 'PUBLISHED', 'WITHDRAWN'] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];

export const OFFER_TITLE_MAX_LENGTH = 140;
export const OFFER_TEXT_MAX_LENGTH = 10_000;

const NEXT: Record<OfferStatus, readonly OfferStatus[]> = {
  DRAFT: ['APPROVED'],
  APPROVED: ['PUBLISHED', 'DRAFT'],
  PUBLISHED: ['WITHDRAWN'],
  WITHDRAWN: [],
};

/** Who may move an offer: approval is a manager's (or an admin's) decision; staff do the rest. */
export function offerTransitionRefusal(from: OfferStatus, to: OfferStatus, role: Role): string | null {
  if (!NEXT[from].includes(to)) return `A ${from} offer cannot move to ${to}.`;
  if (to === 'APPROVED' && role !== 'MANAGER' && role !== 'ADMIN') return 'Only a manager can approve an offer.';
  return null;
}

/** Text can change in DRAFT and APPROVED (back to DRAFT); published and withdrawn offers are history. */
export const offerEditable = (status: OfferStatus): boolean => status === 'DRAFT' || status === 'APPROVED';

export interface OfferTerms {
  price: number | null;
  discountPercent: number | null;
  currency: string;
  validFrom: string | null;
  validUntil: string | null;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A price or a discount (not both), a three-letter currency, dates in order. */
export function validateOfferTerms(terms: OfferTerms): OfferTerms {
  const currency = terms.currency.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency)) {
    throw badInput('invalidCurrency', 'The currency is a three-letter code such as EUR.', 'currency');
  }
  if (terms.price !== null && terms.discountPercent !== null) {
    throw badInput('priceOrDiscount', 'Give a price or a discount, not both.', 'discountPercent');
  }
  if (terms.price !== null && (!Number.isFinite(terms.price) || terms.price < 0 || terms.price > 10_000_000)) {
    throw badInput('invalidPrice', 'The price must be a positive amount.', 'price');
  }
  if (
    terms.discountPercent !== null &&
    (!Number.isFinite(terms.discountPercent) || terms.discountPercent <= 0 || terms.discountPercent > 100)
  ) {
    throw badInput('invalidDiscount', 'The discount is a percentage above 0 and at most 100.', 'discountPercent');
  }
  for (const field of ['validFrom', 'validUntil'] as const) {
    const value = terms[field];
    if (value !== null && (!DATE.test(value) || Number.isNaN(Date.parse(value)))) {
      throw badInput('invalidDate', 'Dates are written YYYY-MM-DD.', field);
    }
  }
  if (terms.validFrom && terms.validUntil && terms.validUntil < terms.validFrom) {
    throw badInput('validUntilBeforeFrom', 'The offer must end after it starts.', 'validUntil');
  }
  return { ...terms, currency };
}
