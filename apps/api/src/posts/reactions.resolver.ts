import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { Allow } from '../common/allow.decorator';
import { CurrentUser } from '../common/current-user.decorator';
import { actorOf } from '../common/request-context';
import { User } from '../users/user.entity';
import { ReactionKindEnum, ReactionSummary } from './reaction.entity';
import type { ReactionKind } from './reaction.entity';
import { ReactionsService } from './reactions.service';

@Resolver(() => ReactionSummary)
export class ReactionsResolver {
  constructor(private readonly reactionsService: ReactionsService) {}

  @Allow('post.write')
  @Mutation(() => ReactionSummary, {
    description: "Adds the viewer's reaction to a post or comment, or takes it back.",
  })
  react(
    @Args('targetId', { type: () => ID }) targetId: string,
    @Args('kind', { type: () => ReactionKindEnum }) kind: ReactionKind,
    @CurrentUser() user: User,
  ): Promise<ReactionSummary> {
    return this.reactionsService.toggle(actorOf(user)!, targetId, kind);
  }
}
