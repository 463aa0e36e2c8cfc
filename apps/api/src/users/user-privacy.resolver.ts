import { ResolveField, Resolver } from '@nestjs/graphql';
import { isStaff } from '@atelier/domain';
import { type GraphQLContext } from '../common/current-user.decorator';
import { Team } from '../teams/team.entity';
import { UserLoaders } from './user-loaders';
import { User } from './user.entity';

/** Staff read each other's internals; anyone reads their own; a customer reads nobody else's. */
const seesInternals = (viewer: User | undefined, user: User): boolean =>
  !!viewer && viewer.active && (viewer.id === user.id || isStaff(viewer.role));

/**
 * Field-level protection of `User`, wherever a User reaches a customer (a comment's author on a
 * proposal): another person's e-mail address and teams are internal. Customers otherwise only ever
 * receive `Participant`.
 */
@Resolver(() => User)
export class UserPrivacyResolver {
  constructor(private readonly loaders: UserLoaders) {}

  @ResolveField(() => String, {
    nullable: true,
    description: 'Null when a customer looks at someone else: addresses are never shown to outsiders.',
  })
  email(user: User, _args: unknown, { req }: GraphQLContext): string | null {
    return seesInternals(req.user, user) ? user.email : null;
  }

  @ResolveField(() => [Team], { description: 'Empty when a customer looks at someone else.' })
  async teams(user: User, _args: unknown, { req }: GraphQLContext): Promise<Team[]> {
    if (!seesInternals(req.user, user)) return [];
    if (user.teams) return user.teams;
    const loader = this.loaders.for(req).team;
    const teams = await Promise.all((user.teamIds ?? []).map((id) => loader.load(id)));
    return teams.filter((team): team is Team => !!team).sort((a, b) => a.name.localeCompare(b.name));
  }
}
