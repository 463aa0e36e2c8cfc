import { Injectable } from '@nestjs/common';
import { Actor, badInput } from '@atelier/domain';
import { DataSource } from 'typeorm';
import { LiveEventsService } from '../live/live-events.service';
import { NotificationsService } from '../notifications/notifications.service';
import { REACTION_KINDS, Reaction, ReactionKind, ReactionSummary, summarise } from './reaction.entity';
import { TargetsService } from '../scopes/targets.service';

@Injectable()
export class ReactionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly targets: TargetsService,
    private readonly live: LiveEventsService,
    private readonly notifications: NotificationsService,
  ) {}

  /**
   * Adds the viewer's reaction of that kind, or takes it back if it was there. With `active`, sets it
   * instead (true: present, false: absent), which a client may safely send again after a lost answer.
   */
  async toggle(actor: Actor, targetId: string, kind: ReactionKind, active?: boolean | null): Promise<ReactionSummary> {
    if (!(REACTION_KINDS as readonly string[]).includes(kind)) {
      throw badInput('invalidReaction', `The reaction must be one of: ${REACTION_KINDS.join(', ')}.`, 'kind');
    }
    const target = await this.targets.resolve(actor.id, targetId);
    const changed = await this.dataSource.transaction(async (manager) => {
      const key = { targetType: target.type, targetId: target.id, userId: actor.id, kind };
      if (active !== true) {
        const { affected } = await manager.delete(Reaction, key);
        if (affected || active === false) return affected ? 'removed' : null;
      }
      const { raw } = await manager
        .createQueryBuilder()
        .insert()
        .into(Reaction)
        .values(key)
        .orIgnore()
        .returning(['kind'])
        .execute();
      return (raw as unknown[]).length ? 'added' : null;
    });
    if (!changed) return (await this.summariesOf([target.id], actor.id)).get(target.id)!;
    const added = changed === 'added';
    this.live.toScope(target.scope, 'reaction.changed', {
      targetId: target.id,
      targetType: target.type,
      rootType: target.rootType,
      rootId: target.rootId,
      scopeType: target.scope.type,
      scopeId: target.scope.id,
      ...(target.rootType === 'POST' ? { postId: target.rootId, spaceId: target.scope.id } : {}),
    });
    await this.notifications.reactionToggled(actor, target, added);
    return (await this.summariesOf([target.id], actor.id)).get(target.id)!;
  }

  /** The summary of each target for that viewer: one query for any number of targets. */
  async summariesOf(targetIds: readonly string[], viewerId: string): Promise<Map<string, ReactionSummary>> {
    const rows = targetIds.length
      ? await this.dataSource.query<{ target_id: string; kind: string; count: number; viewer: boolean }[]>(
          `select target_id, kind, count(*)::int as count, bool_or(user_id = $2) as viewer
             from reactions where target_id = any($1::uuid[])
            group by target_id, kind`,
          [targetIds, viewerId],
        )
      : [];
    return new Map(
      targetIds.map((id) => [
        id,
        summarise(
          id,
          rows.filter((row) => row.target_id === id),
        ),
      ]),
    );
  }
}
