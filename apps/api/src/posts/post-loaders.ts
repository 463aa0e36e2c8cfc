import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import type { Request } from 'express';
import type { Attachment } from '../attachments/attachment.entity';
import { AttachmentsService } from '../attachments/attachments.service';
import { requestScoped } from '../common/request-loaders';
import type { Space } from '../spaces/space.entity';
import { Post, PostRevision } from './post.entity';
import { PostsService } from './posts.service';

export interface PostLoaderSet {
  revisions: DataLoader<string, PostRevision[]>;
  attachments: DataLoader<string, Attachment[]>;
}

/**
 * The space of each post a feed page read in the same statement as the post (FeedRepository), kept
 * with that very object: its member count is there only if the page's query asked for it, so it
 * must not serve any other read of the space in the request (the space loader's entries always
 * have it).
 */
const spacesReadWith = new WeakMap<Post, Space>();

export function readWithSpace(post: Post, space: Space): void {
  spacesReadWith.set(post, space);
}

export const spaceReadWith = (post: Post): Space | undefined => spacesReadWith.get(post);

/**
 * What only posts have, by post id, one query per page. Authors, comments and reactions come from
 * UserLoaders, CommentLoaders and ReactionLoaders, shared with every other kind of content.
 */
@Injectable()
export class PostLoaders {
  constructor(
    private readonly posts: PostsService,
    private readonly attachments: AttachmentsService,
  ) {}

  for(req: Request): PostLoaderSet {
    return requestScoped(req, 'posts', () => ({
      revisions: new DataLoader<string, PostRevision[]>(async (ids) => {
        const revisions = await this.posts.revisionsOf(ids);
        return ids.map((id) => revisions.get(id) ?? []);
      }),
      attachments: new DataLoader<string, Attachment[]>((ids) => this.attachments.listFor('POST', ids)),
    }));
  }
}
