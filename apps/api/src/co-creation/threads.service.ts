import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import {
  Actor,
  THREAD_TEXT_MAX_LENGTH,
  THREAD_TITLE_MAX_LENGTH,
  ThreadStatus,
  badInput,
  checkThreadTransition,
  isStaff,
  notFound,
  threadStatusAt,
  validateThreadDates,
  validateThreadText,
} from '@atelier/domain';
import { DataSource, EntityManager, In } from 'typeorm';
import { isUuid } from '../common/ids';
import { LiveEventsService } from '../live/live-events.service';
import { renderBody } from '../markdown/body';
import { ScopeRegistry } from '../scopes/scope-registry';
import { User } from '../users/user.entity';
import { decodeKeyset, encodeKeyset, pageSize } from './cursor';
import { CreateCoCreationThreadInput, UpdateCoCreationThreadInput } from './dto/thread.input';
import { CoCreationThread, ThreadConnection, ThreadParticipation, ThreadRunner } from './thread.entity';

export const THREADS_MAX_PAGE = 50;
/** How often the dates are applied to stored statuses (reads apply them at once anyway). */
export const THREAD_SWEEP_MS = 60_000;

const markdown = (raw: string, field: string, required: boolean): { source: string; html: string } => {
  if (!required && !raw.trim()) return { source: '', html: '' };
  const { body, bodyHtml } = renderBody(raw, field);
  return { source: body, html: bodyHtml };
};

/** A thread as everyone reads it: its status is the one its dates give it now. */
export const withCurrentStatus = (thread: CoCreationThread, now = new Date()): CoCreationThread =>
  Object.assign(thread, { status: threadStatusAt(thread, now) });

@Injectable()
export class ThreadsService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('CoCreationThreads');
  private sweeper?: NodeJS.Timeout;

  constructor(
    private readonly dataSource: DataSource,
    private readonly scopes: ScopeRegistry,
    private readonly live: LiveEventsService,
  ) {}

  onModuleInit(): void {
    this.sweeper = setInterval(() => {
      this.sweep(new Date()).catch((error: unknown) => this.logger.warn(`thread sweep failed: ${String(error)}`));
    }, THREAD_SWEEP_MS);
    this.sweeper.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.sweeper);
  }

  /** SQL condition: the viewer (`userExpr`) reads the thread whose id is `idExpr`. */
  readableSql(idExpr: string, userExpr: string): string {
    return this.scopes.readableOfTypeSql('THREAD', idExpr, userExpr);
  }

  /** A thread the viewer reads, else NOT_FOUND (a thread they were not invited to is "missing"). */
  async findReadable(viewerId: string, id: string, manager: EntityManager = this.dataSource.manager, lock = false) {
    if (!isUuid(id)) throw notFound('thread');
    const query = manager
      .createQueryBuilder(CoCreationThread, 't')
      .where('t.id = :id', { id })
      .andWhere(this.readableSql('t.id', ':viewerId'), { viewerId });
    if (lock) query.setLock('pessimistic_write', undefined, ['t']);
    const thread = await query.getOne();
    if (!thread) throw notFound('thread');
    return withCurrentStatus(thread);
  }

  /** Newest first: staff see every thread, customers the ones they joined. */
  async list(viewerId: string, first: number, after?: string | null): Promise<ThreadConnection> {
    const limit = pageSize(first, THREADS_MAX_PAGE);
    const cursor = after ? decodeKeyset(after) : null;
    const query = this.dataSource.manager
      .createQueryBuilder(CoCreationThread, 't')
      .addSelect('t.created_at::text', 'cursor_created_at')
      .where(this.readableSql('t.id', ':viewerId'), { viewerId })
      .orderBy('t.created_at', 'DESC')
      .addOrderBy('t.id', 'DESC')
      .limit(limit + 1);
    if (cursor) {
      query.andWhere('(t.created_at, t.id) < (:createdAt::timestamptz, :id::uuid)', {
        createdAt: cursor.createdAt,
        id: cursor.id,
      });
    }
    const { entities, raw } = await query.getRawAndEntities<{ cursor_created_at: string }>();
    const edges = entities.slice(0, limit).map((thread, index) => ({
      cursor: encodeKeyset({ createdAt: raw[index].cursor_created_at, id: thread.id }),
      node: withCurrentStatus(thread),
    }));
    return { edges, pageInfo: { hasNextPage: entities.length > limit, endCursor: edges.at(-1)?.cursor ?? null } };
  }

  private async checkRunners(manager: EntityManager, ids: readonly string[]): Promise<string[]> {
    const unique = [...new Set(ids)];
    if (!unique.length) return [];
    const found = unique.every(isUuid) ? await manager.findBy(User, { id: In(unique), active: true }) : [];
    if (found.length !== unique.length || found.some((user) => !isStaff(user.role))) {
      throw badInput('unknownRunner', 'Runners are active staff members: one of them is not.', 'runnerIds');
    }
    return unique;
  }

  private async checkBrief(manager: EntityManager, viewerId: string, briefId: string | null | undefined) {
    if (!briefId) return null;
    const [row] = isUuid(briefId)
      ? await manager.query<{ id: string }[]>(
          `select b.id from briefs b where b.id = $1 and ${this.scopes.readableOfTypeSql('BRIEF', 'b.id', '$2')}`,
          [briefId, viewerId],
        )
      : [];
    if (!row) throw badInput('unknownBrief', 'This brief does not exist or is not visible to you.', 'briefId');
    return row.id;
  }

  async create(actor: Actor, input: CreateCoCreationThreadInput): Promise<CoCreationThread> {
    const title = validateThreadText(input.title, 'title', 'title', THREAD_TITLE_MAX_LENGTH);
    const question = markdown(input.question, 'question', true);
    const rules = markdown(input.rules ?? '', 'rules', false);
    if (question.source.length > THREAD_TEXT_MAX_LENGTH || rules.source.length > THREAD_TEXT_MAX_LENGTH) {
      throw badInput('tooLong', `The question and the rules are at most ${THREAD_TEXT_MAX_LENGTH} characters.`);
    }
    validateThreadDates(input.opensAt, input.closesAt, input.votingEndsAt ?? null);
    const id = await this.dataSource.transaction(async (manager) => {
      const runnerIds = await this.checkRunners(manager, input.runnerIds ?? []);
      const briefId = await this.checkBrief(manager, actor.id, input.briefId);
      const { identifiers } = await manager.insert(CoCreationThread, {
        title,
        question: question.source,
        questionHtml: question.html,
        rules: rules.source,
        rulesHtml: rules.html,
        status: 'DRAFT',
        opensAt: input.opensAt,
        closesAt: input.closesAt,
        votingEndsAt: input.votingEndsAt ?? null,
        briefId,
        createdBy: actor.id,
      });
      const threadId = identifiers[0].id as string;
      if (runnerIds.length)
        await manager.insert(
          ThreadRunner,
          runnerIds.map((userId) => ({ threadId, userId })),
        );
      return threadId;
    });
    return this.findReadable(actor.id, id);
  }

  async update(actor: Actor, id: string, input: UpdateCoCreationThreadInput): Promise<CoCreationThread> {
    const updated = await this.dataSource.transaction(async (manager) => {
      const thread = await this.findReadable(actor.id, id, manager, true);
      const changes: Partial<CoCreationThread> = {};
      if (input.title !== undefined && input.title !== null) {
        changes.title = validateThreadText(input.title, 'title', 'title', THREAD_TITLE_MAX_LENGTH);
      }
      if (input.question !== undefined && input.question !== null) {
        const question = markdown(input.question, 'question', true);
        changes.question = question.source;
        changes.questionHtml = question.html;
      }
      if (input.rules !== undefined && input.rules !== null) {
        const rules = markdown(input.rules, 'rules', false);
        changes.rules = rules.source;
        changes.rulesHtml = rules.html;
      }
      if (
        (changes.question?.length ?? 0) > THREAD_TEXT_MAX_LENGTH ||
        (changes.rules?.length ?? 0) > THREAD_TEXT_MAX_LENGTH
      ) {
        throw badInput('tooLong', `The question and the rules are at most ${THREAD_TEXT_MAX_LENGTH} characters.`);
      }
      const opensAt = input.opensAt ?? thread.opensAt;
      const closesAt = input.closesAt ?? thread.closesAt;
      const votingEndsAt = input.votingEndsAt === undefined ? thread.votingEndsAt : input.votingEndsAt;
      validateThreadDates(opensAt, closesAt, votingEndsAt);
      // Dates never move a thread back: the stored status is first brought to what the old dates gave it.
      Object.assign(changes, { opensAt, closesAt, votingEndsAt, status: thread.status });
      if (input.briefId !== undefined) changes.briefId = await this.checkBrief(manager, actor.id, input.briefId);
      if (input.runnerIds) {
        const runnerIds = await this.checkRunners(manager, input.runnerIds);
        await manager.delete(ThreadRunner, { threadId: thread.id });
        if (runnerIds.length) {
          await manager.insert(
            ThreadRunner,
            runnerIds.map((userId) => ({ threadId: thread.id, userId })),
          );
        }
      }
      await manager.update(CoCreationThread, { id: thread.id }, changes);
      return thread.id;
    });
    this.live.toScope({ type: 'THREAD', id: updated }, 'thread.updated', { threadId: updated });
    return this.findReadable(actor.id, updated);
  }

  /** A move asked by staff (see checkThreadTransition). */
  async transition(actor: Actor, id: string, to: ThreadStatus, now = new Date()): Promise<CoCreationThread> {
    await this.dataSource.transaction(async (manager) => {
      const thread = await this.findReadable(actor.id, id, manager, true);
      checkThreadTransition(thread, to, now);
      await manager.update(
        CoCreationThread,
        { id: thread.id },
        { status: to, ...(to === 'OPEN' && !thread.openedAt ? { openedAt: now } : {}) },
      );
    });
    this.live.toScope({ type: 'THREAD', id }, 'thread.updated', { threadId: id });
    return this.findReadable(actor.id, id);
  }

  /**
   * Writes the status the dates give each OPEN or VOTING thread at `now` (reads already apply it;
   * this keeps the stored column, the sweep index and the rooms' clients in step). Returns the ids moved.
   */
  async sweep(now: Date): Promise<string[]> {
    const candidates = await this.dataSource.manager.find(CoCreationThread, {
      where: { status: In(['OPEN', 'VOTING']) },
    });
    const moved: string[] = [];
    for (const thread of candidates) {
      const status = threadStatusAt(thread, now);
      if (status === thread.status) continue;
      const result = await this.dataSource.manager.update(
        CoCreationThread,
        { id: thread.id, status: thread.status },
        { status },
      );
      if (result.affected) moved.push(thread.id);
    }
    for (const threadId of moved) this.live.toScope({ type: 'THREAD', id: threadId }, 'thread.updated', { threadId });
    return moved;
  }

  async runnersOf(threadIds: readonly string[]): Promise<Map<string, string[]>> {
    const rows = threadIds.length
      ? await this.dataSource.manager.find(ThreadRunner, { where: { threadId: In([...threadIds]) } })
      : [];
    const byThread = new Map<string, string[]>();
    for (const row of rows) byThread.set(row.threadId, [...(byThread.get(row.threadId) ?? []), row.userId]);
    return byThread;
  }

  /** The brief a thread serves, if the staff viewer reads it. */
  async briefLink(viewerId: string, briefId: string): Promise<{ id: string; title: string } | null> {
    const [row] = await this.dataSource.query<{ id: string; title: string }[]>(
      `select b.id, b.title from briefs b where b.id = $1 and ${this.scopes.readableOfTypeSql('BRIEF', 'b.id', '$2')}`,
      [briefId, viewerId],
    );
    return row ?? null;
  }

  /**
   * The figures staff follow, in one statement: invitations sent and accepted, customers active in
   * the last 7 days (proposed, voted, commented or reacted), proposals, comments on the thread's
   * proposals and offers, votes, and hours from the opening to the first published offer.
   */
  async participation(threadId: string): Promise<ThreadParticipation> {
    const [row] = await this.dataSource.query<Record<string, string | null>[]>(
      `with thread as (select id, coalesce(opened_at, opens_at) as opened_at from co_creation_threads where id = $1),
            content as (
              select p.id from proposals p where p.thread_id = $1
              union all
              select o.id from offers o where o.thread_id = $1),
            activity as (
              select p.author_id as user_id, p.created_at as at from proposals p where p.thread_id = $1
              union all
              select v.user_id, v.created_at from proposal_votes v join proposals p on p.id = v.proposal_id where p.thread_id = $1
              union all
              select c.author_id, c.created_at from comments c where c.target_id in (select id from content) and c.deleted_at is null
              union all
              select r.user_id, r.created_at from reactions r where r.target_id in (select id from content))
       select
         (select count(*) from thread_invitations i where i.thread_id = $1 and i.revoked_at is null) as invited,
         (select count(*) from thread_invitations i where i.thread_id = $1 and i.revoked_at is null and i.accepted_at is not null) as accepted,
         (select count(distinct a.user_id) from activity a join users u on u.id = a.user_id and u.role = 'CUSTOMER'
           where a.at > now() - interval '7 days') as active_last_7_days,
         (select count(*) from proposals p where p.thread_id = $1 and p.status <> 'MERGED') as proposals,
         (select count(*) from comments c where c.target_id in (select id from content) and c.deleted_at is null) as comments,
         (select count(*) from proposal_votes v join proposals p on p.id = v.proposal_id where p.thread_id = $1) as votes,
         (select extract(epoch from min(o.published_at) - (select opened_at from thread)) / 3600
            from offers o where o.thread_id = $1 and o.published_at is not null) as hours_to_first_published_offer`,
      [threadId],
    );
    const hours = row.hours_to_first_published_offer;
    return {
      invited: Number(row.invited),
      accepted: Number(row.accepted),
      activeLast7Days: Number(row.active_last_7_days),
      proposals: Number(row.proposals),
      comments: Number(row.comments),
      votes: Number(row.votes),
      hoursToFirstPublishedOffer: hours === null ? null : Math.round(Number(hours) * 10) / 10,
    };
  }
}
