import { Injectable } from '@nestjs/common';

/**
 * A scope is what decides who reads a piece of content: a space for posts, a brief for itself and
 * its discussion, a co-creation thread for its proposals and offers. Comments, reactions, mentions,
 * notifications, live rooms, search and attachments ask the scope, so each works for every kind of
 * content without knowing it.
 */
export const SCOPE_TYPES = ['SPACE', 'BRIEF', 'THREAD'] as const;
export type ScopeType = (typeof SCOPE_TYPES)[number];

export interface ScopeRef {
  type: ScopeType;
  id: string;
}

export interface ScopeDefinition {
  type: ScopeType;
  /**
   * SQL selecting one column, the ids of every scope of this type the user may read now. `userExpr`
   * is an SQL expression for the user's id (`$2`, `n.recipient_id`, `u.id`): use it, never a
   * literal. The statement must itself refuse deactivated users, and customers where they have no
   * business (a space is staff-only). Used in semi-joins (`scope_id in (…)`), so keep it indexable.
   */
  readableIdsSql(userExpr: string): string;
}

/** Something people comment on, react to and are notified about (a post, a brief, a proposal, an offer). */
export interface ContentDefinition {
  /** Upper case, unique: `POST`, `BRIEF`, `PROPOSAL`, `OFFER`. `COMMENT` is built in. */
  type: string;
  scopeType: ScopeType;
  /**
   * SQL selecting the live (not deleted) rows of this content with exactly these columns:
   * `id` (uuid), `author_id` (uuid, who is told of comments and reactions), `scope_id` (uuid), `html`
   * (text the notifications quote, sanitised HTML or plain text). Filtering on `id` must be cheap.
   */
  sourceSql: string;
  /**
   * Optional SQL condition on a row `c` of sourceSql for the user `userExpr`, on top of reading the
   * scope (a hidden proposal: staff and its author only).
   */
  visibleToSql?(rowAlias: string, userExpr: string): string;
}

export const scopeRoom = (scope: ScopeRef): string => `${scope.type.toLowerCase()}:${scope.id}`;

/**
 * The scopes and content kinds the modules register, from their `onModuleInit`:
 *
 *   onModuleInit() {
 *     this.scopes.registerScope({ type: 'BRIEF', readableIdsSql: (user) => `select b.id from briefs b where …` });
 *     this.scopes.registerContent({ type: 'BRIEF', scopeType: 'BRIEF', sourceSql: `select id, owner_id as author_id, id as scope_id, … from briefs` });
 *   }
 *
 * SQL built from it is assembled at call time, so registration order does not matter.
 */
@Injectable()
export class ScopeRegistry {
  private readonly scopes = new Map<ScopeType, ScopeDefinition>();
  private readonly contents = new Map<string, ContentDefinition>();

  registerScope(definition: ScopeDefinition): void {
    if (this.scopes.has(definition.type)) throw new Error(`scope ${definition.type} is already registered`);
    this.scopes.set(definition.type, definition);
  }

  registerContent(definition: ContentDefinition): void {
    if (definition.type === 'COMMENT' || this.contents.has(definition.type)) {
      throw new Error(`content ${definition.type} is already registered`);
    }
    this.contents.set(definition.type, definition);
  }

  scopeTypes(): ScopeType[] {
    return [...this.scopes.keys()];
  }

  contentTypes(): string[] {
    return [...this.contents.keys()];
  }

  content(type: string): ContentDefinition | undefined {
    return this.contents.get(type);
  }

  /**
   * SQL condition "the user `userExpr` may read the scope (`typeExpr`, `idExpr`)": one semi-join per
   * registered scope type. An unregistered type is unreadable.
   */
  readableSql(typeExpr: string, idExpr: string, userExpr: string): string {
    const branches = [...this.scopes.values()].map(
      (scope) => `(${typeExpr} = '${scope.type}' and ${idExpr} in (${scope.readableIdsSql(userExpr)}))`,
    );
    return branches.length ? `(${branches.join(' or ')})` : 'false';
  }

  /**
   * SQL selecting (`scope_type`, `scope_id`) of every scope the user `userExpr` may read, by the same
   * rule as readableSql: for a statement that reads it once (a materialized CTE) and probes it often.
   */
  readableScopesSql(userExpr: string): string {
    const parts = [...this.scopes.values()].map(
      (scope) =>
        `select '${scope.type}'::varchar as scope_type, r.id as scope_id from (${scope.readableIdsSql(userExpr)}) r(id)`,
    );
    return parts.length
      ? parts.join(' union all ')
      : 'select null::varchar as scope_type, null::uuid as scope_id where false';
  }

  /** SQL condition "the user `userExpr` may read the scope of that type whose id is `idExpr`". */
  readableOfTypeSql(type: ScopeType, idExpr: string, userExpr: string): string {
    const scope = this.scopes.get(type);
    return scope ? `(${idExpr} in (${scope.readableIdsSql(userExpr)}))` : 'false';
  }

  /**
   * SQL selecting the live content of every registered kind: `type`, `id`, `author_id`, `scope_type`,
   * `scope_id`, `html`, and `visible_to_sql` applied for `userExpr` when given.
   */
  contentSql(userExpr?: string): string {
    const parts = [...this.contents.values()].map((content) => {
      const extra = userExpr && content.visibleToSql ? ` where ${content.visibleToSql('c', userExpr)}` : '';
      return `select '${content.type}'::varchar as type, c.id, c.author_id, '${content.scopeType}'::varchar as scope_type,
                     c.scope_id, c.html
                from (${content.sourceSql}) c${extra}`;
    });
    return parts.join(' union all ');
  }
}
