import { CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'space_members' })
export class SpaceMember {
  @PrimaryColumn({ name: 'space_id', type: 'uuid' })
  spaceId: string;

  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @CreateDateColumn({ name: 'joined_at', type: 'timestamptz' })
  joinedAt: Date;
}

/** The SQL condition "the user :viewerId is a member of the space `alias`" (joined, added, or in its team). */
export const isMemberSql = (alias: string, param = 'viewerId'): string =>
  `(exists (select 1 from space_members sm where sm.space_id = ${alias}.id and sm.user_id = :${param})
    or exists (select 1 from team_members tm where tm.team_id = ${alias}.team_id and tm.user_id = :${param}))`;

/** The SQL condition "the user :viewerId may read the space `alias`". */
export const canReadSql = (alias: string, param = 'viewerId'): string =>
  `(${alias}.visibility = 'OPEN' or ${isMemberSql(alias, param)})`;
