import { DomainError } from '../errors';
import { KpiInput, validateActual, validateBriefFields, validateChannelName, validateKpis } from './validation';

const reasonOf = (fn: () => void): string | undefined => {
  try {
    fn();
    return undefined;
  } catch (error) {
    return (error as DomainError).details.reason;
  }
};

const channels = new Set(['web']);
const kpi = (overrides: Partial<KpiInput> = {}): KpiInput => ({
  metric: 'LEADS',
  channelId: 'web',
  target: 100,
  direction: 'HIGHER',
  weight: 1,
  ...overrides,
});

describe('brief validation', () => {
  it('accepts a sensible brief', () => {
    expect(() =>
      validateBriefFields({
        title: 'DS4',
        budgetAmount: 0,
        budgetCurrency: 'EUR',
        startDate: '2026-03-01',
        endDate: '2026-03-01',
      }),
    ).not.toThrow();
  });
  it('refuses an empty title, a negative budget, a bad currency, bad dates and an end before the start', () => {
    expect(reasonOf(() => validateBriefFields({ title: ' ' }))).toBe('required');
    expect(reasonOf(() => validateBriefFields({ budgetAmount: -1 }))).toBe('negativeBudget');
    expect(reasonOf(() => validateBriefFields({ budgetCurrency: 'euro' }))).toBe('invalidCurrency');
    expect(reasonOf(() => validateBriefFields({ startDate: '2026-02-30' }))).toBe('invalidDate');
    expect(reasonOf(() => validateBriefFields({ startDate: '2026-03-02', endDate: '2026-03-01' }))).toBe(
      'endBeforeStart',
    );
  });
  it('checks a partial update against the stored dates', () => {
    expect(reasonOf(() => validateBriefFields({ endDate: '2026-01-01' }, { startDate: '2026-02-01' }))).toBe(
      'endBeforeStart',
    );
  });
});

describe('KPI validation', () => {
  it('accepts sensible KPIs', () => {
    expect(() => validateKpis([kpi(), kpi({ metric: 'CUSTOM', customName: 'Reprises' })], channels)).not.toThrow();
  });
  it('refuses a missing target, an unknown channel, a zero weight and an unnamed custom metric', () => {
    expect(reasonOf(() => validateKpis([kpi({ target: null })], channels))).toBe('kpiTargetRequired');
    expect(reasonOf(() => validateKpis([kpi({ channelId: 'fax' })], channels))).toBe('unknownChannel');
    expect(reasonOf(() => validateKpis([kpi({ weight: 0 }), kpi({ weight: 0 })], channels))).toBe('weightNotPositive');
    expect(reasonOf(() => validateKpis([kpi({ weight: -2 })], channels))).toBe('weightNotPositive');
    expect(reasonOf(() => validateKpis([kpi({ metric: 'CUSTOM' })], channels))).toBe('required');
    expect(reasonOf(() => validateKpis([kpi({ target: -5 })], channels))).toBe('invalidTarget');
  });
  it('names the faulty field', () => {
    try {
      validateKpis([kpi(), kpi({ target: null })], channels);
    } catch (error) {
      expect((error as DomainError).details.field).toBe('kpis.1.target');
    }
  });
});

describe('actual validation', () => {
  const ok = {
    value: 10,
    periodFrom: '2026-03-01',
    periodTo: '2026-03-31',
    source: 'CRM' as const,
    evidenceUrl: 'https://crm.example/r/1',
  };
  it('accepts a figure with a link', () => expect(() => validateActual(ok)).not.toThrow());
  it('refuses no evidence, a bad link, a negative value and a reversed period', () => {
    expect(reasonOf(() => validateActual({ ...ok, evidenceUrl: null }))).toBe('evidenceRequired');
    expect(reasonOf(() => validateActual({ ...ok, evidenceUrl: 'javascript:alert(1)' }))).toBe('invalidUrl');
    expect(reasonOf(() => validateActual({ ...ok, value: -1 }))).toBe('invalidActualValue');
    expect(reasonOf(() => validateActual({ ...ok, periodTo: '2026-02-01' }))).toBe('endBeforeStart');
  });
  it('accepts an attachment instead of a link', () => {
    expect(() => validateActual({ ...ok, evidenceUrl: null, evidenceAttachmentId: 'x' })).not.toThrow();
  });
});

it('channel names are trimmed and required', () => {
  expect(validateChannelName('  TikTok ')).toBe('TikTok');
  expect(reasonOf(() => validateChannelName(' '))).toBe('required');
});
