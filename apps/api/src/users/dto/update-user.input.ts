import { Field, ID, InputType } from '@nestjs/graphql';
import type { Role } from '@atelier/domain';
import { RoleEnum } from '../user.entity';

@InputType()
export class UpdateUserInput {
  @Field({ nullable: true })
  displayName?: string;

  @Field(() => RoleEnum, { nullable: true })
  role?: Role;

  @Field(() => [ID], { nullable: true, description: 'Replaces the whole list of teams.' })
  teamIds?: string[];
}
