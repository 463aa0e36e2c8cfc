import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { Allow } from '../common/allow.decorator';
import { CurrentUser } from '../common/current-user.decorator';
import { User } from '../users/user.entity';
import { MentionCandidate } from './dto/mention-candidate';
import { CANDIDATES_MAX, MentionsService } from './mentions.service';

@Resolver(() => MentionCandidate)
export class MentionsResolver {
  constructor(private readonly mentionsService: MentionsService) {}

  @Allow('mention.search')
  @Query(() => [MentionCandidate], {
    description: `People who read the space (contextId: a space or a post the viewer reads) whose handle or name starts with query, for the composer's autocomplete. At most ${CANDIDATES_MAX}. Staff only.`,
  })
  mentionCandidates(
    @CurrentUser() user: User,
    @Args('contextId', { type: () => ID }) contextId: string,
    @Args('query') query: string,
    @Args('first', { type: () => Int, defaultValue: 8 }) first = 8,
  ): Promise<MentionCandidate[]> {
    return this.mentionsService.candidates(user.id, contextId, query, first);
  }
}
