import { Injectable } from '@nestjs/common';
import { Actor, can, forbidden, notFound } from '@atelier/domain';
import { DataSource, EntityManager, In } from 'typeorm';
import { isUuid } from '../common/ids';
import { LiveEventsService } from '../live/live-events.service';
import { MentionsService } from '../mentions/mentions.service';
import { NotificationsService } from '../notifications/notifications.service';
import { canReadSql } from '../spaces/space-member.entity';
import { Space } from '../spaces/space.entity';
import { SpacesService } from '../spaces/spaces.service';
import { Post, PostRevision } from './post.entity';

@Injectable()
export class PostsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly spaces: SpacesService,
    private readonly live: LiveEventsService,
    private readonly mentions: MentionsService,
    private readonly notifications: NotificationsService,
  ) {}

  /** A live post in a space the viewer reads; anything else is answered as missing. */
  async findReadable(
    viewerId: string,
    id: string,
    manager: EntityManager = this.dataSource.manager,
    lock = false,
  ): Promise<Post> {
    if (!isUuid(id)) throw notFound('post');
    const query = manager
      .createQueryBuilder(Post, 'post')
      .innerJoin(Space, 's', 's.id = post.space_id')
      .where('post.id = :id and post.deleted_at is null', { id })
      .andWhere(canReadSql('s'), { viewerId });
    if (lock) query.setLock('pessimistic_write', undefined, ['post']);
    const post = await query.getOne();
    if (!post) throw notFound('post');
    return post;
  }

  async create(actor: Actor, spaceId: string, rawBody: string): Promise<Post> {
    // Reading a space is posting in it: everyone in an open one, members in a private one.
    const space = await this.spaces.findReadable(actor.id, spaceId);
    const { body, bodyHtml, mentionedIds } = await this.mentions.renderBody(rawBody, space.id);
    const { identifiers } = await this.dataSource.manager.insert(Post, {
      spaceId: space.id,
      authorId: actor.id,
      body,
      bodyHtml,
      pinned: false,
    });
    await this.notifications.postWritten(actor, { id: identifiers[0].id as string, spaceId: space.id }, mentionedIds);
    this.live.toSpace(space.id, 'post.created', { postId: identifiers[0].id as string, spaceId: space.id });
    return this.dataSource.manager.findOneByOrFail(Post, { id: identifiers[0].id as string });
  }

  async edit(actor: Actor, id: string, rawBody: string): Promise<Post> {
    const { spaceId } = await this.findReadable(actor.id, id);
    const { body, bodyHtml, mentionedIds } = await this.mentions.renderBody(rawBody, spaceId);
    const edited = await this.dataSource.transaction(async (manager) => {
      const post = await this.findReadable(actor.id, id, manager, true);
      if (!can(actor, 'post.edit', { authorId: post.authorId })) throw forbidden('Only the author can edit a post.');
      if (post.body === body) return post;
      // The version being replaced joins the history, dated when it was written.
      await manager.insert(PostRevision, {
        postId: post.id,
        body: post.body,
        bodyHtml: post.bodyHtml,
        createdAt: post.editedAt ?? post.createdAt,
      });
      await manager.update(Post, { id: post.id }, { body, bodyHtml, editedAt: () => 'now()' });
      return manager.findOneByOrFail(Post, { id: post.id });
    });
    this.live.toSpace(edited.spaceId, 'post.updated', { postId: edited.id, spaceId: edited.spaceId });
    await this.notifications.postWritten(actor, edited, mentionedIds);
    return edited;
  }

  async delete(actor: Actor, id: string): Promise<Post> {
    const post = await this.findReadable(actor.id, id);
    if (!can(actor, 'post.delete', { authorId: post.authorId })) {
      throw forbidden('Only the author or an administrator can delete a post.');
    }
    await this.dataSource.manager.update(Post, { id: post.id }, { deletedAt: () => 'now()' });
    this.live.toSpace(post.spaceId, 'post.deleted', { postId: post.id, spaceId: post.spaceId });
    return this.dataSource.manager.findOneByOrFail(Post, { id: post.id });
  }

  async pin(actor: Actor, id: string, pinned: boolean): Promise<Post> {
    const post = await this.findReadable(actor.id, id);
    const space = await this.spaces.findReadable(actor.id, post.spaceId);
    if (!can(actor, 'post.pin', { ownerId: space.ownerId })) {
      throw forbidden('Only the owner of the space, a manager or an administrator can pin posts.');
    }
    await this.dataSource.manager.update(Post, { id: post.id }, { pinned });
    this.live.toSpace(post.spaceId, 'post.updated', { postId: post.id, spaceId: post.spaceId });
    return this.dataSource.manager.findOneByOrFail(Post, { id: post.id });
  }

  /** Former versions of each post, oldest first: one query for any number of posts. */
  async revisionsOf(postIds: readonly string[]): Promise<Map<string, PostRevision[]>> {
    const rows = postIds.length
      ? await this.dataSource.manager.find(PostRevision, {
          where: { postId: In([...postIds]) },
          order: { createdAt: 'ASC', id: 'ASC' },
        })
      : [];
    const byPost = new Map<string, PostRevision[]>();
    for (const row of rows) byPost.set(row.postId, [...(byPost.get(row.postId) ?? []), row]);
    return byPost;
  }
}
