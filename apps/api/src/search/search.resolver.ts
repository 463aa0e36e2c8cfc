import { Args, Int, Query, ResolveField, Resolver } from '@nestjs/graphql';
import DataLoader from 'dataloader';
import type { GraphQLResolveInfo } from 'graphql';
import { Allow } from '../common/allow.decorator';
import { CurrentUser, type GraphQLContext } from '../common/current-user.decorator';
import { requestScoped } from '../common/request-loaders';
import { selects } from '../common/selection';
import { spaceLoaders } from '../spaces/space-loaders';
import { Space } from '../spaces/space.entity';
import { SpacesService } from '../spaces/spaces.service';
import { User } from '../users/user.entity';
import { SearchConnection, SearchResult } from './dto/search.types';
import { SearchRepository } from './search.repository';
import { SEARCH_MAX_PAGE, SearchService } from './search.service';

@Resolver(() => SearchResult)
export class SearchResolver {
  constructor(
    private readonly searchService: SearchService,
    private readonly spacesService: SpacesService,
    private readonly repository: SearchRepository,
  ) {}

  @Allow('search.run')
  @Query(() => SearchConnection, {
    description: `Posts and comments matching the words, best first, in French or English, accents ignored; only what the viewer may read. Quotes, "or" and "-word" work as in a web search engine. At most ${SEARCH_MAX_PAGE} results a page. Staff only.`,
  })
  search(
    @CurrentUser() user: User,
    @Args('query') query: string,
    @Args('first', { type: () => Int, defaultValue: 20 }) first = 20,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ): Promise<SearchConnection> {
    return this.searchService.search(user.id, query, first, after);
  }

  @ResolveField(() => Space, { nullable: true, description: 'The space the post or comment is in.' })
  async space(
    result: SearchResult,
    _args: unknown,
    { req }: GraphQLContext,
    info: GraphQLResolveInfo,
  ): Promise<Space | null> {
    if (!result.spaceId) return null;
    // The results page shows the space's name: its member count is read only when asked for.
    const spaces = selects(info, ['memberCount'])
      ? spaceLoaders(req, this.spacesService).space
      : requestScoped(
          req,
          'search-spaces',
          () =>
            new DataLoader<string, Space | undefined>(async (ids) => {
              const byId = await this.repository.spacesWithoutMemberCount(ids);
              return ids.map((id) => byId.get(id));
            }),
        );
    return (await spaces.load(result.spaceId)) ?? null;
  }
}
