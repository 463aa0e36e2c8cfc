import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { notFound } from '@atelier/domain';
import { Allow } from '../common/allow.decorator';
import { CurrentUser, type GraphQLContext } from '../common/current-user.decorator';
import { actorOf } from '../common/request-context';
import { spaceLoaders } from '../spaces/space-loaders';
import { Space } from '../spaces/space.entity';
import { SpacesService } from '../spaces/spaces.service';
import { User } from '../users/user.entity';
import { Comment } from './comment.entity';
import { ContentLoadersProvider } from './content-loaders.provider';
import { CreatePostInput } from './dto/create-post.input';
import { Post, PostRevision, redacted } from './post.entity';
import { ReactionSummary } from './reaction.entity';
import { PostsService } from './posts.service';

@Resolver(() => Post)
export class PostsResolver {
  constructor(
    private readonly postsService: PostsService,
    private readonly spacesService: SpacesService,
    private readonly loaders: ContentLoadersProvider,
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
    return this.postsService.create(actorOf(user)!, input.spaceId, input.body);
  }

  @Allow('post.write')
  @Mutation(() => Post, { description: 'The author only; the former version is kept in revisions.' })
  editPost(
    @Args('id', { type: () => ID }) id: string,
    @Args('body') body: string,
    @CurrentUser() user: User,
  ): Promise<Post> {
    return this.postsService.edit(actorOf(user)!, id, body);
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

  @ResolveField(() => Space)
  async space(@Parent() post: Post, @Context() { req }: GraphQLContext): Promise<Space> {
    const space = await spaceLoaders(req, this.spacesService).space.load(post.spaceId);
    if (!space) throw notFound('space');
    return space;
  }

  @ResolveField(() => User)
  async author(@Parent() post: Post, @Context() { req }: GraphQLContext): Promise<User> {
    const author = await this.loaders.for(req).user.load(post.authorId);
    if (!author) throw notFound('user');
    return author;
  }

  @ResolveField(() => Int, { description: 'Live comments, replies included.' })
  commentCount(@Parent() post: Post, @Context() { req }: GraphQLContext): Promise<number> {
    return this.loaders.for(req).commentCount.load(post.id);
  }

  @ResolveField(() => [Comment], { description: 'Top-level comments, oldest first, each with its replies.' })
  comments(@Parent() post: Post, @Context() { req }: GraphQLContext): Promise<Comment[]> {
    return this.loaders.for(req).comments.load(post.id);
  }

  @ResolveField(() => ReactionSummary)
  reactions(@Parent() post: Post, @Context() { req }: GraphQLContext): Promise<ReactionSummary> {
    return this.loaders.for(req).reactions.load(post.id);
  }

  @ResolveField(() => [PostRevision], { description: 'Former versions, oldest first; empty if never edited.' })
  revisions(@Parent() post: Post, @Context() { req }: GraphQLContext): Promise<PostRevision[]> {
    return post.deletedAt ? Promise.resolve([]) : this.loaders.for(req).revisions.load(post.id);
  }
}
