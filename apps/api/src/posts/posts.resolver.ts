import { Args, ID, Int, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { notFound } from '@atelier/domain';
import { Allow } from '../common/allow.decorator';
import { CurrentUser, type GraphQLContext } from '../common/current-user.decorator';
import { actorOf } from '../common/request-context';
import { spaceLoaders } from '../spaces/space-loaders';
import { Space } from '../spaces/space.entity';
import { SpacesService } from '../spaces/spaces.service';
import { User } from '../users/user.entity';
import { Comment } from '../comments/comment.entity';
import { CommentLoaders } from '../comments/comment-loaders';
import { ReactionLoaders } from '../reactions/reaction-loaders';
import { UserLoaders } from '../users/user-loaders';
import { PostLoaders, readWith } from './post-loaders';
import { CreatePostInput } from './dto/create-post.input';
import { PostAttachment, toPostAttachment } from './post-attachment.type';
import { redacted } from '../common/redacted';
import { Post, PostRevision } from './post.entity';
import { ReactionSummary } from '../reactions/reaction.entity';
import { PostsService } from './posts.service';

@Resolver(() => Post)
export class PostsResolver {
  constructor(
    private readonly postsService: PostsService,
    private readonly spacesService: SpacesService,
    private readonly loaders: PostLoaders,
    private readonly userLoaders: UserLoaders,
    private readonly commentLoaders: CommentLoaders,
    private readonly reactionLoaders: ReactionLoaders,
  ) {}

  @Allow('space.read')
  @Query(() => Post, {
    description: 'A post in a private space the viewer is not in answers NOT_FOUND, as a missing one does.',
  })
  post(@Args('id', { type: () => ID }) id: string, @CurrentUser() user: User): Promise<Post> {
    return this.postsService.findReadable(user.id, id);
  }

  @Allow('post.write')
  @Mutation(() => Post, { description: 'In an open space, or a private one the author belongs to.' })
  createPost(@Args('input') input: CreatePostInput, @CurrentUser() user: User): Promise<Post> {
    return this.postsService.create(actorOf(user)!, input.spaceId, input.body, {
      attachmentIds: input.attachmentIds ?? [],
      clientId: input.id,
    });
  }

  @Allow('post.write')
  @Mutation(() => Post, { description: 'The author only; the former version is kept in revisions.' })
  editPost(
    @Args('id', { type: () => ID }) id: string,
    @Args('body') body: string,
    @CurrentUser() user: User,
    @Args('attachmentIds', {
      type: () => [ID],
      nullable: true,
      description: 'The new set of attachments (kept ones and new uploads); omitted: unchanged.',
    })
    attachmentIds?: string[] | null,
  ): Promise<Post> {
    return this.postsService.edit(actorOf(user)!, id, body, attachmentIds);
  }

  @Allow('post.write')
  @Mutation(() => Post, {
    description: 'The author or an administrator. The post disappears from feeds; its text is no longer shown.',
  })
  async deletePost(@Args('id', { type: () => ID }) id: string, @CurrentUser() user: User): Promise<Post> {
    return redacted(await this.postsService.delete(actorOf(user)!, id));
  }

  @Allow('post.write')
  @Mutation(() => Post, { description: "The space's owner, managers and admins. Pinned posts head the space's feed." })
  pinPost(
    @Args('id', { type: () => ID }) id: string,
    @Args('pinned') pinned: boolean,
    @CurrentUser() user: User,
  ): Promise<Post> {
    return this.postsService.pin(actorOf(user)!, id, pinned);
  }

  // What a feed page read with the post answers at once (see readWith); not async, or every field
  // would cost a promise even then.

  @ResolveField(() => Space)
  space(post: Post, _args: unknown, { req }: GraphQLContext): Space | Promise<Space> {
    return readWith(post)?.space ?? this.loadSpace(req, post.spaceId);
  }

  @ResolveField(() => User)
  author(post: Post, _args: unknown, { req }: GraphQLContext): User | Promise<User> {
    return readWith(post)?.author ?? this.loadAuthor(req, post.authorId);
  }

  @ResolveField(() => Int, { description: 'Live comments, replies included.' })
  commentCount(post: Post, _args: unknown, { req }: GraphQLContext): number | Promise<number> {
    return readWith(post)?.commentCount ?? this.commentLoaders.for(req).commentCount.load(post.id);
  }

  @ResolveField(() => [Comment], { description: 'Top-level comments, oldest first, each with its replies.' })
  comments(post: Post, _args: unknown, { req }: GraphQLContext): Promise<Comment[]> {
    return this.commentLoaders.for(req).comments.load(post.id);
  }

  @ResolveField(() => ReactionSummary)
  reactions(post: Post, _args: unknown, { req }: GraphQLContext): ReactionSummary | Promise<ReactionSummary> {
    return readWith(post)?.reactions ?? this.reactionLoaders.for(req).reactions.load(post.id);
  }

  @ResolveField(() => [PostAttachment], { description: 'Images and PDFs, in upload order; empty once deleted.' })
  attachments(post: Post, _args: unknown, { req }: GraphQLContext): PostAttachment[] | Promise<PostAttachment[]> {
    if (post.deletedAt) return [];
    const read = readWith(post)?.attachments;
    if (read) return read.map(toPostAttachment);
    return this.loaders
      .for(req)
      .attachments.load(post.id)
      .then((attachments) => attachments.map(toPostAttachment));
  }

  @ResolveField(() => [PostRevision], { description: 'Former versions, oldest first; empty if never edited.' })
  revisions(post: Post, _args: unknown, { req }: GraphQLContext): Promise<PostRevision[]> {
    return post.deletedAt ? Promise.resolve([]) : this.loaders.for(req).revisions.load(post.id);
  }

  private async loadSpace(req: GraphQLContext['req'], spaceId: string): Promise<Space> {
    const space = await spaceLoaders(req, this.spacesService).space.load(spaceId);
    if (!space) throw notFound('space');
    return space;
  }

  private async loadAuthor(req: GraphQLContext['req'], authorId: string): Promise<User> {
    const author = await this.userLoaders.for(req).user.load(authorId);
    if (!author) throw notFound('user');
    return author;
  }
}
