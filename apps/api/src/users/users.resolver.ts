import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { type Locale, can, forbidden } from '@atelier/domain';
import { Allow, Public } from '../common/allow.decorator';
import { CurrentUser, type GraphQLContext } from '../common/current-user.decorator';
import { actorOf } from '../common/request-context';
import { SessionsService } from '../sessions/sessions.service';
import { CreateUserInput } from './dto/create-user.input';
import { UpdateUserInput } from './dto/update-user.input';
import { Person, toPerson } from './dto/person.type';
import { LocaleEnum, User } from './user.entity';
import { UsersService } from './users.service';

@Resolver(() => User)
export class UsersResolver {
  constructor(
    private readonly usersService: UsersService,
    private readonly sessions: SessionsService,
  ) {}

  @Public()
  @Query(() => User, { nullable: true, description: 'The signed-in user, or null without a session.' })
  me(@CurrentUser() user: User | undefined): User | null {
    return user ?? null;
  }

  @Allow('user.list')
  @Query(() => [User], { description: 'The staff and customer directory, by name. Staff only.' })
  users(): Promise<User[]> {
    return this.usersService.findAll();
  }

  @Allow('user.list')
  @Query(() => Person, { description: 'Someone whose mention link was followed. Staff only.' })
  async person(@Args('id', { type: () => ID }) id: string): Promise<Person> {
    return toPerson(await this.usersService.findById(id));
  }

  @Allow('user.create')
  @Mutation(() => User)
  createUser(@Args('input') input: CreateUserInput): Promise<User> {
    return this.usersService.create(input);
  }

  @Allow('user.update')
  @Mutation(() => User, { description: 'Changes display name, role or teams.' })
  updateUser(@Args('id', { type: () => ID }) id: string, @Args('input') input: UpdateUserInput): Promise<User> {
    return this.usersService.update(id, input);
  }

  @Allow('user.deactivate')
  @Mutation(() => User, { description: 'Blocks the account and closes its sessions at once.' })
  deactivateUser(@Args('id', { type: () => ID }) id: string, @CurrentUser() user: User): Promise<User> {
    if (!can(actorOf(user), 'user.deactivate', { userId: id }))
      throw forbidden('You cannot deactivate your own account.');
    return this.usersService.setActive(id, false);
  }

  @Allow('user.update')
  @Mutation(() => User, { description: 'Undoes a deactivation.' })
  reactivateUser(@Args('id', { type: () => ID }) id: string): Promise<User> {
    return this.usersService.setActive(id, true);
  }

  @Allow('me.changePassword')
  @Mutation(() => Boolean, { description: 'Other sessions of the account are closed; this one stays open.' })
  async changePassword(
    @Args('current') current: string,
    @Args('next') next: string,
    @CurrentUser() user: User,
    @Context() { req }: GraphQLContext,
  ): Promise<boolean> {
    await this.usersService.changePassword(user, current, next);
    await this.sessions.revokeAllOf(user.id, req.sessionIdHash);
    return true;
  }

  @Allow('me.changeLocale')
  @Mutation(() => User)
  updateMyLocale(@Args('locale', { type: () => LocaleEnum }) locale: Locale, @CurrentUser() user: User): Promise<User> {
    return this.usersService.updateLocale(user, locale);
  }
}
