import type { KpiDirection } from './validation';
import type { ActualStatus } from './workflow';

/**
 * Return on objective.
 *
 * - Attainment of a KPI = latest verified value / target, inverted (target / verified) when lower
 *   is better. It is shown raw, uncapped: 180% is what happened.
 * - The brief's score is the weighted mean of the attainments of the KPIs that have one, each
 *   capped at 150% (ATTAINMENT_CAP) so one runaway KPI cannot hide the misses of the others.
 *   KPIs without a verified value are left out of the mean and counted apart (verified / total):
 *   an unmeasured KPI is unknown, not zero.
 * - Only VERIFIED figures count. A CLAIMED figure is shown beside the verified one with the gap;
 *   a REJECTED one never counts.
 * - Edge cases: no target, or a zero target when higher is better → no attainment (a ratio to
 *   zero means nothing), the KPI is left out of the score. Lower is better with a verified 0:
 *   the target is beaten outright → the cap (a zero target met exactly → 100%, missed → 0%).
 */
export const ATTAINMENT_CAP = 1.5;

export interface RooActual {
  id: string;
  value: number;
  status: ActualStatus;
  periodTo: string;
  recordedAt: string;
}

export interface RooKpi {
  id: string;
  channelId: string;
  target: number | null;
  direction: KpiDirection;
  weight: number;
}

export interface KpiResult {
  kpiId: string;
  verifiedValue: number | null;
  /** Raw, uncapped; null when it cannot be computed. */
  attainment: number | null;
  /** What the score uses. */
  cappedAttainment: number | null;
  /** The latest claim still awaiting a check, when it differs from the verified value. */
  claimedValue: number | null;
  /** claimed − verified (null without both). */
  gap: number | null;
}

export function attainment(target: number | null, direction: KpiDirection, verified: number | null): number | null {
  if (target == null || verified == null) return null;
  if (direction === 'HIGHER') return target > 0 ? verified / target : null;
  if (verified === 0) return target === 0 ? 1 : ATTAINMENT_CAP;
  return target / verified;
}

export const capAttainment = (value: number | null): number | null =>
  value == null ? null : Math.min(value, ATTAINMENT_CAP);

/** Latest first: the period that ends last, then the figure recorded last. */
const latest = (actuals: RooActual[]): RooActual | undefined =>
  [...actuals].sort((a, b) =>
    a.periodTo !== b.periodTo ? (a.periodTo < b.periodTo ? 1 : -1) : a.recordedAt < b.recordedAt ? 1 : -1,
  )[0];

export function kpiResult(kpi: RooKpi, actuals: RooActual[]): KpiResult {
  const verified = latest(actuals.filter((a) => a.status === 'VERIFIED'));
  const claimed = latest(actuals.filter((a) => a.status === 'CLAIMED'));
  const verifiedValue = verified?.value ?? null;
  const raw = attainment(kpi.target, kpi.direction, verifiedValue);
  const claimedValue = claimed && claimed.value !== verifiedValue ? claimed.value : null;
  return {
    kpiId: kpi.id,
    verifiedValue,
    attainment: raw,
    cappedAttainment: capAttainment(raw),
    claimedValue,
    gap: claimedValue != null && verifiedValue != null ? claimedValue - verifiedValue : null,
  };
}

export interface ScoreResult {
  /** Weighted mean of capped attainments; null when no KPI has one. */
  score: number | null;
  kpiCount: number;
  verifiedCount: number;
}

export function weightedScore(kpis: RooKpi[], results: KpiResult[]): ScoreResult {
  const byId = new Map(results.map((r) => [r.kpiId, r]));
  let weighted = 0;
  let weights = 0;
  let verifiedCount = 0;
  for (const kpi of kpis) {
    const result = byId.get(kpi.id);
    if (result?.verifiedValue != null) verifiedCount += 1;
    if (result?.cappedAttainment == null) continue;
    weighted += kpi.weight * result.cappedAttainment;
    weights += kpi.weight;
  }
  return { score: weights > 0 ? weighted / weights : null, kpiCount: kpis.length, verifiedCount };
}

export function briefReturnOnObjective(
  kpis: RooKpi[],
  actualsByKpi: ReadonlyMap<string, RooActual[]>,
): ScoreResult & { kpis: KpiResult[] } {
  const results = kpis.map((kpi) => kpiResult(kpi, actualsByKpi.get(kpi.id) ?? []));
  return { ...weightedScore(kpis, results), kpis: results };
}

export interface ScorecardBrief {
  id: string;
  budgetAmount: number | null;
  budgetCurrency: string | null;
  channelIds: string[];
  kpis: RooKpi[];
}

export interface ChannelScore extends ScoreResult {
  channelId: string;
  /** Budget given to this channel: each brief's budget split evenly between its channels. */
  budget: number;
  /** Share of the scorecard's total budget (same currency), 0–1; null when there is no budget. */
  budgetShare: number | null;
  briefCount: number;
}

/**
 * Per channel: the KPIs measured on it across the given briefs, their score (as for a brief) and
 * the channel's share of the budget. Budgets are only added up within one currency: the scorecard
 * is computed for `currency`, briefs in other currencies contribute KPIs but no budget.
 */
export function channelScorecard(
  briefs: ScorecardBrief[],
  actualsByKpi: ReadonlyMap<string, RooActual[]>,
  currency = 'EUR',
): ChannelScore[] {
  const channels = new Map<string, { kpis: RooKpi[]; results: KpiResult[]; budget: number; briefs: Set<string> }>();
  const entry = (channelId: string) => {
    let value = channels.get(channelId);
    if (!value) channels.set(channelId, (value = { kpis: [], results: [], budget: 0, briefs: new Set() }));
    return value;
  };
  let totalBudget = 0;
  for (const brief of briefs) {
    const counted = brief.budgetAmount != null && brief.budgetCurrency === currency && brief.channelIds.length > 0;
    if (counted) totalBudget += brief.budgetAmount!;
    for (const channelId of brief.channelIds) {
      const channel = entry(channelId);
      channel.briefs.add(brief.id);
      if (counted) channel.budget += brief.budgetAmount! / brief.channelIds.length;
    }
    for (const kpi of brief.kpis) {
      const channel = entry(kpi.channelId);
      channel.briefs.add(brief.id);
      channel.kpis.push(kpi);
      channel.results.push(kpiResult(kpi, actualsByKpi.get(kpi.id) ?? []));
    }
  }
  return [...channels.entries()].map(([channelId, channel]) => ({
    channelId,
    ...weightedScore(channel.kpis, channel.results),
    budget: channel.budget,
    budgetShare: totalBudget > 0 ? channel.budget / totalBudget : null,
    briefCount: channel.briefs.size,
  }));
}
