import { Args, ID, Mutation, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow } from '../common/allow.decorator';
import { CurrentUser, type GraphQLContext } from '../common/current-user.decorator';
import { actorOf } from '../common/request-context';
import { Post } from '../posts/post.entity';
import type { User } from '../users/user.entity';
import { BriefLoaders } from './brief-loaders';
import { BriefsService } from './briefs.service';
import { LinkedBrief } from './dto/brief.types';

/**
 * A post shared from a brief links to it. The space's readers all see the post; only those who may
 * read the brief see its title and status, the others an unreadable link.
 */
@Resolver(() => Post)
export class PostLinkedBriefResolver {
  constructor(
    private readonly briefs: BriefsService,
    private readonly loaders: BriefLoaders,
  ) {}

  @Allow('post.write')
  @Mutation(() => Post, {
    description: 'Posts `body` in a space the caller may post in, linking to a brief they read.',
  })
  shareBriefToSpace(
    @Args('briefId', { type: () => ID }) briefId: string,
    @Args('spaceId', { type: () => ID }) spaceId: string,
    @Args('body') body: string,
    @CurrentUser() user: User,
  ): Promise<Post> {
    return this.briefs.shareToSpace(actorOf(user)!, briefId, spaceId, body);
  }

  @ResolveField(() => LinkedBrief, { nullable: true, description: 'The brief this post was shared from, if any.' })
  linkedBrief(post: Post, _args: unknown, { req }: GraphQLContext): Promise<LinkedBrief> | null {
    // Most posts link to no brief: they answer at once, without a promise.
    return post.linkedBriefId ? this.read(req, post.linkedBriefId) : null;
  }

  private async read(req: GraphQLContext['req'], briefId: string): Promise<LinkedBrief> {
    const loaders = this.loaders.for(req);
    if (!(await loaders.readable.load(briefId))) return { id: briefId, readable: false, title: null, status: null };
    const brief = await loaders.brief.load(briefId);
    return brief
      ? { id: brief.id, readable: true, title: brief.title, status: brief.status }
      : { id: briefId, readable: false, title: null, status: null };
  }
}
