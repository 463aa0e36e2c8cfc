import { Args, Context, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow } from '../common/allow.decorator';
import { CurrentUser, type GraphQLContext } from '../common/current-user.decorator';
import { spaceLoaders } from '../spaces/space-loaders';
import { Space } from '../spaces/space.entity';
import { SpacesService } from '../spaces/spaces.service';
import { User } from '../users/user.entity';
import { SearchConnection, SearchResult } from './dto/search.types';
import { SEARCH_MAX_PAGE, SearchService } from './search.service';

@Resolver(() => SearchResult)
export class SearchResolver {
  constructor(
    private readonly searchService: SearchService,
    private readonly spacesService: SpacesService,
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
  async space(@Parent() result: SearchResult, @Context() { req }: GraphQLContext): Promise<Space | null> {
    if (!result.spaceId) return null;
    return (await spaceLoaders(req, this.spacesService).space.load(result.spaceId)) ?? null;
  }
}
