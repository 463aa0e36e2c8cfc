import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow } from '../common/allow.decorator';
import { Team } from './team.entity';
import { TeamsService } from './teams.service';

@Resolver(() => Team)
export class TeamsResolver {
  constructor(private readonly teamsService: TeamsService) {}

  @Allow('team.list')
  @Query(() => [Team])
  teams(): Promise<Team[]> {
    return this.teamsService.findAll();
  }

  @Allow('team.create')
  @Mutation(() => Team)
  createTeam(@Args('name') name: string): Promise<Team> {
    return this.teamsService.create(name);
  }
}
