import { Injectable, type OnModuleInit } from '@nestjs/common';
import {
  type Actor,
  type Period,
  type PeriodPreset,
  addDays,
  briefReturnOnObjective,
  presetPeriod,
  roiFigures,
  roundCents,
  validatePeriod,
  valueOf,
  weeklySeries,
} from '@atelier/domain';
import { BriefsService } from '../briefs/briefs.service';
import { toRooActual, toRooKpi } from '../briefs/kpi-actuals.service';
import { CostsService } from '../costs/costs.service';
import { ScopeRegistry } from '../scopes/scope-registry';
import { TargetsService } from '../scopes/targets.service';
import { CompanyClock } from '../time-saved/clock';
import { excerptOf } from '../time-saved/excerpt';
import { TimeSavedAccess } from '../time-saved/time-saved-access';
import { RoiReportRepository } from './roi-report.repository';
import type { RoiBreakdownRow, RoiBrief, RoiContent, RoiReport } from './roi-report.types';

const TOP = 10;
const hoursOf = (minutes: number) => Math.round((minutes / 60) * 100) / 100;

export interface ReportRequest {
  from?: string | null;
  to?: string | null;
  preset?: PeriodPreset | null;
  teamId?: string | null;
}

@Injectable()
export class RoiReportService implements OnModuleInit {
  constructor(
    private readonly repository: RoiReportRepository,
    private readonly costs: CostsService,
    private readonly access: TimeSavedAccess,
    private readonly clock: CompanyClock,
    private readonly targets: TargetsService,
    private readonly scopes: ScopeRegistry,
    private readonly briefs: BriefsService,
  ) {}

  /** The weekly activity rollup cuts posts into weeks in the company's zone: this instance's TZ. */
  async onModuleInit(): Promise<void> {
    await this.repository.alignZone(this.clock.zone);
  }

  /** from/to win over a preset; with neither, the current month (company time zone). */
  period(request: ReportRequest): Period {
    if (request.from || request.to) {
      const to = request.to ?? this.clock.today();
      return validatePeriod(request.from ?? addDays(to, -29), to);
    }
    return presetPeriod(request.preset ?? 'MONTH', this.clock.today());
  }

  async report(actor: Actor, request: ReportRequest): Promise<RoiReport> {
    const period = this.period(request);
    const teams = await this.access.visibleTeams(actor, request.teamId);
    const params = [period.from, period.to, teams] as [string, string, string[] | null];
    // Independent statements, each on a connection of its own from the pool: they run side by side.
    // What depends on one of them follows it at once (team names, quoted content) instead of waiting for all.
    const [daily, [people, names], topContent, activity, history, staff, allStaff, briefs] = await Promise.all([
      this.repository.dailyMinutes(...params),
      this.repository.people(TOP, ...params).then(async (people) => {
        const teamIds = people.team.map((row) => row.key).filter((key) => key !== 'NONE');
        return [people, await this.repository.teamNames(teamIds)] as const;
      }),
      this.repository.topContent(TOP, ...params).then((ranked) => this.describe(actor, ranked)),
      this.repository.activity(this.clock.zone, ...params),
      this.costs.history(),
      this.repository.activeStaff(teams),
      teams === null ? Promise.resolve(null) : this.repository.activeStaff(null),
      this.briefsOf(...params),
    ]);
    // A team carries the platform's cost in proportion to its share of the active staff.
    const costShare = allStaff === null ? 1 : allStaff > 0 ? staff / allStaff : 0;
    const input = {
      period,
      daily,
      hourlyRates: history.hourly,
      platformCosts: history.platform,
      costShare,
      peopleLogging: people.total,
      activeStaff: staff,
    };
    const figures = roiFigures(input);
    const plain = (rows: typeof people.category): RoiBreakdownRow[] =>
      rows.map((row) => ({ ...row, label: null, hours: hoursOf(row.minutes), value: null }));
    const activityByWeek = new Map(activity.map((week) => [week.weekStart, week]));
    // A quarter of the whole department is ~18,000 (day, team) rows: split once, not once per team.
    const dailyByTeam = new Map<string | null, typeof daily>();
    for (const day of daily) {
      const rows = dailyByTeam.get(day.teamId);
      if (rows) rows.push(day);
      else dailyByTeam.set(day.teamId, [day]);
    }
    const weekly = weeklySeries(input);
    return {
      from: period.from,
      to: period.to,
      teamId: request.teamId ?? null,
      currency: history.currency,
      timeZone: this.clock.zone,
      costShare: Math.round(costShare * 10000) / 10000,
      figures: { ...figures, entries: people.entries },
      weekly: weekly.map((week) => ({
        ...week,
        hours: hoursOf(week.minutes),
        people: activityByWeek.get(week.weekStart)?.loggers ?? 0,
      })),
      byCategory: plain(people.category),
      byContentType: plain(people.contentType),
      byTeam: people.team.map((row) => {
        const teamId = row.key === 'NONE' ? null : row.key;
        const ofTeam = dailyByTeam.get(teamId) ?? [];
        return {
          ...row,
          label: teamId ? (names.get(teamId) ?? null) : null,
          hours: hoursOf(row.minutes),
          value: roundCents(valueOf(ofTeam, history.hourly).value),
        };
      }),
      topContent,
      topContributors: people.contributors,
      adoption: weekly.map((week) => {
        const found = activityByWeek.get(week.weekStart);
        if (!found) return { weekStart: week.weekStart, activePeople: 0, posts: 0, comments: 0, proposals: 0 };
        const { loggers: _loggers, ...adoption } = found;
        return adoption;
      }),
      briefs,
    };
  }

  /** The period's briefs with their return on objective, by the briefs' own rules (libs/domain). */
  private async briefsOf(...params: [string, string, string[] | null]): Promise<RoiBrief[]> {
    const live = await this.repository.briefsLive(this.clock.zone, ...params);
    const kpis = await this.briefs.kpisOf(live.map((brief) => brief.id));
    const actuals = await this.briefs.actualsOf([...kpis.values()].flat().map((kpi) => kpi.id));
    const actualsByKpi = new Map([...actuals].map(([kpiId, rows]) => [kpiId, rows.map(toRooActual)]));
    return live.map((brief) => {
      const { score, kpiCount, verifiedCount } = briefReturnOnObjective(
        (kpis.get(brief.id) ?? []).map(toRooKpi),
        actualsByKpi,
      );
      const { id, ...rest } = brief;
      return { briefId: id, ...rest, score, kpiCount, verifiedCount };
    });
  }

  /** The most helpful content, quoted only when the viewer may read it. */
  private async describe(
    actor: Actor,
    ranked: { contentType: string; contentId: string; minutes: number; people: number }[],
  ): Promise<RoiContent[]> {
    const ids = ranked.map((item) => item.contentId);
    const [texts, targets] = await Promise.all([
      this.repository.contentTexts(ids, this.scopes.contentSql()),
      this.targets.findMany(actor.id, ids),
    ]);
    return ranked.map((item) => {
      const target = targets.get(item.contentId);
      const html = target ? texts.get(item.contentId) : undefined;
      return {
        ...item,
        rootType: target?.rootType ?? null,
        rootId: target?.rootId ?? null,
        excerpt: html === undefined ? null : excerptOf(html),
      };
    });
  }
}
