import { Injectable } from '@nestjs/common';
import {
  Actor,
  badInput,
  channelScorecard,
  isIsoDate,
  kpiResult,
  notFound,
  recordActualRefusal,
  reviewActualRefusal,
  validateActual,
  validateReason,
  type RooActual,
  type RooKpi,
} from '@atelier/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AttachmentsService } from '../attachments/attachments.service';
import { Channel } from '../channels/channel.entity';
import { isUuid } from '../common/ids';
import { LiveEventsService } from '../live/live-events.service';
import { readableBriefIdsSql } from './brief-access';
import { Brief, BriefKpi, KpiActual } from './brief.entity';
import { BriefsService } from './briefs.service';
import type { RecordKpiActualInput } from './dto/brief.inputs';
import type { ChannelScorecard } from './dto/brief.types';

export const toRooActual = (actual: KpiActual): RooActual => ({
  id: actual.id,
  value: actual.value,
  status: actual.status,
  periodTo: actual.periodTo,
  recordedAt: actual.recordedAt.toISOString(),
});

export const toRooKpi = (kpi: BriefKpi): RooKpi => ({
  id: kpi.id,
  channelId: kpi.channelId,
  target: kpi.target,
  direction: kpi.direction,
  weight: kpi.weight,
});

/** Figures recorded against KPIs, their checking, and the channel scorecard built from them. */
@Injectable()
export class KpiActualsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly briefs: BriefsService,
    private readonly attachments: AttachmentsService,
    private readonly live: LiveEventsService,
  ) {}

  private async kpiOf(
    viewerId: string,
    kpiId: string,
    manager: EntityManager,
  ): Promise<{ kpi: BriefKpi; brief: Brief }> {
    if (!isUuid(kpiId)) throw notFound('KPI');
    const kpi = await manager.findOneBy(BriefKpi, { id: kpiId });
    if (!kpi) throw notFound('KPI');
    try {
      return { kpi, brief: await this.briefs.findReadable(viewerId, kpi.briefId, manager, true) };
    } catch {
      throw notFound('KPI');
    }
  }

  async record(actor: Actor, kpiId: string, input: RecordKpiActualInput): Promise<KpiActual> {
    const actual = await this.dataSource.transaction(async (manager) => {
      const { kpi, brief } = await this.kpiOf(actor.id, kpiId, manager);
      const refusal = recordActualRefusal(await this.briefs.actorFacts(actor, brief.teamId, manager), brief);
      if (refusal) throw refusal;
      validateActual(input);
      const { identifiers } = await manager.insert(KpiActual, {
        kpiId: kpi.id,
        briefId: brief.id,
        value: input.value,
        periodFrom: input.periodFrom,
        periodTo: input.periodTo,
        source: input.source,
        evidenceUrl: input.evidenceUrl?.trim() || null,
        evidenceAttachmentId: input.evidenceAttachmentId ?? null,
        status: 'CLAIMED',
        recordedById: actor.id,
        recordedAt: () => 'now()',
      } as object);
      const id = identifiers[0].id as string;
      if (input.evidenceAttachmentId) {
        await this.attachments.attach(actor.id, [input.evidenceAttachmentId], 'BRIEF', brief.id, manager);
      }
      return manager.findOneByOrFail(KpiActual, { id });
    });
    this.live.toScope({ type: 'BRIEF', id: actual.briefId }, 'brief.updated', { briefId: actual.briefId });
    return actual;
  }

  async review(actor: Actor, id: string, verdict: 'VERIFIED' | 'REJECTED', rawReason?: string): Promise<KpiActual> {
    const reason = verdict === 'REJECTED' ? validateReason(rawReason ?? '') : null;
    const actual = await this.dataSource.transaction(async (manager) => {
      if (!isUuid(id)) throw notFound('figure');
      const current = await manager.findOne(KpiActual, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!current) throw notFound('figure');
      let brief: Brief;
      try {
        brief = await this.briefs.findReadable(actor.id, current.briefId, manager, true);
      } catch {
        throw notFound('figure');
      }
      const refusal = reviewActualRefusal(await this.briefs.actorFacts(actor, brief.teamId, manager), brief, current);
      if (refusal) throw refusal;
      await manager.update(KpiActual, { id }, {
        status: verdict,
        reviewedById: actor.id,
        reviewedAt: () => 'now()',
        rejectionReason: reason,
      } as object);
      return manager.findOneByOrFail(KpiActual, { id });
    });
    this.live.toScope({ type: 'BRIEF', id: actual.briefId }, 'brief.updated', { briefId: actual.briefId });
    return actual;
  }

  /**
   * Per channel, for a period: the KPIs of the live and closed briefs (the viewer reads) running in
   * it, scored on the figures verified for periods ending in it.
   */
  async scorecard(viewerId: string, from: string, to: string, teamId?: string | null): Promise<ChannelScorecard> {
    if (!isIsoDate(from)) throw badInput('invalidDate', `"${from}" is not a date (expected YYYY-MM-DD).`, 'from');
    if (!isIsoDate(to)) throw badInput('invalidDate', `"${to}" is not a date (expected YYYY-MM-DD).`, 'to');
    if (to < from) throw badInput('endBeforeStart', 'The period cannot end before it starts.', 'to');
    const currency = 'EUR';
    if (teamId != null && !isUuid(teamId)) return { from, to, currency, rows: [] };
    const briefs = await this.dataSource.manager
      .createQueryBuilder(Brief, 'brief')
      .where(`brief.id in (${readableBriefIdsSql(':viewerId')})`, { viewerId })
      .andWhere(`brief.status in ('LIVE', 'CLOSED')`)
      .andWhere('coalesce(brief.start_date, brief.created_at::date) <= :to', { to })
      .andWhere('(brief.end_date is null or brief.end_date >= :from)', { from })
      .andWhere(teamId ? 'brief.team_id = :teamId' : 'true', { teamId })
      .getMany();
    const ids = briefs.map((brief) => brief.id);
    const [kpis, channelIds] = await Promise.all([this.briefs.kpisOf(ids), this.briefs.channelIdsOf(ids)]);
    const allKpis = [...kpis.values()].flat();
    const actuals = await this.dataSource.manager
      .createQueryBuilder(KpiActual, 'actual')
      .where('actual.kpi_id = any(:kpiIds::uuid[])', { kpiIds: allKpis.map((kpi) => kpi.id) })
      .andWhere('actual.period_to between :from and :to', { from, to })
      .getMany();
    const actualsByKpi = new Map<string, RooActual[]>();
    for (const actual of actuals) {
      actualsByKpi.set(actual.kpiId, [...(actualsByKpi.get(actual.kpiId) ?? []), toRooActual(actual)]);
    }
    const scores = channelScorecard(
      briefs.map((brief) => ({
        id: brief.id,
        budgetAmount: brief.budgetAmount,
        budgetCurrency: brief.budgetCurrency,
        channelIds: channelIds.get(brief.id) ?? [],
        kpis: (kpis.get(brief.id) ?? []).map(toRooKpi),
      })),
      actualsByKpi,
      currency,
    );
    const channels = scores.length
      ? await this.dataSource.manager.findBy(
          Channel,
          scores.map((score) => ({ id: score.channelId })),
        )
      : [];
    const channelById = new Map(channels.map((channel) => [channel.id, channel]));
    const titleById = new Map(briefs.map((brief) => [brief.id, brief.title]));
    return {
      from,
      to,
      currency,
      rows: scores
        .map((score) => ({
          ...score,
          channel: channelById.get(score.channelId)!,
          kpis: allKpis
            .filter((kpi) => kpi.channelId === score.channelId)
            .map((kpi) => {
              const result = kpiResult(toRooKpi(kpi), actualsByKpi.get(kpi.id) ?? []);
              return {
                kpiId: kpi.id,
                briefId: kpi.briefId,
                briefTitle: titleById.get(kpi.briefId) ?? '',
                metric: kpi.metric,
                customName: kpi.customName,
                target: kpi.target,
                unit: kpi.unit,
                direction: kpi.direction,
                weight: kpi.weight,
                verifiedValue: result.verifiedValue,
                attainment: result.attainment,
              };
            }),
        }))
        .sort((a, b) => b.budget - a.budget || a.channel.name.localeCompare(b.channel.name)),
    };
  }
}
