import { describe, expect, it } from 'vitest';
import { briefOptions, runnerOptions } from '../pickers';
import { blankOffer, offerToForm, readOfferForm } from '../offer-form';

describe('thread and offer pickers', () => {
  it('offers active staff only, by name', () => {
    const users = [
      { id: '1', displayName: 'Sophie', role: 'MANAGER', active: true },
      { id: '2', displayName: 'Pierre', role: 'CUSTOMER', active: true },
      { id: '3', displayName: 'Camille', role: 'MARKETER', active: true },
      { id: '4', displayName: 'Ancien', role: 'MARKETER', active: false },
      { id: '5', displayName: 'Hélène', role: 'ADMIN', active: true },
    ];
    expect(runnerOptions(users).map((u) => u.id)).toEqual(['3', '5', '1']);
  });

  it('keeps the linked brief first when the list leaves it out, once', () => {
    const found = [
      { id: 'b1', title: 'DS4' },
      { id: 'b2', title: 'Essais' },
    ];
    expect(briefOptions(found, null)).toEqual(found);
    expect(briefOptions(found, { id: 'b2', title: 'Essais' })).toEqual(found);
    expect(briefOptions(found, { id: 'b9', title: 'Salon' }).map((b) => b.id)).toEqual(['b9', 'b1', 'b2']);
  });
});

describe('offer form and its brief', () => {
  it('reads the linked brief back and always sends it, null to unlink', () => {
    const form = offerToForm({ title: 'T', description: 'D', terms: '', discountPercent: 10, briefId: 'b1' });
    expect(form.briefId).toBe('b1');
    expect(readOfferForm(form).fields).toMatchObject({ briefId: 'b1' });
    expect(readOfferForm({ ...form, briefId: null }).fields).toMatchObject({ briefId: null });
    expect(blankOffer().briefId).toBeNull();
  });
});
