import { Controller, Get, Query, Req, Res, UseFilters } from '@nestjs/common';
import { type Actor, badInput, can, forbidden, unauthenticated } from '@atelier/domain';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { AttachmentsErrorFilter } from '../attachments/http-errors.filter';
import { actorOf } from '../common/request-context';
import { TimeSavedService } from '../time-saved/time-saved.service';
import { type Separator, toCsv } from './csv';
import { RoiReportService } from './roi-report.service';

interface ExportQuery {
  from?: string;
  to?: string;
  preset?: string;
  teamId?: string;
  separator?: string;
}

const PRESETS = ['WEEK', 'MONTH', 'QUARTER', 'YEAR'] as const;
const MAX_ROWS = 100_000;

/**
 * CSV downloads of the ROI report and of the entries behind it, for spreadsheets. Plain HTTP,
 * authenticated by the session cookie; the same permissions as the report (managers: their teams,
 * admins: everything). Errors answer in the GraphQL error shape, as JSON.
 */
@Controller('exports')
@UseFilters(AttachmentsErrorFilter)
export class ExportsController {
  constructor(
    private readonly reports: RoiReportService,
    private readonly timeSaved: TimeSavedService,
    private readonly dataSource: DataSource,
  ) {}

  @Get('roi.csv')
  async roi(@Req() req: Request, @Query() query: ExportQuery, @Res() res: Response): Promise<void> {
    const actor = this.reader(req);
    const separator = this.separator(query);
    const report = await this.reports.report(actor, this.request(query));
    const f = report.figures;
    const rows: (string | number | null)[][] = [
      ['indicator', 'value'],
      ['from', report.from],
      ['to', report.to],
      ['team', report.teamId ?? 'all'],
      ['currency', report.currency],
      ['hours_saved', f.hours],
      ['minutes_saved', f.minutes],
      ['entries', f.entries],
      ['value', f.value],
      ['platform_cost', f.platformCost],
      ['net_benefit', f.netBenefit],
      ['roi_percent', f.roiPercent],
      ['payback_days', f.paybackDays],
      ['people_logging', f.peopleLogging],
      ['active_staff', f.activeStaff],
      ['adoption_rate', f.adoptionRate],
      ['unpriced_minutes', f.unpricedMinutes],
      [],
      ['week_start', 'from', 'to', 'hours', 'value', 'platform_cost', 'people'],
      ...report.weekly.map((w) => [w.weekStart, w.from, w.to, w.hours, w.value, w.platformCost, w.people]),
      [],
      ['category', 'hours', 'entries', 'people'],
      ...report.byCategory.map((row) => [row.key, row.hours, row.entries, row.people]),
      [],
      ['team', 'hours', 'value', 'entries', 'people'],
      ...report.byTeam.map((row) => [row.label ?? row.key, row.hours, row.value, row.entries, row.people]),
      [],
      ['content_kind', 'hours', 'entries', 'people'],
      ...report.byContentType.map((row) => [row.key, row.hours, row.entries, row.people]),
    ];
    this.send(res, `roi-${report.from}-${report.to}.csv`, toCsv(rows, separator));
  }

  @Get('time-entries.csv')
  async entries(@Req() req: Request, @Query() query: ExportQuery, @Res() res: Response): Promise<void> {
    const actor = this.reader(req);
    const separator = this.separator(query);
    const period = this.reports.period(this.request(query));
    const where = await this.timeSaved.entriesWhere(actor, { ...period, teamId: query.teamId || null });
    const rows = await this.dataSource.query<
      {
        date: string;
        name: string;
        team: string | null;
        minutes: number;
        category: string;
        note: string;
        content_type: string | null;
        content_id: string | null;
        created_at: Date;
      }[]
    >(
      `select e.entry_date::text as date, u.display_name as name, t.name as team, e.minutes, e.category, e.note,
              e.content_type, e.content_id, e.created_at
         from time_saved_entries e
         join users u on u.id = e.user_id
         left join teams t on t.id = e.team_id
        where ${where.conditions.join(' and ')}
        order by e.entry_date, u.display_name, e.id
        limit ${MAX_ROWS}`,
      where.params,
    );
    const csv = toCsv(
      [
        ['date', 'person', 'team', 'minutes', 'category', 'note', 'content_kind', 'content_id', 'logged_at'],
        ...rows.map((row) => [
          row.date,
          row.name,
          row.team,
          row.minutes,
          row.category,
          row.note,
          row.content_type,
          row.content_id,
          row.created_at.toISOString(),
        ]),
      ],
      separator,
    );
    this.send(res, `time-saved-${period.from}-${period.to}.csv`, csv);
  }

  private reader(req: Request): Actor {
    const actor = actorOf(req.user);
    if (!actor) throw unauthenticated('Sign in to download exports.');
    if (!can(actor, 'roi.read')) throw forbidden('Only managers and administrators download the ROI exports.');
    return actor;
  }

  private separator(query: ExportQuery): Separator {
    if (!query.separator || query.separator === 'comma') return ',';
    if (query.separator === 'semicolon') return ';';
    throw badInput('exportSeparator', 'The separator is "comma" or "semicolon".', 'separator');
  }

  private request(query: ExportQuery) {
    const preset = query.preset?.toUpperCase();
    if (preset && !(PRESETS as readonly string[]).includes(preset)) {
      throw badInput('periodPreset', `The period is one of ${PRESETS.join(', ')}.`, 'preset');
    }
    return {
      from: query.from || null,
      to: query.to || null,
      preset: (preset as (typeof PRESETS)[number] | undefined) ?? null,
      teamId: query.teamId || null,
    };
  }

  private send(res: Response, name: string, csv: string): void {
    res.setHeader('content-type', 'text/csv; charset=utf-8');
    res.setHeader('content-disposition', `attachment; filename="${name}"`);
    res.setHeader('cache-control', 'private, no-store');
    res.send(csv);
  }
}
