import { addDays } from '@atelier/domain';
import { DemoService } from '../src/demo/demo.service';
import { DEMO_PASSWORD } from '../src/demo/demo-workspace';
import { CompanyClock } from '../src/time-saved/clock';
import { startTestApp, TestApp } from './support/test-app';

describe('demo time saved', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.get(DemoService).seed();
    // The whole demo department is written through the services: slow on a busy machine.
  }, 120_000);
  afterAll(() => t.close());

  it('gives three months of entries for most staff, with adoption that grows, and costs that change once', async () => {
    const [summary] = await t.sql<{ people: number; weeks: number; entries: number; linked: number; oldest: number }>(
      `select count(distinct user_id)::int as people, count(distinct date_trunc('week', entry_date))::int as weeks,
              count(*)::int as entries, count(content_id)::int as linked,
              (current_date - min(entry_date))::int as oldest
         from time_saved_entries`,
    );
    expect(summary.people).toBeGreaterThanOrEqual(10);
    expect(summary.weeks).toBeGreaterThanOrEqual(12);
    expect(summary.oldest).toBeGreaterThanOrEqual(80);
    expect(summary.linked).toBeGreaterThan(0);
    const weekly = await t.sql<{ people: number }>(
      `select count(distinct user_id)::int as people from time_saved_entries
        group by date_trunc('week', entry_date) order by date_trunc('week', entry_date)`,
    );
    const firstMonth = weekly.slice(0, 4).reduce((sum, week) => sum + week.people, 0);
    const lastMonth = weekly.slice(-4).reduce((sum, week) => sum + week.people, 0);
    expect(lastMonth).toBeGreaterThan(firstMonth);

    const costs = await t.sql<{ kind: string; n: number }>(
      `select 'hourly' as kind, count(*)::int as n from hourly_costs
       union all select 'platform', count(*)::int from platform_costs`,
    );
    expect(costs).toEqual([
      { kind: 'hourly', n: 3 },
      { kind: 'platform', n: 2 },
    ]);
  });

  it('gives the admin a report with value over the last three months', async () => {
    const admin = t.client();
    await admin.signIn('helene.roussel@atelier.example', DEMO_PASSWORD);
    const today = t.app.get(CompanyClock).today();
    const response = await admin.request<{
      roiReport: { figures: { hours: number; value: number; peopleLogging: number } };
    }>(
      `query ($from: String!, $to: String!) { roiReport(from: $from, to: $to) { figures { hours value peopleLogging } } }`,
      { from: addDays(today, -91), to: today },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.roiReport.figures.hours).toBeGreaterThan(0);
    expect(response.data!.roiReport.figures.value).toBeGreaterThan(0);
  });
});
