import { ResolveField, Resolver } from '@nestjs/graphql';
import { notFound } from '@atelier/domain';
import type { GraphQLContext } from '../common/current-user.decorator';
import { User } from '../users/user.entity';
import { UserLoaders } from '../users/user-loaders';
import { BriefTransitionRow, BriefVersion } from './brief.entity';

@Resolver(() => BriefTransitionRow)
export class BriefTransitionsResolver {
  constructor(private readonly users: UserLoaders) {}

  @ResolveField(() => User)
  async actor(row: BriefTransitionRow, _args: unknown, { req }: GraphQLContext): Promise<User> {
    const user = await this.users.for(req).user.load(row.actorId);
    if (!user) throw notFound('user');
    return user;
  }
}

@Resolver(() => BriefVersion)
export class BriefVersionsResolver {
  constructor(private readonly users: UserLoaders) {}

  @ResolveField(() => User)
  async createdBy(row: BriefVersion, _args: unknown, { req }: GraphQLContext): Promise<User> {
    const user = await this.users.for(req).user.load(row.createdById);
    if (!user) throw notFound('user');
    return user;
  }

  @ResolveField(() => String, { description: 'The frozen brief and KPIs, as JSON.' })
  snapshotJson(row: BriefVersion): string {
    return JSON.stringify(row.snapshot);
  }
}
