import { describe, expect, it } from 'vitest';
import {
  ACTUAL_SOURCES,
  ACTUAL_STATUSES,
  BRIEF_STATUSES,
  KPI_DIRECTIONS,
  KPI_METRICS,
  SEEDED_CHANNEL_CODES,
} from '@atelier/domain';
import en from '@/i18n/en.json';
import fr from '@/i18n/fr.json';

/** The brief sources, read as text: every translation key they name must exist in both languages. */
const sources = import.meta.glob(['./*.{vue,ts}', '../../pages/Brief*.vue', '../../router.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

type Tree = { [key: string]: string | Tree };
const lookup = (tree: Tree, key: string) =>
  key
    .split('.')
    .reduce<string | Tree | undefined>((node, part) => (typeof node === 'object' ? node[part] : undefined), tree);
const leaves = (tree: Tree, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : leaves(v, `${prefix}${k}.`)));

describe('brief translations', () => {
  it('has the same keys in French and English', () => {
    expect(leaves((fr as Tree).briefs as Tree).sort()).toEqual(leaves((en as Tree).briefs as Tree).sort());
  });

  it('names only keys that exist', () => {
    const keys = new Set(
      Object.values(sources).flatMap((text) =>
        [...text.matchAll(/'(briefs\.[A-Za-z0-9_.]+[A-Za-z0-9_])'/g)].map((m) => m[1]),
      ),
    );
    expect(keys.size).toBeGreaterThan(50);
    for (const key of keys) {
      expect({ key, fr: typeof lookup(fr as Tree, key) }).toEqual({ key, fr: 'string' });
      expect({ key, en: typeof lookup(en as Tree, key) }).toEqual({ key, en: 'string' });
    }
  });

  it('labels every status, metric, channel, direction, source and figure status', () => {
    const families: [string, readonly string[]][] = [
      ['briefs.status', BRIEF_STATUSES],
      ['briefs.timeline.to', BRIEF_STATUSES],
      ['briefs.metrics', KPI_METRICS],
      ['briefs.channels', SEEDED_CHANNEL_CODES],
      ['briefs.kpis.directions', KPI_DIRECTIONS],
      ['briefs.actuals.sources', ACTUAL_SOURCES],
      ['briefs.actuals.status', ACTUAL_STATUSES],
    ];
    for (const [prefix, values] of families) {
      for (const value of values) {
        for (const tree of [fr, en] as Tree[]) expect(typeof lookup(tree, `${prefix}.${value}`)).toBe('string');
      }
    }
    for (const field of [
      'title',
      'campaignName',
      'context',
      'objective',
      'audience',
      'keyMessage',
      'deliverables',
      'budgetAmount',
      'budgetCurrency',
      'startDate',
      'endDate',
    ]) {
      for (const tree of [fr, en] as Tree[]) expect(typeof lookup(tree, `briefs.fields.${field}`)).toBe('string');
    }
  });
});
