import { Args, ID, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow } from '../common/allow.decorator';
import { CurrentUser, type GraphQLContext } from '../common/current-user.decorator';
import { actorOf } from '../common/request-context';
import { UserLoaders } from '../users/user-loaders';
import { User } from '../users/user.entity';
import { CreateSpaceInput } from './dto/create-space.input';
import { ownerReadWith, spaceLoaders } from './space-loaders';
import { Space } from './space.entity';
import { SpacesService } from './spaces.service';

@Resolver(() => Space)
export class SpacesResolver {
  constructor(
    private readonly spacesService: SpacesService,
    private readonly userLoaders: UserLoaders,
  ) {}

  @Allow('space.read')
  @Query(() => [Space], {
    description: 'The spaces the viewer can read: open ones and private ones they belong to. Staff only.',
  })
  spaces(@CurrentUser() user: User): Promise<Space[]> {
    return this.spacesService.listReadable(user.id);
  }

  @Allow('space.read')
  @Query(() => Space, { description: 'A private space the viewer is not in answers NOT_FOUND, as a missing one does.' })
  space(@Args('id', { type: () => ID }) id: string, @CurrentUser() user: User): Promise<Space> {
    return this.spacesService.findReadable(user.id, id);
  }

  @Allow('space.create')
  @Mutation(() => Space, { description: 'A topic space; its creator owns it and is its first member.' })
  createSpace(@Args('input') input: CreateSpaceInput, @CurrentUser() user: User): Promise<Space> {
    return this.spacesService.create(actorOf(user)!, input);
  }

  @Allow('space.join')
  @Mutation(() => Space, { description: 'Open spaces only; joining twice changes nothing.' })
  joinSpace(@Args('id', { type: () => ID }) id: string, @CurrentUser() user: User): Promise<Space> {
    return this.spacesService.join(actorOf(user)!, id);
  }

  @Allow('space.join')
  @Mutation(() => Space, { description: 'Team members stay members of their team space: change the team instead.' })
  leaveSpace(@Args('id', { type: () => ID }) id: string, @CurrentUser() user: User): Promise<Space> {
    return this.spacesService.leave(actorOf(user)!, id);
  }

  @Allow('space.read')
  @Mutation(() => Space, { description: "The space's owner, managers and admins; staff accounts only." })
  addSpaceMember(
    @Args('spaceId', { type: () => ID }) spaceId: string,
    @Args('userId', { type: () => ID }) userId: string,
    @CurrentUser() user: User,
  ): Promise<Space> {
    return this.spacesService.addMember(actorOf(user)!, spaceId, userId);
  }

  @Allow('space.read')
  @Mutation(() => Space, { description: "The space's owner, managers and admins." })
  removeSpaceMember(
    @Args('spaceId', { type: () => ID }) spaceId: string,
    @Args('userId', { type: () => ID }) userId: string,
    @CurrentUser() user: User,
  ): Promise<Space> {
    return this.spacesService.removeMember(actorOf(user)!, spaceId, userId);
  }

  @ResolveField(() => Boolean)
  async viewerIsMember(space: Space, _args: unknown, { req }: GraphQLContext): Promise<boolean> {
    return (await spaceLoaders(req, this.spacesService).memberSpaceIds()).has(space.id);
  }

  @ResolveField(() => User, { nullable: true, description: 'Null for a team space.' })
  owner(space: Space, _args: unknown, { req }: GraphQLContext): User | Promise<User | null> | null {
    if (!space.ownerId) return null;
    return (
      ownerReadWith(space) ??
      this.userLoaders
        .for(req)
        .user.load(space.ownerId)
        .then((owner) => owner ?? null)
    );
  }

  @ResolveField(() => [User], { description: 'By name.' })
  members(space: Space, _args: unknown, { req }: GraphQLContext): Promise<User[]> {
    return spaceLoaders(req, this.spacesService).members.load(space);
  }
}
