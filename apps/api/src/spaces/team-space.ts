import { EntityManager } from 'typeorm';
import { Space } from './space.entity';

/**
 * The hook TeamsService calls, inside its transaction, when a team is created: every team gets
 * its space. Team spaces are OPEN (the department reads what teams share); the team's members are
 * its members through team_members, so there is nothing to copy now or later.
 */
export async function createTeamSpace(manager: EntityManager, team: { id: string; name: string }): Promise<string> {
  const { identifiers } = await manager.insert(Space, {
    name: team.name,
    description: '',
    kind: 'TEAM',
    visibility: 'OPEN',
    teamId: team.id,
    ownerId: null,
  });
  return identifiers[0].id as string;
}
