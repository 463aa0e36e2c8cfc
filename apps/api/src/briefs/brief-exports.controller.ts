import { Controller, Get, Query, Req, Res, UseFilters } from '@nestjs/common';
import { can, forbidden, unauthenticated } from '@atelier/domain';
import type { Request, Response } from 'express';
import { AttachmentsErrorFilter } from '../attachments/http-errors.filter';
import { actorOf } from '../common/request-context';
import { KpiActualsService } from './kpi-actuals.service';

/** A cell a spreadsheet will not run as a formula, quoted when it needs to be. */
function cell(value: string | number | null): string {
  if (value == null) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text) && typeof value === 'string') text = `'${text}`;
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The channel scorecard as CSV, for spreadsheets: plain HTTP under `/exports` (which the web app's
 * fallback leaves to the API), authenticated by the session cookie, the same rule and the same
 * figures as the `channelScorecard` query. UTF-8 with a BOM and `;` separators, as French Excel expects.
 */
@Controller('exports')
@UseFilters(AttachmentsErrorFilter)
export class BriefExportsController {
  constructor(private readonly actuals: KpiActualsService) {}

  @Get('channel-scorecard.csv')
  async channelScorecard(
    @Req() req: Request,
    @Query() query: { from?: string; to?: string; teamId?: string },
    @Res() res: Response,
  ): Promise<void> {
    const actor = actorOf(req.user);
    if (!actor) throw unauthenticated();
    if (!can(actor, 'scorecard.read')) throw forbidden();
    const card = await this.actuals.scorecard(actor.id, query.from ?? '', query.to ?? '', query.teamId || null);
    const rows: (string | number | null)[][] = [
      ['channel', 'score', 'kpis', 'verified_kpis', 'briefs', `budget_${card.currency}`, 'budget_share'],
      ...card.rows.map((row) => [
        row.channel.code ?? row.channel.name,
        row.score,
        row.kpiCount,
        row.verifiedCount,
        row.briefCount,
        row.budget,
        row.budgetShare,
      ]),
      [],
      ['channel', 'brief', 'metric', 'target', 'unit', 'direction', 'weight', 'verified', 'attainment'],
      ...card.rows.flatMap((row) =>
        row.kpis.map((kpi) => [
          row.channel.code ?? row.channel.name,
          kpi.briefTitle,
          kpi.customName ?? kpi.metric,
          kpi.target,
          kpi.unit,
          kpi.direction,
          kpi.weight,
          kpi.verifiedValue,
          kpi.attainment,
        ]),
      ),
    ];
    res.setHeader('content-type', 'text/csv; charset=utf-8');
    res.setHeader('content-disposition', `attachment; filename="channel-scorecard-${card.from}-${card.to}.csv"`);
    res.setHeader('cache-control', 'private, no-store');
    res.send(`\uFEFF${rows.map((row) => row.map(cell).join(';')).join('\r\n')}\r\n`);
  }
}
