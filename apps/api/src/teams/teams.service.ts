import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { conflict, validateTeamName } from '@atelier/domain';
import { Repository } from 'typeorm';
import { Team } from './team.entity';

@Injectable()
export class TeamsService {
  constructor(@InjectRepository(Team) private readonly teams: Repository<Team>) {}

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
    const { id } = await this.teams.save(this.teams.create({ name }));
    return this.teams.findOneOrFail({ where: { id } });
  }
}
