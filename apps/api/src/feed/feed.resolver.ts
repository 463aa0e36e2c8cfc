import { Args, Context, ID, Info, Int, Query, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { badInput } from '@atelier/domain';
import { Allow } from '../common/allow.decorator';
import { CurrentUser, type GraphQLContext } from '../common/current-user.decorator';
import { readWithPost } from '../posts/post-loaders';
import { readWithSpace } from '../spaces/space-loaders';
import { SpacesService } from '../spaces/spaces.service';
import { UserLoaders } from '../users/user-loaders';
import { User } from '../users/user.entity';
import { selects } from '../common/selection';
import { decodeCursor, FeedPage, FeedRepository } from './feed.repository';
import { PostConnection } from './feed.types';

export const FEED_MAX_PAGE = 50;

@Resolver(() => PostConnection)
export class FeedResolver {
  constructor(
    private readonly feedRepository: FeedRepository,
    private readonly spaces: SpacesService,
    private readonly users: UserLoaders,
  ) {}

  @Allow('space.read')
  @Query(() => PostConnection, {
    description: `Without spaceId, the home feed: every space the viewer reads, newest first. With it, that space's feed: pinned posts first, then newest. At most ${FEED_MAX_PAGE} posts a page.`,
  })
  async feed(
    @CurrentUser() user: User,
    @Context() { req }: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
    @Args('spaceId', { type: () => ID, nullable: true }) spaceId?: string | null,
    @Args('first', { type: () => Int, defaultValue: 20 }) first = 20,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ): Promise<PostConnection> {
    if (!Number.isInteger(first) || first < 1 || first > FEED_MAX_PAGE) {
      throw badInput('invalidPageSize', `Ask for between 1 and ${FEED_MAX_PAGE} posts at a time.`, 'first', {
        max: FEED_MAX_PAGE,
      });
    }
    const cursor = after ? decodeCursor(after) : null;
    if (spaceId) await this.spaces.findReadable(user.id, spaceId);
    const page = await this.feedRepository.page(user.id, spaceId ?? null, first, cursor, {
      memberCounts: selects(info, ['edges', 'node', 'space', 'memberCount']),
    });
    this.prime(req, page);
    const edges = page.posts.map(({ post, cursor: edgeCursor }) => ({ cursor: edgeCursor, node: post }));
    return { edges, pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null } };
  }

  /**
   * The page came with what its cards show: each post keeps it (readWithPost), so Post's field
   * resolvers (the same for a post read alone) answer without another query; so does its space's
   * owner. Authors also go to the request's user loader, which other fields may ask.
   */
  private prime(req: GraphQLContext['req'], page: FeedPage): void {
    const users = this.users.for(req).user;
    for (const entry of page.posts) {
      if (entry.author) users.prime(entry.author.id, entry.author);
      if (entry.owner) readWithSpace(entry.space, entry.owner);
      readWithPost(entry.post, entry);
    }
  }
}
