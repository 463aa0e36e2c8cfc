import { Injectable } from '@nestjs/common';
import { notFound } from '@atelier/domain';
import { DataSource } from 'typeorm';
import { isUuid } from '../common/ids';
import { ScopeRef, ScopeRegistry, ScopeType } from './scope-registry';

export interface ResolvedTarget {
  /** `POST`, `BRIEF`, `PROPOSAL`, `OFFER`… or `COMMENT`. */
  type: string;
  id: string;
  authorId: string;
  /** The content the target is or belongs to (a comment's post, brief, proposal…): what a link opens. */
  rootType: string;
  rootId: string;
  /** Who may read it. */
  scope: ScopeRef;
}

interface TargetRow {
  type: string;
  id: string;
  author_id: string;
  root_type: string;
  root_id: string;
  scope_type: ScopeType;
  scope_id: string;
}

/**
 * Finds what a comment, a reaction, a "saved me time" or a notification points at, and checks the
 * viewer may read it: something they may not read is answered as missing, so a guessed id learns
 * nothing. Works for every content kind registered with the ScopeRegistry, and for comments on them
 * (a comment hidden by a moderator: for staff and its author only).
 */
@Injectable()
export class TargetsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scopes: ScopeRegistry,
  ) {}

  async resolve(viewerId: string, targetId: string): Promise<ResolvedTarget> {
    const target = await this.find(viewerId, targetId);
    if (!target) throw notFound('content');
    return target;
  }

  /** The target, or null when it is missing or the viewer may not read it. */
  async find(viewerId: string, targetId: string): Promise<ResolvedTarget | null> {
    return (await this.findMany(viewerId, [targetId])).get(targetId) ?? null;
  }

  /** The targets among `targetIds` that exist and the viewer may read, by id, in one statement. */
  async findMany(viewerId: string, targetIds: readonly string[]): Promise<Map<string, ResolvedTarget>> {
    const ids = targetIds.filter(isUuid);
    if (!ids.length || !isUuid(viewerId) || !this.scopes.contentTypes().length) return new Map();
    // The content SQL appears twice rather than in a CTE: PostgreSQL then pushes `id = any($1)` into
    // each branch (a CTE read twice would be materialised whole).
    const rows = await this.dataSource.query<TargetRow[]>(
      `select t.* from (
         select c.type, c.id, c.author_id, c.type as root_type, c.id as root_id, c.scope_type, c.scope_id
           from (${this.scopes.contentSql('$2')}) c
          where c.id = any($1::uuid[])
         union all
         select 'COMMENT', cm.id, cm.author_id, c.type, c.id, c.scope_type, c.scope_id
           from comments cm
           join (${this.scopes.contentSql('$2')}) c on c.id = cm.target_id and c.type = cm.target_type
          where cm.id = any($1::uuid[]) and cm.deleted_at is null
            and (cm.hidden_at is null or cm.author_id = $2
                 or exists (select 1 from users tu where tu.id = $2 and tu.role <> 'CUSTOMER'))
       ) t
       where ${this.scopes.readableSql('t.scope_type', 't.scope_id', '$2')}`,
      [ids, viewerId],
    );
    return new Map(
      rows.map((row) => [
        row.id,
        {
          type: row.type,
          id: row.id,
          authorId: row.author_id,
          rootType: row.root_type,
          rootId: row.root_id,
          scope: { type: row.scope_type, id: row.scope_id },
        },
      ]),
    );
  }

  async canReadScope(userId: string, scope: ScopeRef): Promise<boolean> {
    if (!isUuid(userId) || !isUuid(scope.id)) return false;
    const [row] = await this.dataSource.query<{ ok: boolean }[]>(
      `select ${this.scopes.readableOfTypeSql(scope.type, '$1::uuid', '$2::uuid')} as ok`,
      [scope.id, userId],
    );
    return row?.ok === true;
  }
}
