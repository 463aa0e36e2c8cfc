import type { ChannelFieldsFragment, KpiMetric } from '@/graphql/generated';

type T = (key: string, params?: Record<string, unknown>) => string;

/** Seeded channels are translated by code; channels admins added keep the name they were given. */
export const channelLabel = (channel: Pick<ChannelFieldsFragment, 'code' | 'name'> | undefined, t: T): string =>
  !channel ? '—' : channel.code ? t(`briefs.channels.${channel.code}`) : channel.name;

export const metricLabel = (kpi: { metric: KpiMetric; customName?: string | null }, t: T): string =>
  kpi.metric === 'CUSTOM' && kpi.customName ? kpi.customName : t(`briefs.metrics.${kpi.metric}`);

export function formatNumber(value: number | null | undefined, locale: string, unit?: string | null): string {
  if (value == null) return '—';
  const text = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
  return unit ? `${text} ${unit}` : text;
}

export function formatPercent(value: number | null | undefined, locale: string): string {
  if (value == null) return '—';
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(value);
}

export function formatMoney(amount: number | null | undefined, currency: string, locale: string): string {
  if (amount == null) return '—';
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 0 }).format(amount);
  } catch {
    return `${formatNumber(amount, locale)} ${currency}`;
  }
}

export function formatDate(value: string | null | undefined, locale: string): string {
  if (!value) return '—';
  const date = value.length === 10 ? new Date(`${value}T00:00:00`) : new Date(value);
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(date);
}
