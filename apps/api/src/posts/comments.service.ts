import { Injectable } from '@nestjs/common';
import { Actor, badInput, can, forbidden, notFound } from '@atelier/domain';
import { DataSource, In } from 'typeorm';
import { LiveEventName, LiveEventsService } from '../live/live-events.service';
import { MentionsService } from '../mentions/mentions.service';
import { NotificationsService } from '../notifications/notifications.service';
import { Comment } from './comment.entity';
import { TargetsService } from './targets.service';

@Injectable()
export class CommentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly targets: TargetsService,
    private readonly live: LiveEventsService,
    private readonly mentions: MentionsService,
    private readonly notifications: NotificationsService,
  ) {}

  /** Ids only: clients refetch through GraphQL, which checks what they may read. */
  private emit(event: LiveEventName, comment: Comment, spaceId: string): void {
    const payload = { commentId: comment.id, postId: comment.targetId, spaceId, parentId: comment.parentId };
    this.live.toSpace(spaceId, event, payload);
  }

  async add(actor: Actor, targetId: string, rawBody: string, parentId?: string | null): Promise<Comment> {
    const target = await this.targets.resolve(actor.id, targetId);
    if (target.type !== 'POST') {
      throw badInput(
        'invalidTarget',
        'To answer a comment, comment on its post and give the comment as parentId.',
        'targetId',
      );
    }
    const { body, bodyHtml, mentionedIds } = await this.mentions.renderBody(rawBody, target.spaceId);
    if (parentId) {
      const parent = await this.dataSource.manager.findOneBy(Comment, {
        id: parentId,
        targetType: 'POST',
        targetId: target.id,
      });
      if (!parent || parent.deletedAt) {
        throw badInput(
          'unknownParent',
          'The comment you answer does not exist on this post any more. Reload the page.',
          'parentId',
        );
      }
      if (parent.parentId) {
        throw badInput(
          'replyTooDeep',
          'Replies go one level deep: answer the first comment of the thread instead.',
          'parentId',
        );
      }
    }
    const { identifiers } = await this.dataSource.manager.insert(Comment, {
      targetType: 'POST',
      targetId: target.id,
      parentId: parentId ?? null,
      authorId: actor.id,
      body,
      bodyHtml,
    });
    const created = await this.dataSource.manager.findOneByOrFail(Comment, { id: identifiers[0].id as string });
    this.emit('comment.created', created, target.spaceId);
    await this.notifications.commentWritten(actor, created, target.spaceId, mentionedIds, true);
    return created;
  }

  /** A live comment on something the viewer may read, with the space it is in. */
  private async findReadable(actor: Actor, id: string): Promise<Comment & { spaceId: string }> {
    const target = await this.targets.resolve(actor.id, id).catch(() => null);
    if (!target || target.type !== 'COMMENT') throw notFound('comment');
    return Object.assign(await this.dataSource.manager.findOneByOrFail(Comment, { id }), { spaceId: target.spaceId });
  }

  async edit(actor: Actor, id: string, rawBody: string): Promise<Comment> {
    const comment = await this.findReadable(actor, id);
    if (!can(actor, 'comment.edit', { authorId: comment.authorId }))
      throw forbidden('Only the author can edit a comment.');
    const { body, bodyHtml, mentionedIds } = await this.mentions.renderBody(rawBody, comment.spaceId);
    await this.dataSource.manager.update(Comment, { id }, { body, bodyHtml, editedAt: () => 'now()' });
    this.emit('comment.updated', comment, comment.spaceId);
    await this.notifications.commentWritten(actor, comment, comment.spaceId, mentionedIds, false);
    return this.dataSource.manager.findOneByOrFail(Comment, { id });
  }

  async delete(actor: Actor, id: string): Promise<Comment> {
    const comment = await this.findReadable(actor, id);
    if (!can(actor, 'comment.delete', { authorId: comment.authorId })) {
      throw forbidden('Only the author or an administrator can delete a comment.');
    }
    await this.dataSource.manager.update(Comment, { id }, { deletedAt: () => 'now()' });
    this.emit('comment.deleted', comment, comment.spaceId);
    return this.dataSource.manager.findOneByOrFail(Comment, { id });
  }

  /**
   * The comments of each post, as threads: top-level comments oldest first, each with its replies.
   * A deleted comment stays as an empty placeholder only while it has live replies.
   */
  async threadsOf(postIds: readonly string[]): Promise<Map<string, Comment[]>> {
    const rows = postIds.length
      ? await this.dataSource.manager.find(Comment, {
          where: { targetType: 'POST', targetId: In([...postIds]) },
          order: { createdAt: 'ASC', id: 'ASC' },
        })
      : [];
    const threads = new Map<string, Comment[]>();
    const tops = new Map<string, Comment>();
    for (const row of rows) {
      if (!row.parentId) {
        const top = { ...row, replies: [] as Comment[] };
        tops.set(row.id, top);
        threads.set(row.targetId, [...(threads.get(row.targetId) ?? []), top]);
      }
    }
    for (const row of rows) {
      if (row.parentId && !row.deletedAt) tops.get(row.parentId)?.replies?.push({ ...row, replies: [] });
    }
    for (const [postId, list] of threads) {
      threads.set(
        postId,
        list
          .filter((top) => !top.deletedAt || (top.replies?.length ?? 0) > 0)
          .map((top) => (top.deletedAt ? { ...top, body: '', bodyHtml: '' } : top)),
      );
    }
    return threads;
  }

  /** Live comments (replies included) per post: one query for any number of posts. */
  async countsOf(postIds: readonly string[]): Promise<Map<string, number>> {
    if (!postIds.length) return new Map();
    const rows = await this.dataSource.query<{ target_id: string; count: number }[]>(
      `select target_id, count(*)::int as count from comments
        where target_type = 'POST' and target_id = any($1::uuid[]) and deleted_at is null
        group by target_id`,
      [postIds],
    );
    return new Map(rows.map((row) => [row.target_id, row.count]));
  }
}
