import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, VirtualColumn } from 'typeorm';

export const SPACE_KINDS = ['TEAM', 'TOPIC'] as const;
export type SpaceKind = (typeof SPACE_KINDS)[number];
export const SPACE_VISIBILITIES = ['OPEN', 'PRIVATE'] as const;
export type SpaceVisibility = (typeof SPACE_VISIBILITIES)[number];

export const SpaceKindEnum = { TEAM: 'TEAM', TOPIC: 'TOPIC' } as const;
export const SpaceVisibilityEnum = { OPEN: 'OPEN', PRIVATE: 'PRIVATE' } as const;
registerEnumType(SpaceKindEnum, {
  name: 'SpaceKind',
  description: 'TEAM: the space of a team, made with it; TOPIC: made by a person.',
});
registerEnumType(SpaceVisibilityEnum, {
  name: 'SpaceVisibility',
  description: 'OPEN: every staff member reads and posts; PRIVATE: members only.',
});

/**
 * Members of a space: the people who joined or were added, plus, for a team space, the team's
 * members (derived from team_members, never copied, so a team change is reflected at once).
 */
export const memberCountSql = (alias: string): string =>
  `select count(*) from (select sm.user_id from space_members sm where sm.space_id = ${alias}.id
     union select tm.user_id from team_members tm where tm.team_id = ${alias}.team_id) m`;

@ObjectType()
@Entity({ name: 'spaces' })
export class Space {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field()
  @Column()
  name: string;

  @Field()
  @Column({ type: 'text' })
  description: string;

  @Field(() => SpaceKindEnum)
  @Column({ type: 'varchar' })
  kind: SpaceKind;

  @Field(() => SpaceVisibilityEnum)
  @Column({ type: 'varchar' })
  visibility: SpaceVisibility;

  @Field(() => ID, { nullable: true, description: 'The team of a TEAM space.' })
  @Column({ name: 'team_id', type: 'uuid', nullable: true })
  teamId: string | null;

  @Column({ name: 'owner_id', type: 'uuid', nullable: true })
  ownerId: string | null;

  @Field(() => Int)
  @VirtualColumn({ type: 'int', query: memberCountSql })
  memberCount: number;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
