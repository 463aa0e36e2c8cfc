import { Injectable } from '@nestjs/common';
import {
  Actor,
  STAFF_NOTE_MAX_LENGTH,
  badInput,
  canProposeIn,
  canVoteIn,
  forbidden,
  isStaff,
  mergeRefusal,
  notFound,
  validateModerationReason,
  validateProposal,
} from '@atelier/domain';
import { DataSource, EntityManager, In } from 'typeorm';
import { AttachmentsService } from '../attachments/attachments.service';
import { isUuid } from '../common/ids';
import { LiveEventsService } from '../live/live-events.service';
import { renderBody } from '../markdown/body';
import { NotificationsService } from '../notifications/notifications.service';
import { decodeKeyset, encodeKeyset, pageSize } from './cursor';
import { EditProposalInput, SubmitProposalInput } from './dto/proposal.input';
import { staffSql } from './co-creation-scopes';
import { Proposal, ProposalConnection, ProposalOrder, ProposalVote, StaffNote } from './proposal.entity';
import { ThreadsService } from './threads.service';

export const PROPOSALS_MAX_PAGE = 50;
/** Shortlisted proposals first: far above any vote count. */
const SHORTLIST_WEIGHT = 1_000_000_000;

@Injectable()
export class ProposalsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly threads: ThreadsService,
    private readonly attachments: AttachmentsService,
    private readonly live: LiveEventsService,
    private readonly notifications: NotificationsService,
  ) {}

  /** SQL: the proposal `alias` is visible to `userExpr` (hidden ones: author and staff). */
  private visibleSql(alias: string, userExpr: string): string {
    return `(${this.threads.readableSql(`${alias}.thread_id`, userExpr)}
             and (${alias}.status <> 'HIDDEN' or ${alias}.author_id = ${userExpr} or ${staffSql(userExpr)}))`;
  }

  /** A proposal the viewer may read, else NOT_FOUND, as a missing one. */
  async findReadable(viewerId: string, id: string, manager: EntityManager = this.dataSource.manager, lock = false) {
    if (!isUuid(id)) throw notFound('proposal');
    const query = manager
      .createQueryBuilder(Proposal, 'p')
      .where('p.id = :id', { id })
      .andWhere(this.visibleSql('p', ':viewerId'), { viewerId });
    if (lock) query.setLock('pessimistic_write', undefined, ['p']);
    const proposal = await query.getOne();
    if (!proposal) throw notFound('proposal');
    return proposal;
  }

  async findManyReadable(viewerId: string, ids: readonly string[]): Promise<Proposal[]> {
    const valid = ids.filter(isUuid);
    if (!valid.length) return [];
    return this.dataSource.manager
      .createQueryBuilder(Proposal, 'p')
      .where('p.id in (:...ids)', { ids: valid })
      .andWhere(this.visibleSql('p', ':viewerId'), { viewerId })
      .getMany();
  }

  /**
   * A thread's proposals, merged ones left out (they point to where they went). Keyset pagination;
   * customers asking for SHORTLISTED get MOST_VOTED: the shortlist is staff's and its order would reveal it.
   */
  async list(
    viewer: Actor,
    threadId: string,
    requested: ProposalOrder,
    first: number,
    after?: string | null,
  ): Promise<ProposalConnection> {
    const sort: ProposalOrder = requested === 'SHORTLISTED' && !isStaff(viewer.role) ? 'MOST_VOTED' : requested;
    const limit = pageSize(first, PROPOSALS_MAX_PAGE);
    const cursor = after ? decodeKeyset(after) : null;
    // NEWEST orders by date alone; the others by a key first (votes, shortlist weight), then date.
    const keySql =
      sort === 'NEWEST'
        ? null
        : sort === 'MOST_VOTED'
          ? 'p.vote_count'
          : `(p.vote_count + case when p.shortlisted then ${SHORTLIST_WEIGHT} else 0 end)`;
    const query = this.dataSource.manager
      .createQueryBuilder(Proposal, 'p')
      .addSelect('p.created_at::text', 'cursor_created_at')
      .addSelect(keySql ?? '0', 'cursor_key')
      .where('p.thread_id = :threadId', { threadId })
      .andWhere(`p.status <> 'MERGED'`)
      .andWhere(this.visibleSql('p', ':viewerId'), { viewerId: viewer.id })
      .limit(limit + 1);
    if (keySql) query.orderBy(keySql, 'DESC').addOrderBy('p.created_at', 'DESC');
    else query.orderBy('p.created_at', 'DESC');
    query.addOrderBy('p.id', 'DESC');
    if (cursor) {
      query.andWhere(`(${keySql ?? '0'}, p.created_at, p.id) < (:key, :createdAt::timestamptz, :id::uuid)`, {
        key: keySql ? (cursor.key ?? 0) : 0,
        createdAt: cursor.createdAt,
        id: cursor.id,
      });
    }
    const { entities, raw } = await query.getRawAndEntities<{ cursor_created_at: string; cursor_key: string }>();
    const edges = entities.slice(0, limit).map((node, index) => ({
      cursor: encodeKeyset({
        createdAt: raw[index].cursor_created_at,
        id: node.id,
        key: Number(raw[index].cursor_key),
      }),
      node,
    }));
    return { edges, pageInfo: { hasNextPage: entities.length > limit, endCursor: edges.at(-1)?.cursor ?? null } };
  }

  private async attachImages(
    actor: Actor,
    imageIds: string[],
    proposalId: string,
    manager: EntityManager,
    replace: boolean,
  ): Promise<void> {
    if (replace) await this.attachments.replace(actor.id, imageIds, 'PROPOSAL', proposalId, manager);
    else await this.attachments.attach(actor.id, imageIds, 'PROPOSAL', proposalId, manager);
    const attachedNow = await manager.query<{ kind: string }[]>(
      `select kind from attachments where target_type = 'PROPOSAL' and target_id = $1`,
      [proposalId],
    );
    if (attachedNow.some((row) => row.kind !== 'IMAGE')) {
      throw badInput('imagesOnly', 'A proposal holds images only (PNG, JPEG, WebP, GIF).', 'imageIds');
    }
  }

  async submit(actor: Actor, threadId: string, input: SubmitProposalInput): Promise<Proposal> {
    const { title, description, imageIds } = validateProposal(input);
    const { body, bodyHtml } = renderBody(description, 'description');
    const id = await this.dataSource.transaction(async (manager) => {
      const thread = await this.threads.findReadable(actor.id, threadId, manager);
      if (!canProposeIn(thread.status)) {
        throw badInput('proposalsClosed', 'Proposals are accepted only while the thread is open.', 'threadId');
      }
      const { identifiers } = await manager.insert(Proposal, {
        threadId: thread.id,
        authorId: actor.id,
        title,
        description: body,
        descriptionHtml: bodyHtml,
        status: 'ACTIVE',
        shortlisted: false,
        voteCount: 0,
      });
      const proposalId = identifiers[0].id as string;
      await this.attachImages(actor, imageIds, proposalId, manager, false);
      return proposalId;
    });
    const proposal = await this.findReadable(actor.id, id);
    this.live.toScope({ type: 'THREAD', id: proposal.threadId }, 'proposal.created', {
      threadId: proposal.threadId,
      proposalId: id,
    });
    return proposal;
  }

  /** The author only, while the thread is open. */
  async edit(actor: Actor, id: string, input: EditProposalInput): Promise<Proposal> {
    const { title, description, imageIds } = validateProposal(input);
    const { body, bodyHtml } = renderBody(description, 'description');
    const threadId = await this.dataSource.transaction(async (manager) => {
      const proposal = await this.findReadable(actor.id, id, manager, true);
      if (proposal.authorId !== actor.id) throw forbidden('Only its author can edit a proposal.');
      const thread = await this.threads.findReadable(actor.id, proposal.threadId, manager);
      if (!canProposeIn(thread.status)) {
        throw badInput('proposalsClosed', 'Proposals can be edited only while the thread is open.');
      }
      if (proposal.status === 'MERGED') {
        throw badInput('proposalMerged', 'This proposal was merged into another: edit that one instead.');
      }
      await manager.update(
        Proposal,
        { id },
        { title, description: body, descriptionHtml: bodyHtml, editedAt: () => 'now()' },
      );
      await this.attachImages(actor, imageIds, id, manager, true);
      return proposal.threadId;
    });
    this.live.toScope({ type: 'THREAD', id: threadId }, 'proposal.updated', { threadId, proposalId: id });
    return this.findReadable(actor.id, id);
  }

  /**
   * One vote per person per proposal (the primary key settles racing requests), only while the
   * thread is VOTING; voting again, or withdrawing a vote never cast, changes nothing.
   */
  async setVote(actor: Actor, proposalId: string, voted: boolean): Promise<Proposal> {
    const proposal = await this.findReadable(actor.id, proposalId);
    const thread = await this.threads.findReadable(actor.id, proposal.threadId);
    if (!canVoteIn(thread.status)) {
      throw badInput('votingClosed', 'Votes are open only while the thread is in its voting period.', 'proposalId');
    }
    if (proposal.status !== 'ACTIVE') {
      throw badInput('proposalNotVotable', 'This proposal was hidden or merged: vote for the one it was merged into.');
    }
    const changed = voted
      ? (
          await this.dataSource.query<unknown[]>(
            `insert into proposal_votes (proposal_id, user_id) values ($1, $2) on conflict do nothing returning 1`,
            [proposalId, actor.id],
          )
        ).length > 0
      : ((await this.dataSource.manager.delete(ProposalVote, { proposalId, userId: actor.id })).affected ?? 0) > 0;
    if (changed) {
      this.live.toScope({ type: 'THREAD', id: proposal.threadId }, 'proposal.updated', {
        threadId: proposal.threadId,
        proposalId,
      });
    }
    return this.findReadable(actor.id, proposalId);
  }

  async countVisible(viewerId: string, threadId: string): Promise<number> {
    return this.dataSource.manager
      .createQueryBuilder(Proposal, 'p')
      .where('p.thread_id = :threadId', { threadId })
      .andWhere(`p.status <> 'MERGED'`)
      .andWhere(this.visibleSql('p', ':viewerId'), { viewerId })
      .getCount();
  }

  async votedBy(userId: string, proposalIds: readonly string[]): Promise<Set<string>> {
    if (!proposalIds.length) return new Set();
    const rows = await this.dataSource.manager.find(ProposalVote, {
      where: { userId, proposalId: In([...proposalIds]) },
    });
    return new Set(rows.map((row) => row.proposalId));
  }

  /** Hidden from customers but its author, who is told and reads the reason. */
  async hide(actor: Actor, id: string, rawReason: string): Promise<Proposal> {
    const reason = validateModerationReason(rawReason);
    const proposal = await this.findReadable(actor.id, id);
    if (proposal.status === 'MERGED') throw badInput('proposalMerged', 'A merged proposal is already out of the list.');
    await this.dataSource.manager.update(Proposal, { id }, { status: 'HIDDEN', hiddenReason: reason });
    await this.notifications.notify(
      actor,
      {
        type: 'PROPOSAL',
        id,
        authorId: proposal.authorId,
        rootType: 'PROPOSAL',
        rootId: id,
        scope: { type: 'THREAD', id: proposal.threadId },
      },
      [{ recipientId: proposal.authorId, kind: 'PROPOSAL_HIDDEN' }],
    );
    this.live.toScope({ type: 'THREAD', id: proposal.threadId }, 'proposal.updated', {
      threadId: proposal.threadId,
      proposalId: id,
    });
    return this.findReadable(actor.id, id);
  }

  async unhide(actor: Actor, id: string): Promise<Proposal> {
    const proposal = await this.findReadable(actor.id, id);
    if (proposal.status !== 'HIDDEN') throw badInput('proposalNotHidden', 'This proposal is not hidden.');
    await this.dataSource.manager.update(Proposal, { id }, { status: 'ACTIVE', hiddenReason: null });
    this.live.toScope({ type: 'THREAD', id: proposal.threadId }, 'proposal.updated', {
      threadId: proposal.threadId,
      proposalId: id,
    });
    return this.findReadable(actor.id, id);
  }

  async shortlist(actor: Actor, id: string, shortlisted: boolean): Promise<Proposal> {
    const proposal = await this.findReadable(actor.id, id);
    await this.dataSource.manager.update(Proposal, { id }, { shortlisted });
    // The shortlist is staff's: the thread's staff room only (even an id-only ping to customers would tell).
    this.live.toThreadStaff(proposal.threadId, 'proposal.shortlisted', { threadId: proposal.threadId, proposalId: id });
    return this.findReadable(actor.id, id);
  }

  /**
   * Folds a duplicate into another proposal: its votes move (a person who voted for both counts
   * once), its comments move, and it shows "merged into".
   */
  async merge(actor: Actor, id: string, intoId: string): Promise<Proposal> {
    const threadId = await this.dataSource.transaction(async (manager) => {
      // Both rows locked, in id order, so two merges of the same pair cannot deadlock.
      const [first, second] = [id, intoId].sort();
      const a = await this.findReadable(actor.id, first, manager, true);
      const b = first === second ? a : await this.findReadable(actor.id, second, manager, true);
      const from = a.id === id ? a : b;
      const into = a.id === intoId ? a : b;
      const refusal = mergeRefusal(from, into);
      if (refusal) throw badInput('mergeNotAllowed', refusal, 'intoId');
      await manager.query(
        `insert into proposal_votes (proposal_id, user_id, created_at)
         select $2, user_id, created_at from proposal_votes where proposal_id = $1
         on conflict do nothing`,
        [from.id, into.id],
      );
      await manager.query(`delete from proposal_votes where proposal_id = $1`, [from.id]);
      await manager.query(`update comments set target_id = $2 where target_type = 'PROPOSAL' and target_id = $1`, [
        from.id,
        into.id,
      ]);
      await manager.update(
        Proposal,
        { id: from.id },
        { status: 'MERGED', mergedInto: into.id, hiddenReason: null, shortlisted: false },
      );
      return from.threadId;
    });
    for (const proposalId of [id, intoId]) {
      this.live.toScope({ type: 'THREAD', id: threadId }, 'proposal.updated', { threadId, proposalId });
    }
    return this.findReadable(actor.id, id);
  }

  async addNote(actor: Actor, proposalId: string, rawBody: string): Promise<StaffNote> {
    const proposal = await this.findReadable(actor.id, proposalId);
    const { body, bodyHtml } = renderBody(rawBody, 'body');
    if (body.length > STAFF_NOTE_MAX_LENGTH) {
      throw badInput('tooLong', `A note is at most ${STAFF_NOTE_MAX_LENGTH} characters.`, 'body', {
        max: STAFF_NOTE_MAX_LENGTH,
      });
    }
    const { identifiers } = await this.dataSource.manager.insert(StaffNote, {
      proposalId: proposal.id,
      authorId: actor.id,
      body,
      bodyHtml,
    });
    // The thread's staff room only: even an id-only ping in the customers' room would say a note exists.
    this.live.toThreadStaff(proposal.threadId, 'proposal.noted', {
      threadId: proposal.threadId,
      proposalId: proposal.id,
      noteId: identifiers[0].id as string,
    });
    return this.dataSource.manager.findOneByOrFail(StaffNote, { id: identifiers[0].id as string });
  }

  async notesOf(proposalIds: readonly string[]): Promise<StaffNote[][]> {
    const rows = proposalIds.length
      ? await this.dataSource.manager.find(StaffNote, {
          where: { proposalId: In([...proposalIds]) },
          order: { createdAt: 'ASC', id: 'ASC' },
        })
      : [];
    return proposalIds.map((id) => rows.filter((row) => row.proposalId === id));
  }
}
