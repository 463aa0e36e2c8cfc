import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export const REACTION_KINDS = ['LIKE', 'CELEBRATE', 'INSIGHTFUL', 'SUPPORT'] as const;
export type ReactionKind = (typeof REACTION_KINDS)[number];
export const ReactionKindEnum = Object.fromEntries(REACTION_KINDS.map((kind) => [kind, kind])) as {
  [K in ReactionKind]: K;
};
registerEnumType(ReactionKindEnum, { name: 'ReactionKind' });

@Entity({ name: 'reactions' })
export class Reaction {
  /** `COMMENT` or a content kind registered with the ScopeRegistry. */
  @PrimaryColumn({ name: 'target_type', type: 'varchar' })
  targetType: string;

  @PrimaryColumn({ name: 'target_id', type: 'uuid' })
  targetId: string;

  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @PrimaryColumn({ type: 'varchar' })
  kind: ReactionKind;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

@ObjectType()
export class ReactionCount {
  @Field(() => ReactionKindEnum)
  kind: ReactionKind;

  @Field(() => Int)
  count: number;

  @Field()
  viewerReacted: boolean;
}

@ObjectType({ description: 'Reactions to one target: every kind, in a fixed order, with its count.' })
export class ReactionSummary {
  @Field(() => ID)
  targetId: string;

  @Field(() => Int)
  total: number;

  @Field(() => [ReactionCount])
  kinds: ReactionCount[];
}

export function summarise(targetId: string, rows: { kind: string; count: number; viewer: boolean }[]): ReactionSummary {
  const kinds = REACTION_KINDS.map((kind) => {
    const row = rows.find((r) => r.kind === kind);
    return { kind, count: row?.count ?? 0, viewerReacted: row?.viewer ?? false };
  });
  return { targetId, total: kinds.reduce((sum, k) => sum + k.count, 0), kinds };
}
