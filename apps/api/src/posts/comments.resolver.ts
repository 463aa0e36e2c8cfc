import { Args, Context, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { notFound } from '@atelier/domain';
import { Allow } from '../common/allow.decorator';
import { CurrentUser, type GraphQLContext } from '../common/current-user.decorator';
import { actorOf } from '../common/request-context';
import { User } from '../users/user.entity';
import { Comment } from './comment.entity';
import { CommentsService } from './comments.service';
import { ContentLoadersProvider } from './content-loaders.provider';
import { AddCommentInput } from './dto/create-post.input';
import { redacted } from './post.entity';
import { ReactionSummary } from './reaction.entity';

@Resolver(() => Comment)
export class CommentsResolver {
  constructor(
    private readonly commentsService: CommentsService,
    private readonly loaders: ContentLoadersProvider,
  ) {}

  @Allow('post.write')
  @Mutation(() => Comment, { description: 'On a post the viewer can read; parentId answers a top-level comment.' })
  addComment(@Args('input') input: AddCommentInput, @CurrentUser() user: User): Promise<Comment> {
    return this.commentsService.add(actorOf(user)!, input.targetId, input.body, input.parentId);
  }

  @Allow('post.write')
  @Mutation(() => Comment, { description: 'The author only.' })
  editComment(
    @Args('id', { type: () => ID }) id: string,
    @Args('body') body: string,
    @CurrentUser() user: User,
  ): Promise<Comment> {
    return this.commentsService.edit(actorOf(user)!, id, body);
  }

  @Allow('post.write')
  @Mutation(() => Comment, { description: 'The author or an administrator.' })
  async deleteComment(@Args('id', { type: () => ID }) id: string, @CurrentUser() user: User): Promise<Comment> {
    return redacted(await this.commentsService.delete(actorOf(user)!, id));
  }

  @ResolveField(() => User)
  async author(@Parent() comment: Comment, @Context() { req }: GraphQLContext): Promise<User> {
    const author = await this.loaders.for(req).user.load(comment.authorId);
    if (!author) throw notFound('user');
    return author;
  }

  @ResolveField(() => [Comment], { description: 'Replies, oldest first (always empty on a reply).' })
  replies(@Parent() comment: Comment): Comment[] {
    return comment.replies ?? [];
  }

  @ResolveField(() => ReactionSummary)
  reactions(@Parent() comment: Comment, @Context() { req }: GraphQLContext): Promise<ReactionSummary> {
    return this.loaders.for(req).reactions.load(comment.id);
  }
}
