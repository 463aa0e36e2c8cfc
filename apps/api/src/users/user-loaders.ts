import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import type { Request } from 'express';
import type { Locale, Role } from '@atelier/domain';
import { DataSource, In } from 'typeorm';
import { requestScoped } from '../common/request-loaders';
import { Team } from '../teams/team.entity';
import { User } from './user.entity';

export interface UserLoaderSet {
  user: DataLoader<string, User | undefined>;
  /** Teams by id, for the `teams` field of the users read here (they carry team ids only). */
  team: DataLoader<string, Team | undefined>;
}

/**
 * The columns of a user as every read needs them (never the password hash), team ids included, for
 * `u` joined however the caller likes. Plain SQL: TypeORM building and hydrating the teams relation
 * cost more CPU than the rest of a feed page (bench:feed).
 */
export const USER_COLUMNS_SQL = `u.id, u.email, u.display_name, u.role, u.locale, u.active, u.created_at, u.updated_at,
  array(select tm.team_id::text from team_members tm where tm.user_id = u.id order by tm.team_id) as team_ids`;

export interface UserRow {
  id: string;
  email: string;
  display_name: string;
  role: Role;
  locale: Locale;
  active: boolean;
  created_at: Date;
  updated_at: Date;
  team_ids: string[];
}

/** A `User` as the resolvers expect it, teams left for the `teams` field to load by id. */
export function userFromRow(row: UserRow): User {
  return Object.assign(new User(), {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    role: row.role,
    locale: row.locale,
    active: row.active,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    teamIds: row.team_ids,
  });
}

/** Authors, actors, participants, owners: one query per request for however many are shown. */
@Injectable()
export class UserLoaders {
  constructor(private readonly dataSource: DataSource) {}

  for(req: Request): UserLoaderSet {
    return requestScoped(req, 'users', () => ({
      user: new DataLoader<string, User | undefined>(async (ids) => {
        const rows = await this.dataSource.query<UserRow[]>(
          `select ${USER_COLUMNS_SQL} from users u where u.id = any($1::uuid[])`,
          [ids],
        );
        const byId = new Map(rows.map((row) => [row.id, userFromRow(row)]));
        return ids.map((id) => byId.get(id));
      }),
      team: new DataLoader<string, Team | undefined>(async (ids) => {
        const teams = await this.dataSource.manager.find(Team, { where: { id: In([...ids]) } });
        const byId = new Map(teams.map((team) => [team.id, team]));
        return ids.map((id) => byId.get(id));
      }),
    }));
  }
}
