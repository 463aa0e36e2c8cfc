import { Args, ID, Int, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { forbidden, isStaff } from '@atelier/domain';
import { Allow } from '../common/allow.decorator';
import { CurrentUser, type GraphQLContext, viewerOf } from '../common/current-user.decorator';
import { actorOf } from '../common/request-context';
import { Comment } from '../comments/comment.entity';
import { CommentLoaders } from '../comments/comment-loaders';
import { ReactionSummary } from '../reactions/reaction.entity';
import { ReactionLoaders } from '../reactions/reaction-loaders';
import type { User } from '../users/user.entity';
import { CoCreationLoaders } from './co-creation-loaders';
import { CreateOfferInput, UpdateOfferInput } from './dto/offer.input';
import { Offer, OfferVersion } from './offer.entity';
import { OffersService } from './offers.service';
import { Proposal } from './proposal.entity';
import { ProposalsService } from './proposals.service';
import { Participant } from './thread.entity';
import { ThreadsService } from './threads.service';

@Resolver(() => Offer)
export class OffersResolver {
  constructor(
    private readonly offerService: OffersService,
    private readonly proposalService: ProposalsService,
    private readonly threads: ThreadsService,
    private readonly loaders: CoCreationLoaders,
    private readonly commentLoaders: CommentLoaders,
    private readonly reactionLoaders: ReactionLoaders,
  ) {}

  @Allow('coCreation.read')
  @Query(() => Offer, { description: 'Customers: published offers of their threads; anything else is NOT_FOUND.' })
  offer(@Args('id', { type: () => ID }) id: string, @CurrentUser() user: User): Promise<Offer> {
    return this.offerService.findReadable(user.id, id);
  }

  @Allow('coCreation.read')
  @Query(() => [Offer], {
    description: 'Newest first. Customers: published offers only. NOT_FOUND when the thread is not readable.',
  })
  async offers(@Args('threadId', { type: () => ID }) threadId: string, @CurrentUser() user: User): Promise<Offer[]> {
    const thread = await this.threads.findReadable(user.id, threadId);
    return this.offerService.listForThread(user.id, thread.id);
  }

  @Allow('coCreation.manage')
  @Mutation(() => Offer, {
    description: 'Promotes proposals of the thread into a DRAFT offer crediting their authors.',
  })
  createOffer(
    @Args('threadId', { type: () => ID }) threadId: string,
    @Args('proposalIds', { type: () => [ID] }) proposalIds: string[],
    @Args('input') input: CreateOfferInput,
    @CurrentUser() user: User,
  ): Promise<Offer> {
    return this.offerService.create(actorOf(user)!, threadId, proposalIds, input);
  }

  @Allow('coCreation.manage')
  @Mutation(() => Offer, { description: 'DRAFT or APPROVED (back to DRAFT).' })
  updateOffer(
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateOfferInput,
    @CurrentUser() user: User,
  ): Promise<Offer> {
    return this.offerService.update(actorOf(user)!, id, input);
  }

  @Allow('coCreation.manage')
  @Mutation(() => Offer, { description: 'People who take part in the thread, in the order given.' })
  setOfferCredits(
    @Args('offerId', { type: () => ID }) offerId: string,
    @Args('userIds', { type: () => [ID] }) userIds: string[],
    @CurrentUser() user: User,
  ): Promise<Offer> {
    return this.offerService.setCredits(actorOf(user)!, offerId, userIds);
  }

  @Allow('coCreation.manage')
  @Mutation(() => Offer, { description: 'DRAFT → APPROVED, by a manager or an admin only.' })
  approveOffer(@Args('id', { type: () => ID }) id: string, @CurrentUser() user: User): Promise<Offer> {
    return this.offerService.transition(actorOf(user)!, id, 'APPROVED');
  }

  @Allow('coCreation.manage')
  @Mutation(() => Offer, {
    description: 'APPROVED → PUBLISHED: the thread’s customers see it, those credited are told.',
  })
  publishOffer(@Args('id', { type: () => ID }) id: string, @CurrentUser() user: User): Promise<Offer> {
    return this.offerService.transition(actorOf(user)!, id, 'PUBLISHED');
  }

  @Allow('coCreation.manage')
  @Mutation(() => Offer, { description: 'PUBLISHED → WITHDRAWN: customers stop seeing it.' })
  withdrawOffer(@Args('id', { type: () => ID }) id: string, @CurrentUser() user: User): Promise<Offer> {
    return this.offerService.transition(actorOf(user)!, id, 'WITHDRAWN');
  }

  @ResolveField(() => [Proposal], { description: 'The linked proposals the viewer may read.' })
  async proposals(offer: Offer, _args: unknown, { req }: GraphQLContext) {
    const user = viewerOf(req);
    const ids = await this.loaders.for(req).offerProposals.load(offer.id);
    const rows = await this.proposalService.findManyReadable(user.id, ids);
    return ids.map((id) => rows.find((row) => row.id === id)).filter((row): row is Proposal => !!row);
  }

  @ResolveField(() => [Participant])
  async credits(offer: Offer, _args: unknown, { req }: GraphQLContext): Promise<Participant[]> {
    const loaders = this.loaders.for(req);
    const people = await loaders.participant.loadMany(await loaders.credits.load(offer.id));
    return people.filter((person): person is Participant => !!person && !(person instanceof Error));
  }

  @ResolveField(() => [OfferVersion], { description: 'Staff only.' })
  versions(offer: Offer, _args: unknown, { req }: GraphQLContext): Promise<OfferVersion[]> {
    const user = viewerOf(req);
    if (!isStaff(user.role)) throw forbidden('Offer versions are internal.');
    return this.offerService.versionsOf([offer.id]).then(([versions]) => versions);
  }

  @ResolveField(() => ID, { nullable: true, description: 'Staff only: null for customers.' })
  briefId(offer: Offer, _args: unknown, { req }: GraphQLContext): string | null {
    const user = viewerOf(req);
    return isStaff(user.role) ? offer.briefId : null;
  }

  @ResolveField(() => Int)
  commentCount(offer: Offer, _args: unknown, { req }: GraphQLContext): Promise<number> {
    return this.commentLoaders.for(req).commentCount.load(offer.id);
  }

  @ResolveField(() => [Comment])
  comments(offer: Offer, _args: unknown, { req }: GraphQLContext): Promise<Comment[]> {
    return this.commentLoaders.for(req).comments.load(offer.id);
  }

  @ResolveField(() => ReactionSummary)
  reactions(offer: Offer, _args: unknown, { req }: GraphQLContext): Promise<ReactionSummary> {
    return this.reactionLoaders.for(req).reactions.load(offer.id);
  }
}
