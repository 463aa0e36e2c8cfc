import DataLoader from 'dataloader';
import type { Request } from 'express';
import { In } from 'typeorm';
import { DataSource } from 'typeorm';
import { User } from '../users/user.entity';
import { Comment } from './comment.entity';
import { CommentsService } from './comments.service';
import { PostRevision } from './post.entity';
import { ReactionSummary } from './reaction.entity';
import { ReactionsService } from './reactions.service';
import { PostsService } from './posts.service';

export interface ContentLoaders {
  user: DataLoader<string, User | undefined>;
  commentCount: DataLoader<string, number>;
  comments: DataLoader<string, Comment[]>;
  reactions: DataLoader<string, ReactionSummary>;
  revisions: DataLoader<string, PostRevision[]>;
}

const perRequest = new WeakMap<object, ContentLoaders>();

export interface ContentSources {
  dataSource: DataSource;
  posts: PostsService;
  comments: CommentsService;
  reactions: ReactionsService;
}

/**
 * Loaders that live as long as one request: whatever the size of a page, its authors, comment
 * counts, comments, reactions and revisions cost one query each.
 */
export function contentLoaders(req: Request, sources: ContentSources): ContentLoaders {
  let loaders = perRequest.get(req);
  if (!loaders) {
    const viewerId = req.user?.id ?? '';
    loaders = {
      user: new DataLoader(async (ids) => {
        const users = await sources.dataSource.manager.find(User, {
          where: { id: In([...ids]) },
          relations: { teams: true },
        });
        return ids.map((id) => users.find((user) => user.id === id));
      }),
      commentCount: new DataLoader(async (ids) => {
        const counts = await sources.comments.countsOf(ids);
        return ids.map((id) => counts.get(id) ?? 0);
      }),
      comments: new DataLoader(async (ids) => {
        const threads = await sources.comments.threadsOf(ids);
        return ids.map((id) => threads.get(id) ?? []);
      }),
      reactions: new DataLoader(async (ids) => {
        const summaries = await sources.reactions.summariesOf(ids, viewerId);
        return ids.map((id) => summaries.get(id)!);
      }),
      revisions: new DataLoader(async (ids) => {
        const revisions = await sources.posts.revisionsOf(ids);
        return ids.map((id) => revisions.get(id) ?? []);
      }),
    };
    perRequest.set(req, loaders);
  }
  return loaders;
}
