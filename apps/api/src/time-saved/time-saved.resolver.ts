import { Args, ID, Int, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { editableUntil, isLocked, notFound } from '@atelier/domain';
import { Allow } from '../common/allow.decorator';
import { CurrentUser, type GraphQLContext } from '../common/current-user.decorator';
import { actorOf } from '../common/request-context';
import { User } from '../users/user.entity';
import { CompanyClock } from './clock';
import { LogTimeSavedInput, TimeSavedFilter, TimeSavedInput } from './dto/time-saved.input';
import { TimeSavedCategoryEnum, TimeSavedContentTypeEnum, TimeSavedEntry } from './time-saved-entry.entity';
import { TimeSavedLoaders } from './time-saved-loaders';
import { TimeSavedService } from './time-saved.service';
import {
  ContentTimeSaved,
  HelpfulContent,
  MyTimeSavedSummary,
  TimeSavedConnection,
  TimeSavedDefaults,
} from './time-saved.types';

@Resolver(() => TimeSavedEntry)
export class TimeSavedResolver {
  constructor(
    private readonly timeSaved: TimeSavedService,
    private readonly loaders: TimeSavedLoaders,
    private readonly clock: CompanyClock,
  ) {}

  @Allow('timeSaved.log')
  @Query(() => TimeSavedConnection, { description: "The viewer's own entries, newest date first." })
  myTimeSaved(
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @CurrentUser() user: User,
  ): Promise<TimeSavedConnection> {
    return this.timeSaved.myEntries(actorOf(user)!, first, after);
  }

  @Allow('timeSaved.log')
  @Query(() => MyTimeSavedSummary)
  myTimeSavedSummary(@CurrentUser() user: User): Promise<MyTimeSavedSummary> {
    return this.timeSaved.mySummary(user.id);
  }

  @Allow('timeSaved.log')
  @Query(() => TimeSavedDefaults, { description: 'What the one click and the quick entry are pre-filled with.' })
  timeSavedDefaults(@CurrentUser() user: User): Promise<TimeSavedDefaults> {
    return this.timeSaved.defaults(user.id);
  }

  @Allow('timeSaved.log')
  @Query(() => TimeSavedConnection, {
    description: 'A marketer: their own entries only. A manager: the teams they belong to. An admin: everyone.',
  })
  timeSavedEntries(
    @Args('filter', { type: () => TimeSavedFilter, defaultValue: {} }) filter: TimeSavedFilter,
    @Args('first', { type: () => Int, defaultValue: 50 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @CurrentUser() user: User,
  ): Promise<TimeSavedConnection> {
    return this.timeSaved.entries(actorOf(user)!, filter, first, after);
  }

  @Allow('timeSaved.log')
  @Query(() => ContentTimeSaved, { description: 'NOT_FOUND for content the viewer cannot read.' })
  contentTimeSaved(
    @Args('contentType', { type: () => TimeSavedContentTypeEnum }) contentType: string,
    @Args('contentId', { type: () => ID }) contentId: string,
    @CurrentUser() user: User,
  ): Promise<ContentTimeSaved> {
    return this.timeSaved.contentTimeSaved(actorOf(user)!, contentType, contentId);
  }

  @Allow('timeSaved.log')
  @Query(() => [ContentTimeSaved], {
    description: 'Counters of up to 100 pieces of content at once; ids the viewer cannot read are left out.',
  })
  timeSavedCounters(
    @Args('contentIds', { type: () => [ID] }) contentIds: string[],
    @CurrentUser() user: User,
  ): Promise<ContentTimeSaved[]> {
    return this.timeSaved.countersFor(actorOf(user)!, contentIds);
  }

  @Allow('timeSaved.log')
  @Query(() => [HelpfulContent], { description: "The viewer's content that saved others the most time." })
  myHelpfulContent(
    @Args('first', { type: () => Int, defaultValue: 5 }) first: number,
    @CurrentUser() user: User,
  ): Promise<HelpfulContent[]> {
    return this.timeSaved.helpfulContent(actorOf(user)!, first);
  }

  @Allow('timeSaved.log')
  @Mutation(() => TimeSavedEntry)
  logTimeSaved(@Args('input') input: LogTimeSavedInput, @CurrentUser() user: User): Promise<TimeSavedEntry> {
    return this.timeSaved.log(actorOf(user)!, input);
  }

  @Allow('timeSaved.log')
  @Mutation(() => TimeSavedEntry, { description: 'Your own entry, within 30 days of logging it.' })
  updateTimeSaved(
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: TimeSavedInput,
    @CurrentUser() user: User,
  ): Promise<TimeSavedEntry> {
    return this.timeSaved.update(actorOf(user)!, id, input);
  }

  @Allow('timeSaved.log')
  @Mutation(() => ID, { description: 'Your own entry, within 30 days of logging it. Returns its id.' })
  deleteTimeSaved(@Args('id', { type: () => ID }) id: string, @CurrentUser() user: User): Promise<string> {
    return this.timeSaved.delete(actorOf(user)!, id);
  }

  @Allow('timeSaved.log')
  @Mutation(() => TimeSavedEntry, {
    description: 'One click on readable content; minutes default to your usual value. A second click edits the entry.',
  })
  savedMeTime(
    @Args('contentType', { type: () => TimeSavedContentTypeEnum }) contentType: string,
    @Args('contentId', { type: () => ID }) contentId: string,
    @Args('minutes', { type: () => Int, nullable: true }) minutes: number | null,
    @CurrentUser() user: User,
  ): Promise<TimeSavedEntry> {
    return this.timeSaved.savedMeTime(actorOf(user)!, contentType, contentId, minutes);
  }

  @Allow('timeSaved.log')
  @Mutation(() => ID, { description: 'Takes a click back, within 60 seconds of it. Returns the removed id.' })
  undoSavedMeTime(@Args('id', { type: () => ID }) id: string, @CurrentUser() user: User): Promise<string> {
    return this.timeSaved.undoSavedMeTime(actorOf(user)!, id);
  }

  @Allow('timeSaved.log')
  @Mutation(() => TimeSavedDefaults)
  setTimeSavedDefaults(
    @Args('minutes', { type: () => Int }) minutes: number,
    @Args('category', { type: () => TimeSavedCategoryEnum }) category: string,
    @CurrentUser() user: User,
  ): Promise<TimeSavedDefaults> {
    return this.timeSaved.setDefaults(actorOf(user)!, minutes, category);
  }

  @ResolveField(() => User)
  async user(entry: TimeSavedEntry, _args: unknown, { req }: GraphQLContext): Promise<User> {
    const user = await this.loaders.for(req).user.load(entry.userId);
    if (!user) throw notFound('user');
    return user;
  }

  @ResolveField(() => Boolean, { description: 'Past 30 days after logging: it can no longer change.' })
  locked(entry: TimeSavedEntry): boolean {
    return isLocked(entry.createdAt, this.clock.now());
  }

  @ResolveField(() => Date)
  editableUntil(entry: TimeSavedEntry): Date {
    return editableUntil(entry.createdAt);
  }
}
