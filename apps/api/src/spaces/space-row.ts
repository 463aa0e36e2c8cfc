import { Space } from './space.entity';

/** A space as plain SQL selects it (hot reads that skip TypeORM: the feed's page, search results). */
export interface SpaceRow {
  id: string;
  name: string;
  description: string;
  kind: Space['kind'];
  visibility: Space['visibility'];
  team_id: string | null;
  owner_id: string | null;
  created_at: Date | string;
  /** Null or absent when not read: the field resolver then counts through the space loader. */
  member_count?: number | null;
}

export const SPACE_COLUMNS_SQL = (alias: string) =>
  ['id', 'name', 'description', 'kind', 'visibility', 'team_id', 'owner_id', 'created_at']
    .map((column) => `${alias}.${column}`)
    .join(', ');

export const spaceFromRow = (row: SpaceRow): Space =>
  Object.assign(new Space(), {
    id: row.id,
    name: row.name,
    description: row.description,
    kind: row.kind,
    visibility: row.visibility,
    teamId: row.team_id,
    ownerId: row.owner_id,
    ...(row.member_count == null ? {} : { memberCount: row.member_count }),
    createdAt: new Date(row.created_at),
  });
