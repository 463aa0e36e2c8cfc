import { Args, ID, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { kpiResult, notFound } from '@atelier/domain';
import { Allow } from '../common/allow.decorator';
import { CurrentUser, type GraphQLContext } from '../common/current-user.decorator';
import { actorOf } from '../common/request-context';
import { Channel } from '../channels/channel.entity';
import { User } from '../users/user.entity';
import { UserLoaders } from '../users/user-loaders';
import { BriefKpi, KpiActual } from './brief.entity';
import { BriefLoaders } from './brief-loaders';
import { RecordKpiActualInput } from './dto/brief.inputs';
import { ChannelScorecard, KpiResultType } from './dto/brief.types';
import { KpiActualsService, toRooActual, toRooKpi } from './kpi-actuals.service';

@Resolver(() => BriefKpi)
export class KpisResolver {
  constructor(
    private readonly service: KpiActualsService,
    private readonly loaders: BriefLoaders,
  ) {}

  @Allow('kpiActual.record')
  @Mutation(() => KpiActual, {
    description: 'Records a CLAIMED figure for a KPI of a LIVE brief, with its period, source and evidence.',
  })
  recordKpiActual(
    @Args('kpiId', { type: () => ID }) kpiId: string,
    @Args('input') input: RecordKpiActualInput,
    @CurrentUser() user: User,
  ): Promise<KpiActual> {
    return this.service.record(actorOf(user)!, kpiId, input);
  }

  @Allow('kpiActual.verify')
  @Mutation(() => KpiActual, { description: 'A manager other than the recorder confirms the figure.' })
  verifyKpiActual(@Args('id', { type: () => ID }) id: string, @CurrentUser() user: User): Promise<KpiActual> {
    return this.service.review(actorOf(user)!, id, 'VERIFIED');
  }

  @Allow('kpiActual.verify')
  @Mutation(() => KpiActual, { description: 'A manager other than the recorder refuses the figure, saying why.' })
  rejectKpiActual(
    @Args('id', { type: () => ID }) id: string,
    @Args('reason') reason: string,
    @CurrentUser() user: User,
  ): Promise<KpiActual> {
    return this.service.review(actorOf(user)!, id, 'REJECTED', reason);
  }

  @Allow('scorecard.read')
  @Query(() => ChannelScorecard, {
    description:
      'Per channel, the KPIs of live and closed briefs running in the period (YYYY-MM-DD), scored on the figures verified for it.',
  })
  channelScorecard(
    @Args('from') from: string,
    @Args('to') to: string,
    @Args('teamId', { type: () => ID, nullable: true }) teamId: string | null,
    @CurrentUser() user: User,
  ): Promise<ChannelScorecard> {
    return this.service.scorecard(user.id, from, to, teamId);
  }

  @ResolveField(() => Channel)
  async channel(kpi: BriefKpi, _args: unknown, { req }: GraphQLContext): Promise<Channel> {
    const channel = await this.loaders.for(req).channel.load(kpi.channelId);
    if (!channel) throw notFound('channel');
    return channel;
  }

  @ResolveField(() => [KpiActual], { description: 'Latest period first.' })
  actuals(kpi: BriefKpi, _args: unknown, { req }: GraphQLContext): Promise<KpiActual[]> {
    return this.loaders.for(req).actuals.load(kpi.id);
  }

  @ResolveField(() => KpiResultType)
  async result(kpi: BriefKpi, _args: unknown, { req }: GraphQLContext): Promise<KpiResultType> {
    const actuals = await this.loaders.for(req).actuals.load(kpi.id);
    return kpiResult(toRooKpi(kpi), actuals.map(toRooActual));
  }
}

@Resolver(() => KpiActual)
export class KpiActualsResolver {
  constructor(private readonly users: UserLoaders) {}

  @ResolveField(() => User)
  async recordedBy(actual: KpiActual, _args: unknown, { req }: GraphQLContext): Promise<User> {
    const user = await this.users.for(req).user.load(actual.recordedById);
    if (!user) throw notFound('user');
    return user;
  }

  @ResolveField(() => User, { nullable: true })
  async reviewedBy(actual: KpiActual, _args: unknown, { req }: GraphQLContext): Promise<User | null> {
    return actual.reviewedById ? ((await this.users.for(req).user.load(actual.reviewedById)) ?? null) : null;
  }
}
