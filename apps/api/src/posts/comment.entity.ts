import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** What a comment or a reaction can be about. Comments are on posts today; later briefs, threads... */
export const COMMENT_TARGET_TYPES = ['POST'] as const;
export type CommentTargetType = (typeof COMMENT_TARGET_TYPES)[number];

@ObjectType({ description: 'A comment on a target (a post today); replies go one level deep.' })
@Entity({ name: 'comments' })
export class Comment {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'target_type', type: 'varchar' })
  targetType: CommentTargetType;

  @Field(() => ID)
  @Column({ name: 'target_id', type: 'uuid' })
  targetId: string;

  @Field(() => ID, { nullable: true, description: 'The comment this one replies to.' })
  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId: string | null;

  @Column({ name: 'author_id', type: 'uuid' })
  authorId: string;

  @Field({ description: 'The Markdown source (empty once deleted).' })
  @Column({ type: 'text' })
  body: string;

  @Field({ description: 'Rendered and sanitised HTML.' })
  @Column({ name: 'body_html', type: 'text' })
  bodyHtml: string;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'edited_at', type: 'timestamptz', nullable: true })
  editedAt: Date | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt: Date | null;

  /** Filled when comments are listed as a tree. */
  replies?: Comment[];
}
