import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { Role } from '@atelier/domain';
import { Team } from '../../teams/team.entity';
import { RoleEnum, type User } from '../user.entity';

@ObjectType({ description: 'A person as colleagues see them (the target of a mention link). Staff only.' })
export class Person {
  @Field(() => ID)
  id: string;

  @Field()
  displayName: string;

  @Field({ description: 'The local part of the e-mail address, as written after @ in a mention.' })
  handle: string;

  @Field()
  email: string;

  @Field(() => RoleEnum)
  role: Role;

  @Field({ description: 'False once deactivated: the person can no longer sign in or be mentioned.' })
  active: boolean;

  @Field(() => [Team], { description: 'By name.' })
  teams: Team[];
}

export const toPerson = (user: User): Person => ({
  id: user.id,
  displayName: user.displayName,
  handle: user.email.split('@')[0],
  email: user.email,
  role: user.role,
  active: user.active,
  teams: [...user.teams].sort((a, b) => a.name.localeCompare(b.name)),
});
