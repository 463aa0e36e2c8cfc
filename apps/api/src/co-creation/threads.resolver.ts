import { Args, ID, Int, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { type ThreadStatus, canProposeIn, canVoteIn, isStaff } from '@atelier/domain';
import { Allow } from '../common/allow.decorator';
import { CurrentUser, type GraphQLContext, viewerOf } from '../common/current-user.decorator';
import { actorOf } from '../common/request-context';
import type { User } from '../users/user.entity';
import { CoCreationLoaders } from './co-creation-loaders';
import { CreateCoCreationThreadInput, UpdateCoCreationThreadInput } from './dto/thread.input';
import { ProposalsService } from './proposals.service';
import {
  CoCreationThread,
  Participant,
  ThreadBriefLink,
  ThreadConnection,
  ThreadParticipation,
  ThreadStatusEnum,
} from './thread.entity';
import { ThreadsService } from './threads.service';

@Resolver(() => CoCreationThread)
export class ThreadsResolver {
  constructor(
    private readonly threadService: ThreadsService,
    private readonly proposalService: ProposalsService,
    private readonly loaders: CoCreationLoaders,
  ) {}

  @Allow('coCreation.read')
  @Query(() => ThreadConnection, { description: 'Staff: every thread; customers: the ones they joined. Newest first.' })
  coCreationThreads(
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @CurrentUser() user: User,
  ): Promise<ThreadConnection> {
    return this.threadService.list(user.id, first, after);
  }

  @Allow('coCreation.read')
  @Query(() => CoCreationThread, { description: 'NOT_FOUND when not readable, as when missing.' })
  coCreationThread(@Args('id', { type: () => ID }) id: string, @CurrentUser() user: User): Promise<CoCreationThread> {
    return this.threadService.findReadable(user.id, id);
  }

  @Allow('coCreation.manage')
  @Query(() => ThreadParticipation, { description: 'Staff only.' })
  async threadParticipation(
    @Args('threadId', { type: () => ID }) threadId: string,
    @CurrentUser() user: User,
  ): Promise<ThreadParticipation> {
    const thread = await this.threadService.findReadable(user.id, threadId);
    return this.threadService.participation(thread.id);
  }

  @Allow('coCreation.manage')
  @Mutation(() => CoCreationThread, { description: 'Created as DRAFT: customers see it once opened.' })
  createCoCreationThread(
    @Args('input') input: CreateCoCreationThreadInput,
    @CurrentUser() user: User,
  ): Promise<CoCreationThread> {
    return this.threadService.create(actorOf(user)!, input);
  }

  @Allow('coCreation.manage')
  @Mutation(() => CoCreationThread)
  updateCoCreationThread(
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateCoCreationThreadInput,
    @CurrentUser() user: User,
  ): Promise<CoCreationThread> {
    return this.threadService.update(actorOf(user)!, id, input);
  }

  @Allow('coCreation.manage')
  @Mutation(() => CoCreationThread, { description: 'Forward only: DRAFT → OPEN → VOTING → CLOSED.' })
  setThreadStatus(
    @Args('id', { type: () => ID }) id: string,
    @Args('status', { type: () => ThreadStatusEnum }) status: ThreadStatus,
    @CurrentUser() user: User,
  ): Promise<CoCreationThread> {
    return this.threadService.transition(actorOf(user)!, id, status);
  }

  @ResolveField(() => ThreadStatusEnum)
  status(thread: CoCreationThread): ThreadStatus {
    return thread.status;
  }

  @ResolveField(() => ThreadBriefLink, { nullable: true, description: 'Staff only: null for customers.' })
  async brief(thread: CoCreationThread, _args: unknown, { req }: GraphQLContext): Promise<ThreadBriefLink | null> {
    const user = viewerOf(req);
    if (!thread.briefId || !isStaff(user.role)) return null;
    return this.threadService.briefLink(user.id, thread.briefId);
  }

  @ResolveField(() => [Participant])
  async runners(thread: CoCreationThread, _args: unknown, { req }: GraphQLContext): Promise<Participant[]> {
    const loaders = this.loaders.for(req);
    const people = await loaders.participant.loadMany(await loaders.runners.load(thread.id));
    return people.filter((person): person is Participant => !!person && !(person instanceof Error));
  }

  @ResolveField(() => Int, { description: 'Proposals the viewer sees, merged ones left out.' })
  async proposalCount(thread: CoCreationThread, _args: unknown, { req }: GraphQLContext): Promise<number> {
    const user = viewerOf(req);
    return this.proposalService.countVisible(user.id, thread.id);
  }

  @ResolveField(() => Boolean)
  viewerCanPropose(thread: CoCreationThread): boolean {
    return canProposeIn(thread.status);
  }

  @ResolveField(() => Boolean)
  viewerCanVote(thread: CoCreationThread): boolean {
    return canVoteIn(thread.status);
  }
}
