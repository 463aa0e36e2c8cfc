import { ResolveField, Resolver } from '@nestjs/graphql';
import { can } from '@atelier/domain';
import type { GraphQLContext } from '../common/current-user.decorator';
import { actorOf } from '../common/request-context';
import { Comment } from '../comments/comment.entity';
import { Post } from '../posts/post.entity';
import { TimeSavedLoaders } from './time-saved-loaders';
import { ContentTimeSaved } from './time-saved.types';

const DESCRIPTION =
  'Time this saved people, in total and for the viewer; public to the staff who read it, null for customers.';

/** Customers read some comments (co-creation threads) but never time saved. */
function counters(req: GraphQLContext['req'], loaders: TimeSavedLoaders, id: string): Promise<ContentTimeSaved | null> {
  const user = req.user;
  if (!user || !can(actorOf(user), 'timeSaved.log')) return Promise.resolve(null);
  return loaders.for(req).counters.load(id);
}

@Resolver(() => Post)
export class PostTimeSavedResolver {
  constructor(private readonly loaders: TimeSavedLoaders) {}

  @ResolveField(() => ContentTimeSaved, { nullable: true, description: DESCRIPTION })
  timeSaved(post: Post, _args: unknown, { req }: GraphQLContext): Promise<ContentTimeSaved | null> {
    return counters(req, this.loaders, post.id);
  }
}

@Resolver(() => Comment)
export class CommentTimeSavedResolver {
  constructor(private readonly loaders: TimeSavedLoaders) {}

  @ResolveField(() => ContentTimeSaved, { nullable: true, description: DESCRIPTION })
  timeSaved(comment: Comment, _args: unknown, { req }: GraphQLContext): Promise<ContentTimeSaved | null> {
    return counters(req, this.loaders, comment.id);
  }
}
