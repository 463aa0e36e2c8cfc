import { Field, InputType } from '@nestjs/graphql';
import { SpaceVisibilityEnum } from '../space.entity';
import type { SpaceVisibility } from '../space.entity';

@InputType()
export class CreateSpaceInput {
  @Field({ description: 'At most 80 characters.' })
  name: string;

  @Field({ defaultValue: '', description: 'At most 2,000 characters.' })
  description: string;

  @Field(() => SpaceVisibilityEnum, { defaultValue: 'OPEN' })
  visibility: SpaceVisibility;
}
