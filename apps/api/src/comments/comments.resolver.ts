import { Args, ID, Mutation, ResolveField, Resolver } from '@nestjs/graphql';
import { isStaff, notFound } from '@atelier/domain';
import { Allow } from '../common/allow.decorator';
import { CurrentUser, type GraphQLContext, viewerOf } from '../common/current-user.decorator';
import { actorOf } from '../common/request-context';
import { User } from '../users/user.entity';
import { Comment } from './comment.entity';
import { CommentsService } from './comments.service';
import { ReactionLoaders } from '../reactions/reaction-loaders';
import { UserLoaders } from '../users/user-loaders';
import { AddCommentInput } from './dto/add-comment.input';
import { redacted } from '../common/redacted';
import { ReactionSummary } from '../reactions/reaction.entity';

@Resolver(() => Comment)
export class CommentsResolver {
  constructor(
    private readonly commentsService: CommentsService,
    private readonly userLoaders: UserLoaders,
    private readonly reactionLoaders: ReactionLoaders,
  ) {}

  @Allow('comment.write')
  @Mutation(() => Comment, {
    description: 'On content the viewer can read (a post, a brief, a proposal…); parentId answers a top-level comment.',
  })
  addComment(@Args('input') input: AddCommentInput, @CurrentUser() user: User): Promise<Comment> {
    return this.commentsService.add(actorOf(user)!, input.targetId, input.body, input.parentId, input.id);
  }

  @Allow('comment.write')
  @Mutation(() => Comment, { description: 'The author only.' })
  editComment(
    @Args('id', { type: () => ID }) id: string,
    @Args('body') body: string,
    @CurrentUser() user: User,
  ): Promise<Comment> {
    return this.commentsService.edit(actorOf(user)!, id, body);
  }

  @Allow('comment.write')
  @Mutation(() => Comment, { description: 'The author or an administrator.' })
  async deleteComment(@Args('id', { type: () => ID }) id: string, @CurrentUser() user: User): Promise<Comment> {
    return redacted(await this.commentsService.delete(actorOf(user)!, id));
  }

  @Allow('comment.write')
  @Mutation(() => Comment, {
    description:
      'Hides a comment with a reason its author is told: staff in co-creation threads, administrators anywhere. Staff and the author still see it.',
  })
  hideComment(
    @Args('id', { type: () => ID }) id: string,
    @Args('reason') reason: string,
    @CurrentUser() user: User,
  ): Promise<Comment> {
    return this.commentsService.hide(actorOf(user)!, id, reason);
  }

  @Allow('comment.write')
  @Mutation(() => Comment, { description: 'Shows a hidden comment again (same people as hideComment).' })
  unhideComment(@Args('id', { type: () => ID }) id: string, @CurrentUser() user: User): Promise<Comment> {
    return this.commentsService.unhide(actorOf(user)!, id);
  }

  @ResolveField(() => Boolean, { description: 'Hidden by a moderator (only staff and its author still see it).' })
  hidden(comment: Comment): boolean {
    return !!comment.hiddenAt;
  }

  @ResolveField(() => String, {
    nullable: true,
    description: 'Why it was hidden: for staff and its author; null otherwise.',
  })
  hiddenReason(comment: Comment, _args: unknown, { req }: GraphQLContext): string | null {
    const user = viewerOf(req);
    return user && (isStaff(user.role) || user.id === comment.authorId) ? comment.hiddenReason : null;
  }

  @ResolveField(() => User)
  async author(comment: Comment, _args: unknown, { req }: GraphQLContext): Promise<User> {
    const author = await this.userLoaders.for(req).user.load(comment.authorId);
    if (!author) throw notFound('user');
    return author;
  }

  @ResolveField(() => [Comment], { description: 'Replies, oldest first (always empty on a reply).' })
  replies(comment: Comment): Comment[] {
    return comment.replies ?? [];
  }

  @ResolveField(() => ReactionSummary)
  reactions(comment: Comment, _args: unknown, { req }: GraphQLContext): Promise<ReactionSummary> {
    return this.reactionLoaders.for(req).reactions.load(comment.id);
  }
}
