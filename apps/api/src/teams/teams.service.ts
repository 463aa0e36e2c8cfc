import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { conflict, validateTeamName } from '@atelier/domain';
import { DataSource, Repository } from 'typeorm';
import { LiveEventsService } from '../live/live-events.service';
import { createTeamSpace } from '../spaces/team-space';
import { Team } from './team.entity';

@Injectable()
export class TeamsService {
  constructor(
    @InjectRepository(Team) private readonly teams: Repository<Team>,
    private readonly dataSource: DataSource,
    private readonly live: LiveEventsService,
  ) {}

  findAll(): Promise<Team[]> {
    return this.teams.find({ order: { name: 'ASC' } });
  }

  async create(rawName: string): Promise<Team> {
    const name = validateTeamName(rawName);
    const existing = await this.teams
      .createQueryBuilder('team')
      .where('lower(team.name) = lower(:name)', { name })
      .getOne();
    if (existing) throw conflict('teamNameTaken', `A team is already called "${existing.name}".`, 'name');
    // The team and its space are made together, or neither is.
    const { id, spaceId } = await this.dataSource.transaction(async (manager) => {
      const team = await manager.save(manager.create(Team, { name }));
      return { id: team.id, spaceId: await createTeamSpace(manager, team) };
    });
    this.live.spaceOpened(spaceId);
    return this.teams.findOneOrFail({ where: { id } });
  }
}
