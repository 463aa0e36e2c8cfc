import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { badInput } from '@atelier/domain';
import { Allow } from '../common/allow.decorator';
import { CurrentUser } from '../common/current-user.decorator';
import { SpacesService } from '../spaces/spaces.service';
import { User } from '../users/user.entity';
import { decodeCursor, FeedRepository } from './feed.repository';
import { PostConnection } from './feed.types';

export const FEED_MAX_PAGE = 50;

@Resolver(() => PostConnection)
export class FeedResolver {
  constructor(
    private readonly feedRepository: FeedRepository,
    private readonly spaces: SpacesService,
  ) {}

  @Allow('space.read')
  @Query(() => PostConnection, {
    description: `Without spaceId, the home feed: every space the viewer reads, newest first. With it, that space's feed: pinned posts first, then newest. At most ${FEED_MAX_PAGE} posts a page.`,
  })
  async feed(
    @CurrentUser() user: User,
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
    const page = await this.feedRepository.page(user.id, spaceId ?? null, first, cursor);
    const edges = page.posts.map(({ post, cursor: edgeCursor }) => ({ cursor: edgeCursor, node: post }));
    return { edges, pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null } };
  }
}
