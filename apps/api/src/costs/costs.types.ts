import { Field, ObjectType } from '@nestjs/graphql';
import { HourlyCost, PlatformCost } from './cost.entity';

@ObjectType()
export class CostSettings {
  @Field({ description: 'ISO 4217 code, e.g. EUR.' })
  currency: string;

  @Field(() => [HourlyCost], { description: 'Every rate ever set, newest effective date first.' })
  hourlyCosts: HourlyCost[];

  @Field(() => [PlatformCost], { description: 'Every monthly cost ever set, newest effective date first.' })
  platformCosts: PlatformCost[];
}
