import { Injectable } from '@nestjs/common';
import { type Actor, forbidden, notFound } from '@atelier/domain';
import { DataSource } from 'typeorm';
import { isUuid } from '../common/ids';

/**
 * Whose time saved an actor may see, beyond their own: admins everyone, managers the people of the
 * teams they belong to. One answer for the entries list, the ROI report and the exports.
 */
@Injectable()
export class TimeSavedAccess {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The teams whose entries `actor` may read, narrowed to `teamId` when given; null means every
   * entry (an admin without a filter). Asking for a team one may not see is refused.
   */
  async visibleTeams(actor: Actor, teamId?: string | null): Promise<string[] | null> {
    if (teamId && !isUuid(teamId)) throw notFound('team');
    if (actor.role === 'ADMIN') {
      if (!teamId) return null;
      const [team] = await this.dataSource.query<{ id: string }[]>(`select id from teams where id = $1`, [teamId]);
      if (!team) throw notFound('team');
      return [teamId];
    }
    if (actor.role !== 'MANAGER') throw forbidden('Only managers and administrators see the time saved by others.');
    const rows = await this.dataSource.query<{ team_id: string }[]>(
      `select team_id from team_members where user_id = $1`,
      [actor.id],
    );
    const mine = rows.map((row) => row.team_id);
    if (!teamId) return mine;
    if (!mine.includes(teamId)) throw forbidden('Managers see the teams they belong to only.');
    return [teamId];
  }

  /** Whether `userId` belongs to one of `teams` (null: everyone). */
  async isInTeams(userId: string, teams: string[] | null): Promise<boolean> {
    if (teams === null) return true;
    const [row] = await this.dataSource.query<{ found: boolean }[]>(
      `select exists (select 1 from team_members where user_id = $1 and team_id = any($2::uuid[])) as found`,
      [userId, teams],
    );
    return row.found;
  }
}
