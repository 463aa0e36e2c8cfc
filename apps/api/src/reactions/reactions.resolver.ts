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

  @Allow('reaction.write')
  @Mutation(() => ReactionSummary, {
    description:
      "Adds the viewer's reaction to content they can read (a post, a brief, a proposal, a comment…), or takes it back.",
  })
  react(
    @Args('targetId', { type: () => ID }) targetId: string,
    @Args('kind', { type: () => ReactionKindEnum }) kind: ReactionKind,
    @CurrentUser() user: User,
    @Args('active', {
      type: () => Boolean,
      nullable: true,
      description: 'Sets the reaction (true) or removes it (false) instead of toggling: safe to send again.',
    })
    active?: boolean | null,
  ): Promise<ReactionSummary> {
    return this.reactionsService.toggle(actorOf(user)!, targetId, kind, active);
  }
}
