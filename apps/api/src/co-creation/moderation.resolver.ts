import { Args, ID, Mutation, Resolver, createUnionType } from '@nestjs/graphql';
import { Allow } from '../common/allow.decorator';
import { CurrentUser } from '../common/current-user.decorator';
import { actorOf } from '../common/request-context';
import { Comment } from '../comments/comment.entity';
import type { User } from '../users/user.entity';
import { ModerationService } from './moderation.service';
import { Proposal } from './proposal.entity';

/** The hidden (or shown again) content as it now stands, so a client updates it in place. */
export const ModeratedContent = createUnionType({
  name: 'ModeratedContent',
  description: 'A proposal or a comment.',
  types: () => [Proposal, Comment] as const,
  resolveType: (value: Proposal | Comment) => (value instanceof Proposal ? Proposal : Comment),
});

@Resolver()
export class ModerationResolver {
  constructor(private readonly moderation: ModerationService) {}

  @Allow('coCreation.manage')
  @Mutation(() => ModeratedContent, {
    description:
      'Hides a proposal or a comment with a reason its author is told; staff and the author still see it. Comments: same rules as hideComment.',
  })
  hideContent(
    @Args('targetId', { type: () => ID }) targetId: string,
    @Args('reason') reason: string,
    @CurrentUser() user: User,
  ): Promise<Proposal | Comment> {
    return this.moderation.hide(actorOf(user)!, targetId, reason);
  }

  @Allow('coCreation.manage')
  @Mutation(() => ModeratedContent, { description: 'Shows a hidden proposal or comment again.' })
  unhideContent(
    @Args('targetId', { type: () => ID }) targetId: string,
    @CurrentUser() user: User,
  ): Promise<Proposal | Comment> {
    return this.moderation.unhide(actorOf(user)!, targetId);
  }
}
