import { DomainError, validateOfferTerms } from '@atelier/domain';

export interface OfferFormValues {
  title: string;
  description: string;
  terms: string;
  pricing: 'price' | 'discount';
  amount: string;
  currency: string;
  /** YYYY-MM-DD, as `<input type="date">` and the API write them. */
  validFrom: string;
  validUntil: string;
  /** The brief whose results the offer is measured in; null: none. */
  briefId: string | null;
}

/** Per field, the reason key of the problem (translated as `errors.<reason>`). */
export type OfferFormErrors = Partial<Record<keyof OfferFormValues, string>>;

/** What the API takes: a price or a discount, never both. */
export interface OfferFields {
  title: string;
  description: string;
  terms: string;
  price: number | null;
  discountPercent: number | null;
  currency: string;
  validFrom: string | null;
  validUntil: string | null;
  /** Always sent: null unlinks the brief. */
  briefId: string | null;
}

export function blankOffer(title = ''): OfferFormValues {
  return {
    title,
    description: '',
    terms: '',
    pricing: 'discount',
    amount: '',
    currency: 'EUR',
    validFrom: '',
    validUntil: '',
    briefId: null,
  };
}

export function offerToForm(offer: {
  title: string;
  description: string;
  terms: string;
  price?: number | null;
  discountPercent?: number | null;
  currency?: string | null;
  validFrom?: string | null;
  validUntil?: string | null;
  briefId?: string | null;
}): OfferFormValues {
  const pricing = offer.price != null ? 'price' : 'discount';
  return {
    title: offer.title,
    description: offer.description,
    terms: offer.terms,
    pricing,
    amount: String((pricing === 'price' ? offer.price : offer.discountPercent) ?? ''),
    currency: offer.currency ?? 'EUR',
    validFrom: offer.validFrom ?? '',
    validUntil: offer.validUntil ?? '',
    briefId: offer.briefId ?? null,
  };
}

const FORM_FIELD: Record<string, keyof OfferFormValues> = {
  price: 'amount',
  discountPercent: 'amount',
  currency: 'currency',
  validFrom: 'validFrom',
  validUntil: 'validUntil',
};

/**
 * The fields to send, or what is wrong. Price, discount, currency and dates follow the API's own
 * rules (`validateOfferTerms` from @atelier/domain); commas are accepted as decimal marks.
 */
export function readOfferForm(values: OfferFormValues): { errors: OfferFormErrors; fields: OfferFields | null } {
  const errors: OfferFormErrors = {};
  if (!values.title.trim()) errors.title = 'required';
  if (!values.description.trim()) errors.description = 'required';
  const raw = values.amount.trim().replace(',', '.');
  const amount = raw ? Number(raw) : null;
  let terms = null;
  try {
    terms = validateOfferTerms({
      price: values.pricing === 'price' ? amount : null,
      discountPercent: values.pricing === 'discount' ? amount : null,
      currency: values.currency,
      validFrom: values.validFrom || null,
      validUntil: values.validUntil || null,
    });
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    errors[FORM_FIELD[e.details.field ?? ''] ?? 'amount'] = e.details.reason;
  }
  if (!terms || Object.keys(errors).length) return { errors, fields: null };
  return {
    errors,
    fields: {
      title: values.title.trim(),
      description: values.description,
      terms: values.terms,
      ...terms,
      briefId: values.briefId,
    },
  };
}
