import { BriefSnapshot, diffBriefSnapshots, snapshotsEqual } from './diff';

const base: BriefSnapshot = {
  title: 'Lancement DS4',
  campaignName: 'DS4 2026',
  context: 'Le segment premium compact progresse.',
  objective: 'Générer des essais',
  audience: 'Cadres urbains',
  keyMessage: 'Le luxe à la française',
  deliverables: '',
  channelIds: ['web', 'social'],
  budgetAmount: 100000,
  budgetCurrency: 'EUR',
  startDate: '2026-03-01',
  endDate: '2026-04-30',
  kpis: [
    {
      id: 'k1',
      metric: 'TEST_DRIVE_REQUESTS',
      customName: null,
      channelId: 'web',
      target: 500,
      unit: null,
      direction: 'HIGHER',
      weight: 2,
      dueDate: null,
    },
    {
      id: 'k2',
      metric: 'LEADS',
      customName: null,
      channelId: 'social',
      target: 2000,
      unit: null,
      direction: 'HIGHER',
      weight: 1,
      dueDate: null,
    },
  ],
};

describe('brief diff', () => {
  it('finds nothing between identical snapshots', () => {
    expect(snapshotsEqual(base, structuredClone(base))).toBe(true);
  });

  it('diffs text word by word and values old → new', () => {
    const diff = diffBriefSnapshots(base, {
      ...base,
      objective: 'Générer 600 essais',
      budgetAmount: 120000,
      endDate: '2026-05-15',
    });
    const objective = diff.fields.find((f) => f.field === 'objective')!;
    expect(objective.parts.filter((p) => p.added).map((p) => p.value.trim())).toEqual(['600']);
    expect(objective.parts.filter((p) => p.removed).map((p) => p.value.trim())).toEqual(['des']);
    expect(diff.fields.find((f) => f.field === 'budgetAmount')).toMatchObject({ before: '100000', after: '120000' });
    expect(diff.fields.find((f) => f.field === 'endDate')).toMatchObject({ before: '2026-04-30', after: '2026-05-15' });
    expect(diff.fields.map((f) => f.field)).toEqual(['objective', 'budgetAmount', 'endDate']);
  });

  it('matches KPIs by id: a changed target is flagged, added and removed ones listed', () => {
    const to: BriefSnapshot = {
      ...base,
      channelIds: ['web', 'press'],
      kpis: [
        { ...base.kpis[0], target: 400 },
        {
          id: 'k3',
          metric: 'CUSTOM',
          customName: 'Reprises',
          channelId: 'web',
          target: 50,
          unit: null,
          direction: 'HIGHER',
          weight: 1,
          dueDate: null,
        },
      ],
    };
    const diff = diffBriefSnapshots(base, to);
    expect(diff.channelsAdded).toEqual(['press']);
    expect(diff.channelsRemoved).toEqual(['social']);
    expect(diff.kpis.map((k) => [k.kpiId, k.change, k.targetChanged])).toEqual([
      ['k1', 'CHANGED', true],
      ['k2', 'REMOVED', true],
      ['k3', 'ADDED', true],
    ]);
    expect(diff.kpis[0].fields).toEqual([{ field: 'target', before: '500', after: '400', parts: [] }]);
  });

  it('does not flag a weight change as a target change', () => {
    const diff = diffBriefSnapshots(base, { ...base, kpis: [{ ...base.kpis[0], weight: 3 }, base.kpis[1]] });
    expect(diff.kpis).toHaveLength(1);
    expect(diff.kpis[0].targetChanged).toBe(false);
  });
});
