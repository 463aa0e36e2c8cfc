import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import type { Request } from 'express';
import type { Attachment } from '../attachments/attachment.entity';
import { AttachmentsService } from '../attachments/attachments.service';
import { requestScoped } from '../common/request-loaders';
import type { ReactionSummary } from '../reactions/reaction.entity';
import type { Space } from '../spaces/space.entity';
import type { User } from '../users/user.entity';
import { Post, PostRevision } from './post.entity';
import { PostsService } from './posts.service';

export interface PostLoaderSet {
  revisions: DataLoader<string, PostRevision[]>;
  attachments: DataLoader<string, Attachment[]>;
}

/** What a feed page read with a post, in the same statement (FeedRepository). */
export interface PostReadWith {
  /** Its member count is there only if the page's query asked for it. */
  space: Space;
  author: User | undefined;
  commentCount: number;
  reactions: ReactionSummary;
  attachments: Attachment[];
}

/**
 * Kept with that very post object, not in the request's loaders: Post's field resolvers answer
 * from it at once, so graphql-js completes a feed card without a promise per field. The space
 * must not serve any other read of it in the request (the space loader's entries always have
 * their member count).
 */
const postsReadWith = new WeakMap<Post, PostReadWith>();

export function readWithPost(post: Post, read: PostReadWith): void {
  postsReadWith.set(post, read);
}

export const readWith = (post: Post): PostReadWith | undefined => postsReadWith.get(post);

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
