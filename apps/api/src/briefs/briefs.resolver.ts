import { Args, ID, Int, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { notFound } from '@atelier/domain';
import { Allow } from '../common/allow.decorator';
import { CurrentUser, type GraphQLContext } from '../common/current-user.decorator';
import { actorOf } from '../common/request-context';
import { Channel } from '../channels/channel.entity';
import { Comment } from '../comments/comment.entity';
import { CommentLoaders } from '../comments/comment-loaders';
import { ReactionSummary } from '../reactions/reaction.entity';
import { ReactionLoaders } from '../reactions/reaction-loaders';
import { Team } from '../teams/team.entity';
import { User } from '../users/user.entity';
import { UserLoaders } from '../users/user-loaders';
import { renderMarkdown } from '../markdown/markdown';
import { toPostAttachment } from '../posts/post-attachment.type';
import { Brief, BriefKpi, BriefTransitionRow, BriefVersion } from './brief.entity';
import { BriefLoaders } from './brief-loaders';
import { BRIEFS_MAX_PAGE, BriefsService } from './briefs.service';
import { BriefFieldsInput, BriefFilter, CreateBriefInput, KpiInputType } from './dto/brief.inputs';
import {
  BriefAttachment,
  BriefConnection,
  BriefDiffType,
  BriefHtml,
  BriefPermissions,
  BriefScore,
} from './dto/brief.types';
import { briefReturnOnObjective, type RooActual } from '@atelier/domain';
import { toRooActual, toRooKpi } from './kpi-actuals.service';

@Resolver(() => Brief)
export class BriefsResolver {
  constructor(
    private readonly service: BriefsService,
    private readonly loaders: BriefLoaders,
    private readonly users: UserLoaders,
    private readonly commentLoaders: CommentLoaders,
    private readonly reactionLoaders: ReactionLoaders,
  ) {}

  // ---- queries ----

  @Allow('brief.read')
  @Query(() => BriefConnection, {
    description: 'The briefs the viewer reads, newest first (keyset pagination: pass `endCursor` as `after`).',
  })
  briefs(
    @CurrentUser() user: User,
    @Args('filter', { type: () => BriefFilter, nullable: true }) filter: BriefFilter | null,
    @Args('first', { type: () => Int, defaultValue: 20, description: `At most ${BRIEFS_MAX_PAGE}.` }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<BriefConnection> {
    return this.service.list(user.id, filter ?? {}, first, after);
  }

  @Allow('brief.read')
  @Query(() => Brief, { description: 'A brief the viewer may not read answers NOT_FOUND, as a missing one does.' })
  brief(@Args('id', { type: () => ID }) id: string, @CurrentUser() user: User): Promise<Brief> {
    return this.service.findReadable(user.id, id);
  }

  @Allow('brief.read')
  @Query(() => [BriefVersion], { description: 'Newest first.' })
  briefVersions(
    @Args('briefId', { type: () => ID }) briefId: string,
    @CurrentUser() user: User,
  ): Promise<BriefVersion[]> {
    return this.service.versions(user.id, briefId);
  }

  @Allow('brief.read')
  @Query(() => BriefDiffType, { description: 'What changed from one version to another, field by field.' })
  async briefDiff(
    @Args('briefId', { type: () => ID }) briefId: string,
    @Args('fromVersion', { type: () => Int }) fromVersion: number,
    @Args('toVersion', { type: () => Int }) toVersion: number,
    @CurrentUser() user: User,
  ): Promise<BriefDiffType> {
    return { fromVersion, toVersion, ...(await this.service.diff(user.id, briefId, fromVersion, toVersion)) };
  }

  // ---- mutations ----

  @Allow('brief.write')
  @Mutation(() => Brief, {
    description: 'A DRAFT owned by the caller, in a team they belong to (any team for managers).',
  })
  createBrief(@Args('input') input: CreateBriefInput, @CurrentUser() user: User): Promise<Brief> {
    return this.service.create(actorOf(user)!, input);
  }

  @Allow('brief.write')
  @Mutation(() => Brief, {
    description:
      'Edits a DRAFT, or an APPROVED or LIVE brief (each such edit is a new version). Refused IN_REVIEW and CLOSED. Last write wins.',
  })
  updateBrief(
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: BriefFieldsInput,
    @CurrentUser() user: User,
  ): Promise<Brief> {
    return this.service.update(actorOf(user)!, id, input);
  }

  @Allow('brief.write')
  @Mutation(() => Brief, {
    description: 'Replaces the KPI list (keep `id` to update one). After approval, targets move only by managers.',
  })
  setKpis(
    @Args('briefId', { type: () => ID }) briefId: string,
    @Args('kpis', { type: () => [KpiInputType] }) kpis: KpiInputType[],
    @CurrentUser() user: User,
  ): Promise<Brief> {
    return this.service.setKpis(actorOf(user)!, briefId, kpis);
  }

  @Allow('brief.write')
  @Mutation(() => Brief, { description: 'DRAFT → IN_REVIEW, creating a version.' })
  submitBrief(@Args('id', { type: () => ID }) id: string, @CurrentUser() user: User): Promise<Brief> {
    return this.service.transition(actorOf(user)!, id, 'SUBMIT');
  }

  @Allow('brief.review')
  @Mutation(() => Brief, { description: 'IN_REVIEW → DRAFT, with the comment saying what to change.' })
  requestBriefChanges(
    @Args('id', { type: () => ID }) id: string,
    @Args('comment') comment: string,
    @CurrentUser() user: User,
  ): Promise<Brief> {
    return this.service.transition(actorOf(user)!, id, 'REQUEST_CHANGES', comment);
  }

  @Allow('brief.review')
  @Mutation(() => Brief, {
    description: 'IN_REVIEW → APPROVED. A manager, not the owner unless they are the only active manager.',
  })
  approveBrief(
    @Args('id', { type: () => ID }) id: string,
    @Args('comment', { type: () => String, nullable: true }) comment: string | null,
    @CurrentUser() user: User,
  ): Promise<Brief> {
    return this.service.transition(actorOf(user)!, id, 'APPROVE', comment);
  }

  @Allow('brief.write')
  @Mutation(() => Brief, { description: 'APPROVED → LIVE: the owner or a manager.' })
  launchBrief(@Args('id', { type: () => ID }) id: string, @CurrentUser() user: User): Promise<Brief> {
    return this.service.transition(actorOf(user)!, id, 'LAUNCH');
  }

  @Allow('brief.write')
  @Mutation(() => Brief, { description: 'LIVE → CLOSED: the owner or a manager. A closed brief is read-only.' })
  closeBrief(@Args('id', { type: () => ID }) id: string, @CurrentUser() user: User): Promise<Brief> {
    return this.service.transition(actorOf(user)!, id, 'CLOSE');
  }

  @Allow('brief.read')
  @Mutation(() => Brief, { description: 'Follow (or stop following) a brief: watchers hear of each workflow step.' })
  watchBrief(
    @Args('id', { type: () => ID }) id: string,
    @Args('watching') watching: boolean,
    @CurrentUser() user: User,
  ): Promise<Brief> {
    return this.service.watch(actorOf(user)!, id, watching);
  }

  // ---- fields ----

  @ResolveField(() => User)
  async owner(brief: Brief, _args: unknown, { req }: GraphQLContext): Promise<User> {
    const owner = await this.users.for(req).user.load(brief.ownerId);
    if (!owner) throw notFound('user');
    return owner;
  }

  @ResolveField(() => Team)
  async team(brief: Brief, _args: unknown, { req }: GraphQLContext): Promise<Team> {
    const team = await this.loaders.for(req).team.load(brief.teamId);
    if (!team) throw notFound('team');
    return team;
  }

  @ResolveField(() => BriefHtml)
  html(brief: Brief): BriefHtml {
    return {
      context: renderMarkdown(brief.context),
      objective: renderMarkdown(brief.objective),
      audience: renderMarkdown(brief.audience),
      keyMessage: renderMarkdown(brief.keyMessage),
      deliverables: renderMarkdown(brief.deliverables),
    };
  }

  @ResolveField(() => [Channel])
  async channels(brief: Brief, _args: unknown, { req }: GraphQLContext): Promise<Channel[]> {
    const loaders = this.loaders.for(req);
    const channels = await loaders.channel.loadMany(await loaders.channelIds.load(brief.id));
    return channels.filter((channel): channel is Channel => !!channel && !(channel instanceof Error));
  }

  @ResolveField(() => [BriefKpi])
  kpis(brief: Brief, _args: unknown, { req }: GraphQLContext): Promise<BriefKpi[]> {
    return this.loaders.for(req).kpis.load(brief.id);
  }

  @ResolveField(() => [BriefTransitionRow], { description: 'The workflow so far, oldest first.' })
  transitions(brief: Brief, _args: unknown, { req }: GraphQLContext): Promise<BriefTransitionRow[]> {
    return this.loaders.for(req).transitions.load(brief.id);
  }

  @ResolveField(() => Boolean, { description: 'Whether the viewer watches the brief.' })
  async watching(brief: Brief, _args: unknown, { req }: GraphQLContext): Promise<boolean> {
    return (await this.loaders.for(req).watchers.load(brief.id)).includes(req.user!.id);
  }

  @ResolveField(() => Int)
  async watcherCount(brief: Brief, _args: unknown, { req }: GraphQLContext): Promise<number> {
    return (await this.loaders.for(req).watchers.load(brief.id)).length;
  }

  @ResolveField(() => BriefPermissions)
  viewerCan(brief: Brief, _args: unknown, { req }: GraphQLContext): Promise<BriefPermissions> {
    return this.service.permissions(actorOf(req.user)!, brief);
  }

  @ResolveField(() => BriefScore, { description: 'Return on objective: see libs/domain briefs/roo.ts for the rules.' })
  async returnOnObjective(brief: Brief, _args: unknown, { req }: GraphQLContext): Promise<BriefScore> {
    const loaders = this.loaders.for(req);
    const kpis = await loaders.kpis.load(brief.id);
    const actuals = await loaders.actuals.loadMany(kpis.map((kpi) => kpi.id));
    const byKpi = new Map<string, RooActual[]>(
      kpis.map((kpi, index) => {
        const rows = actuals[index];
        return [kpi.id, rows instanceof Error ? [] : rows.map(toRooActual)];
      }),
    );
    const { score, kpiCount, verifiedCount } = briefReturnOnObjective(kpis.map(toRooKpi), byKpi);
    return { score, kpiCount, verifiedCount };
  }

  @ResolveField(() => [BriefAttachment], {
    description: 'Its files and the evidence of recorded figures, in upload order.',
  })
  async attachments(brief: Brief, _args: unknown, { req }: GraphQLContext): Promise<BriefAttachment[]> {
    return (await this.loaders.for(req).attachments.load(brief.id)).map(toPostAttachment);
  }

  @ResolveField(() => Int, { description: 'Live comments, replies included.' })
  commentCount(brief: Brief, _args: unknown, { req }: GraphQLContext): Promise<number> {
    return this.commentLoaders.for(req).commentCount.load(brief.id);
  }

  @ResolveField(() => [Comment], { description: 'Top-level comments, oldest first, each with its replies.' })
  comments(brief: Brief, _args: unknown, { req }: GraphQLContext): Promise<Comment[]> {
    return this.commentLoaders.for(req).comments.load(brief.id);
  }

  @ResolveField(() => ReactionSummary)
  reactions(brief: Brief, _args: unknown, { req }: GraphQLContext): Promise<ReactionSummary> {
    return this.reactionLoaders.for(req).reactions.load(brief.id);
  }
}
