import { Injectable } from '@nestjs/common';
import { notFound } from '@atelier/domain';
import { DataSource } from 'typeorm';
import { isUuid } from '../common/ids';
import { canReadSql } from '../spaces/space-member.entity';

export interface ResolvedTarget {
  type: 'POST' | 'COMMENT';
  id: string;
  /** The post the target is or belongs to. */
  postId: string;
  spaceId: string;
}

/**
 * Finds what a comment or a reaction points at, and checks the viewer may read it: a target in a
 * private space they are not in is answered as missing. New target kinds (briefs, threads) add a
 * branch here.
 */
@Injectable()
export class TargetsService {
  constructor(private readonly dataSource: DataSource) {}

  async resolve(viewerId: string, targetId: string): Promise<ResolvedTarget> {
    if (!isUuid(targetId)) throw notFound('post or comment');
    const [row] = await this.dataSource.query<{ type: 'POST' | 'COMMENT'; post_id: string; space_id: string }[]>(
      `select t.type, p.id as post_id, p.space_id
         from (select 'POST' as type, id as post_id from posts where id = $1 and deleted_at is null
               union all
               select 'COMMENT', c.target_id from comments c
                where c.id = $1 and c.deleted_at is null and c.target_type = 'POST') t
         join posts p on p.id = t.post_id and p.deleted_at is null
         join spaces s on s.id = p.space_id
        where ${canReadSql('s', 'viewer').replace(/:viewer/g, '$2')}`,
      [targetId, viewerId],
    );
    if (!row) throw notFound('post or comment');
    return { type: row.type, id: targetId, postId: row.post_id, spaceId: row.space_id };
  }
}
