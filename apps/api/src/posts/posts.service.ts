import { Injectable } from '@nestjs/common';
import { Actor, can, forbidden, notFound } from '@atelier/domain';
import { DataSource, EntityManager, In } from 'typeorm';
import { AttachmentsService } from '../attachments/attachments.service';
import { isUuid } from '../common/ids';
import { actorOf } from '../common/request-context';
import { LiveEventsService } from '../live/live-events.service';
import { MentionsService } from '../mentions/mentions.service';
import { NotificationsService } from '../notifications/notifications.service';
import { canReadSql } from '../spaces/space-member.entity';
import { Space } from '../spaces/space.entity';
import { SpacesService } from '../spaces/spaces.service';
import type { User } from '../users/user.entity';
import { checkClientId, clientIdTaken } from '../common/client-ids';
import { Post, PostRevision } from './post.entity';

export interface CreatePostOptions {
  /** The author's own unattached uploads, saved with the post or not at all. */
  attachmentIds?: readonly string[];
  /** The client's own id (see client-ids.ts): sent again after a lost answer, the same post comes back. */
  clientId?: string | null;
  /** The brief the post shares (the caller checked the author reads it). */
  linkedBriefId?: string | null;
}

@Injectable()
export class PostsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly spaces: SpacesService,
    private readonly live: LiveEventsService,
    private readonly mentions: MentionsService,
    private readonly notifications: NotificationsService,
    private readonly attachments: AttachmentsService,
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

  /**
   * The post, with its attachments and its link to a brief, is written in one transaction, then
   * announced. With a `clientId`, a retry after a lost answer returns the post written the first time.
   */
  async create(actor: Actor, spaceId: string, rawBody: string, options: CreatePostOptions = {}): Promise<Post> {
    const { attachmentIds = [], clientId, linkedBriefId = null } = options;
    const wantedId = checkClientId(clientId);
    // Reading a space is posting in it: everyone in an open one, members in a private one.
    const space = await this.spaces.findReadable(actor.id, spaceId);
    const { body, bodyHtml, mentionedIds } = await this.mentions.renderBody(rawBody, { type: 'SPACE', id: space.id });
    const id = await this.dataSource.transaction(async (manager) => {
      const { raw } = await manager
        .createQueryBuilder()
        .insert()
        .into(Post)
        .values({
          ...(wantedId ? { id: wantedId } : {}),
          spaceId: space.id,
          authorId: actor.id,
          body,
          bodyHtml,
          pinned: false,
          linkedBriefId,
        })
        .orIgnore()
        .returning(['id'])
        .execute();
      const postId = (raw as { id: string }[])[0]?.id;
      if (!postId) return null;
      await this.attachments.attach(actor.id, [...attachmentIds], 'POST', postId, manager);
      return postId;
    });
    if (!id) {
      const earlier = await this.dataSource.manager.findOneByOrFail(Post, { id: wantedId! });
      if (earlier.authorId !== actor.id || earlier.spaceId !== space.id) throw clientIdTaken();
      return earlier;
    }
    await this.notifications.postWritten(actor, { id, spaceId: space.id }, mentionedIds);
    this.live.toSpace(space.id, 'post.created', { postId: id, spaceId: space.id });
    return this.dataSource.manager.findOneByOrFail(Post, { id });
  }

  /**
   * `attachmentIds`, when given, is the new set of the post's attachments: those left out are
   * detached (and swept with other unattached uploads), new ones must be the author's own unattached uploads.
   */
  async edit(actor: Actor, id: string, rawBody: string, attachmentIds?: readonly string[] | null): Promise<Post> {
    const { spaceId } = await this.findReadable(actor.id, id);
    const { body, bodyHtml, mentionedIds } = await this.mentions.renderBody(rawBody, { type: 'SPACE', id: spaceId });
    const edited = await this.dataSource.transaction(async (manager) => {
      const post = await this.findReadable(actor.id, id, manager, true);
      if (!can(actor, 'post.edit', { authorId: post.authorId })) throw forbidden('Only the author can edit a post.');
      const attachmentsChanged = attachmentIds
        ? await this.attachments.replace(actor.id, [...attachmentIds], 'POST', post.id, manager)
        : false;
      if (post.body === body && !attachmentsChanged) return post;
      if (post.body !== body) {
        // The version being replaced joins the history, dated when it was written.
        await manager.insert(PostRevision, {
          postId: post.id,
          body: post.body,
          bodyHtml: post.bodyHtml,
          createdAt: post.editedAt ?? post.createdAt,
        });
      }
      await manager.update(Post, { id: post.id }, { body, bodyHtml, editedAt: () => 'now()' });
      return manager.findOneByOrFail(Post, { id: post.id });
    });
    this.live.toSpace(edited.spaceId, 'post.updated', { postId: edited.id, spaceId: edited.spaceId });
    await this.notifications.postWritten(actor, edited, mentionedIds);
    return edited;
  }

  /** Whether `viewer` may read the post: staff, and the post live in a space they read. */
  async canRead(viewer: User, id: string): Promise<boolean> {
    if (!viewer.active || !can(actorOf(viewer), 'space.read')) return false;
    return this.findReadable(viewer.id, id).then(
      () => true,
      () => false,
    );
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
