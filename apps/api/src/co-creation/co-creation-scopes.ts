import { Injectable, OnModuleInit } from '@nestjs/common';
import { AttachmentAccessRegistry } from '../attachments/attachment-access';
import { ScopeRegistry } from '../scopes/scope-registry';
import { TargetsService } from '../scopes/targets.service';

/**
 * SQL: is `userExpr` an active staff member? Aliases inside these fragments are unusual on purpose:
 * `userExpr` may name a column of the caller's query (`u.id`), which a local `u` would shadow.
 */
export const staffSql = (userExpr: string): string =>
  `exists (select 1 from users ccsu where ccsu.id = ${userExpr} and ccsu.active and ccsu.role <> 'CUSTOMER')`;

/**
 * Who reads a thread: every active staff member; a customer through an accepted invitation that was
 * not revoked, once the thread is out of DRAFT. Everything customers may see (proposals, offers,
 * comments, reactions, notifications, live rooms, attachment files) is decided here.
 */
export const threadReadableIdsSql = (userExpr: string): string => `
  select cct.id from co_creation_threads cct where ${staffSql(userExpr)}
  union all
  select cci.thread_id
    from thread_invitations cci
    join co_creation_threads ccit on ccit.id = cci.thread_id and ccit.status <> 'DRAFT'
    join users ccu on ccu.id = cci.accepted_by and ccu.active
   where cci.accepted_by = ${userExpr} and cci.revoked_at is null`;

/** Registers the THREAD scope, the PROPOSAL and OFFER content kinds and who reads proposal images. */
@Injectable()
export class CoCreationScopes implements OnModuleInit {
  constructor(
    private readonly scopes: ScopeRegistry,
    private readonly targets: TargetsService,
    private readonly attachments: AttachmentAccessRegistry,
  ) {}

  onModuleInit(): void {
    this.scopes.registerScope({ type: 'THREAD', readableIdsSql: threadReadableIdsSql });
    this.scopes.registerContent({
      type: 'PROPOSAL',
      scopeType: 'THREAD',
      sourceSql: `select p.id, p.author_id, p.thread_id as scope_id, p.description_html as html from proposals p`,
      // A hidden proposal: its author (who reads the reason) and staff only.
      visibleToSql: (row, user) =>
        `(not exists (select 1 from proposals cchp where cchp.id = ${row}.id and cchp.status = 'HIDDEN')
          or ${row}.author_id = ${user} or ${staffSql(user)})`,
    });
    this.scopes.registerContent({
      type: 'OFFER',
      scopeType: 'THREAD',
      sourceSql: `select o.id, o.created_by as author_id, o.thread_id as scope_id, o.description_html as html from offers o`,
      // Customers see published offers only; drafts, approvals and withdrawn ones are internal.
      visibleToSql: (row, user) =>
        `(exists (select 1 from offers ccpo where ccpo.id = ${row}.id and ccpo.status = 'PUBLISHED') or ${staffSql(user)})`,
    });
    this.attachments.register('PROPOSAL', {
      canRead: async (viewer, _type, id) => (await this.targets.find(viewer.id, id)) !== null,
    });
  }
}
