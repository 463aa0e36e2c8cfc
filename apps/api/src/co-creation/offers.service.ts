import { Injectable } from '@nestjs/common';
import {
  Actor,
  OFFER_TEXT_MAX_LENGTH,
  OFFER_TITLE_MAX_LENGTH,
  OfferStatus,
  badInput,
  can,
  forbidden,
  notFound,
  offerEditable,
  offerTransitionRefusal,
  validateOfferTerms,
  validateThreadText,
} from '@atelier/domain';
import { DataSource, EntityManager, In } from 'typeorm';
import { isUuid } from '../common/ids';
import { LiveEventsService } from '../live/live-events.service';
import { renderBody } from '../markdown/body';
import { NotificationsService } from '../notifications/notifications.service';
import { ScopeRegistry } from '../scopes/scope-registry';
import { staffSql } from './co-creation-scopes';
import { CreateOfferInput, UpdateOfferInput } from './dto/offer.input';
import { Offer, OfferCredit, OfferProposal, OfferVersion } from './offer.entity';
import { Proposal } from './proposal.entity';
import { ThreadsService } from './threads.service';

@Injectable()
export class OffersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly threads: ThreadsService,
    private readonly scopes: ScopeRegistry,
    private readonly live: LiveEventsService,
    private readonly notifications: NotificationsService,
  ) {}

  /** SQL: offer `alias` visible to `userExpr`: staff see all, customers published ones of their threads. */
  private visibleSql(alias: string, userExpr: string): string {
    return `(${this.threads.readableSql(`${alias}.thread_id`, userExpr)}
             and (${alias}.status = 'PUBLISHED' or ${staffSql(userExpr)}))`;
  }

  async findReadable(viewerId: string, id: string, manager: EntityManager = this.dataSource.manager, lock = false) {
    if (!isUuid(id)) throw notFound('offer');
    const query = manager
      .createQueryBuilder(Offer, 'o')
      .where('o.id = :id', { id })
      .andWhere(this.visibleSql('o', ':viewerId'), { viewerId });
    if (lock) query.setLock('pessimistic_write', undefined, ['o']);
    const offer = await query.getOne();
    if (!offer) throw notFound('offer');
    return offer;
  }

  listForThread(viewerId: string, threadId: string): Promise<Offer[]> {
    return this.dataSource.manager
      .createQueryBuilder(Offer, 'o')
      .where('o.thread_id = :threadId', { threadId })
      .andWhere(this.visibleSql('o', ':viewerId'), { viewerId })
      .orderBy('o.created_at', 'DESC')
      .addOrderBy('o.id', 'DESC')
      .getMany();
  }

  private fields(input: CreateOfferInput) {
    const title = validateThreadText(input.title, 'title', 'title', OFFER_TITLE_MAX_LENGTH);
    const { body, bodyHtml } = renderBody(input.description, 'description');
    const terms = validateThreadText(input.terms ?? '', 'terms', 'terms and conditions', OFFER_TEXT_MAX_LENGTH, false);
    const money = validateOfferTerms({
      price: input.price ?? null,
      discountPercent: input.discountPercent ?? null,
      currency: input.currency ?? 'EUR',
      validFrom: input.validFrom ?? null,
      validUntil: input.validUntil ?? null,
    });
    return { title, description: body, descriptionHtml: bodyHtml, terms, ...money };
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

  /** Proposals of that thread, not merged away, in the order given. */
  private async proposalsOf(manager: EntityManager, threadId: string, ids: readonly string[]): Promise<Proposal[]> {
    const unique = [...new Set(ids)];
    if (!unique.length)
      throw badInput('required', 'Choose at least one proposal to build the offer from.', 'proposalIds');
    const rows = unique.every(isUuid) ? await manager.find(Proposal, { where: { id: In(unique), threadId } }) : [];
    if (rows.length !== unique.length || rows.some((row) => row.status === 'MERGED')) {
      throw badInput(
        'unknownProposal',
        'One of the proposals is not in this thread or was merged: choose among the thread’s proposals.',
        'proposalIds',
      );
    }
    return unique.map((id) => rows.find((row) => row.id === id)!);
  }

  /** Promotes proposals into a DRAFT offer; credits default to their authors. */
  async create(
    actor: Actor,
    threadId: string,
    proposalIds: readonly string[],
    input: CreateOfferInput,
  ): Promise<Offer> {
    const fields = this.fields(input);
    const id = await this.dataSource.transaction(async (manager) => {
      const thread = await this.threads.findReadable(actor.id, threadId, manager);
      const proposals = await this.proposalsOf(manager, thread.id, proposalIds);
      const briefId = await this.checkBrief(manager, actor.id, input.briefId);
      const { identifiers } = await manager.insert(Offer, {
        ...fields,
        threadId: thread.id,
        briefId,
        status: 'DRAFT',
        createdBy: actor.id,
      });
      const offerId = identifiers[0].id as string;
      await manager.insert(
        OfferProposal,
        proposals.map((p) => ({ offerId, proposalId: p.id })),
      );
      const authors = [...new Set(proposals.map((p) => p.authorId))];
      await manager.insert(
        OfferCredit,
        authors.map((userId, position) => ({ offerId, userId, position })),
      );
      return offerId;
    });
    return this.findReadable(actor.id, id);
  }

  /** DRAFT or APPROVED (which goes back to DRAFT: the approval was for the former text). */
  async update(actor: Actor, id: string, input: UpdateOfferInput): Promise<Offer> {
    const fields = this.fields(input);
    await this.dataSource.transaction(async (manager) => {
      const offer = await this.findReadable(actor.id, id, manager, true);
      if (!offerEditable(offer.status)) {
        throw badInput('offerNotEditable', 'A published or withdrawn offer cannot change: create a new one.');
      }
      const briefId =
        input.briefId === undefined ? offer.briefId : await this.checkBrief(manager, actor.id, input.briefId);
      await manager.update(Offer, { id }, { ...fields, briefId, status: 'DRAFT', approvedBy: null, approvedAt: null });
      if (input.proposalIds) {
        const proposals = await this.proposalsOf(manager, offer.threadId, input.proposalIds);
        await manager.delete(OfferProposal, { offerId: id });
        await manager.insert(
          OfferProposal,
          proposals.map((p) => ({ offerId: id, proposalId: p.id })),
        );
      }
      await this.recordVersion(manager, actor, id);
    });
    return this.findReadable(actor.id, id);
  }

  /** Credits are people who take part in the thread: its customers, or staff. */
  async setCredits(actor: Actor, offerId: string, userIds: readonly string[]): Promise<Offer> {
    const unique = [...new Set(userIds)];
    await this.dataSource.transaction(async (manager) => {
      const offer = await this.findReadable(actor.id, offerId, manager, true);
      if (!offerEditable(offer.status)) {
        throw badInput('offerNotEditable', 'A published or withdrawn offer cannot change: create a new one.');
      }
      const valid = unique.every(isUuid)
        ? await manager.query<{ id: string }[]>(
            `select u.id from users u where u.id = any($1::uuid[]) and u.active
                and ${this.threads.readableSql('$2::uuid', 'u.id')}`,
            [unique, offer.threadId],
          )
        : [];
      if (valid.length !== unique.length) {
        throw badInput('unknownContributor', 'Credit people who take part in this thread only.', 'userIds');
      }
      await manager.delete(OfferCredit, { offerId });
      if (unique.length) {
        await manager.insert(
          OfferCredit,
          unique.map((userId, position) => ({ offerId, userId, position })),
        );
      }
      if (offer.status === 'APPROVED') {
        await manager.update(Offer, { id: offerId }, { status: 'DRAFT', approvedBy: null, approvedAt: null });
      }
      await this.recordVersion(manager, actor, offerId);
    });
    return this.findReadable(actor.id, offerId);
  }

  /** See OfferStatus: a manager approves; publishing shows it to the thread's customers and tells those credited. */
  async transition(actor: Actor, id: string, to: OfferStatus): Promise<Offer> {
    const offer = await this.dataSource.transaction(async (manager) => {
      const current = await this.findReadable(actor.id, id, manager, true);
      if (to === 'APPROVED' && !can(actor, 'offer.approve')) throw forbidden('Only a manager can approve an offer.');
      const refusal = offerTransitionRefusal(current.status, to, actor.role);
      if (refusal) throw badInput('offerTransitionNotAllowed', refusal, undefined, { from: current.status, to });
      const now = new Date();
      const changes: Partial<Offer> = { status: to };
      if (to === 'APPROVED') Object.assign(changes, { approvedBy: actor.id, approvedAt: now });
      if (to === 'DRAFT') Object.assign(changes, { approvedBy: null, approvedAt: null });
      if (to === 'PUBLISHED') changes.publishedAt = now;
      if (to === 'WITHDRAWN') changes.withdrawnAt = now;
      await manager.update(Offer, { id }, changes);
      await this.recordVersion(manager, actor, id);
      return current;
    });
    if (to === 'PUBLISHED') {
      const credits = await this.creditsOf([id]);
      await this.notifications.notify(
        actor,
        {
          type: 'OFFER',
          id,
          authorId: offer.createdBy,
          rootType: 'OFFER',
          rootId: id,
          scope: { type: 'THREAD', id: offer.threadId },
        },
        credits[0].map((recipientId) => ({ recipientId, kind: 'OFFER_PUBLISHED_CREDIT' as const })),
      );
      this.live.toScope({ type: 'THREAD', id: offer.threadId }, 'offer.published', {
        threadId: offer.threadId,
        offerId: id,
      });
    } else if (to === 'WITHDRAWN') {
      // Customers saw it: they refetch. Drafts and approvals are staff's, so the room hears nothing of them.
      this.live.toScope({ type: 'THREAD', id: offer.threadId }, 'thread.updated', { threadId: offer.threadId });
    }
    return this.findReadable(actor.id, id);
  }

  /** Once approved, every change keeps the offer as it then stands (as briefs do). */
  private async recordVersion(manager: EntityManager, actor: Actor, offerId: string): Promise<void> {
    const offer = await manager.findOneByOrFail(Offer, { id: offerId });
    const [{ count }] = await manager.query<{ count: string }[]>(
      `select count(*) from offer_versions where offer_id = $1`,
      [offerId],
    );
    if (!offer.approvedAt && Number(count) === 0) return;
    const proposals = await manager.find(OfferProposal, { where: { offerId } });
    const credits = await manager.find(OfferCredit, { where: { offerId }, order: { position: 'ASC' } });
    await manager.insert(OfferVersion, {
      offerId,
      version: Number(count) + 1,
      status: offer.status,
      createdBy: actor.id,
      data: {
        title: offer.title,
        description: offer.description,
        terms: offer.terms,
        price: offer.price,
        discountPercent: offer.discountPercent,
        currency: offer.currency,
        validFrom: offer.validFrom,
        validUntil: offer.validUntil,
        briefId: offer.briefId,
        proposalIds: proposals.map((row) => row.proposalId),
        creditIds: credits.map((row) => row.userId),
      },
    });
  }

  async versionsOf(offerIds: readonly string[]): Promise<OfferVersion[][]> {
    const rows = offerIds.length
      ? await this.dataSource.manager.find(OfferVersion, {
          where: { offerId: In([...offerIds]) },
          order: { version: 'ASC' },
        })
      : [];
    return offerIds.map((id) => rows.filter((row) => row.offerId === id));
  }

  async creditsOf(offerIds: readonly string[]): Promise<string[][]> {
    const rows = offerIds.length
      ? await this.dataSource.manager.find(OfferCredit, {
          where: { offerId: In([...offerIds]) },
          order: { position: 'ASC' },
        })
      : [];
    return offerIds.map((id) => rows.filter((row) => row.offerId === id).map((row) => row.userId));
  }

  async proposalIdsOf(offerIds: readonly string[]): Promise<string[][]> {
    const rows = offerIds.length
      ? await this.dataSource.manager.find(OfferProposal, { where: { offerId: In([...offerIds]) } })
      : [];
    return offerIds.map((id) => rows.filter((row) => row.offerId === id).map((row) => row.proposalId));
  }
}
