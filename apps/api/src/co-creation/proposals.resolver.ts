import { Args, ID, Int, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { isStaff, notFound } from '@atelier/domain';
import { Allow } from '../common/allow.decorator';
import { CurrentUser, type GraphQLContext, viewerOf } from '../common/current-user.decorator';
import { actorOf } from '../common/request-context';
import { Comment } from '../comments/comment.entity';
import { CommentLoaders } from '../comments/comment-loaders';
import { ReactionSummary } from '../reactions/reaction.entity';
import { ReactionLoaders } from '../reactions/reaction-loaders';
import type { User } from '../users/user.entity';
import { CoCreationLoaders } from './co-creation-loaders';
import { EditProposalInput, SubmitProposalInput } from './dto/proposal.input';
import {
  Proposal,
  ProposalConnection,
  ProposalImage,
  ProposalOrderEnum,
  StaffNote,
  type ProposalOrder,
} from './proposal.entity';
import { ProposalsService } from './proposals.service';
import { CoCreationThread, Participant } from './thread.entity';
import { ThreadsService } from './threads.service';

@Resolver(() => Proposal)
export class ProposalsResolver {
  constructor(
    private readonly proposalService: ProposalsService,
    private readonly threads: ThreadsService,
    private readonly loaders: CoCreationLoaders,
    private readonly commentLoaders: CommentLoaders,
    private readonly reactionLoaders: ReactionLoaders,
  ) {}

  @Allow('coCreation.read')
  @Query(() => Proposal, { description: 'NOT_FOUND when not readable (another thread, hidden), as when missing.' })
  proposal(@Args('id', { type: () => ID }) id: string, @CurrentUser() user: User): Promise<Proposal> {
    return this.proposalService.findReadable(user.id, id);
  }

  @Allow('coCreation.read')
  @Query(() => ProposalConnection, {
    description:
      'A thread’s proposals, merged ones left out. NOT_FOUND when the thread is not readable. Customers asking SHORTLISTED get MOST_VOTED.',
  })
  async proposals(
    @Args('threadId', { type: () => ID }) threadId: string,
    @Args('orderBy', { type: () => ProposalOrderEnum, defaultValue: 'NEWEST' }) orderBy: ProposalOrder,
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @CurrentUser() user: User,
  ): Promise<ProposalConnection> {
    const thread = await this.threads.findReadable(user.id, threadId);
    return this.proposalService.list(actorOf(user)!, thread.id, orderBy, first, after);
  }

  @Allow('coCreation.participate')
  @Mutation(() => Proposal, { description: 'While the thread is OPEN.' })
  submitProposal(
    @Args('threadId', { type: () => ID }) threadId: string,
    @Args('input') input: SubmitProposalInput,
    @CurrentUser() user: User,
  ): Promise<Proposal> {
    return this.proposalService.submit(actorOf(user)!, threadId, input);
  }

  @Allow('coCreation.participate')
  @Mutation(() => Proposal, { description: 'Its author, while the thread is OPEN.' })
  editProposal(
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: EditProposalInput,
    @CurrentUser() user: User,
  ): Promise<Proposal> {
    return this.proposalService.edit(actorOf(user)!, id, input);
  }

  @Allow('coCreation.participate')
  @Mutation(() => Proposal, {
    description:
      'true casts the viewer’s vote, false withdraws it: one vote per person per proposal, only while the thread is VOTING.',
  })
  voteProposal(
    @Args('id', { type: () => ID }) id: string,
    @Args('vote', { type: () => Boolean }) vote: boolean,
    @CurrentUser() user: User,
  ): Promise<Proposal> {
    return this.proposalService.setVote(actorOf(user)!, id, vote);
  }

  @Allow('coCreation.manage')
  @Mutation(() => StaffNote, { description: 'Staff only; never shown to customers.' })
  addStaffNote(
    @Args('proposalId', { type: () => ID }) proposalId: string,
    @Args('body') body: string,
    @CurrentUser() user: User,
  ): Promise<StaffNote> {
    return this.proposalService.addNote(actorOf(user)!, proposalId, body);
  }

  @Allow('coCreation.manage')
  @Mutation(() => Proposal)
  shortlistProposal(
    @Args('id', { type: () => ID }) id: string,
    @Args('shortlisted') shortlisted: boolean,
    @CurrentUser() user: User,
  ): Promise<Proposal> {
    return this.proposalService.shortlist(actorOf(user)!, id, shortlisted);
  }

  @Allow('coCreation.manage')
  @Mutation(() => Proposal, { description: 'Votes (each person once) and comments move to `intoId`.' })
  mergeProposal(
    @Args('id', { type: () => ID }) id: string,
    @Args('intoId', { type: () => ID }) intoId: string,
    @CurrentUser() user: User,
  ): Promise<Proposal> {
    return this.proposalService.merge(actorOf(user)!, id, intoId);
  }

  @ResolveField(() => CoCreationThread)
  thread(proposal: Proposal, _args: unknown, { req }: GraphQLContext): Promise<CoCreationThread> {
    const user = viewerOf(req);
    return this.threads.findReadable(user.id, proposal.threadId);
  }

  @ResolveField(() => Participant)
  async author(proposal: Proposal, _args: unknown, { req }: GraphQLContext): Promise<Participant> {
    const author = await this.loaders.for(req).participant.load(proposal.authorId);
    if (!author) throw notFound('user');
    return author;
  }

  @ResolveField(() => [ProposalImage])
  async images(proposal: Proposal, _args: unknown, { req }: GraphQLContext): Promise<ProposalImage[]> {
    const rows = await this.loaders.for(req).images.load(proposal.id);
    return rows.map((row) => ({
      id: row.id,
      url: `/files/${row.id}`,
      width: row.width,
      height: row.height,
      originalName: row.originalName,
    }));
  }

  @ResolveField(() => Boolean)
  viewerHasVoted(proposal: Proposal, _args: unknown, { req }: GraphQLContext): Promise<boolean> {
    return this.loaders.for(req).voted.load(proposal.id);
  }

  @ResolveField(() => String, { nullable: true, description: 'Staff and the author only.' })
  hiddenReason(proposal: Proposal, _args: unknown, { req }: GraphQLContext): string | null {
    const user = viewerOf(req);
    return isStaff(user.role) || proposal.authorId === user.id ? proposal.hiddenReason : null;
  }

  @ResolveField(() => Boolean, { nullable: true, description: 'Staff only: null for customers.' })
  shortlisted(proposal: Proposal, _args: unknown, { req }: GraphQLContext): boolean | null {
    const user = viewerOf(req);
    return isStaff(user.role) ? proposal.shortlisted : null;
  }

  @ResolveField(() => [StaffNote], { nullable: true, description: 'Staff only: null for customers.' })
  async notes(proposal: Proposal, _args: unknown, { req }: GraphQLContext) {
    return isStaff(viewerOf(req).role) ? this.loaders.for(req).notes.load(proposal.id) : null;
  }

  @ResolveField(() => Int, { description: 'Live comments, replies included.' })
  commentCount(proposal: Proposal, _args: unknown, { req }: GraphQLContext): Promise<number> {
    return this.commentLoaders.for(req).commentCount.load(proposal.id);
  }

  @ResolveField(() => [Comment])
  comments(proposal: Proposal, _args: unknown, { req }: GraphQLContext): Promise<Comment[]> {
    return this.commentLoaders.for(req).comments.load(proposal.id);
  }

  @ResolveField(() => ReactionSummary)
  reactions(proposal: Proposal, _args: unknown, { req }: GraphQLContext): Promise<ReactionSummary> {
    return this.reactionLoaders.for(req).reactions.load(proposal.id);
  }
}

@Resolver(() => StaffNote)
export class StaffNotesResolver {
  constructor(private readonly loaders: CoCreationLoaders) {}

  @ResolveField(() => Participant)
  async author(note: StaffNote, _args: unknown, { req }: GraphQLContext): Promise<Participant> {
    const author = await this.loaders.for(req).participant.load(note.authorId);
    if (!author) throw notFound('user');
    return author;
  }
}
