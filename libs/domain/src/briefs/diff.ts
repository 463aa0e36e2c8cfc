import { diffWords } from 'diff';
import type { KpiDirection, KpiMetric } from './validation';

/** Everything a version freezes: the brief's fields and its KPIs. Stored as JSON, one per version. */
export interface BriefSnapshot {
  title: string;
  campaignName: string;
  context: string;
  objective: string;
  audience: string;
  keyMessage: string;
  deliverables: string;
  channelIds: string[];
  budgetAmount: number | null;
  budgetCurrency: string | null;
  startDate: string | null;
  endDate: string | null;
  kpis: KpiSnapshot[];
}

export interface KpiSnapshot {
  id: string;
  metric: KpiMetric;
  customName: string | null;
  channelId: string;
  target: number | null;
  unit: string | null;
  direction: KpiDirection;
  weight: number;
  dueDate: string | null;
}

export const BRIEF_TEXT_FIELDS = [
  'title',
  'campaignName',
  'context',
  'objective',
  'audience',
  'keyMessage',
  'deliverables',
] as const;
export const BRIEF_VALUE_FIELDS = ['budgetAmount', 'budgetCurrency', 'startDate', 'endDate'] as const;
export const KPI_FIELDS = [
  'metric',
  'customName',
  'channelId',
  'target',
  'unit',
  'direction',
  'weight',
  'dueDate',
] as const;

export interface TextPart {
  value: string;
  added: boolean;
  removed: boolean;
}

export interface FieldChange {
  field: string;
  before: string | null;
  after: string | null;
  /** Word-level parts for text fields; empty for plain values. */
  parts: TextPart[];
}

export interface KpiChange {
  kpiId: string;
  change: 'ADDED' | 'REMOVED' | 'CHANGED';
  /** Label-worthy metric (the custom name for CUSTOM). */
  metric: KpiMetric;
  customName: string | null;
  fields: FieldChange[];
  /** A changed target is the change that matters most: the web flags it. */
  targetChanged: boolean;
}

export interface BriefDiff {
  fields: FieldChange[];
  channelsAdded: string[];
  channelsRemoved: string[];
  kpis: KpiChange[];
}

const asText = (value: unknown): string | null => (value == null ? null : String(value));

function valueChange(field: string, before: unknown, after: unknown): FieldChange | null {
  if ((before ?? null) === (after ?? null)) return null;
  return { field, before: asText(before), after: asText(after), parts: [] };
}

function textChange(field: string, before: string, after: string): FieldChange | null {
  if (before === after) return null;
  const parts = diffWords(before, after).map((part) => ({
    value: part.value,
    added: !!part.added,
    removed: !!part.removed,
  }));
  return { field, before, after, parts };
}

/** Field by field, text word by word, KPIs matched by id. Pure: the web and the API show the same diff. */
export function diffBriefSnapshots(from: BriefSnapshot, to: BriefSnapshot): BriefDiff {
  const fields: FieldChange[] = [];
  for (const field of BRIEF_TEXT_FIELDS) {
    const change = textChange(field, from[field] ?? '', to[field] ?? '');
    if (change) fields.push(change);
  }
  for (const field of BRIEF_VALUE_FIELDS) {
    const change = valueChange(field, from[field], to[field]);
    if (change) fields.push(change);
  }
  const fromChannels = new Set(from.channelIds);
  const toChannels = new Set(to.channelIds);

  const kpis: KpiChange[] = [];
  const before = new Map(from.kpis.map((kpi) => [kpi.id, kpi]));
  const after = new Map(to.kpis.map((kpi) => [kpi.id, kpi]));
  const describe = (kpi: KpiSnapshot, side: 'before' | 'after'): FieldChange[] =>
    KPI_FIELDS.filter((field) => kpi[field] != null).map((field) => ({
      field,
      before: side === 'before' ? asText(kpi[field]) : null,
      after: side === 'after' ? asText(kpi[field]) : null,
      parts: [],
    }));
  for (const kpi of from.kpis) {
    const next = after.get(kpi.id);
    if (!next) {
      kpis.push({
        kpiId: kpi.id,
        change: 'REMOVED',
        metric: kpi.metric,
        customName: kpi.customName,
        fields: describe(kpi, 'before'),
        targetChanged: true,
      });
      continue;
    }
    const changed = KPI_FIELDS.map((field) => valueChange(field, kpi[field], next[field])).filter(
      (change): change is FieldChange => change !== null,
    );
    if (changed.length) {
      kpis.push({
        kpiId: kpi.id,
        change: 'CHANGED',
        metric: next.metric,
        customName: next.customName,
        fields: changed,
        targetChanged: changed.some((change) => change.field === 'target' || change.field === 'direction'),
      });
    }
  }
  for (const kpi of to.kpis) {
    if (!before.has(kpi.id)) {
      kpis.push({
        kpiId: kpi.id,
        change: 'ADDED',
        metric: kpi.metric,
        customName: kpi.customName,
        fields: describe(kpi, 'after'),
        targetChanged: true,
      });
    }
  }
  return {
    fields,
    channelsAdded: to.channelIds.filter((id) => !fromChannels.has(id)),
    channelsRemoved: from.channelIds.filter((id) => !toChannels.has(id)),
    kpis,
  };
}

/** Two snapshots that differ in nothing the diff shows do not deserve a new version. */
export function snapshotsEqual(a: BriefSnapshot, b: BriefSnapshot): boolean {
  const diff = diffBriefSnapshots(a, b);
  return !diff.fields.length && !diff.channelsAdded.length && !diff.channelsRemoved.length && !diff.kpis.length;
}
