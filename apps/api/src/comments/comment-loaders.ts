import { Injectable } from '@nestjs/common';
import { isStaff } from '@atelier/domain';
import DataLoader from 'dataloader';
import type { Request } from 'express';
import { requestScoped } from '../common/request-loaders';
import { Comment } from './comment.entity';
import { CommentsService } from './comments.service';

export interface CommentLoaderSet {
  /** The threads of a piece of content (top-level comments with their replies). */
  comments: DataLoader<string, Comment[]>;
  /** Live comments, replies included. */
  commentCount: DataLoader<string, number>;
}

/** Comments of any content kind, by content id: one query per page of posts, briefs or proposals. */
@Injectable()
export class CommentLoaders {
  constructor(private readonly comments: CommentsService) {}

  for(req: Request): CommentLoaderSet {
    const viewer = { id: req.user?.id ?? '', staff: !!req.user && isStaff(req.user.role) };
    return requestScoped(req, 'comments', () => ({
      comments: new DataLoader<string, Comment[]>(async (ids) => {
        const threads = await this.comments.threadsOf(ids, viewer);
        return ids.map((id) => threads.get(id) ?? []);
      }),
      commentCount: new DataLoader<string, number>(async (ids) => {
        const counts = await this.comments.countsOf(ids);
        return ids.map((id) => counts.get(id) ?? 0);
      }),
    }));
  }
}
