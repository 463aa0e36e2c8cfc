import { Injectable } from '@nestjs/common';
import {
  type Actor,
  DEFAULT_CATEGORY,
  DomainError,
  DEFAULT_MINUTES,
  type TimeSavedContentType,
  addDays,
  assertEditable,
  assertUndoable,
  badInput,
  can,
  conflict,
  forbidden,
  notFound,
  presetPeriod,
  validateCategory,
  validateMinutes,
  validatePeriod,
  validateTimeSaved,
} from '@atelier/domain';
import { DataSource, EntityManager } from 'typeorm';
import { isUuid } from '../common/ids';
import { ScopeRegistry } from '../scopes/scope-registry';
import { TargetsService } from '../scopes/targets.service';
import { CompanyClock } from './clock';
import { excerptOf } from './excerpt';
import { TimeSavedAccess } from './time-saved-access';
import { TimeSavedEntry, TimeSavedPreference } from './time-saved-entry.entity';
import type { LogTimeSavedInput, TimeSavedFilter, TimeSavedInput } from './dto/time-saved.input';
import type {
  ContentTimeSaved,
  HelpfulContent,
  MyTimeSavedSummary,
  TimeSavedConnection,
  TimeSavedDefaults,
} from './time-saved.types';

const MAX_PAGE = 100;

export const emptyCounters = (contentId: string): ContentTimeSaved => ({
  contentId,
  totalMinutes: 0,
  people: 0,
  mine: null,
  myEntryId: null,
});

const encodeCursor = (entry: { date: string; id: string }) =>
  Buffer.from(`${entry.date}|${entry.id}`).toString('base64url');

function decodeCursor(cursor: string): { date: string; id: string } {
  const [date, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  if (!date || !id || !isUuid(id) || !/^\d{4}-\d{2}-\d{2}$/.test(date)) {
    throw badInput('invalidCursor', 'This page cursor is not valid: start again from the first page.', 'after');
  }
  return { date, id };
}

@Injectable()
export class TimeSavedService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly targets: TargetsService,
    private readonly scopes: ScopeRegistry,
    private readonly clock: CompanyClock,
    private readonly access: TimeSavedAccess,
  ) {}

  async defaults(userId: string): Promise<TimeSavedDefaults> {
    const preference = await this.dataSource.manager.findOneBy(TimeSavedPreference, { userId });
    return {
      minutes: preference?.defaultMinutes ?? DEFAULT_MINUTES,
      category: preference?.defaultCategory ?? DEFAULT_CATEGORY,
    };
  }

  async setDefaults(actor: Actor, minutes: number, category: string): Promise<TimeSavedDefaults> {
    const values = { defaultMinutes: validateMinutes(minutes), defaultCategory: validateCategory(category) };
    await this.dataSource.manager.upsert(TimeSavedPreference, { userId: actor.id, ...values }, ['userId']);
    return this.defaults(actor.id);
  }

  /** The team an entry counts for: the author's (the first by name when they are in several). */
  private async teamOf(userId: string, manager: EntityManager): Promise<string | null> {
    const [row] = await manager.query<{ id: string }[]>(
      `select t.id from team_members tm join teams t on t.id = tm.team_id where tm.user_id = $1 order by t.name, t.id limit 1`,
      [userId],
    );
    return row?.id ?? null;
  }

  /** The content, checked readable by the viewer, and who wrote it. */
  private async readableContent(
    viewerId: string,
    contentType: string,
    contentId: string,
  ): Promise<{ type: TimeSavedContentType; id: string; authorId: string | null }> {
    const target = await this.targets.resolve(viewerId, contentId);
    if (target.type !== contentType) throw notFound('content');
    return { type: target.type as TimeSavedContentType, id: target.id, authorId: target.authorId };
  }

  async log(actor: Actor, input: LogTimeSavedInput): Promise<TimeSavedEntry> {
    const fields = validateTimeSaved(input, this.clock.today());
    if (Boolean(input.contentType) !== Boolean(input.contentId)) {
      throw badInput('timeSavedContentIncomplete', 'Give both the kind and the id of the content.', 'contentId');
    }
    const content = input.contentId ? await this.readableContent(actor.id, input.contentType!, input.contentId) : null;
    return this.dataSource.transaction(async (manager) => {
      if (content) {
        const [existing] = await manager.query<{ id: string }[]>(
          `select id from time_saved_entries where user_id = $1 and content_type = $2 and content_id = $3`,
          [actor.id, content.type, content.id],
        );
        if (existing) {
          throw conflict(
            'timeSavedAlreadyLinked',
            'You already logged time saved by this content: change that entry instead.',
            'contentId',
          );
        }
      }
      const { identifiers } = await manager.insert(TimeSavedEntry, {
        userId: actor.id,
        teamId: await this.teamOf(actor.id, manager),
        ...fields,
        contentType: content?.type ?? null,
        contentId: content?.id ?? null,
        contentAuthorId: content?.authorId ?? null,
        createdAt: this.clock.now(),
        updatedAt: this.clock.now(),
      });
      return manager.findOneByOrFail(TimeSavedEntry, { id: identifiers[0].id as string });
    });
  }

  /** The actor's own entry, locked for the transaction; someone else's is answered as missing. */
  private async ownEntry(actor: Actor, id: string, manager: EntityManager): Promise<TimeSavedEntry> {
    if (!isUuid(id)) throw notFound('time saved entry');
    const entry = await manager.findOne(TimeSavedEntry, {
      where: { id, userId: actor.id },
      lock: { mode: 'pessimistic_write' },
    });
    if (!entry) throw notFound('time saved entry');
    return entry;
  }

  async update(actor: Actor, id: string, input: TimeSavedInput): Promise<TimeSavedEntry> {
    return this.dataSource.transaction(async (manager) => {
      const entry = await this.ownEntry(actor, id, manager);
      assertEditable(entry.createdAt, this.clock.now());
      const fields = validateTimeSaved(input, this.clock.today());
      await manager.update(TimeSavedEntry, { id }, { ...fields, updatedAt: this.clock.now() });
      return manager.findOneByOrFail(TimeSavedEntry, { id });
    });
  }

  async delete(actor: Actor, id: string): Promise<string> {
    return this.dataSource.transaction(async (manager) => {
      const entry = await this.ownEntry(actor, id, manager);
      assertEditable(entry.createdAt, this.clock.now());
      await manager.delete(TimeSavedEntry, { id });
      return id;
    });
  }

  /**
   * One click: an entry linked to the content with the person's usual minutes and category. A
   * second click (or a concurrent double click) finds the first entry and sets its minutes.
   */
  async savedMeTime(
    actor: Actor,
    contentType: string,
    contentId: string,
    minutes?: number | null,
  ): Promise<TimeSavedEntry> {
    const content = await this.readableContent(actor.id, contentType, contentId);
    const defaults = await this.defaults(actor.id);
    const chosen = validateMinutes(minutes ?? defaults.minutes);
    return this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      const inserted = await manager.query<{ id: string }[]>(
        `insert into time_saved_entries
           (user_id, team_id, entry_date, minutes, category, note, content_type, content_id, content_author_id, created_at, updated_at)
         values ($1, $2, $3, $4, $5, '', $6, $7, $8, $9, $9)
         on conflict (user_id, content_type, content_id) where content_id is not null do nothing
         returning id`,
        [
          actor.id,
          await this.teamOf(actor.id, manager),
          this.clock.today(),
          chosen,
          defaults.category,
          content.type,
          content.id,
          content.authorId,
          now,
        ],
      );
      if (inserted.length) return manager.findOneByOrFail(TimeSavedEntry, { id: inserted[0].id });
      const existing = await manager.findOneOrFail(TimeSavedEntry, {
        where: { userId: actor.id, contentType: content.type, contentId: content.id },
        lock: { mode: 'pessimistic_write' },
      });
      assertEditable(existing.createdAt, now);
      await manager.update(TimeSavedEntry, { id: existing.id }, { minutes: chosen, updatedAt: now });
      return manager.findOneByOrFail(TimeSavedEntry, { id: existing.id });
    });
  }

  /** Takes a click back, within a minute of it (the server's clock decides). */
  async undoSavedMeTime(actor: Actor, id: string): Promise<string> {
    return this.dataSource.transaction(async (manager) => {
      const entry = await this.ownEntry(actor, id, manager);
      if (!entry.contentId) throw notFound('time saved entry');
      assertUndoable(entry.createdAt, this.clock.now());
      await manager.delete(TimeSavedEntry, { id });
      return id;
    });
  }

  async mySummary(userId: string): Promise<MyTimeSavedSummary> {
    const today = this.clock.today();
    const month = presetPeriod('MONTH', today);
    const week = presetPeriod('WEEK', today);
    const [row] = await this.dataSource.query<{ total: string; entries: string; month: string; week: string }[]>(
      `select coalesce(sum(minutes), 0) as total, count(*) as entries,
              coalesce(sum(minutes) filter (where entry_date between $2 and $3), 0) as month,
              coalesce(sum(minutes) filter (where entry_date between $4 and $5), 0) as week
         from time_saved_entries where user_id = $1`,
      [userId, month.from, month.to, week.from, week.to],
    );
    return {
      totalMinutes: Number(row.total),
      entries: Number(row.entries),
      monthMinutes: Number(row.month),
      weekMinutes: Number(row.week),
      today,
    };
  }

  myEntries(actor: Actor, first: number, after?: string | null): Promise<TimeSavedConnection> {
    return this.page({ conditions: ['e.user_id = $1'], params: [actor.id] }, first, after);
  }

  /**
   * Entries for a period: a marketer their own only, a manager the teams they belong to (and their
   * own), an admin everyone's.
   */
  async entries(
    actor: Actor,
    filter: TimeSavedFilter,
    first: number,
    after?: string | null,
  ): Promise<TimeSavedConnection> {
    const where = await this.entriesWhere(actor, filter);
    return this.page(where, first, after);
  }

  /** The SQL condition (on `e`) of the entries `actor` may read with `filter`; shared with the CSV export. */
  async entriesWhere(actor: Actor, filter: TimeSavedFilter): Promise<{ conditions: string[]; params: unknown[] }> {
    const conditions: string[] = [];
    const params: unknown[] = [];
    const add = (sql: (n: string) => string, value: unknown) => {
      params.push(value);
      conditions.push(sql(`$${params.length}`));
    };
    if (filter.from || filter.to) {
      const today = this.clock.today();
      const period = validatePeriod(filter.from ?? addDays(filter.to ?? today, -365), filter.to ?? today);
      add((n) => `e.entry_date >= ${n}`, period.from);
      add((n) => `e.entry_date <= ${n}`, period.to);
    }
    if (filter.userId && !isUuid(filter.userId)) throw notFound('user');
    const own = !filter.teamId && (!filter.userId || filter.userId === actor.id);
    if (!can(actor, 'timeSaved.readOthers')) {
      if (!own) throw forbidden('You can only see your own time saved entries.');
      add((n) => `e.user_id = ${n}`, actor.id);
      return { conditions, params };
    }
    if (filter.userId === actor.id && !filter.teamId) {
      add((n) => `e.user_id = ${n}`, actor.id);
      return { conditions, params };
    }
    const teams = await this.access.visibleTeams(actor, filter.teamId);
    if (filter.userId) {
      if (!(await this.access.isInTeams(filter.userId, teams))) {
        throw forbidden('Managers see the entries of the people in their teams only.');
      }
      add((n) => `e.user_id = ${n}`, filter.userId);
    }
    if (teams !== null) add((n) => `e.team_id = any(${n}::uuid[])`, teams);
    return { conditions, params };
  }

  private async page(
    where: { conditions: string[]; params: unknown[] },
    first: number,
    after?: string | null,
  ): Promise<TimeSavedConnection> {
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE) {
      throw badInput('pageSize', `Ask for 1 to ${MAX_PAGE} entries at a time.`, 'first', { max: MAX_PAGE });
    }
    const base = where.conditions.length ? where.conditions.join(' and ') : 'true';
    const params = [...where.params];
    let keyset = '';
    if (after) {
      const cursor = decodeCursor(after);
      params.push(cursor.date, cursor.id);
      keyset = ` and (e.entry_date, e.id) < ($${params.length - 1}::date, $${params.length}::uuid)`;
    }
    params.push(first + 1);
    const ids = await this.dataSource.query<{ id: string }[]>(
      `select e.id from time_saved_entries e where ${base}${keyset}
        order by e.entry_date desc, e.id desc limit $${params.length}`,
      params,
    );
    const [totals] = await this.dataSource.query<{ minutes: string; count: string }[]>(
      `select coalesce(sum(e.minutes), 0) as minutes, count(*) as count from time_saved_entries e where ${base}`,
      where.params,
    );
    const pageIds = ids.slice(0, first).map((row) => row.id);
    const entries = pageIds.length
      ? await this.dataSource.manager
          .createQueryBuilder(TimeSavedEntry, 'e')
          .where('e.id in (:...ids)', { ids: pageIds })
          .orderBy('e.entry_date', 'DESC')
          .addOrderBy('e.id', 'DESC')
          .getMany()
      : [];
    const last = entries[entries.length - 1];
    return {
      nodes: entries,
      pageInfo: { hasNextPage: ids.length > first, endCursor: last ? encodeCursor(last) : null },
      totalMinutes: Number(totals.minutes),
      totalCount: Number(totals.count),
    };
  }

  /** Counters of many pieces of content at once, for the viewer: one query whatever the page size. */
  async countersOf(contentIds: readonly string[], viewerId: string): Promise<Map<string, ContentTimeSaved>> {
    const rows = await this.dataSource.query<
      { content_id: string; minutes: string; people: string; mine: number | null; my_entry_id: string | null }[]
    >(
      `select content_id, sum(minutes) as minutes, count(*) as people,
              max(minutes) filter (where user_id = $2) as mine,
              (array_agg(id) filter (where user_id = $2))[1] as my_entry_id
         from time_saved_entries where content_id = any($1::uuid[]) group by content_id`,
      [contentIds.filter(isUuid), viewerId],
    );
    return new Map(
      rows.map((row) => [
        row.content_id,
        {
          contentId: row.content_id,
          totalMinutes: Number(row.minutes),
          people: Number(row.people),
          mine: row.mine,
          myEntryId: row.my_entry_id,
        },
      ]),
    );
  }

  async contentTimeSaved(actor: Actor, contentType: string, contentId: string): Promise<ContentTimeSaved> {
    const content = await this.readableContent(actor.id, contentType, contentId);
    const counters = await this.countersOf([content.id], actor.id);
    return counters.get(content.id) ?? emptyCounters(content.id);
  }

  /** Counters of a page of content for the web's buttons; content the viewer cannot read is left out. */
  async countersFor(actor: Actor, contentIds: string[]): Promise<ContentTimeSaved[]> {
    const ids = [...new Set(contentIds)];
    if (ids.length > MAX_PAGE) {
      throw badInput('pageSize', `Ask for 1 to ${MAX_PAGE} counters at a time.`, 'contentIds', { max: MAX_PAGE });
    }
    const readable = (
      await Promise.all(
        ids.map((id) =>
          this.targets.resolve(actor.id, id).then(
            () => id,
            (error: unknown) => {
              if (error instanceof DomainError && error.code === 'NOT_FOUND') return null;
              throw error;
            },
          ),
        ),
      )
    ).filter((id): id is string => id !== null);
    const counters = await this.countersOf(readable, actor.id);
    return readable.map((id) => counters.get(id) ?? emptyCounters(id));
  }

  /** The author's content that saved others the most time, with an excerpt of each. */
  async helpfulContent(actor: Actor, first: number): Promise<HelpfulContent[]> {
    const limit = Math.min(Math.max(first, 1), 50);
    const rows = await this.dataSource.query<
      {
        content_type: TimeSavedContentType;
        content_id: string;
        minutes: string;
        people: string;
        root_type: string | null;
        root_id: string | null;
        html: string | null;
      }[]
    >(
      `select h.content_type, h.content_id, h.minutes, h.people,
              coalesce(c.target_type, h.content_type) as root_type,
              coalesce(c.target_id, h.content_id) as root_id,
              coalesce(c.body_html, x.html) as html
         from (select content_type, content_id, sum(minutes) as minutes, count(*) as people
                 from time_saved_entries
                where content_author_id = $1 and user_id <> $1
                group by content_type, content_id
                order by sum(minutes) desc, content_id
                limit $2) h
         left join comments c on h.content_type = 'COMMENT' and c.id = h.content_id and c.deleted_at is null
         left join (${this.scopes.contentSql() || 'select null::varchar as type, null::uuid as id, null::text as html where false'}) x
           on x.type = h.content_type and x.id = h.content_id
        order by h.minutes desc, h.content_id`,
      [actor.id, limit],
    );
    return rows.map((row) => ({
      contentType: row.content_type,
      contentId: row.content_id,
      rootType: row.root_type ?? row.content_type,
      rootId: row.root_id ?? row.content_id,
      excerpt: row.html ? excerptOf(row.html) : '',
      totalMinutes: Number(row.minutes),
      people: Number(row.people),
    }));
  }
}
