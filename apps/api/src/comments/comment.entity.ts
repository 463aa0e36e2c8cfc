import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity } from 'typeorm';
import { WrittenContent } from '../markdown/written-content';

@ObjectType({
  description: 'A comment on a piece of content (a post, a brief, a proposal, an offer); replies go one level deep.',
})
@Entity({ name: 'comments' })
export class Comment extends WrittenContent {
  /** The kind of content, as registered with the ScopeRegistry (`POST`, `BRIEF`…). */
  @Column({ name: 'target_type', type: 'varchar' })
  targetType: string;

  @Field(() => ID)
  @Column({ name: 'target_id', type: 'uuid' })
  targetId: string;

  @Field(() => ID, { nullable: true, description: 'The comment this one replies to.' })
  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId: string | null;

  /** Hidden by a moderator: seen only by staff and the author (see CommentsService.hide). */
  @Column({ name: 'hidden_at', type: 'timestamptz', nullable: true })
  hiddenAt: Date | null;

  @Column({ name: 'hidden_reason', type: 'text', nullable: true })
  hiddenReason: string | null;

  @Column({ name: 'hidden_by', type: 'uuid', nullable: true })
  hiddenById: string | null;

  /** Filled when comments are listed as a tree. */
  replies?: Comment[];
}
