import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@ObjectType()
@Entity({ name: 'posts' })
export class Post {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'space_id', type: 'uuid' })
  spaceId: string;

  @Column({ name: 'author_id', type: 'uuid' })
  authorId: string;

  @Field({ description: 'The Markdown source, as written (empty once deleted).' })
  @Column({ type: 'text' })
  body: string;

  @Field({ description: 'The body rendered to HTML on the server and sanitised: safe to insert as is.' })
  @Column({ name: 'body_html', type: 'text' })
  bodyHtml: string;

  @Field()
  @Column()
  pinned: boolean;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'edited_at', type: 'timestamptz', nullable: true })
  editedAt: Date | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt: Date | null;
}

@ObjectType({ description: 'A former version of a post, kept when its author edits it.' })
@Entity({ name: 'post_revisions' })
export class PostRevision {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'post_id', type: 'uuid' })
  postId: string;

  @Field()
  @Column({ type: 'text' })
  body: string;

  @Field()
  @Column({ name: 'body_html', type: 'text' })
  bodyHtml: string;

  @Field({ description: 'When this version was written (the post creation or a former edit).' })
  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** What a deleted post shows: the row stays (soft delete), its text does not. */
export function redacted<T extends { deletedAt: Date | null; body: string; bodyHtml: string }>(item: T): T {
  return item.deletedAt ? { ...item, body: '', bodyHtml: '' } : item;
}
