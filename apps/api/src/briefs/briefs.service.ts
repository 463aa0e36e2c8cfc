import { Injectable } from '@nestjs/common';
import {
  Actor,
  BriefActorFacts,
  BriefSnapshot,
  BriefTransition,
  KpiInput,
  TRANSITIONS,
  badInput,
  diffBriefSnapshots,
  editCreatesVersion,
  editRefusal,
  isBriefWriter,
  kpiTargetChangeRefusal,
  notFound,
  forbidden,
  conflict,
  snapshotsEqual,
  transitionRefusal,
  validateBriefFields,
  validateKpis,
  type BriefDiff,
  type BriefStatus,
} from '@atelier/domain';
import { DataSource, EntityManager, In } from 'typeorm';
import { AttachmentsService } from '../attachments/attachments.service';
import { isUuid } from '../common/ids';
import { LiveEventsService } from '../live/live-events.service';
import { NotificationsService } from '../notifications/notifications.service';
import type { NotificationKind } from '../notifications/notification.entity';
import type { ResolvedTarget } from '../scopes/targets.service';
import { Post } from '../posts/post.entity';
import { PostsService } from '../posts/posts.service';
import { Team } from '../teams/team.entity';
import { readableBriefIdsSql } from './brief-access';
import { Brief, BriefKpi, BriefTransitionRow, BriefVersion, KpiActual } from './brief.entity';
import type { BriefFieldsInput, BriefFilter, CreateBriefInput, KpiInputType } from './dto/brief.inputs';

export const BRIEFS_MAX_PAGE = 50;

interface BriefCursor {
  createdAt: string;
  id: string;
}

const encodeCursor = (cursor: BriefCursor): string => Buffer.from(JSON.stringify(cursor)).toString('base64url');

function decodeCursor(raw: string): BriefCursor {
  try {
    const value = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as BriefCursor;
    if (typeof value.createdAt !== 'string' || !isUuid(value.id) || Number.isNaN(Date.parse(value.createdAt))) {
      throw new Error('bad cursor');
    }
    return value;
  } catch {
    throw badInput('invalidCursor', 'This page link is not valid any more: reload the list.', 'after');
  }
}

const TEXT_FIELDS = [
  'title',
  'campaignName',
  'context',
  'objective',
  'audience',
  'keyMessage',
  'deliverables',
] as const;

const NOTIFICATION_OF: Record<BriefTransition, NotificationKind> = {
  SUBMIT: 'BRIEF_SUBMITTED',
  REQUEST_CHANGES: 'BRIEF_CHANGES_REQUESTED',
  APPROVE: 'BRIEF_APPROVED',
  LAUNCH: 'BRIEF_LAUNCHED',
  CLOSE: 'BRIEF_CLOSED',
};

export const briefTarget = (brief: Pick<Brief, 'id' | 'ownerId'>): ResolvedTarget => ({
  type: 'BRIEF',
  id: brief.id,
  authorId: brief.ownerId,
  rootType: 'BRIEF',
  rootId: brief.id,
  scope: { type: 'BRIEF', id: brief.id },
});

/**
 * Briefs: writing, the workflow, versions and watchers. Who may do what is decided by the pure
 * rules of libs/domain (briefs/workflow.ts) from facts gathered here; every write locks the brief
 * row, checks, then writes, so a refused request writes nothing.
 */
@Injectable()
export class BriefsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly live: LiveEventsService,
    private readonly notifications: NotificationsService,
    private readonly attachments: AttachmentsService,
    private readonly posts: PostsService,
  ) {}

  // ---- reading ----

  async findReadable(viewerId: string, id: string, manager = this.dataSource.manager, lock = false): Promise<Brief> {
    if (!isUuid(id) || !isUuid(viewerId)) throw notFound('brief');
    const query = manager
      .createQueryBuilder(Brief, 'brief')
      .where('brief.id = :id', { id })
      .andWhere(`brief.id in (${readableBriefIdsSql(':viewerId')})`, { viewerId });
    if (lock) query.setLock('pessimistic_write', undefined, ['brief']);
    const brief = await query.getOne();
    if (!brief) throw notFound('brief');
    return brief;
  }

  /** Which of these briefs the viewer reads (for links from posts). */
  async readableAmong(viewerId: string, ids: readonly string[]): Promise<Set<string>> {
    const valid = ids.filter(isUuid);
    if (!valid.length || !isUuid(viewerId)) return new Set();
    const rows = await this.dataSource.query<{ id: string }[]>(
      `select b.id from briefs b where b.id = any($1::uuid[]) and b.id in (${readableBriefIdsSql('$2')})`,
      [valid, viewerId],
    );
    return new Set(rows.map((row) => row.id));
  }

  async list(
    viewerId: string,
    filter: BriefFilter,
    first: number,
    after: string | null,
  ): Promise<{
    edges: { node: Brief; cursor: string }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  }> {
    if (!Number.isInteger(first) || first < 1 || first > BRIEFS_MAX_PAGE) {
      throw badInput('invalidPageSize', `Ask for between 1 and ${BRIEFS_MAX_PAGE} briefs at a time.`, 'first', {
        max: BRIEFS_MAX_PAGE,
      });
    }
    const cursor = after ? decodeCursor(after) : null;
    const query = this.dataSource.manager
      .createQueryBuilder(Brief, 'brief')
      .addSelect('brief.created_at::text', 'cursor_created_at')
      .where(`brief.id in (${readableBriefIdsSql(':viewerId')})`, { viewerId })
      .orderBy('brief.created_at', 'DESC')
      .addOrderBy('brief.id', 'DESC')
      .limit(first + 1);
    if (filter.status) query.andWhere('brief.status = :status', { status: filter.status });
    for (const [key, column] of [
      ['teamId', 'team_id'],
      ['ownerId', 'owner_id'],
    ] as const) {
      const value = filter[key];
      if (value == null) continue;
      if (!isUuid(value)) return { edges: [], pageInfo: { hasNextPage: false, endCursor: null } };
      query.andWhere(`brief.${column} = :${key}`, { [key]: value });
    }
    if (filter.channel) {
      if (!isUuid(filter.channel)) return { edges: [], pageInfo: { hasNextPage: false, endCursor: null } };
      query.andWhere(
        'exists (select 1 from brief_channels bc where bc.brief_id = brief.id and bc.channel_id = :channel)',
        {
          channel: filter.channel,
        },
      );
    }
    const search = filter.search?.trim();
    if (search) {
      const pattern = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      query.andWhere('(brief.title ilike :pattern or brief.campaign_name ilike :pattern)', { pattern });
    }
    if (cursor) {
      query.andWhere('(brief.created_at, brief.id) < (:createdAt::timestamptz, :cursorId::uuid)', {
        createdAt: cursor.createdAt,
        cursorId: cursor.id,
      });
    }
    const { entities, raw } = await query.getRawAndEntities<{ cursor_created_at: string; brief_id: string }>();
    const createdAtById = new Map(raw.map((row) => [row.brief_id, row.cursor_created_at]));
    const page = entities.slice(0, first);
    const edges = page.map((node) => ({
      node,
      cursor: encodeCursor({ createdAt: createdAtById.get(node.id)!, id: node.id }),
    }));
    return {
      edges,
      pageInfo: { hasNextPage: entities.length > first, endCursor: edges.at(-1)?.cursor ?? null },
    };
  }

  async byIds(ids: readonly string[]): Promise<Brief[]> {
    return ids.length ? this.dataSource.manager.find(Brief, { where: { id: In([...ids]) } }) : [];
  }

  async kpisOf(briefIds: readonly string[]): Promise<Map<string, BriefKpi[]>> {
    const rows = briefIds.length
      ? await this.dataSource.manager.find(BriefKpi, {
          where: { briefId: In([...briefIds]) },
          order: { position: 'ASC' },
        })
      : [];
    return groupBy(rows, (row) => row.briefId);
  }

  async channelIdsOf(briefIds: readonly string[]): Promise<Map<string, string[]>> {
    const rows = briefIds.length
      ? await this.dataSource.query<{ brief_id: string; channel_id: string }[]>(
          `select bc.brief_id, bc.channel_id from brief_channels bc join channels c on c.id = bc.channel_id
            where bc.brief_id = any($1::uuid[]) order by c.code nulls last, c.name`,
          [[...briefIds]],
        )
      : [];
    const map = new Map<string, string[]>();
    for (const row of rows) map.set(row.brief_id, [...(map.get(row.brief_id) ?? []), row.channel_id]);
    return map;
  }

  async actualsOf(kpiIds: readonly string[]): Promise<Map<string, KpiActual[]>> {
    const rows = kpiIds.length
      ? await this.dataSource.manager.find(KpiActual, {
          where: { kpiId: In([...kpiIds]) },
          order: { periodTo: 'DESC', recordedAt: 'DESC' },
        })
      : [];
    return groupBy(rows, (row) => row.kpiId);
  }

  async transitionsOf(briefIds: readonly string[]): Promise<Map<string, BriefTransitionRow[]>> {
    const rows = briefIds.length
      ? await this.dataSource.manager.find(BriefTransitionRow, {
          where: { briefId: In([...briefIds]) },
          order: { createdAt: 'ASC', id: 'ASC' },
        })
      : [];
    return groupBy(rows, (row) => row.briefId);
  }

  async watchersOf(briefIds: readonly string[]): Promise<Map<string, string[]>> {
    const rows = briefIds.length
      ? await this.dataSource.query<{ brief_id: string; user_id: string }[]>(
          `select brief_id, user_id from brief_watchers where brief_id = any($1::uuid[]) order by created_at`,
          [[...briefIds]],
        )
      : [];
    const map = new Map<string, string[]>();
    for (const row of rows) map.set(row.brief_id, [...(map.get(row.brief_id) ?? []), row.user_id]);
    return map;
  }

  async versions(viewerId: string, briefId: string): Promise<BriefVersion[]> {
    const brief = await this.findReadable(viewerId, briefId);
    return this.dataSource.manager.find(BriefVersion, { where: { briefId: brief.id }, order: { number: 'DESC' } });
  }

  async diff(viewerId: string, briefId: string, fromVersion: number, toVersion: number): Promise<BriefDiff> {
    const brief = await this.findReadable(viewerId, briefId);
    const rows = await this.dataSource.manager.find(BriefVersion, {
      where: { briefId: brief.id, number: In([fromVersion, toVersion]) },
    });
    const from = rows.find((row) => row.number === fromVersion);
    const to = rows.find((row) => row.number === toVersion);
    if (!from) throw badInput('unknownVersion', `This brief has no version ${fromVersion}.`, 'fromVersion');
    if (!to) throw badInput('unknownVersion', `This brief has no version ${toVersion}.`, 'toVersion');
    return diffBriefSnapshots(from.snapshot, to.snapshot);
  }

  /** The facts the workflow rules need about a person and a brief's team. */
  async actorFacts(actor: Actor, teamId: string, manager = this.dataSource.manager): Promise<BriefActorFacts> {
    const [row] = await manager.query<{ in_team: boolean; managers: number }[]>(
      `select exists (select 1 from team_members where team_id = $2 and user_id = $1) as in_team,
              (select count(*)::int from users where role = 'MANAGER' and active) as managers`,
      [actor.id, teamId],
    );
    return { ...actor, inTeam: row.in_team, activeManagerCount: row.managers };
  }

  async permissions(actor: Actor, brief: Brief) {
    const facts = await this.actorFacts(actor, brief.teamId);
    const ok = (transition: BriefTransition) => transitionRefusal(transition, facts, brief, 'x') === null;
    return {
      edit: editRefusal(facts, brief) === null,
      submit: ok('SUBMIT'),
      review: ok('APPROVE'),
      launch: ok('LAUNCH'),
      close: ok('CLOSE'),
      recordActuals: brief.status === 'LIVE' && isBriefWriter(facts, brief),
      verifyActuals: brief.status === 'LIVE' && facts.role === 'MANAGER',
      changeTargets: editRefusal(facts, brief) === null && kpiTargetChangeRefusal(facts, brief) === null,
    };
  }

  // ---- writing ----

  async create(actor: Actor, input: CreateBriefInput): Promise<Brief> {
    validateBriefFields({ ...input, title: input.title ?? '' });
    const kpis = input.kpis ?? [];
    await this.checkKpis(kpis);
    await this.checkChannels(input.channelIds ?? []);
    if (!isUuid(input.teamId) || !(await this.dataSource.manager.existsBy(Team, { id: input.teamId }))) {
      throw badInput('unknownTeam', 'This team does not exist.', 'teamId');
    }
    const facts = await this.actorFacts(actor, input.teamId);
    if (!facts.inTeam && facts.role !== 'MANAGER' && facts.role !== 'ADMIN') {
      throw forbidden('You can only write briefs for a team you belong to.');
    }
    const id = await this.dataSource.transaction(async (manager) => {
      const { identifiers } = await manager.insert(Brief, {
        ...this.fieldsOf(input),
        title: input.title!.trim(),
        ownerId: actor.id,
        teamId: input.teamId,
        status: 'DRAFT',
        version: 0,
        updatedAt: () => 'now()',
      } as object);
      const briefId = identifiers[0].id as string;
      await this.replaceChannels(manager, briefId, input.channelIds ?? []);
      await this.replaceKpis(manager, briefId, kpis);
      if (input.attachmentIds?.length)
        await this.attachments.attach(actor.id, input.attachmentIds, 'BRIEF', briefId, manager);
      await manager.insert(BriefTransitionRow, { briefId, actorId: actor.id, fromStatus: null, toStatus: 'DRAFT' });
      return briefId;
    });
    return this.dataSource.manager.findOneByOrFail(Brief, { id });
  }

  async update(actor: Actor, id: string, input: BriefFieldsInput): Promise<Brief> {
    const updated = await this.dataSource.transaction(async (manager) => {
      const brief = await this.findReadable(actor.id, id, manager, true);
      const refusal = editRefusal(await this.actorFacts(actor, brief.teamId, manager), brief);
      if (refusal) throw refusal;
      validateBriefFields(input, brief);
      if (input.channelIds) await this.checkChannels(input.channelIds);
      const before = await this.snapshot(manager, brief.id);
      const fields = this.fieldsOf(input);
      if (Object.keys(fields).length) {
        await manager.update(Brief, { id: brief.id }, { ...fields, updatedAt: () => 'now()' });
      }
      if (input.channelIds) await this.replaceChannels(manager, brief.id, input.channelIds);
      if (input.attachmentIds) await this.replaceAttachments(manager, actor, brief.id, input.attachmentIds);
      await this.versionIfChanged(manager, actor, brief, before);
      return manager.findOneByOrFail(Brief, { id: brief.id });
    });
    this.live.toScope({ type: 'BRIEF', id: updated.id }, 'brief.updated', { briefId: updated.id });
    return updated;
  }

  /**
   * Makes `attachmentIds` the brief's own files, as posts do on edit: those left out are detached
   * (and swept with other unattached uploads), new ones must be the actor's own unattached uploads,
   * at most MAX_ATTACHMENTS_PER_CONTENT in all. The evidence of recorded figures is attached to the
   * brief too but belongs to its figure: it stays whatever the list says, and counts in the maximum.
   * Runs in the caller's transaction, after the brief is locked (recording a figure locks it too).
   */
  private async replaceAttachments(
    manager: EntityManager,
    actor: Actor,
    briefId: string,
    attachmentIds: readonly string[],
  ): Promise<void> {
    const evidence = await manager.query<{ id: string }[]>(
      `select distinct a.evidence_attachment_id as id
         from kpi_actuals a
         join attachments f on f.id = a.evidence_attachment_id and f.target_type = 'BRIEF' and f.target_id = $1
        where a.brief_id = $1`,
      [briefId],
    );
    await this.attachments.replace(
      actor.id,
      [...attachmentIds, ...evidence.map((row) => row.id)],
      'BRIEF',
      briefId,
      manager,
    );
  }

  /**
   * Replaces the brief's KPIs with this list. A KPI given with its id is updated in place (its actuals
   * stay with it); one left out is removed, unless figures were recorded against it.
   */
  async setKpis(actor: Actor, briefId: string, kpis: KpiInputType[]): Promise<Brief> {
    await this.checkKpis(kpis);
    const updated = await this.dataSource.transaction(async (manager) => {
      const brief = await this.findReadable(actor.id, briefId, manager, true);
      const facts = await this.actorFacts(actor, brief.teamId, manager);
      const refusal = editRefusal(facts, brief);
      if (refusal) throw refusal;
      const before = await this.snapshot(manager, brief.id);
      const known = new Map(before.kpis.map((kpi) => [kpi.id, kpi]));
      for (const [index, kpi] of kpis.entries()) {
        if (kpi.id && !known.has(kpi.id))
          throw badInput('unknownKpi', 'This KPI is not one of the brief’s.', `kpis.${index}.id`);
      }
      const targetsMoved =
        kpis.some((kpi) => {
          const old = kpi.id ? known.get(kpi.id) : undefined;
          return !old || old.target !== kpi.target || old.direction !== kpi.direction;
        }) || before.kpis.some((old) => !kpis.some((kpi) => kpi.id === old.id));
      if (targetsMoved) {
        const targetRefusal = kpiTargetChangeRefusal(facts, brief);
        if (targetRefusal) throw targetRefusal;
      }
      await this.replaceKpis(manager, brief.id, kpis);
      await manager.update(Brief, { id: brief.id }, { updatedAt: () => 'now()' });
      await this.versionIfChanged(manager, actor, brief, before);
      return manager.findOneByOrFail(Brief, { id: brief.id });
    });
    this.live.toScope({ type: 'BRIEF', id: updated.id }, 'brief.updated', { briefId: updated.id });
    return updated;
  }

  async transition(actor: Actor, id: string, transition: BriefTransition, rawComment?: string | null): Promise<Brief> {
    const comment = rawComment?.trim() || null;
    if (comment && comment.length > 2000) {
      throw badInput('tooLong', 'The comment must be at most 2000 characters.', 'comment', { max: 2000 });
    }
    const { brief, from } = await this.dataSource.transaction(async (manager) => {
      const current = await this.findReadable(actor.id, id, manager, true);
      const kpiCount =
        transition === 'SUBMIT' ? await manager.count(BriefKpi, { where: { briefId: current.id } }) : undefined;
      const refusal = transitionRefusal(
        transition,
        await this.actorFacts(actor, current.teamId, manager),
        { status: current.status, ownerId: current.ownerId, kpiCount },
        comment,
      );
      if (refusal) throw refusal;
      const { to } = TRANSITIONS[transition];
      const changes: Partial<Brief> = { status: to };
      if (transition === 'SUBMIT') {
        changes.version = current.version + 1;
        await manager.insert(BriefVersion, {
          briefId: current.id,
          number: changes.version,
          cause: 'SUBMITTED',
          snapshot: await this.snapshot(manager, current.id),
          createdById: actor.id,
        });
      }
      await manager.update(Brief, { id: current.id }, { ...changes, updatedAt: () => 'now()' } as object);
      await manager.insert(BriefTransitionRow, {
        briefId: current.id,
        actorId: actor.id,
        fromStatus: current.status,
        toStatus: to,
        comment,
      });
      return { brief: await manager.findOneByOrFail(Brief, { id: current.id }), from: current.status };
    });
    await this.tellWatchers(actor, brief, NOTIFICATION_OF[transition]);
    this.live.toScope({ type: 'BRIEF', id: brief.id }, 'brief.updated', { briefId: brief.id, from, to: brief.status });
    return brief;
  }

  async watch(actor: Actor, id: string, watching: boolean): Promise<Brief> {
    const brief = await this.findReadable(actor.id, id);
    if (watching) {
      await this.dataSource.query(
        `insert into brief_watchers (brief_id, user_id) values ($1, $2) on conflict do nothing`,
        [brief.id, actor.id],
      );
    } else {
      await this.dataSource.query(`delete from brief_watchers where brief_id = $1 and user_id = $2`, [
        brief.id,
        actor.id,
      ]);
    }
    return brief;
  }

  /**
   * Shares the brief into a space as a post linking to it. The link is set right after the post is
   * written (PostsService owns posts); the post is the sharer's, its text theirs.
   */
  async shareToSpace(actor: Actor, briefId: string, spaceId: string, body: string): Promise<Post> {
    const brief = await this.findReadable(actor.id, briefId);
    return this.posts.create(actor, spaceId, body, { linkedBriefId: brief.id });
  }

  /** The owner and the watchers hear of each step (never the person who made it). */
  async tellWatchers(actor: Actor, brief: Brief, kind: NotificationKind): Promise<void> {
    const watchers = (await this.watchersOf([brief.id])).get(brief.id) ?? [];
    const recipients = [...new Set([brief.ownerId, ...watchers])].map((recipientId) => ({ recipientId, kind }));
    await this.notifications.notify(actor, briefTarget(brief), recipients);
  }

  // ---- helpers ----

  private fieldsOf(input: BriefFieldsInput): Partial<Brief> {
    const fields: Partial<Brief> = {};
    for (const field of TEXT_FIELDS) {
      const value = input[field];
      if (value != null) fields[field] = field === 'title' || field === 'campaignName' ? value.trim() : value;
    }
    if (input.budgetAmount !== undefined) fields.budgetAmount = input.budgetAmount;
    if (input.budgetCurrency != null) fields.budgetCurrency = input.budgetCurrency;
    if (input.startDate !== undefined) fields.startDate = input.startDate;
    if (input.endDate !== undefined) fields.endDate = input.endDate;
    return fields;
  }

  async channelIdSet(): Promise<Set<string>> {
    const rows = await this.dataSource.query<{ id: string }[]>(`select id from channels`);
    return new Set(rows.map((row) => row.id));
  }

  private async checkKpis(kpis: KpiInputType[]): Promise<void> {
    validateKpis(kpis as KpiInput[], await this.channelIdSet());
  }

  private async checkChannels(channelIds: string[]): Promise<void> {
    const known = await this.channelIdSet();
    channelIds.forEach((id, index) => {
      if (!known.has(id)) {
        throw badInput('unknownChannel', 'This channel does not exist: pick one from the list.', `channelIds.${index}`);
      }
    });
  }

  private async replaceChannels(manager: EntityManager, briefId: string, channelIds: string[]): Promise<void> {
    await manager.query(`delete from brief_channels where brief_id = $1`, [briefId]);
    const ids = [...new Set(channelIds)];
    if (ids.length) {
      await manager.query(`insert into brief_channels (brief_id, channel_id) select $1, unnest($2::uuid[])`, [
        briefId,
        ids,
      ]);
    }
  }

  private async replaceKpis(manager: EntityManager, briefId: string, kpis: KpiInputType[]): Promise<void> {
    const keep = kpis.map((kpi) => kpi.id).filter((kpiId): kpiId is string => !!kpiId);
    const removed = await manager.query<{ id: string }[]>(
      `select k.id from brief_kpis k where k.brief_id = $1 and not (k.id = any($2::uuid[]))`,
      [briefId, keep],
    );
    if (removed.length) {
      const [{ count }] = await manager.query<{ count: number }[]>(
        `select count(*)::int as count from kpi_actuals where kpi_id = any($1::uuid[])`,
        [removed.map((row) => row.id)],
      );
      if (count > 0) {
        throw conflict('kpiHasActuals', 'A KPI with recorded figures cannot be removed: change its target instead.');
      }
      await manager.delete(BriefKpi, { id: In(removed.map((row) => row.id)) });
    }
    for (const [position, kpi] of kpis.entries()) {
      const values = {
        briefId,
        position,
        metric: kpi.metric,
        customName: kpi.metric === 'CUSTOM' ? kpi.customName!.trim() : null,
        channelId: kpi.channelId,
        target: kpi.target!,
        unit: kpi.unit?.trim() || null,
        direction: kpi.direction,
        weight: kpi.weight,
        dueDate: kpi.dueDate ?? null,
      };
      if (kpi.id) await manager.update(BriefKpi, { id: kpi.id, briefId }, values);
      else await manager.insert(BriefKpi, values);
    }
  }

  async snapshot(manager: EntityManager, briefId: string): Promise<BriefSnapshot> {
    const brief = await manager.findOneByOrFail(Brief, { id: briefId });
    const kpis = await manager.find(BriefKpi, { where: { briefId }, order: { position: 'ASC' } });
    const channels = await manager.query<{ channel_id: string }[]>(
      `select channel_id from brief_channels where brief_id = $1 order by channel_id`,
      [briefId],
    );
    return {
      title: brief.title,
      campaignName: brief.campaignName,
      context: brief.context,
      objective: brief.objective,
      audience: brief.audience,
      keyMessage: brief.keyMessage,
      deliverables: brief.deliverables,
      channelIds: channels.map((row) => row.channel_id),
      budgetAmount: brief.budgetAmount,
      budgetCurrency: brief.budgetCurrency,
      startDate: brief.startDate,
      endDate: brief.endDate,
      kpis: kpis.map((kpi) => ({
        id: kpi.id,
        metric: kpi.metric,
        customName: kpi.customName,
        channelId: kpi.channelId,
        target: kpi.target,
        unit: kpi.unit,
        direction: kpi.direction,
        weight: kpi.weight,
        dueDate: kpi.dueDate,
      })),
    };
  }

  /** After approval, each edit that changes something becomes a numbered version. */
  private async versionIfChanged(
    manager: EntityManager,
    actor: Actor,
    brief: Brief,
    before: BriefSnapshot,
  ): Promise<void> {
    if (!editCreatesVersion(brief.status as BriefStatus)) return;
    const after = await this.snapshot(manager, brief.id);
    if (snapshotsEqual(before, after)) return;
    const number = brief.version + 1;
    await manager.insert(BriefVersion, {
      briefId: brief.id,
      number,
      cause: 'EDITED',
      snapshot: after,
      createdById: actor.id,
    });
    await manager.update(Brief, { id: brief.id }, { version: number });
  }
}

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) map.set(key(row), [...(map.get(key(row)) ?? []), row]);
  return map;
}
