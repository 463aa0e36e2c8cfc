import { badInput } from '../errors';

export const KPI_METRICS = [
  'LEADS',
  'TEST_DRIVE_REQUESTS',
  'CATALOGUE_REQUESTS',
  'UNIQUE_VISITORS',
  'SALES',
  'QUALIFIED_CONTACTS',
  'FOLLOWERS',
  'CONVERSION_RATE',
  'BRAND_AWARENESS',
  'CUSTOM',
] as const;
export type KpiMetric = (typeof KPI_METRICS)[number];

export const KPI_DIRECTIONS = ['HIGHER', 'LOWER'] as const;
export type KpiDirection = (typeof KPI_DIRECTIONS)[number];

export const ACTUAL_SOURCES = ['WEB_ANALYTICS', 'CRM', 'DEALER_REPORTS', 'SURVEY', 'SOCIAL_PLATFORM', 'OTHER'] as const;
export type ActualSource = (typeof ACTUAL_SOURCES)[number];

/** The channels every workspace starts with; admins add more by name. */
export const SEEDED_CHANNEL_CODES = [
  'WEB_SITE',
  'SOCIAL_NETWORKS',
  'EMAIL',
  'MOBILE_APP',
  'DEALER_NETWORK',
  'EVENTS',
  'PRESS',
  'DISPLAY_ADS',
  'SEARCH_ADS',
] as const;

export const BRIEF_TITLE_MAX_LENGTH = 140;
export const BRIEF_TEXT_MAX_LENGTH = 20_000;
export const KPI_MAX_COUNT = 20;
export const CHANNEL_NAME_MAX_LENGTH = 60;
export const MAX_AMOUNT = 1e12;

/** ISO 4217 shape (three capital letters); the list of currencies is not worth keeping here. */
const CURRENCY = /^[A-Z]{3}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface BriefFieldsInput {
  title?: string | null;
  campaignName?: string | null;
  context?: string | null;
  objective?: string | null;
  audience?: string | null;
  keyMessage?: string | null;
  deliverables?: string | null;
  budgetAmount?: number | null;
  budgetCurrency?: string | null;
  startDate?: string | null;
  endDate?: string | null;
}

export interface KpiInput {
  /** Present when updating an existing KPI, so versions can follow it. */
  id?: string | null;
  metric: KpiMetric;
  customName?: string | null;
  channelId: string;
  target?: number | null;
  unit?: string | null;
  direction: KpiDirection;
  weight: number;
  dueDate?: string | null;
}

export function isIsoDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function checkDate(value: string | null | undefined, field: string): void {
  if (value != null && !isIsoDate(value)) {
    throw badInput('invalidDate', `"${value}" is not a date (expected YYYY-MM-DD).`, field);
  }
}

function checkText(value: string | null | undefined, field: string, max: number): void {
  if (value != null && value.length > max) {
    throw badInput('tooLong', `This text must be at most ${max} characters.`, field, { max });
  }
}

/**
 * Checks a brief's fields (whole or partial, as the web form and the API send them). `current`
 * holds the stored values, so a partial update is checked against the brief it will produce.
 */
export function validateBriefFields(input: BriefFieldsInput, current: BriefFieldsInput = {}): void {
  if (input.title !== undefined) {
    if (!input.title?.trim()) throw badInput('required', 'The brief needs a title.', 'title');
    checkText(input.title, 'title', BRIEF_TITLE_MAX_LENGTH);
  }
  checkText(input.campaignName, 'campaignName', BRIEF_TITLE_MAX_LENGTH);
  for (const field of ['context', 'objective', 'audience', 'keyMessage', 'deliverables'] as const) {
    checkText(input[field], field, BRIEF_TEXT_MAX_LENGTH);
  }
  if (input.budgetAmount != null) {
    if (!Number.isFinite(input.budgetAmount) || input.budgetAmount < 0) {
      throw badInput('negativeBudget', 'The budget cannot be negative.', 'budgetAmount');
    }
    if (input.budgetAmount > MAX_AMOUNT) {
      throw badInput('tooLarge', 'This budget is too large.', 'budgetAmount', { max: MAX_AMOUNT });
    }
  }
  if (input.budgetCurrency != null && !CURRENCY.test(input.budgetCurrency)) {
    throw badInput('invalidCurrency', 'The currency must be an ISO code such as EUR.', 'budgetCurrency');
  }
  checkDate(input.startDate, 'startDate');
  checkDate(input.endDate, 'endDate');
  const start = input.startDate !== undefined ? input.startDate : current.startDate;
  const end = input.endDate !== undefined ? input.endDate : current.endDate;
  if (start && end && end < start) {
    throw badInput('endBeforeStart', 'The campaign cannot end before it starts.', 'endDate');
  }
}

/** Checks a brief's full list of KPIs. `channelIds` are the channels that exist. */
export function validateKpis(kpis: KpiInput[], channelIds: ReadonlySet<string>): void {
  if (kpis.length > KPI_MAX_COUNT) {
    throw badInput('tooManyKpis', `A brief has at most ${KPI_MAX_COUNT} KPIs.`, 'kpis', { max: KPI_MAX_COUNT });
  }
  kpis.forEach((kpi, index) => {
    const field = (name: string) => `kpis.${index}.${name}`;
    if (!KPI_METRICS.includes(kpi.metric)) throw badInput('invalidMetric', 'Unknown metric.', field('metric'));
    if (kpi.metric === 'CUSTOM' && !kpi.customName?.trim()) {
      throw badInput('required', 'Name the custom metric.', field('customName'));
    }
    checkText(kpi.customName, field('customName'), CHANNEL_NAME_MAX_LENGTH);
    if (!channelIds.has(kpi.channelId)) {
      throw badInput('unknownChannel', 'This channel does not exist: pick one from the list.', field('channelId'));
    }
    if (kpi.target == null) throw badInput('kpiTargetRequired', 'Every KPI needs a target value.', field('target'));
    if (!Number.isFinite(kpi.target) || kpi.target < 0 || kpi.target > MAX_AMOUNT) {
      throw badInput('invalidTarget', 'The target must be a number, zero or more.', field('target'));
    }
    if (!KPI_DIRECTIONS.includes(kpi.direction)) {
      throw badInput('invalidDirection', 'Say whether higher or lower is better.', field('direction'));
    }
    if (!Number.isFinite(kpi.weight) || kpi.weight <= 0) {
      throw badInput('weightNotPositive', 'Every KPI weight must be greater than zero.', field('weight'));
    }
    checkText(kpi.unit, field('unit'), 30);
    checkDate(kpi.dueDate, field('dueDate'));
  });
  // Positive weights already guarantee it; said once more so the scoring can never divide by zero.
  if (kpis.length > 0 && kpis.reduce((sum, kpi) => sum + kpi.weight, 0) <= 0) {
    throw badInput('weightsSumToZero', 'The KPI weights cannot add up to zero.', 'kpis');
  }
}

export interface ActualInput {
  value: number;
  periodFrom: string;
  periodTo: string;
  source: ActualSource;
  evidenceUrl?: string | null;
  evidenceAttachmentId?: string | null;
}

export function validateActual(input: ActualInput): void {
  if (!Number.isFinite(input.value) || input.value < 0 || input.value > MAX_AMOUNT) {
    throw badInput('invalidActualValue', 'The value must be a number, zero or more.', 'value');
  }
  checkDate(input.periodFrom, 'periodFrom');
  checkDate(input.periodTo, 'periodTo');
  if (input.periodTo < input.periodFrom) {
    throw badInput('endBeforeStart', 'The period cannot end before it starts.', 'periodTo');
  }
  if (!ACTUAL_SOURCES.includes(input.source)) throw badInput('invalidSource', 'Unknown source.', 'source');
  const url = input.evidenceUrl?.trim();
  if (!url && !input.evidenceAttachmentId) {
    throw badInput('evidenceRequired', 'Give the evidence: a link or an attached file.', 'evidenceUrl');
  }
  if (url && !/^https?:\/\/[^\s]+$/i.test(url)) {
    throw badInput('invalidUrl', 'The evidence link must start with http:// or https://.', 'evidenceUrl');
  }
}

export function validateChannelName(name: string): string {
  const trimmed = name.trim();
  if (!trimmed) throw badInput('required', 'The channel needs a name.', 'name');
  checkText(trimmed, 'name', CHANNEL_NAME_MAX_LENGTH);
  return trimmed;
}

export function validateReason(reason: string, field = 'reason'): string {
  const trimmed = reason.trim();
  if (!trimmed) throw badInput('required', 'Give the reason.', field);
  checkText(trimmed, field, 2000);
  return trimmed;
}
