import { Args, Float, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow } from '../common/allow.decorator';
import { CurrentUser } from '../common/current-user.decorator';
import { actorOf } from '../common/request-context';
import { User } from '../users/user.entity';
import { HourlyCost, PlatformCost } from './cost.entity';
import { CostsService } from './costs.service';
import { CostSettings } from './costs.types';

@Resolver()
export class CostsResolver {
  constructor(private readonly costs: CostsService) {}

  @Allow('costs.manage')
  @Query(() => CostSettings, { description: 'Administrators: the currency and the whole cost history.' })
  costSettings(): Promise<CostSettings> {
    return this.costs.settings();
  }

  @Allow('costs.manage')
  @Mutation(() => HourlyCost, {
    description:
      'A new loaded hourly cost for a team (teamId null: the default), from a date on or after the latest one.',
  })
  setTeamHourlyCost(
    @Args('teamId', { type: () => ID, nullable: true }) teamId: string | null,
    @Args('amount', { type: () => Float }) amount: number,
    @Args('effectiveFrom') effectiveFrom: string,
    @CurrentUser() user: User,
  ): Promise<HourlyCost> {
    return this.costs.setTeamHourlyCost(actorOf(user)!, teamId, amount, effectiveFrom);
  }

  @Allow('costs.manage')
  @Mutation(() => PlatformCost, { description: 'A new monthly cost of the platform, from a date.' })
  setPlatformMonthlyCost(
    @Args('amount', { type: () => Float }) amount: number,
    @Args('effectiveFrom') effectiveFrom: string,
    @CurrentUser() user: User,
  ): Promise<PlatformCost> {
    return this.costs.setPlatformMonthlyCost(actorOf(user)!, amount, effectiveFrom);
  }

  @Allow('costs.manage')
  @Mutation(() => String, { description: 'ISO 4217 code every amount is shown in.' })
  setCurrency(@Args('code') code: string, @CurrentUser() user: User): Promise<string> {
    return this.costs.setCurrency(actorOf(user)!, code);
  }
}
